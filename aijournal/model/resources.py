"""The data files in resources/ (instrument wording, the summary schema, icons).

The repository keeps them at its top level; the wheel ships them inside the package as
`aijournal.resources`, so a checkout, an editable install and a normal install read them alike.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

PACKAGE = "aijournal.resources"


def resource(*parts: str) -> Traversable:
    """A file under resources/, e.g. `resource("icons", "aijournal.svg")`."""
    return files(PACKAGE).joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")
