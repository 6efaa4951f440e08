"""Import AI history from ChatGPT and Claude data exports, as AI uses to review.

Both services export `conversations.json` (inside the `.zip` they send, at any folder depth):
a JSON list of conversations. The file can be hundreds of megabytes, so it is read as a stream
(ijson), one conversation at a time, and only what an AI use needs is kept: the title, the
times, and the user's own turns for the suggestion rules. Message text is never stored unless
the user asks to keep the first message of a session as the note.

One conversation becomes one AI use per *session*: a new session starts when the user writes
again more than `SESSION_GAP` after the previous message. Each use gets a suggested pattern
from `RULES` (transparent, ordered rules over the user's turns) and waits in the review list.

Everything is read and converted before anything is written, so a bad or cancelled import
changes nothing; `source_ref` (the conversation id, plus "#2", "#3" for later sessions) makes
a second import of the same export add nothing twice.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import ijson

from aijournal.model import records as r
from aijournal.model.errors import Cancelled, InvalidInput
from aijournal.model.presentation import plural

if TYPE_CHECKING:
    from aijournal.storage import Journal

KINDS: tuple[str, ...] = ("chatgpt", "claude")
TOOLS = {"chatgpt": "ChatGPT", "claude": "Claude"}
SOURCES = {"chatgpt": "chatgpt-export", "claude": "claude-export"}
MEMBER = "conversations.json"
SESSION_GAP = timedelta(minutes=60)
MAX_SESSION_MINUTES = 180
MIN_SESSION_MINUTES = 1
NOTE_LIMIT = 500
UNTITLED = "Untitled conversation"
_ALLOWED = "use a ChatGPT or Claude data export: the .zip you downloaded or its conversations.json"
# How many leading list items may lack the keys that tell the two formats apart.
_DETECT_WITHIN = 10
# Keyword rules look at the start of a turn only: a pasted 100 kB log says no more than its head.
_SCAN_CHARS = 4000

Progress = Callable[[int, int], "bool | None"]


class ImportCancelled(Cancelled):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was written.")


# ---- normalised conversations ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Message:
    role: str  # "user" or "assistant"
    time: datetime | None
    text: str


@dataclass(frozen=True)
class Conversation:
    source: str  # "chatgpt" or "claude"
    ref: str
    title: str
    messages: list[Message]
    created: datetime | None = None
    updated: datetime | None = None


class Unreadable(Exception):
    """A conversation that cannot become an AI use; the message is the reason shown."""


def detect_kind(conversation: Any) -> str | None:
    """ "chatgpt" or "claude" from a conversation's keys; None when neither fits."""
    if not isinstance(conversation, dict):
        return None
    if "mapping" in conversation:
        return "chatgpt"
    if "chat_messages" in conversation:
        return "claude"
    return None


def _moment_from_unix(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return _plausible(datetime.fromtimestamp(value, UTC))
    except (OverflowError, OSError, ValueError):
        return None


def _moment_from_iso(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return _plausible(moment if moment.tzinfo else moment.replace(tzinfo=UTC))


def _plausible(moment: datetime) -> datetime | None:
    # Far-off years are broken data, and converting them to local time can overflow.
    return moment if 2000 <= moment.year <= 2200 else None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _title(value: Any) -> str:
    return _storable(" ".join(_text(value).split())[:500])


def _storable(text: str) -> str:
    """The text with lone surrogates (valid JSON, invalid UTF-8) replaced, so SQLite takes it."""
    try:
        text.encode()
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


# ---- ChatGPT ---------------------------------------------------------------------------------


def chatgpt_conversation(raw: dict[str, Any]) -> Conversation:
    """One ChatGPT conversation, following `current_node` back to the root.

    The mapping is a tree: regenerated answers and edited prompts start side branches. The
    path to `current_node` is the conversation as the user last saw it, so abandoned branches
    do not count as extra turns. Without a usable `current_node`, the newest child (the last
    one listed) is followed from the root down.
    """
    mapping = raw.get("mapping")
    if not isinstance(mapping, dict):
        raise Unreadable("no readable messages")
    created = _moment_from_unix(raw.get("create_time"))
    ref = _text(raw.get("conversation_id")) or _text(raw.get("id")) or _made_up_ref(raw, created)
    messages = []
    for node in _chatgpt_path(mapping, raw.get("current_node")):
        message = node.get("message")
        if isinstance(message, dict) and (kept := _chatgpt_message(message)):
            messages.append(kept)
    return Conversation(
        "chatgpt",
        ref,
        _title(raw.get("title")),
        messages,
        created,
        _moment_from_unix(raw.get("update_time")),
    )


def _chatgpt_path(mapping: dict[str, Any], current: Any) -> list[dict[str, Any]]:
    nodes = {key: node for key, node in mapping.items() if isinstance(node, dict)}
    path: list[dict[str, Any]] = []
    seen: set[str] = set()
    if _is_node(current, nodes):
        key: Any = current
        while _is_node(key, nodes) and key not in seen:  # `seen`: no cycles
            seen.add(key)
            path.append(nodes[key])
            key = nodes[key].get("parent")
        path.reverse()
        return path
    key = next((k for k, node in nodes.items() if not _is_node(node.get("parent"), nodes)), None)
    while key is not None and key not in seen:
        seen.add(key)
        path.append(nodes[key])
        children = nodes[key].get("children")
        children = [c for c in children if _is_node(c, nodes)] if isinstance(children, list) else []
        key = children[-1] if children else None
    return path


def _is_node(key: Any, nodes: dict[str, Any]) -> bool:
    return isinstance(key, str) and key in nodes


def _chatgpt_message(message: dict[str, Any]) -> Message | None:
    author = message.get("author")
    role = author.get("role") if isinstance(author, dict) else None
    if role not in ("user", "assistant"):
        return None  # system prompts and tool output are not turns
    metadata = message.get("metadata")
    if isinstance(metadata, dict) and metadata.get("is_visually_hidden_from_conversation"):
        return None  # custom instructions travel as hidden user messages
    content = message.get("content")
    content = content if isinstance(content, dict) else {}
    if content.get("content_type") == "user_editable_context":
        return None
    # Only the user's words feed the rules and the note; an answer's text is never needed.
    text = _chatgpt_text(content) if role == "user" else ""
    return Message(role, _moment_from_unix(message.get("create_time")), text)


def _chatgpt_text(content: dict[str, Any]) -> str:
    parts = content.get("parts")
    if isinstance(parts, list):
        texts = [
            p if isinstance(p, str) else _text(p.get("text")) if isinstance(p, dict) else ""
            for p in parts
        ]
        return "\n".join(t for t in texts if t)
    return _text(content.get("text"))  # "code", "execution_output" and newer kinds


def _made_up_ref(raw: dict[str, Any], created: datetime | None) -> str:
    """A stable stand-in id (title and start time) for a conversation that lacks one."""
    if created is None:
        raise Unreadable("no id")
    key = f"{_title(raw.get('title') or raw.get('name'))}|{created.isoformat()}"
    return "made-up:" + hashlib.sha256(key.encode()).hexdigest()[:24]


# ---- Claude ----------------------------------------------------------------------------------


def claude_conversation(raw: dict[str, Any]) -> Conversation:
    """One Claude conversation: `chat_messages` in order, human and assistant only."""
    chat = raw.get("chat_messages")
    if not isinstance(chat, list):
        raise Unreadable("no readable messages")
    created = _moment_from_iso(raw.get("created_at"))
    ref = _text(raw.get("uuid")) or _made_up_ref(raw, created)
    messages = [m for m in map(_claude_message, chat) if m is not None]
    return Conversation(
        "claude",
        ref,
        _title(raw.get("name")),
        messages,
        created,
        _moment_from_iso(raw.get("updated_at")),
    )


_CLAUDE_ROLES = {"human": "user", "assistant": "assistant"}


def _claude_message(raw: Any) -> Message | None:
    if not isinstance(raw, dict):
        return None
    sender = raw.get("sender")
    role = _CLAUDE_ROLES.get(sender) if isinstance(sender, str) else None
    if role is None:
        return None
    text = _claude_text(raw) if role == "user" else ""
    return Message(role, _moment_from_iso(raw.get("created_at")), text)


def _claude_text(raw: dict[str, Any]) -> str:
    text = _text(raw.get("text"))
    if not text and isinstance(blocks := raw.get("content"), list):
        text = "\n".join(
            _text(b.get("text")) for b in blocks if isinstance(b, dict) and b.get("type") == "text"
        )
    # Claude turns long pastes into attachments: they are what the feedback-loop rule looks for.
    pasted = (
        [
            _text(a.get("extracted_content"))
            for a in raw.get("attachments") or ()
            if isinstance(a, dict)
        ]
        if isinstance(raw.get("attachments"), list)
        else []
    )
    return "\n".join(t for t in (text, *pasted) if t)


CONVERTERS: dict[str, Callable[[dict[str, Any]], Conversation]] = {
    "chatgpt": chatgpt_conversation,
    "claude": claude_conversation,
}


# ---- reading the file as a stream ------------------------------------------------------------


@dataclass
class Reading:
    """What reading an export found besides the conversations: its kind and what was skipped."""

    kind: str | None = None
    skipped: Counter[str] = field(default_factory=Counter)


def read_export(
    path: Path,
    expected: str | None = None,
    *,
    progress: Progress | None = None,
    reading: Reading | None = None,
) -> Iterator[Conversation]:
    """The conversations in an export (.zip or conversations.json), one at a time.

    Raises InvalidInput when the file is not an export (or is the other service's, when
    `expected` is given) and ImportCancelled when `progress` returns False. Conversations
    that cannot be read are counted in `reading.skipped` by reason.
    """
    reading = reading if reading is not None else Reading()
    path = Path(path)
    with _export_items(path) as (raw, total, items):
        tracker = _Tracker(raw, total, progress)
        pending: list[Any] = []
        for item in items:
            tracker.tick()
            if reading.kind is None:
                pending.append(item)
                reading.kind = _kind_of(pending, path, expected)
                if reading.kind is None:
                    continue
                yield from _converted(pending, reading)
                pending.clear()
                continue
            yield from _converted((item,), reading)
        if pending:  # a short list in which nothing looked like a conversation
            raise _not_an_export(path, "no conversations in it")
        tracker.finish()


def kind_of_file(path: Path) -> str | None:
    """ "chatgpt" or "claude" from the first conversations only; None for an empty export."""
    path = Path(path)
    seen = 0
    with _export_items(path) as (_, _, items):
        for item in items:
            if kind := detect_kind(item):
                return kind
            seen += 1
            if seen >= _DETECT_WITHIN:
                break
    if not seen:
        return None
    raise _not_an_export(path, "no conversations in it")


@contextmanager
def _export_items(path: Path) -> Iterator[tuple[IO[bytes], int, Iterator[Any]]]:
    """The open file, its size and the stream of list items in it (from the zip if one)."""
    try:
        total = path.stat().st_size
        raw = path.open("rb")
    except OSError as error:
        raise InvalidInput("file", str(path), f"use a readable file ({error.strerror})") from None
    with raw:
        yield raw, total, _items(_Peeked(_member_stream(raw, path), path), path)


def _kind_of(pending: list[Any], path: Path, expected: str | None) -> str | None:
    kind = detect_kind(pending[-1])
    if kind is None:
        if len(pending) >= _DETECT_WITHIN:
            raise _not_an_export(path, "no conversations in it")
        return None
    if expected is not None and kind != expected:
        raise InvalidInput(
            "file",
            str(path),
            f"this is a {TOOLS[kind]} export; use "
            f"`aijournal import {kind}` (or pick {TOOLS[kind]} in the app)",
        )
    return kind


def _converted(items: Iterable[Any], reading: Reading) -> Iterator[Conversation]:
    assert reading.kind is not None
    convert = CONVERTERS[reading.kind]
    for item in items:
        if not isinstance(item, dict):
            reading.skipped["not a conversation"] += 1
            continue
        try:
            yield convert(item)
        except Unreadable as reason:
            reading.skipped[str(reason)] += 1


def _member_stream(raw: IO[bytes], path: Path) -> IO[bytes]:
    """The file itself, or the conversations.json inside it when it is a zip."""
    if not zipfile.is_zipfile(raw):
        raw.seek(0)
        return raw
    raw.seek(0)
    try:
        archive = zipfile.ZipFile(raw)
        names = [
            n
            for n in archive.namelist()
            if n.rsplit("/", 1)[-1] == MEMBER and not n.startswith("__MACOSX/")
        ]
        if not names:
            raise _not_an_export(path, f"the zip has no {MEMBER}")
        return archive.open(min(names, key=lambda n: (n.count("/"), n)))
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError) as error:
        # RuntimeError: an encrypted member, which the services never send.
        raise _not_an_export(path, f"the zip cannot be read: {error}") from None


def _items(stream: IO[bytes], path: Path) -> Iterator[Any]:
    items = ijson.items(stream, "item", use_float=True)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except InvalidInput:
            raise
        except (
            ijson.JSONError,
            ValueError,
            OSError,
            EOFError,
            zipfile.BadZipFile,
            zlib.error,
            RecursionError,
        ) as error:
            raise _not_an_export(path, f"not valid JSON: {_short(error)}") from None
        yield item


def _short(error: BaseException) -> str:
    # yajl adds lines that point at the spot; the first line says what is wrong.
    text = str(error).strip().split("\n", 1)[0].strip() or type(error).__name__
    return text if len(text) <= 80 else text[:77] + "…"


def _not_an_export(path: Path, why: str) -> InvalidInput:
    return InvalidInput("file", str(path), f"{_ALLOWED} ({why})")


class _Peeked:
    """A stream whose first bytes were checked: it must hold a JSON list (BOM dropped)."""

    def __init__(self, stream: IO[bytes], path: Path):
        self._stream = stream
        head = b""
        try:
            while len(head) < 65536:
                chunk = stream.read(4096)
                if not chunk:
                    break
                head += chunk
                if head.lstrip(b"\xef\xbb\xbf \t\r\n"):
                    break
        except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as error:
            raise _not_an_export(path, f"it cannot be read: {_short(error)}") from None
        head = head.removeprefix(b"\xef\xbb\xbf")
        start = head.lstrip(b" \t\r\n")[:1]
        if start != b"[":
            why = (
                "the file is empty"
                if not start
                else "one JSON object, not a list"
                if start == b"{"
                else "not JSON"
            )
            raise _not_an_export(path, why)
        self._head = head

    def read(self, size: int = -1) -> bytes:
        if self._head and size != 0:  # ijson reads 0 bytes first to learn bytes from text
            head, self._head = self._head, b""
            return head
        return self._stream.read(size)


class _Tracker:
    """Reports bytes read of the file on disk (compressed for a zip), at most ~200 times."""

    def __init__(self, raw: IO[bytes], total: int, progress: Progress | None):
        self.raw, self.total, self.progress = raw, total, progress
        self.step = max(total // 200, 1)
        self.last = 0

    def tick(self) -> None:
        if self.progress is None:
            return
        done = self.raw.tell()
        if done - self.last >= self.step:
            self.last = done
            if self.progress(done, self.total) is False:
                raise ImportCancelled

    def finish(self) -> None:
        if self.progress is not None and self.progress(self.total, self.total) is False:
            raise ImportCancelled


# ---- suggested patterns ----------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    pattern: str
    confidence: float
    reason: str
    rule: str


@dataclass(frozen=True)
class Rule:
    """Suggest `pattern` when `matcher` finds the sign in at least `needed` of the user's turns.

    `matcher` gets the turns lower-cased and cut to their first `_SCAN_CHARS` characters, and
    returns how many of them show the sign. Confidence starts at `confidence` and rises
    by 0.05 for each turn beyond `needed`, up to 0.9: more evidence, surer guess, never certain.
    `reason` is what the user reads in the review list; {hits} and {turns} are filled in.
    """

    id: str
    pattern: str
    matcher: Callable[[Sequence[str]], int]
    needed: int
    confidence: float
    reason: str

    def judge(self, turns: Sequence[str]) -> Suggestion | None:
        hits = self.matcher(turns)
        if hits < self.needed:
            return None
        confidence = round(min(0.9, self.confidence + 0.05 * (hits - self.needed)), 2)
        reason = self.reason.format(hits=hits, turns=len(turns), s="" if hits == 1 else "s")
        return Suggestion(self.pattern, confidence, reason, self.id)


def _signs(*signs: str, inside_words: str = "") -> re.Pattern[str]:
    """Any of `signs` starting at a word boundary, or `inside_words` anywhere."""
    # One boundary before one group is several times faster than a boundary per sign.
    expression = r"\b(?:" + "|".join(signs) + ")"
    return re.compile(expression + (f"|{inside_words}" if inside_words else ""), re.MULTILINE)


# Turns arrive lower-cased, so the signs are written in lower case.
_APOS = "['’]?"
PASTED_ERROR = _signs(
    r"traceback \(most recent call last\)",
    "fatal:",
    "panic:",
    "npm err!",
    "segmentation fault",
    "stack ?trace",
    "exit (?:code|status) [1-9]",
    rf"(?:doesn{_APOS}t|does not|didn{_APOS}t|did not) work",
    r"not working\b",
    r"still (?:fails|failing|broken|get|getting|the same)",
    r"same (?:error|problem|issue)\b",
    r"it (?:fails|failed|crashes|crashed)\b",
    inside_words=r"(?:error|exception)\s*:",
)  # "TypeError:", "error:"
REFINING = _signs(
    r"make (?:it|this|that|them) \w+",
    r"(?:shorter|longer|simpler|less \w+)\b",
    r"more (?:formal|casual|concise|detailed)\b",
    r"change\b",
    r"instead\b",
    r"(?:now|also) add\b",
    r"(?:rewrite|rephrase|reword|tweak|adjust|shorten|expand on)\b",
    r"try again\b",
    r"another (?:version|option|one)\b",
    r"remove (?:the|that|this)\b",
    r"can you also\b",
)
CHECKING = _signs(
    "proof-?read",
    "(?:double|sanity)[- ]check",
    "(?:check|review|look over|go over) (?:this|my|it|these|the following|over"
    "|for (?:errors|mistakes|bugs|typos))",
    r"is (?:this|it|that|my \w+) (?:correct|right|ok|okay|accurate|valid|good)",
    r"any (?:mistakes|errors|issues|problems|typos)\b",
    r"did i (?:miss|get)\b",
    r"feedback on (?:my|this)\b",
    r"critique\b",
    rf"what{_APOS}s wrong with my\b",
)
ASKING_TO_UNDERSTAND = _signs(
    r"explain\b",
    r"help me understand\b",
    r"teach me\b",
    r"eli5\b",
    r"difference between\b",
    r"what does .{1,60} mean\b",
    inside_words=r"^\s*(?:why|how (?:does|do|is|are|can|come|would)|what (?:is|are|does|do)"
    rf"|what{_APOS}s)\b",
)  # a question that starts a line


def _turns_with(expression: re.Pattern[str], turns: Iterable[str]) -> int:
    return sum(1 for turn in turns if expression.search(turn))


def _pasted_back(turns: Sequence[str]) -> int:
    """Turns with an error, a complaint that it fails, or a long paste after the first turn."""
    return sum(
        1
        for index, turn in enumerate(turns)
        if PASTED_ERROR.search(turn) or (index > 0 and ("```" in turn or turn.count("\n") >= 12))
    )


RULES: tuple[Rule, ...] = (
    # Evaluated in this order; the first that fires wins. Specific, repeated signs come first:
    # pasted errors beat everything, rounds of changes beat a single check or question, and
    # "one request and done" only speaks when no turn said more.
    Rule(
        "pasted-errors",
        "feedback-loop",
        _pasted_back,
        2,
        0.7,
        "You pasted errors or output back in {hits} of {turns} turns.",
    ),
    Rule(
        "rounds-of-changes",
        "task-iteration",
        lambda t: _turns_with(REFINING, t[1:]),
        2,
        0.65,
        'You asked for changes in {hits} rounds ("shorter", "instead", "now add"…).',
    ),
    Rule(
        "asked-for-a-check",
        "validation",
        lambda t: _turns_with(CHECKING, t),
        1,
        0.6,
        "You asked the AI to check or review your own work.",
    ),
    Rule(
        "asked-to-understand",
        "learning",
        lambda t: _turns_with(ASKING_TO_UNDERSTAND, t),
        1,
        0.55,
        "You asked to explain or understand something in {hits} turn{s}.",
    ),
    Rule("one-request", "directive", lambda t: int(len(t) == 1), 1, 0.6, "One request and done."),
    Rule(
        "back-and-forth",
        "task-iteration",
        lambda t: int(len(t) >= 2),
        1,
        0.3,
        "{turns} turns with no clearer sign; a guess, please check.",
    ),
)


def suggest_pattern(turns: Sequence[str]) -> Suggestion:
    """The first rule in `RULES` that fires on the user's turns (texts only)."""
    turns = [turn[:_SCAN_CHARS].lower() for turn in turns]
    for rule in RULES:
        if found := rule.judge(turns):
            return found
    return Suggestion("directive", 0.2, "Nothing to go on; a guess, please check.", "no-signs")


# ---- conversations -> AI uses ----------------------------------------------------------------


@dataclass(frozen=True)
class Session:
    """A stretch of one conversation without a pause longer than `SESSION_GAP`."""

    start: datetime
    minutes: int
    user_turns: list[str]


def sessions(conversation: Conversation) -> list[Session]:
    """The conversation's sessions; raises Unreadable when it has no turn or no time at all."""
    turns = [m for m in conversation.messages if m.role == "user"]
    if not turns:
        raise Unreadable("no readable messages")
    if all(m.time is None for m in conversation.messages):
        return [_untimed_session(conversation, [m.text for m in turns])]
    found: list[Session] = []
    first = last = None
    texts: list[str] = []
    for message in conversation.messages:
        moment = message.time or last or conversation.created  # a missing time: as before
        if moment is None:
            moment = next(m.time for m in conversation.messages if m.time is not None)
        if message.role == "user" and last is not None and moment - last > SESSION_GAP:
            if texts:  # a stretch with only answers in it is no session of the user's
                found.append(_session(first, last, texts))
            first, texts = moment, []
        first = first or moment
        last = max(last, moment) if last else moment
        if message.role == "user":
            texts.append(message.text)
    if texts:
        found.append(_session(first, last, texts))
    return found


def _session(first: datetime, last: datetime, texts: list[str]) -> Session:
    minutes = round((last - first).total_seconds() / 60)
    return Session(first, min(max(minutes, MIN_SESSION_MINUTES), MAX_SESSION_MINUTES), texts)


def _untimed_session(conversation: Conversation, texts: list[str]) -> Session:
    """No message has a time: the conversation's own times, trusted only over a short span."""
    start, end = conversation.created, conversation.updated
    if start is None:
        raise Unreadable("no time")
    span = end - start if end and timedelta(0) <= end - start <= SESSION_GAP else timedelta(0)
    return _session(start, start + span, texts)


@dataclass(frozen=True)
class PlannedUse:
    use: r.AIUse
    conversation: str  # the conversation's id
    split: bool  # the conversation became more than one session


def ai_uses(conversation: Conversation, *, keep_first_message: bool = False) -> list[PlannedUse]:
    """One AI use per session of the conversation, with a suggested pattern, to review."""
    found = sessions(conversation)
    planned = []
    for number, session in enumerate(found, start=1):
        suggestion = suggest_pattern(session.user_turns)
        note = _storable(session.user_turns[0].strip()[:NOTE_LIMIT]) if keep_first_message else ""
        use = r.AIUse(
            started_at=session.start.astimezone(),
            tool=TOOLS[conversation.source],
            pattern=suggestion.pattern,
            minutes=session.minutes,
            task=conversation.title or UNTITLED,
            note=note,
            source=SOURCES[conversation.source],
            source_ref=conversation.ref if number == 1 else f"{conversation.ref}#{number}",
            to_review=True,
            turns=len(session.user_turns),
            suggested_pattern=suggestion.pattern,
            suggestion_confidence=suggestion.confidence,
            suggestion_reason=suggestion.reason,
        )
        planned.append(PlannedUse(use, conversation.ref, len(found) > 1))
    return planned


# ---- the whole import ------------------------------------------------------------------------


@dataclass
class ImportPlan:
    """What an import would add, and what it skipped and why."""

    kind: str
    planned: list[PlannedUse] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    outside_period: int = 0  # sessions left out by --from/--to
    already: int = 0  # sessions imported before
    added: int | None = None  # set once written

    @property
    def uses(self) -> list[r.AIUse]:
        return [p.use for p in self.planned]

    @property
    def conversations(self) -> int:
        return len({p.conversation for p in self.planned})

    @property
    def split(self) -> int:
        return len({p.conversation for p in self.planned if p.split})

    @property
    def period(self) -> tuple[date, date] | None:
        days = [p.use.day for p in self.planned]
        return (min(days), max(days)) if days else None

    def drop_known(self, refs: set[str]) -> None:
        """Leave out sessions whose source_ref is already in the journal."""
        fresh = [p for p in self.planned if p.use.source_ref not in refs]
        self.already += len(self.planned) - len(fresh)
        self.planned = fresh

    def summary(self) -> str:
        """One line: what was (or would be) imported, split, skipped, and already there."""
        verb = "Imported" if self.added is not None else "Would import"
        count = self.added if self.added is not None else len(self.planned)
        line = (
            f"{verb} {plural(count, 'AI use')} from "
            f"{plural(self.conversations, 'conversation')} ({self.split} split into "
            f"sessions); {self._skipped()}; {self.already} already imported"
        )
        if self.outside_period:
            line += f"; {plural(self.outside_period, 'session')} outside the period"
        return line + "."

    def _skipped(self) -> str:
        total = sum(self.skipped.values())
        if not total:
            return "no conversations skipped"
        if len(self.skipped) == 1:
            return f"{plural(total, 'conversation')} skipped ({next(iter(self.skipped))})"
        reasons = ", ".join(f"{n} {why}" for why, n in self.skipped.most_common())
        return f"{plural(total, 'conversation')} skipped ({reasons})"


def plan_import(
    path: Path,
    kind: str,
    *,
    since: date | None = None,
    until: date | None = None,
    keep_first_message: bool = False,
    clock: r.Clock = r.now,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read the whole export and turn it into AI uses, writing nothing."""
    r.check_choice("kind", kind, KINDS)
    if since and until and since > until:
        raise InvalidInput("from", since.isoformat(), f"use a day up to {until.isoformat()}")
    reading = Reading()
    plan = ImportPlan(kind, skipped=reading.skipped)
    latest = clock() + r.FUTURE_SLACK
    for conversation in read_export(path, kind, progress=progress, reading=reading):
        try:
            planned = ai_uses(conversation, keep_first_message=keep_first_message)
        except Unreadable as reason:
            reading.skipped[str(reason)] += 1
            continue
        except InvalidInput:  # a value no AI use can hold; the rest of the file still counts
            reading.skipped["unusable values"] += 1
            continue
        if any(p.use.started_at > latest for p in planned):
            reading.skipped["time in the future"] += 1
            continue
        for p in planned:
            if (since and p.use.day < since) or (until and p.use.day > until):
                plan.outside_period += 1
            else:
                plan.planned.append(p)
    return plan


def finish_import(journal: Journal, plan: ImportPlan, *, dry_run: bool = False) -> ImportPlan:
    """Leave out what the journal has already and, unless a dry run, add the rest at once."""
    plan.drop_known(journal.imported_refs(SOURCES[plan.kind]))
    if not dry_run:
        plan.added = journal.add_imported(plan.uses)
    return plan


def import_export(
    journal: Journal, path: Path, kind: str, *, dry_run: bool = False, **options: Any
) -> ImportPlan:
    """Read the export, then write what is new in one transaction (nothing on any error)."""
    return finish_import(
        journal, plan_import(path, kind, clock=journal.clock, **options), dry_run=dry_run
    )
