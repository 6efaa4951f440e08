"""Fixtures for the sources' tests: the labelled sessions' helpers, and a home folder of
this test's own so that no test reads the real ~/.claude or ~/.codex."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # `import labelled`


@pytest.fixture(autouse=True)
def _own_home(own_home):
    return own_home
