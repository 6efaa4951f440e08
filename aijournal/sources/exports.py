"""Reading data exports: a JSON list of conversations, in a file, a zip or an unzipped folder.

ChatGPT sends a zip holding `conversations.json` (2023–2025) or, since 2026, shards named
`conversations-000.json`, `conversations-001.json`, …; Claude sends `data-…-batch-NNNN.zip`
with `conversations.json`, `projects.json` (project names are used) and `users.json` (never
read). Open WebUI exports a JSON list of its chats. Third-party exporters wrap the list as
`{"conversations": [...]}`. Any of these can be given as the zip, the folder it unzips to, or
the JSON file itself, at any folder depth.

The files can be hundreds of megabytes, so each is read as a stream (ijson), one conversation
at a time. Which service a file comes from is seen in its first conversations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from aijournal.model.errors import InvalidInput
from aijournal.sources import chatgpt, claude, files, open_webui
from aijournal.sources.conversations import TOOLS, Conversation, Reading, Unreadable
from aijournal.sources.files import Progress, Tracker, unreadable

KINDS: tuple[str, ...] = ("chatgpt", "claude", "open-webui")
ALLOWED = {
    "chatgpt": "use a ChatGPT data export: the .zip you downloaded, its folder, or the "
    "conversations.json (or conversations-000.json …) in it",
    "claude": "use a Claude data export: the data-…-batch-NNNN.zip you downloaded, its "
    "folder, or the conversations.json in it",
    "open-webui": "use an Open WebUI chat export (the .json from Settings → Chats → Export) "
    "or a copy of its webui.db",
}
ANY_EXPORT = (
    "use a ChatGPT or Claude data export (the .zip, its folder or its conversations.json) "
    "or an Open WebUI chat export"
)
_DETECT_WITHIN = 10  # how many leading items may lack the keys that tell the formats apart
_CONVERSATIONS = re.compile(r"^conversations(?:-(\d+))?\.json$")
_PROJECTS = "projects.json"

Converter = Callable[[dict[str, Any], dict[str, str]], Conversation]
CONVERTERS: dict[str, Converter] = {
    "chatgpt": chatgpt.conversation,
    "claude": claude.conversation,
    "open-webui": open_webui.conversation,
}


def detect_kind(item: Any) -> str | None:
    """ "chatgpt", "claude" or "open-webui" from a conversation's keys; None when none fits."""
    if chatgpt.looks_like(item):
        return "chatgpt"
    if claude.looks_like(item):
        return "claude"
    if open_webui.looks_like(item):
        return "open-webui"
    return None


# ---- where the conversations are -----------------------------------------------------------


def _is_conversations(name: str) -> bool:
    return _CONVERSATIONS.match(PurePosixPath(name).name) is not None


def _chosen(names: Iterable[str]) -> list[str]:
    """The export's conversation files: the shallowest folder's conversations.json, or else
    its shards in order (conversations-000.json, -001, …)."""
    names = [n for n in names if _is_conversations(n)]
    if not names:
        return []
    depth = min(n.count("/") for n in names)
    top = [n for n in names if n.count("/") == depth]
    folder = min(str(PurePosixPath(n).parent) for n in top)
    here = [n for n in top if str(PurePosixPath(n).parent) == folder]
    whole = [n for n in here if PurePosixPath(n).name == "conversations.json"]
    return whole or sorted(here, key=files.numbered(r"conversations-(\d+)\.json$"))


@dataclass
class _Opened:
    """The streams of an export's conversation files (opened one at a time), and its extras."""

    streams: list[Callable[[], IO[bytes]]]
    names: list[str]
    done: Callable[[], int]  # bytes read so far, of `total`
    total: int
    projects: dict[str, str]


@contextmanager
def _opened(path: Path, allowed: str) -> Iterator[_Opened]:
    with ExitStack() as stack:
        if path.is_dir():
            yield _folder(path, allowed, stack)
            return
        raw = stack.enter_context(files.open_file(path, allowed))
        total = files.size_of(path)
        if not files.is_zip(raw):

            def again() -> IO[bytes]:
                raw.seek(0)
                return raw

            yield _Opened([again], [path.name], raw.tell, total, {})
            return
        archive, names = stack.enter_context(
            files.zip_members(
                raw, path, lambda n: _is_conversations(n) or n.endswith(_PROJECTS), allowed
            )
        )
        chosen = _chosen(names)
        if not chosen:
            raise unreadable(
                path, "the zip has no conversations.json or conversations-000.json", allowed
            )
        projects = _zip_projects(archive, names, chosen[0], path, allowed)

        def member(name: str) -> Callable[[], IO[bytes]]:
            return lambda: stack.enter_context(files.open_member(archive, name, path, allowed))

        streams = [member(name) for name in chosen]
        yield _Opened(streams, chosen, raw.tell, total, projects)


class _Shards:
    """The conversation files of an unzipped export, opened one after the other."""

    def __init__(self, paths: list[Path], allowed: str, stack: ExitStack):
        self.paths, self.allowed, self.stack = paths, allowed, stack
        self.sizes = [files.size_of(p) for p in paths]
        self.index = 0
        self.current: IO[bytes] | None = None

    def opener(self, index: int) -> Callable[[], IO[bytes]]:
        def open_it() -> IO[bytes]:
            self.index = index
            self.current = self.stack.enter_context(
                files.open_file(self.paths[index], self.allowed)
            )
            return self.current

        return open_it

    def done(self) -> int:
        current = self.current.tell() if self.current is not None and not self.current.closed else 0
        return sum(self.sizes[: self.index]) + current


def _folder(path: Path, allowed: str, stack: ExitStack) -> _Opened:
    found = files.find_files(path, lambda p: _is_conversations(p.name))
    chosen = _chosen(p.relative_to(path).as_posix() for p in found)
    if not chosen:
        raise unreadable(
            path, "the folder has no conversations.json or conversations-000.json", allowed
        )
    shards = _Shards([path / name for name in chosen], allowed, stack)
    projects_file = shards.paths[0].parent / _PROJECTS
    projects = (
        claude.project_names(files.read_json(projects_file, allowed))
        if projects_file.is_file()
        else {}
    )
    streams = [shards.opener(i) for i in range(len(chosen))]
    return _Opened(streams, chosen, shards.done, sum(shards.sizes), projects)


def _zip_projects(
    archive: Any, names: list[str], first: str, path: Path, allowed: str
) -> dict[str, str]:
    wanted = str(PurePosixPath(first).parent / _PROJECTS).removeprefix("./")
    if wanted not in names:
        return {}
    with files.open_member(archive, wanted, path, allowed) as member:
        items = list(files.json_items(member, "item", path, allowed))
    return claude.project_names(items)


def _items(
    stream: IO[bytes], reopen: Callable[[], IO[bytes]], path: Path, allowed: str
) -> Iterator[Any]:
    """The conversations of one file: a list, or an object holding a `conversations` list."""
    head, start = files.json_start(stream, path, allowed)
    if start == b"[":
        yield from files.json_items(files.Peeked(stream, head), "item", path, allowed)
        return
    if start == b"{":
        count = 0
        for item in files.json_items(
            files.Peeked(stream, head), "conversations.item", path, allowed
        ):
            count += 1
            yield item
        if count == 0 and "conversations" not in files.top_level_keys(reopen(), path, allowed):
            raise unreadable(path, "one JSON object without a conversations list", allowed)
        return
    raise unreadable(path, "the file is empty" if not start else "not JSON", allowed)


def _all_items(opened: _Opened, path: Path, allowed: str) -> Iterator[Any]:
    for index, stream in enumerate(opened.streams):
        yield from _items(stream(), opened.streams[index], path, allowed)


# ---- reading ---------------------------------------------------------------------------------


def read_export(
    path: Path,
    expected: str | None = None,
    *,
    progress: Progress | None = None,
    reading: Reading | None = None,
) -> Iterator[Conversation]:
    """The conversations in an export, one at a time.

    Raises InvalidInput when it is no export (or another service's, when `expected` is given)
    and ImportCancelled when `progress` returns False. Conversations that cannot be read are
    counted in `reading.skipped` by reason.
    """
    reading = reading if reading is not None else Reading()
    path = Path(path)
    allowed = ALLOWED.get(expected or "", ANY_EXPORT)
    with _opened(path, allowed) as opened:
        reading.files += len(opened.names)
        tracker = Tracker(opened.total, progress)
        pending: list[Any] = []
        for item in _all_items(opened, path, allowed):
            tracker.at(opened.done())
            if reading.kind is None:
                pending.append(item)
                reading.kind = _kind_of(pending, path, expected, allowed)
                if reading.kind is None:
                    continue
                yield from _converted(pending, reading, opened.projects)
                pending.clear()
                continue
            yield from _converted((item,), reading, opened.projects)
        if pending:  # a short list in which nothing looked like a conversation
            raise unreadable(path, "no conversations in it", allowed)
        tracker.finish()


def kind_of_file(path: Path) -> str | None:
    """The kind of export from its first conversations only; None for an empty export."""
    path = Path(path)
    seen = 0
    with _opened(path, ANY_EXPORT) as opened:
        for item in _all_items(opened, path, ANY_EXPORT):
            if kind := detect_kind(item):
                return kind
            seen += 1
            if seen >= _DETECT_WITHIN:
                break
    if not seen:
        return None
    raise unreadable(path, "no conversations in it", ANY_EXPORT)


def _kind_of(pending: list[Any], path: Path, expected: str | None, allowed: str) -> str | None:
    kind = detect_kind(pending[-1])
    if kind is None:
        if len(pending) >= _DETECT_WITHIN:
            raise unreadable(path, "no conversations in it", allowed)
        return None
    if expected is not None and kind != expected:
        raise InvalidInput(
            "file",
            str(path),
            f"this is a {TOOLS[kind]} export; use `aijournal import {kind}` "
            f"(or File → Import AI history… in the app)",
        )
    return kind


def _converted(
    items: Iterable[Any], reading: Reading, projects: dict[str, str]
) -> Iterator[Conversation]:
    assert reading.kind is not None
    convert = CONVERTERS[reading.kind]
    for item in items:
        if not isinstance(item, dict):
            reading.skipped["not a conversation"] += 1
            continue
        try:
            yield convert(item, projects)
        except Unreadable as reason:
            reading.skipped[str(reason)] += 1
