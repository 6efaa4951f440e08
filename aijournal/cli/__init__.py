"""The command line: quick capture and scripting over the same calls the desktop app makes.

Exit codes: 0 success, 2 invalid input (one line naming the field, the value and what is
allowed), 3 the journal cannot be unlocked, 1 anything else the user can act on. Nothing is
written on any failure. Capture commands import neither Qt nor the statistics code."""

from aijournal.cli.root import cli, main

__all__ = ["cli", "main"]
