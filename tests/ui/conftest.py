"""The desktop app's tests use the `clock`, `journal` and `sample_journal` fixtures of
tests/conftest.py: a real encrypted journal and a settable clock."""
