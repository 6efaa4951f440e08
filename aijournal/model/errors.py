"""Errors the user sees. Each one reads as a single line that says what to do."""


class JournalError(Exception):
    """Anything the user can act on; the CLI prints it on one line."""

    exit_code = 1


class InvalidInput(JournalError, ValueError):
    """A value the user gave is not allowed; names the field, the value and what is allowed."""

    exit_code = 2

    def __init__(self, field: str, value: object, allowed: str):
        self.field, self.value, self.allowed = field, value, allowed
        shown = repr(value) if isinstance(value, str) else str(value)
        super().__init__(f"{field}: {shown} is not allowed; {allowed}")


class NameTaken(InvalidInput):
    """A person, skill or goal already has this name (names ignore case and spacing)."""

    def __init__(self, field: str, name: str, noun: str):
        super().__init__(field, name, f"{noun} with that name exists already (names ignore case)")


class UnlockError(JournalError):
    """The journal exists but cannot be opened with the key or passphrase at hand."""

    exit_code = 3


class JournalDamaged(UnlockError):
    """The journal file does not open with a key that opens one of its backups."""

    def __init__(self, message: str, backup: object) -> None:
        super().__init__(message)
        self.backup = backup


class Cancelled(JournalError):
    """The user cancelled long work; nothing was written."""


class WrongPassphrase(UnlockError):
    def __init__(self) -> None:
        super().__init__("The passphrase is wrong; the journal stays locked.")


class NoJournal(JournalError):
    def __init__(self, where: object) -> None:
        super().__init__(f"No journal in {where}; create one with `aijournal init`.")


class JournalExists(JournalError):
    def __init__(self, where: object) -> None:
        super().__init__(f"A journal already exists in {where}; nothing was changed.")


class JournalTooNew(JournalError):
    def __init__(self, unknown: list[str]) -> None:
        super().__init__(
            "This journal was written by a newer AI Journal (unknown schema steps: "
            + ", ".join(unknown)
            + "); install the newer version to open it. Nothing was changed."
        )


class SecretStoreUnavailable(JournalError):
    """No OS secret store that can hold the key (missing, locked, failing or plain text)."""
