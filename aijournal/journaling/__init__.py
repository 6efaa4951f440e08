"""Journaling use cases: logging entries, settings, how entries read, sample data."""
