"""Every source AI Journal reads, declared once: what it is, where it lives, what is read and
what is never read, how to recognise its files and how to read them.

The command line (`aijournal import …`, `aijournal sources …`), the desktop's import dialog and
the Sources page in Settings all work from this list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from aijournal.model.errors import InvalidInput
from aijournal.sources import aider, claude_code, codex, exports, open_webui
from aijournal.sources.conversations import TOOLS, Conversation, Reading
from aijournal.sources.files import FileRefused, Progress, unreadable
from aijournal.sources.local import Probe

Reader = Callable[..., Iterator[Conversation]]
ANY = (
    "use a ChatGPT or Claude data export, a Claude Code or Codex CLI session, an Aider chat "
    "history or an Open WebUI export"
)


@dataclass(frozen=True)
class Source:
    id: str
    what: str  # "Claude Code sessions"
    where: str  # where it usually lives, in the user's words
    reads: str  # what is read
    never: str  # what is never read or kept
    on_this_machine: bool  # can be switched on and read at every start
    picks: str  # what the user chooses for it: "file", "folders" or "" (found by itself)
    read: Reader
    probe: Callable[[Path], Probe]
    locations: Callable[[Mapping[str, str], Path], list[Path]] | None = None
    session_files: Callable[[Path], list[Path]] | None = None

    @property
    def tool(self) -> str:
        return TOOLS[self.id]


def _export_reader(kind: str) -> Reader:
    def read(
        path: Path,
        reading: Reading,
        *,
        progress: Progress | None = None,
        modified_after: float | None = None,
    ) -> Iterator[Conversation]:
        return exports.read_export(path, kind, progress=progress, reading=reading)

    return read


def _export_probe(kind: str) -> Callable[[Path], Probe]:
    def probe(path: Path) -> Probe:
        found = exports.kind_of_file(path)
        if found is None or found == kind:
            return Probe(kind, "export")
        raise InvalidInput(
            "file", str(path), f"this is a {TOOLS[found]} export; use `aijournal import {found}`"
        )

    return probe


def _open_webui_read(
    path: Path,
    reading: Reading,
    *,
    progress: Progress | None = None,
    modified_after: float | None = None,
) -> Iterator[Conversation]:
    if open_webui.is_database(path):
        return open_webui.read_database(path, reading)
    return exports.read_export(path, "open-webui", progress=progress, reading=reading)


def _open_webui_probe(path: Path) -> Probe:
    if open_webui.is_database(path):
        return Probe("open-webui", "webui.db")
    return _export_probe("open-webui")(path)


_NO_TEXT = "message text is never kept unless you ask for the first message as the note"
SOURCES: tuple[Source, ...] = (
    Source(
        "chatgpt",
        "ChatGPT data export",
        "the zip ChatGPT emails you (Settings → Data controls → Export), or its folder",
        "each conversation's title and times, and your own messages for the suggestion",
        "the answers, images and files; " + _NO_TEXT,
        False,
        "file",
        _export_reader("chatgpt"),
        _export_probe("chatgpt"),
    ),
    Source(
        "claude",
        "Claude data export",
        "the data-…-batch-NNNN.zip Claude emails you (Settings → Privacy → Export), or its folder",
        "each conversation's title and times, project names, and your own messages for the "
        "suggestion",
        "the answers, users.json and attachments' files; " + _NO_TEXT,
        False,
        "file",
        _export_reader("claude"),
        _export_probe("claude"),
    ),
    Source(
        "claude-code",
        "Claude Code sessions",
        "~/.claude/projects (or $CLAUDE_CONFIG_DIR/projects); Claude Code deletes them after "
        "30 days",
        "each session's times, its project folder's name and title, and your own prompts for "
        "the suggestion",
        "the model's answers, tool calls and their results, code and file contents; " + _NO_TEXT,
        True,
        "",
        claude_code.read,
        claude_code.probe,
        claude_code.locations,
        claude_code.session_files,
    ),
    Source(
        "codex",
        "Codex CLI sessions",
        "$CODEX_HOME/sessions (~/.codex/sessions)",
        "each session's times, its working folder's name, and your own prompts for the suggestion",
        "the instructions and environment Codex adds, answers, tool calls and their output; "
        + _NO_TEXT,
        True,
        "",
        codex.read,
        codex.probe,
        codex.locations,
        codex.session_files,
    ),
    Source(
        "aider",
        "Aider chat histories",
        "the folders you pick, where you ran Aider (.aider.chat.history.md)",
        "each session's start, the times of your prompts (.aider.input.history), the folder's "
        "name, and your prompts for the suggestion",
        "the model's answers and edits, the code; " + _NO_TEXT,
        True,
        "folders",
        aider.read,
        aider.probe,
        None,
        aider.session_files,
    ),
    Source(
        "open-webui",
        "Open WebUI chats",
        "the chat export you pick (Settings → Chats → Export), or a copy of its webui.db",
        "each chat's title and times, and your own messages for the suggestion",
        "the answers, files, users and settings (the database is read from a copy, never "
        "changed); " + _NO_TEXT,
        True,
        "file",
        _open_webui_read,
        _open_webui_probe,
    ),
)
BY_ID = {s.id: s for s in SOURCES}
IDS = tuple(BY_ID)


def source(source_id: str) -> Source:
    """The source with this id; InvalidInput naming the known ones otherwise."""
    if source_id not in BY_ID:
        raise InvalidInput("source", source_id, "use " + ", ".join(IDS))
    return BY_ID[source_id]


def _candidates(path: Path) -> list[str]:
    """The sources whose probe is worth trying for this path, likeliest first."""
    if path.is_dir():
        return ["chatgpt", "claude-code", "codex", "aider"]
    name, suffix = path.name, path.suffix.lower()
    if name == aider.CHAT or suffix == ".md":
        return ["aider"]
    if suffix == ".jsonl":
        return ["codex", "claude-code"] if name.startswith("rollout-") else ["claude-code", "codex"]
    if open_webui.is_database(path):
        return ["open-webui"]
    if name.startswith("rollout-") and suffix == ".json":
        return ["codex"]
    return ["chatgpt"]  # a zip or a JSON list: the export probe tells its kind


def identify(path: Path) -> Probe:
    """What a file or folder is, from its first lines; FileRefused when no source reads it."""
    path = Path(path)
    if not path.exists():
        raise InvalidInput("file", str(path), "use a file or folder that exists")
    first: FileRefused | None = None
    for kind in _candidates(path):
        try:
            if kind == "chatgpt":
                found = exports.kind_of_file(path)
                if found is None:
                    raise unreadable(path, "no conversations in it", exports.ANY_EXPORT)
                return Probe(found, "export")
            if path.is_dir():
                return _probe_folder(BY_ID[kind], path)
            return BY_ID[kind].probe(path)
        except FileRefused as refusal:
            first = first or refusal
    assert first is not None
    raise first


def _probe_folder(found: Source, folder: Path) -> Probe:
    listed = found.session_files(folder) if found.session_files else []
    if not listed:
        raise unreadable(folder, f"no {found.what} in it", ANY)
    return found.probe(listed[-1])


ONE = {
    "chatgpt": "a ChatGPT export",
    "claude": "a Claude export",
    "claude-code": "a Claude Code session",
    "codex": "a Codex CLI session",
    "aider": "an Aider chat history",
    "open-webui": "an Open WebUI export",
}


def foreign(path: Path, expected: str) -> InvalidInput | None:
    """When `path` is another source's file: the error that says which command reads it."""
    try:
        found = identify(path)
    except InvalidInput:
        return None
    if found.kind == expected:
        return None
    return InvalidInput(
        "file",
        str(path),
        f"this is {ONE[found.kind]}; use `aijournal import {found.kind}` "
        "(or File → Import AI history… in the app)",
    )


def found_here(source_id: str, env: Mapping[str, str], home: Path) -> list[Path]:
    """The source's usual locations that exist on this machine."""
    locate = BY_ID[source_id].locations
    return [p for p in (locate(env, home) if locate else []) if p.exists()]


def files_in(source_id: str, location: Path) -> list[Path]:
    """The session files a source would read at a location (without reading them)."""
    listing = BY_ID[source_id].session_files
    if listing is None:
        return [location] if location.is_file() else []
    return listing(location)
