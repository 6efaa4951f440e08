"""Limits for every file the app reads from someone else: size, nesting, strings, zips, time.

A crafted file must not exhaust memory or time: a few hundred bytes of zipped brackets can
expand to gigabytes, one long string can keep a parser busy for minutes. Every reader goes
through one `Budget`, which refuses with one line (`LimitExceeded`, an `InvalidInput`, so the
CLI exits 2 and nothing is written) as soon as a limit is passed, and reports progress once a
read has taken longer than a second. Qt-free and free of the journal: readers in sources/,
sharing/ and storage/ use it alike.

How a reader uses it::

    budget = Budget(path, limits.IMPORT, progress=callback)   # callback(done, total) -> bool
    with budget.open_file(path) as raw:                        # a regular file, size checked
        if zipfile.is_zipfile(raw):
            archive = zipfile.ZipFile(raw)
            stream = budget.open_member(archive, "conversations.json")  # size, ratio checked
        else:
            stream = raw
        for conversation in budget.items(stream, "item"):      # ijson, depth/strings checked
            ...                                                # budget.tick() in long loops
        budget.finish()                                        # the last progress report

or, for a file that is one JSON document: `data = Budget(path, limits.SUMMARY).load_json(path)`.
Only `open_file` and `open_member` streams count towards the byte limits and progress: wrap
every stream that comes from outside through one of them. `items` raises ijson's own errors
for malformed JSON (ijson.JSONError, or ValueError/UnicodeDecodeError); the caller words those
(`load_json` does it for whole documents).
"""

from __future__ import annotations

import io
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import zipfile  # the readers that open zips import it; capture never does

from aijournal.model.errors import InvalidInput, JournalError

Progress = Callable[[int, int], bool | None]  # (done, total) -> False to cancel

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one read may cost. Sizes in bytes, strings in characters, time in seconds."""

    file_bytes: int = 4096 * MiB  # the file on disk
    read_bytes: int = 8192 * MiB  # everything read, decompressed, over the whole read
    member_bytes: int = 4096 * MiB  # one zip member, decompressed
    ratio: float = 200.0  # decompressed / compressed size of a zip member
    depth: int = 64  # arrays and objects inside each other
    string: int = 4 * MiB  # one JSON string or key
    seconds: float = 600.0  # the whole read
    quiet: float = 1.0  # progress is reported only after this long

    def but(self, **changes: Any) -> Limits:
        """These limits with some changed (tests, or a reader with other needs)."""
        return replace(self, **changes)


# Exports of ChatGPT and Claude histories: real ones reach a few hundred MB zipped.
IMPORT = Limits()
# A complete journal export: 20 years of entries are about 30 MB.
JOURNAL_EXPORT = Limits(file_bytes=512 * MiB, read_bytes=512 * MiB, seconds=300.0)
# A coach summary: a few kB, a few hundred at most.
SUMMARY = Limits(file_bytes=16 * MiB, read_bytes=16 * MiB, string=64 * 1024, seconds=30.0)
# A backup to restore: an SQLite file, checked page by page within the time limit.
BACKUP = Limits(file_bytes=16384 * MiB, seconds=600.0)


class LimitExceeded(InvalidInput):
    """A file passed one of its reader's limits: one line naming the file and the limit."""

    def __init__(self, source: str, why: str):
        self.why = why
        super().__init__("file", source, f"it {why}, more than this reader allows")


class NotJSON(InvalidInput):
    """A file that is not one JSON document; `detail` says what the parser found."""

    def __init__(self, source: str, detail: str):
        self.detail, self.reason = detail, f"not valid JSON: {detail}"
        super().__init__("file", source, f"use a JSON file ({self.reason})")


class Unreadable(InvalidInput):
    """A file that cannot be opened, or is no regular file; `reason` says why."""

    def __init__(self, source: str, reason: str, allowed: str = "use a readable file"):
        self.reason = reason
        super().__init__("file", source, f"{allowed} ({reason})")


class ReadCancelled(JournalError):
    """The user cancelled a read through its progress callback."""

    def __init__(self) -> None:
        super().__init__("Cancelled; nothing was written.")


_STARTS = frozenset(("start_map", "start_array"))
_ENDS = frozenset(("end_map", "end_array"))
_TICK_MASK = 4095  # parser events between two looks at the clock, less one


class Budget:
    """One read's allowance of bytes and time, and its progress reports."""

    def __init__(
        self,
        source: str | Path,
        limits: Limits = IMPORT,
        *,
        progress: Progress | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.source, self.limits, self.progress, self.clock = str(source), limits, progress, clock
        self.started = clock()
        self.read = 0  # bytes through every bounded stream
        self.total = 0  # size of the file on disk, for progress
        self._position: Callable[[], int] = lambda: self.read
        self._reported = 0.0

    def refuse(self, why: str) -> LimitExceeded:
        return LimitExceeded(self.source, why)

    # ---- files and zip members ------------------------------------------------------------

    def open_file(self, path: Path) -> IO[bytes]:
        """Open a regular file within the size limit (never a device, a pipe or a folder)."""
        path = Path(path)
        try:
            handle = path.open("rb")
        except IsADirectoryError:
            raise Unreadable(str(path), "it is a folder", "use a file, not a folder") from None
        except OSError as error:
            raise Unreadable(str(path), error.strerror or type(error).__name__) from None
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            handle.close()
            raise Unreadable(
                str(path), "a device or a pipe, not a regular file", "use a regular file"
            )
        if status.st_size > self.limits.file_bytes:
            handle.close()
            raise self.refuse(f"is {_size(status.st_size)} large")
        self.total = status.st_size
        self._position = handle.tell  # progress follows the file on disk, zipped or not
        return handle  # seekable, as zipfile needs; its size is known and checked

    def open_member(self, archive: zipfile.ZipFile, name: str) -> IO[bytes]:
        """Open one member of a zip, refusing it by its declared and its actual size."""
        member = archive.getinfo(name)
        limits = self.limits
        if member.file_size > limits.member_bytes:
            raise self.refuse(f"unpacks {name} to {_size(member.file_size)}")
        if member.file_size > MiB and member.file_size > limits.ratio * max(
            member.compress_size, 1
        ):
            raise self.refuse(f"packs {name} more than {limits.ratio:g} times smaller")
        stream = archive.open(member)
        # The declared sizes can lie: count what really comes out, against what went in.
        return _Bounded(stream, self, member)  # type: ignore[return-value]

    # ---- JSON ------------------------------------------------------------------------------

    def items(self, stream: IO[bytes], prefix: str = "item") -> Iterator[Any]:
        """The JSON values at `prefix` (ijson's prefixes: "item" is each item of a top-level
        list, "" the whole document), built one at a time within the depth and string limits.

        One pass over ijson's basic events, the hot part inlined: a 92 MB export is millions
        of events. Names are tracked only down to the prefix's depth (ijson's own prefixes
        grow with the depth: on a file of nested brackets they cost minutes before the first
        event)."""
        import ijson

        limit, longest, tick = self.limits.depth, self.limits.string, self.tick
        wanted = prefix.split(".") if prefix else []
        at = len(wanted)
        names: list[str] = []  # per open container down to `at`: its children's name
        depth = count = 0
        root: Any = None
        stack: list[Any] = []  # the containers of the value being built
        keys: list[str | None] = []  # per built container: the key of its next value
        for event, value in ijson.basic_parse(stream, use_float=True):
            count += 1
            if count & _TICK_MASK == 0:
                tick()
            if event == "map_key":
                if len(value) > longest:
                    raise self.refuse(f"holds a name of {len(value):,} characters")
                if stack:
                    keys[-1] = value
                elif depth <= at:
                    names[-1] = value
            elif event in _STARTS:
                depth += 1
                if depth > limit:
                    raise self.refuse(f"nests more than {limit} levels deep")
                if stack or (depth - 1 == at and names == wanted):
                    new: Any = {} if event == "start_map" else []
                    if not stack:
                        root = new
                    elif (key := keys[-1]) is None:
                        stack[-1].append(new)
                    else:
                        stack[-1][key] = new
                    stack.append(new)
                    keys.append(None)
                elif depth <= at:
                    names.append("item" if event == "start_array" else "")
            elif event in _ENDS:
                if stack:
                    stack.pop()
                    keys.pop()
                    if not stack:
                        yield root
                        root = None
                elif depth <= at:
                    names.pop()
                depth -= 1
            else:
                if value.__class__ is str and len(value) > longest:
                    raise self.refuse(f"holds a text of {len(value):,} characters")
                if stack:
                    if (key := keys[-1]) is None:
                        stack[-1].append(value)
                    else:
                        stack[-1][key] = value
                elif depth == at and names == wanted:
                    yield value

    def load_json(self, path: Path) -> Any:
        """One JSON document from a file, within the limits; InvalidInput if it is not JSON."""
        import ijson

        with self.open_file(path) as stream:
            try:
                documents = list(self.items(stream, ""))
            except InvalidInput:
                raise
            except (ijson.JSONError, ValueError, EOFError, OSError) as error:
                first = str(error).strip().split("\n", 1)[0][:80] or type(error).__name__
                raise NotJSON(str(path), first) from None
        self.finish()
        if len(documents) != 1:
            raise NotJSON(str(path), "no JSON document" if not documents else "several documents")
        return documents[0]

    # ---- time and progress -----------------------------------------------------------------

    def tick(self) -> None:
        """Check the clock: refuse past the deadline, report progress past the quiet second."""
        elapsed = self.clock() - self.started
        if elapsed > self.limits.seconds:
            raise self.refuse(f"took longer than {self.limits.seconds:g} seconds to read")
        if self.progress is not None and elapsed >= self.limits.quiet:
            if elapsed - self._reported >= 0.1:  # at most ten reports a second
                self._reported = elapsed
                self._report(min(self._position(), self.total or self.read))

    def finish(self) -> None:
        """The last progress report (only if progress was shown at all)."""
        if self.progress is not None and self._reported:
            self._report(self.total or self.read)

    def _report(self, done: int) -> None:
        assert self.progress is not None
        if self.progress(done, self.total or max(done, 1)) is False:
            raise ReadCancelled()

    def _count(self, size: int) -> None:
        self.read += size
        if self.read > self.limits.read_bytes:
            raise self.refuse(f"unpacks to more than {_size(self.limits.read_bytes)}")


class _Bounded(io.RawIOBase):
    """A zip member's stream that counts what comes out against the budget and the ratio."""

    def __init__(self, inner: IO[bytes], budget: Budget, member: zipfile.ZipInfo):
        super().__init__()
        self.inner, self.budget, self.member = inner, budget, member
        self.done = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.inner.read(min(len(buffer), 1 << 16))
        size = len(data)
        buffer[:size] = data
        self._account(size)
        return size

    def read(self, size: int = -1) -> bytes:
        # ijson and json ask for sizes; -1 (everything) is read in bounded chunks all the same.
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(1 << 16), b""))
        data = self.inner.read(min(size, 1 << 16) if size else 0)
        self._account(len(data))
        return data

    def _account(self, size: int) -> None:
        self.done += size
        budget, limits, name = self.budget, self.budget.limits, self.member.filename
        if self.done > limits.member_bytes:
            raise budget.refuse(f"unpacks {name} to more than {_size(limits.member_bytes)}")
        if self.done > MiB:
            # CPython's ZipExtFile knows how much of the packed member it has used up.
            left = getattr(self.inner, "_compress_left", None)
            used = self.member.compress_size - left if isinstance(left, int) else None
            if used and self.done > limits.ratio * used:
                raise budget.refuse(f"packs {name} more than {limits.ratio:g} times smaller")
        budget._count(size)
        budget.tick()

    def tell(self) -> int:
        return self.done

    def seekable(self) -> bool:
        return False

    def close(self) -> None:
        try:
            self.inner.close()
        finally:
            super().close()


def _size(count: int) -> str:
    if count >= 1024 * MiB:
        return f"{count / (1024 * MiB):.1f} GB"
    if count >= MiB:
        return f"{count / MiB:.0f} MB"
    return f"{count / 1024:.0f} kB"
