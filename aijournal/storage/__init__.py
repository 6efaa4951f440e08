"""The only code that touches SQLite or the OS secret store."""

from aijournal.storage.journal import Journal
from aijournal.storage.paths import DataPaths
from aijournal.storage.secrets import SecretStore

__all__ = ["DataPaths", "Journal", "SecretStore"]
