"""What the sources on this machine share: a format probe, and reading many session files.

A coding agent keeps one file per session. Reading a folder of them skips a file that cannot
be read (counted by reason, shown in the summary) so that one odd file does not stop the rest;
a file named on its own that cannot be read is refused with one line. Files not changed since
`modified_after` (the last time this source was read) are passed over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from aijournal.sources import files
from aijournal.sources.conversations import Conversation, Reading
from aijournal.sources.files import FileRefused, Progress, Tracker, unreadable


@dataclass(frozen=True)
class Probe:
    """What a probe recognised: the source, the format generation and the tool's version."""

    kind: str
    generation: str = ""
    version: str = ""


def check_version(path: Path, tool: str, version: str, reads_up_to: int, allowed: str) -> None:
    """Refuse a file written by a major version newer than this reader knows."""
    found = files.major(version) if version else None
    if found is not None and found > reads_up_to:
        raise unreadable(
            path,
            f"written by {tool} {version}, a version newer than this AI Journal reads "
            f"(up to {reads_up_to}.x); update AI Journal",
            allowed,
        )


ReadOne = Callable[[Path], list[Conversation]]


class Read(Protocol):
    def __call__(
        self,
        path: Path,
        reading: Reading,
        *,
        progress: Progress | None = None,
        modified_after: float | None = None,
    ) -> Iterator[Conversation]: ...


def reader(kind: str, session_files: Callable[[Path], list[Path]], read_one: ReadOne) -> Read:
    """A source's `read`: the sessions in one file, or in the files under a folder that
    `session_files` finds (only those modified after `modified_after`), each `read_one`."""

    def read(
        path: Path,
        reading: Reading,
        *,
        progress: Progress | None = None,
        modified_after: float | None = None,
    ) -> Iterator[Conversation]:
        reading.kind = kind
        return read_files(
            session_files(path),
            read_one,
            reading,
            single=path.is_file(),
            progress=progress,
            modified_after=modified_after,
        )

    return read


def read_files(
    paths: Iterable[Path],
    read_one: ReadOne,
    reading: Reading,
    *,
    single: bool,
    progress: Progress | None = None,
    modified_after: float | None = None,
) -> Iterator[Conversation]:
    """The conversations of each file; a refused file stops a `single` read, else is counted."""
    paths = [p for p in paths if modified_after is None or files.modified(p) > modified_after]
    tracker = Tracker(files.total_size(paths), progress)
    done, found = 0, 0
    first_refusal: FileRefused | None = None
    for path in paths:
        try:
            conversations = read_one(path)
        except FileRefused as refusal:
            if single:
                raise
            first_refusal = first_refusal or refusal
            reading.skipped_files[refusal.why.split(";")[0]] += 1
            conversations = []
        reading.files += 1
        found += len(conversations)
        yield from conversations
        done += files.size_of(path)
        tracker.at(done)
    if not found and first_refusal is not None:
        raise first_refusal  # nothing in the folder could be read: say why, as for one file
    tracker.finish()
