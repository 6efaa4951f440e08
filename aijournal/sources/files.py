"""How the sources open what they read: files, zips, folders, JSON streams and JSON Lines.

Every reader opens its input through these functions, so that what may be read is decided in
one place: the reader limits of `aijournal/model/limits.py` (`LIMITS`, the ones for imports:
a file's size, a zip member's decompressed size and ratio, JSON nesting and string length,
a line's length, a deadline) are applied here and nowhere else. A crafted file is refused with
one line before it can exhaust memory or time.

A file that cannot be read becomes `InvalidInput("file", path, why)`: one line, exit 2.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import ijson

from aijournal.model import limits
from aijournal.model.errors import Cancelled, InvalidInput

Progress = Callable[[int, int], "bool | None"]

# Folders are searched this deep for the files a source reads: enough for an unzipped export
# or ~/.codex/sessions/YYYY/MM/DD, not a walk through a whole home folder.
SEARCH_DEPTH = 5
# What one file read by a source may cost (sizes, nesting, strings, zips, time).
LIMITS = limits.IMPORT
# A file read whole (a session, a manifest) and one line of a JSON Lines file.
WHOLE_FILE_BYTES = 256 * limits.MiB
LINE_BYTES = 64 * limits.MiB
_READ_ERRORS = (OSError, EOFError, zipfile.BadZipFile, zlib.error, RuntimeError)


class ImportCancelled(Cancelled):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was written.")


class FileRefused(InvalidInput):
    """A file a source cannot read; `why` says what is wrong with it, in a few words."""

    def __init__(self, path: Path | str, why: str, allowed: str):
        self.why = why
        super().__init__("file", str(path), f"{allowed} ({why})")


def unreadable(path: Path | str, why: str, allowed: str) -> FileRefused:
    """The one-line error for a file a source cannot read: what is wrong and what would do."""
    return FileRefused(path, why, allowed)


def too_much(path: Path | str, why: str, allowed: str) -> FileRefused:
    """A file past one of the reader limits (`why`: "is 5.0 GB large", …)."""
    return unreadable(path, f"it {why}, more than this reader allows", allowed)


def major(version: str) -> int | None:
    """The major number of a version such as "2.0.61" or "v0.86.1"; None when there is none."""
    found = re.match(r"v?(\d+)\.", version.strip())
    return int(found.group(1)) if found else None


def short(error: BaseException) -> str:
    """The first line of an error's text, at most 80 characters."""
    # yajl adds lines that point at the spot; the first line says what is wrong.
    text = str(error).strip().split("\n", 1)[0].strip() or type(error).__name__
    return text if len(text) <= 80 else text[:77] + "…"


# ---- files and folders -------------------------------------------------------------------


def size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def open_file(path: Path, allowed: str) -> IO[bytes]:
    """`path` opened for reading in binary: a regular file (never a device, a pipe or a
    folder) within the size limit."""
    try:
        return limits.Budget(path, LIMITS).open_file(path)
    except limits.Unreadable as error:
        raise unreadable(path, error.reason, allowed) from None
    except limits.LimitExceeded as error:
        raise too_much(path, error.why, allowed) from None


def find_files(
    root: Path, matches: Callable[[Path], bool], depth: int = SEARCH_DEPTH
) -> list[Path]:
    """Files under `root` (at most `depth` folders down) that `matches` accepts, sorted.

    Hidden folders are not entered unless `root` is one; symbolic links are not followed.
    """
    found: list[Path] = []
    root_depth = len(root.parts)
    for folder, subfolders, names in os.walk(root, followlinks=False):
        here = Path(folder)
        if len(here.parts) - root_depth >= depth:
            subfolders.clear()
        subfolders[:] = sorted(s for s in subfolders if not s.startswith((".", "__MACOSX")))
        found.extend(here / name for name in names if matches(here / name))
    return sorted(found)


def modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


# ---- zips --------------------------------------------------------------------------------


def is_zip(raw: IO[bytes]) -> bool:
    answer = zipfile.is_zipfile(raw)
    raw.seek(0)
    return answer


@contextmanager
def zip_members(
    raw: IO[bytes], path: Path, wanted: Callable[[str], bool], allowed: str
) -> Iterator[tuple[zipfile.ZipFile, list[str]]]:
    """The zip in `raw` and the names of its members that `wanted` accepts (no __MACOSX).

    The members' declared sizes and ratios are checked when each is opened (`open_member`).
    """
    try:
        archive = zipfile.ZipFile(raw)
        names = [n for n in archive.namelist() if not n.startswith("__MACOSX/") and wanted(n)]
    except _READ_ERRORS as error:
        raise unreadable(path, f"the zip cannot be read: {short(error)}", allowed) from None
    with archive:
        yield archive, names


def open_member(archive: zipfile.ZipFile, name: str, path: Path, allowed: str) -> IO[bytes]:
    """One member of a zip, refused by its declared size and ratio, and, as it is read, by
    what really comes out of it."""
    try:
        return limits.Budget(path, LIMITS).open_member(archive, name)
    except limits.LimitExceeded as error:
        raise too_much(path, error.why, allowed) from None
    except _READ_ERRORS as error:
        # RuntimeError: an encrypted member, which the services never send.
        raise unreadable(path, f"the zip cannot be read: {short(error)}", allowed) from None


# ---- JSON as a stream --------------------------------------------------------------------


def json_start(stream: IO[bytes], path: Path, allowed: str) -> tuple[bytes, bytes]:
    """The first bytes of a JSON stream (a BOM dropped) and its first non-blank byte."""
    head = b""
    try:
        while len(head) < 65536:
            chunk = stream.read(4096)
            if not chunk:
                break
            head += chunk
            if head.lstrip(b"\xef\xbb\xbf \t\r\n"):
                break
    except _READ_ERRORS as error:
        raise unreadable(path, f"it cannot be read: {short(error)}", allowed) from None
    head = head.removeprefix(b"\xef\xbb\xbf")
    return head, head.lstrip(b" \t\r\n")[:1]


class Peeked:
    """A stream whose first bytes were already read (to see what it holds), read again first."""

    def __init__(self, stream: IO[bytes], head: bytes):
        self._stream, self._head = stream, head

    def read(self, size: int = -1) -> bytes:
        if self._head and size != 0:  # ijson reads 0 bytes first to learn bytes from text
            head, self._head = self._head, b""
            return head
        return self._stream.read(size)


def json_items(stream: Any, prefix: str, path: Path, allowed: str) -> Iterator[Any]:
    """The items at `prefix` ("item" for a top-level list) of a JSON stream, one at a time.

    Nesting depth, string length and the deadline are checked as the stream is parsed.
    """
    items = limits.Budget(path, LIMITS).items(stream, prefix)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except limits.LimitExceeded as error:  # a string, the nesting, or a zip member's size
            raise too_much(path, error.why, allowed) from None
        except InvalidInput:
            raise
        except (ijson.JSONError, ValueError, RecursionError, *_READ_ERRORS) as error:
            raise unreadable(path, f"not valid JSON: {short(error)}", allowed) from None
        yield item


def top_level_keys(stream: Any, path: Path, allowed: str) -> set[str]:
    """The keys of a JSON object stream's top level (read as a stream, values skipped)."""
    keys: set[str] = set()
    depth = 0
    try:
        for event, value in ijson.basic_parse(stream):
            if event in ("start_map", "start_array"):
                depth += 1
                if depth > LIMITS.depth:
                    raise too_much(path, f"nests more than {LIMITS.depth} levels deep", allowed)
            elif event in ("end_map", "end_array"):
                depth -= 1
            elif depth == 1 and event == "map_key":
                keys.add(value)
    except (ijson.JSONError, ValueError, RecursionError, *_READ_ERRORS) as error:
        raise unreadable(path, f"not valid JSON: {short(error)}", allowed) from None
    return keys


def read_whole(path: Path, allowed: str) -> bytes:
    """A small file (a session, a manifest, a chat history) read whole, within its limit."""
    with open_file(path, allowed) as raw:
        if os.fstat(raw.fileno()).st_size > WHOLE_FILE_BYTES:
            raise too_much(path, f"is larger than {WHOLE_FILE_BYTES // limits.MiB} MB", allowed)
        try:
            return raw.read()
        except OSError as error:
            raise unreadable(path, f"it cannot be read: {short(error)}", allowed) from None


def read_json(path: Path, allowed: str) -> Any:
    """A small JSON file (a session, a manifest) read whole."""
    data = read_whole(path, allowed)
    try:
        return json.loads(data.removeprefix(b"\xef\xbb\xbf"))
    except (ValueError, RecursionError) as error:
        why = "the file is empty" if not data.strip() else f"not valid JSON: {short(error)}"
        raise unreadable(path, why, allowed) from None


# ---- JSON Lines, read up to the last complete line ---------------------------------------


def json_lines(raw: IO[bytes], path: Path, allowed: str) -> Iterator[tuple[int, Any]]:
    """(line number, value) for each line of a JSON Lines file; blank lines are passed over.

    A tool that is still running appends to its file while it is read, so a last line without
    its newline that does not parse is a line being written: reading stops before it. Any
    other line that is not JSON makes the file unreadable. A line longer than `LINE_BYTES` is
    refused before it is held whole.
    """
    number = 0
    while line := raw.readline(LINE_BYTES + 1):
        number += 1
        if len(line) > LINE_BYTES:
            why = f"has a line {number} longer than {LINE_BYTES // limits.MiB} MB"
            raise too_much(path, why, allowed)
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except (ValueError, RecursionError) as error:
            if not line.endswith(b"\n"):
                return  # the line being written
            raise unreadable(path, f"line {number} is not JSON: {short(error)}", allowed) from None


# ---- progress ------------------------------------------------------------------------------


class Tracker:
    """Reports progress (bytes done of a total) at most ~200 times; raises ImportCancelled."""

    def __init__(self, total: int, progress: Progress | None):
        self.total, self.progress = max(total, 0), progress
        self.step = max(self.total // 200, 1)
        self.last = 0

    def at(self, done: int) -> None:
        if self.progress is None or done - self.last < self.step:
            return
        self.last = done
        if self.progress(min(done, self.total), self.total) is False:
            raise ImportCancelled

    def finish(self) -> None:
        if self.progress is not None and self.progress(self.total, self.total) is False:
            raise ImportCancelled


def numbered(pattern: str) -> Callable[[str], tuple[int, str]]:
    """A sort key for names with a number in them (`conversations-002.json` before -010)."""
    expression = re.compile(pattern)

    def key(name: str) -> tuple[int, str]:
        found = expression.search(name)
        return (int(found.group(1)) if found else -1, name)

    return key


def total_size(paths: Iterable[Path]) -> int:
    return sum(size_of(p) for p in paths)
