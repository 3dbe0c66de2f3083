"""Knowledge files to model, with every problem located at FILE:LINE:COL.

Reading goes in three steps. The raw bytes are checked (size, encoding, bytes
YAML cannot hold, nesting depth) before any parser sees them. PyYAML's safe
composer then builds the node tree, which keeps a mark on every node. Finally
one pass over the nodes validates them against schema 1 and builds a plain,
JSON-ready form of the dialogue; that plain form is what the cache stores, so a
cached load and a fresh load build the model through the same function.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn

from briefing import cache
from briefing.model import (
    KINDS,
    SCHEMA_VERSION,
    STATUSES,
    Commitment,
    Dialogue,
    Discussion,
    Event,
    Evidence,
    Knowledge,
    OtherName,
    Participant,
    Party,
    Quote,
    Source,
    Topic,
    Window,
)

if TYPE_CHECKING:
    from yaml.nodes import Node

DATA_ENV: Final = "BRIEFING_DATA"
MAX_SIZE_ENV: Final = "BRIEFING_MAX_FILE_SIZE"
#: Files larger than this (in MiB) are refused unless the limit is raised.
DEFAULT_MAX_FILE_MIB: Final = 16
#: Deepest nesting accepted; far beyond any real knowledge file, far below what
#: would exhaust the parser's stack.
MAX_DEPTH: Final = 64
KNOWLEDGE_SUFFIXES: Final = (".yaml", ".yml")

Plain = dict[str, Any]
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in a knowledge file (line and column are 1-based)."""

    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}: " if self.line else f"{self.file}: "
        field = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}{field}{self.message}{hint}"


class DataError(Exception):
    """The knowledge could not be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def bundled_data() -> Path:
    """The knowledge file shipped with the package (inside the wheel or the checkout)."""
    here = Path(__file__).resolve().parent
    inside = here / "data" / "dialogue.yaml"
    return inside if inside.exists() else here.parent / "data" / "dialogue.yaml"


def resolve_data(option: Path | None) -> Path:
    """--data, else $BRIEFING_DATA, else the bundled knowledge file."""
    if option is not None:
        return option
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else bundled_data()


def max_file_bytes(option_mib: float | None = None) -> int:
    if option_mib is None:
        env = os.environ.get(MAX_SIZE_ENV, "")
        try:
            option_mib = float(env) if env else DEFAULT_MAX_FILE_MIB
        except ValueError:
            option_mib = DEFAULT_MAX_FILE_MIB
    return int(option_mib * 1024 * 1024)


def _fail(path: Path | str, message: str, hint: str | None = None) -> NoReturn:
    raise DataError([Problem(str(path), 0, 0, "", message, hint)])


def knowledge_files(path: Path) -> list[Path]:
    """The knowledge files at PATH: the file itself, or a directory's *.yaml files."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        _fail(path, "no such file or directory", "check the path, or set --data / $BRIEFING_DATA")
    except PermissionError:
        _fail(path, "permission denied", "check the file's permissions")
    except OSError as exc:
        _fail(path, f"cannot read: {exc.strerror or exc}")
    if stat.S_ISDIR(mode):
        try:
            files = sorted(
                p for p in path.iterdir() if p.suffix in KNOWLEDGE_SUFFIXES and p.is_file()
            )
        except PermissionError:
            _fail(path, "permission denied", "check the directory's permissions")
        if not files:
            _fail(path, "no knowledge files (*.yaml, *.yml) in this directory")
        return files
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device or special file"
        _fail(path, f"is {kind}, not a knowledge file", "give a .yaml file or a directory")
    return [path]


def load_knowledge(
    path: Path,
    *,
    use_cache: bool = True,
    max_bytes: int | None = None,
    progress: Progress | None = None,
) -> Knowledge:
    """Load every dialogue at PATH; raise DataError listing all problems found."""
    files = knowledge_files(path)
    limit = max_file_bytes() if max_bytes is None else max_bytes
    store = cache.open_store() if use_cache else None
    problems: list[Problem] = []
    dialogues: list[Dialogue] = []
    first_seen: dict[str, tuple[str, int, int]] = {}
    for n, file in enumerate(files, 1):
        try:
            plain = _load_plain(file, limit, store)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        finally:
            if progress is not None:
                progress(n, len(files))
        did, line, col = plain["dialogue"]["id"], *plain["id_mark"]
        if did in first_seen:
            other = first_seen[did]
            problems.append(
                Problem(
                    str(file),
                    line,
                    col,
                    "dialogue.id",
                    f"duplicate dialogue id '{did}' (also used at {other[0]}:{other[1]}:{other[2]})",
                    "each dialogue needs its own id",
                )
            )
            continue
        first_seen[did] = (str(file), line, col)
        dialogues.append(dialogue_from_plain(plain, str(file)))
    if problems:
        raise DataError(problems)
    dialogues.sort(key=lambda d: (d.date, d.id))
    return Knowledge(tuple(dialogues))


def _read_bytes(file: Path, limit: int) -> bytes:
    try:
        with file.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                _fail(
                    file,
                    f"file is {size / 1048576:.1f} MiB, over the {limit / 1048576:g} MiB limit",
                    "raise it with --max-file-size MiB or $BRIEFING_MAX_FILE_SIZE",
                )
            return fh.read(limit + 1)
    except FileNotFoundError:
        _fail(file, "no such file")
    except PermissionError:
        _fail(file, "permission denied", "check the file's permissions")
    except IsADirectoryError:
        _fail(file, "is a directory")
    except OSError as exc:
        _fail(file, f"cannot read: {exc.strerror or exc}")


def _load_plain(file: Path, limit: int, store: cache.Store | None) -> Plain:
    data = _read_bytes(file, limit)
    if len(data) > limit:
        _fail(file, f"file is over the {limit / 1048576:g} MiB limit")
    key = cache.key_for(data) if store is not None else ""
    if store is not None:
        hit = store.get(key)
        if hit is not None:
            return hit
    plain = parse_plain(data, str(file))
    if store is not None:
        store.put(key, plain)
    return plain


# --------------------------------------------------------------------------
# Text checks before parsing


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ufffe\uffff]")
_DEEP_INDENT = re.compile(rf"^[ \-?:]{{{MAX_DEPTH * 4},}}", re.MULTILINE)
_FLOW = re.compile(r"[\[\]{}]")


def decode(data: bytes, file: str) -> str:
    """UTF-8 text from bytes, with a located error for anything YAML cannot hold."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", "replace")
        line, col = _line_col(good, len(good))
        raise DataError(
            [
                Problem(
                    file,
                    line,
                    col,
                    "",
                    f"not valid UTF-8 (byte 0x{data[exc.start]:02X})",
                    "save the file as UTF-8",
                )
            ]
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    bad = _CONTROL.search(text)
    if bad is not None:
        char = bad.group()
        line, col = _line_col(text, bad.start())
        name = {"\x00": "a NUL byte", "\x1b": "an ESC byte"}.get(char, "a control character")
        raise DataError(
            [
                Problem(
                    file,
                    line,
                    col,
                    "",
                    f"{name} (U+{ord(char):04X}) is not allowed in a knowledge file",
                    'write it as an escape inside double quotes, e.g. "\\e", or remove it'
                    if char != "\x00"
                    else "the file looks binary or corrupted",
                )
            ]
        )
    _check_depth(text, file)
    return text


def _check_depth(text: str, file: str) -> None:
    deep = _DEEP_INDENT.search(text)
    if deep is not None:
        line, col = _line_col(text, deep.start())
        raise DataError(
            [Problem(file, line, col, "", "nesting is too deep", f"the limit is {MAX_DEPTH} levels")]
        )
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    for match in _FLOW.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, col = _line_col(text, match.start())
                raise DataError(
                    [
                        Problem(
                            file,
                            line,
                            col,
                            "",
                            "nesting is too deep",
                            f"the limit is {MAX_DEPTH} levels",
                        )
                    ]
                )
        elif depth:
            depth -= 1


# --------------------------------------------------------------------------
# Parsing


def compose(text: str, file: str) -> Node | None:
    """The YAML node tree of TEXT, read with a safe loader (the C one when available)."""
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    except yaml.MarkedYAMLError as exc:
        raise DataError([_yaml_problem(exc, text, file)]) from None
    except yaml.reader.ReaderError as exc:
        prefix = text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")
        line, col = _line_col(prefix, len(prefix))
        raise DataError(
            [Problem(file, line, col, "", f"character U+{exc.character:04X} is not allowed")]
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error carries a mark
        raise DataError([Problem(file, 0, 0, "", f"cannot parse YAML: {exc}")]) from None
    finally:
        loader.dispose()


def _yaml_problem(exc: Any, text: str, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
    problem = str(exc.problem or exc.context or "invalid YAML")
    hint: str | None = None
    lines = text.split("\n")
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in here[: len(here) - len(here.lstrip())] or (
        "cannot start any token" in problem and "\t" in here
    ):
        col = here.index("\t") + 1
        problem, hint = "tab character used for indentation", "indent with spaces only"
    elif "expected a single document" in str(exc.context or ""):
        problem = "more than one YAML document (---) in one file"
        hint = "put each dialogue in its own file"
    elif "found undefined alias" in problem:
        hint = "aliases (*name) are not supported; write the value out"
    elif "found unhashable key" in problem:
        hint = "keys must be plain text"
    else:
        hint = "check the indentation and quoting around here"
    return Problem(file, line, col, "", problem, hint)


def parse_plain(data: bytes, file: str) -> Plain:
    """Validate one knowledge file; return its plain form or raise DataError."""
    text = decode(data, file)
    node = compose(text, file)
    if node is None:
        _fail_at(file, 1, 1, "empty file", "a knowledge file starts with 'schema: 1'")
    reader = _Reader(file, check_aliases="*" in text)
    plain = reader.document(node)
    if reader.problems:
        raise DataError(reader.problems)
    assert plain is not None
    return plain


def _fail_at(file: str, line: int, col: int, message: str, hint: str) -> NoReturn:
    raise DataError([Problem(file, line, col, "", message, hint)])


# --------------------------------------------------------------------------
# Validation: nodes to the plain form

STR: Final = "tag:yaml.org,2002:str"
_TAG_NAMES: Final = {
    "tag:yaml.org,2002:bool": "a boolean (true/false)",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "nothing (null)",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:map": "a mapping",
    "tag:yaml.org,2002:seq": "a list",
    STR: "text",
}
_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")

# The fields of each record: name -> required?
_FIELDS: Final[dict[str, dict[str, bool]]] = {
    "document": {
        "schema": True,
        "dialogue": True,
        "parties": False,
        "participants": True,
        "topics": True,
        "commitments": False,
        "discussions": False,
        "quotes": False,
        "events": False,
    },
    "dialogue": {
        "id": True,
        "title": True,
        "ordinal": False,
        "date": True,
        "date_as_written": False,
        "date_note": False,
        "location": True,
        "chairs": True,
        "sources": True,
    },
    "source": {
        "id": True,
        "title": True,
        "publisher": False,
        "url": False,
        "date": False,
        "file": False,
    },
    "party": {"id": True, "name": True},
    "participant": {
        "id": True,
        "name": True,
        "aliases": False,
        "other_names": False,
        "role": True,
        "role_note": False,
        "country": True,
    },
    "other_name": {"name": True, "note": True},
    "topic": {"id": True, "name": True, "summary": True},
    "commitment": {
        "id": True,
        "text": True,
        "by": True,
        "stated_by": False,
        "topics": True,
        "kind": True,
        "timeline": False,
        "window": False,
        "status": False,
        "note": False,
        "other_names": False,
        "evidence": True,
    },
    "window": {"start": True, "end": True, "note": True},
    "evidence": {"source": True, "text": True},
    "discussion": {"id": True, "text": True, "topics": True, "evidence": True},
    "quote": {
        "id": True,
        "speaker": True,
        "text": True,
        "topics": True,
        "context": True,
        "source": True,
    },
    "event": {
        "id": True,
        "text": True,
        "participants": False,
        "when": False,
        "topics": False,
        "evidence": True,
    },
}
_SECTION_RECORD: Final = {
    "parties": "party",
    "participants": "participant",
    "topics": "topic",
    "commitments": "commitment",
    "discussions": "discussion",
    "quotes": "quote",
    "events": "event",
}


def _did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    import difflib

    options = list(choices)
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    lowered = {o.lower(): o for o in options}
    return f"did you mean '{lowered[word.lower()]}'?" if word.lower() in lowered else None


class _Reader:
    """One pass over a document's nodes, collecting the plain form and problems."""

    def __init__(self, file: str, *, check_aliases: bool) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.check_aliases = check_aliases
        self.seen: set[int] = set()
        self.ids: dict[str, dict[str, Node]] = {}
        self.refs: list[tuple[tuple[str, ...], str, Node, str]] = []

    # -- reporting

    def problem(self, node: Node, path: str, message: str, hint: str | None = None) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.file, mark.line + 1, mark.column + 1, path, message, hint)
        )

    def _aliased(self, node: Node, path: str) -> bool:
        if not self.check_aliases:
            return False
        if id(node) in self.seen:
            self.problem(
                node,
                path,
                "a value reused through an alias (*name); aliases are not supported",
                "write the value out where it is used",
            )
            return True
        self.seen.add(id(node))
        return False

    def _tag_ok(self, node: Node, path: str) -> bool:
        if node.tag in _TAG_NAMES:
            return True
        self.problem(
            node,
            path,
            f"tag '{node.tag}' is not allowed",
            "knowledge files hold only plain text, numbers, dates, lists and mappings",
        )
        return False

    def _unexpected(self, node: Node, path: str, expected: str) -> None:
        if not self._tag_ok(node, path):
            return
        got = _TAG_NAMES[node.tag]
        hint: str | None = None
        if node.tag == "tag:yaml.org,2002:null":
            hint = "write a value, or remove the key if it is optional"
        elif node.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
            got = f"'{node.value}', which YAML reads as {got}"
            if expected == "text":
                hint = f"put it in quotes: \"{node.value}\""
        self.problem(node, path, f"expected {expected}, got {got}", hint)

    # -- shapes

    def mapping(self, node: Node, path: str, record: str) -> dict[str, Node] | None:
        if self._aliased(node, path):
            return None
        if node.tag != "tag:yaml.org,2002:map":
            self._unexpected(node, path, "a mapping (key: value lines)")
            return None
        fields = _FIELDS[record]
        out: dict[str, Node] = {}
        key_nodes: dict[str, Node] = {}
        for knode, vnode in node.value:
            if knode.tag != STR or not isinstance(knode.value, str):
                shown = knode.value if isinstance(knode.value, str) else "a collection"
                self.problem(
                    knode,
                    path,
                    f"keys must be text, got {shown!r} ({_TAG_NAMES.get(knode.tag, knode.tag)})",
                    "merge keys (<<) and complex keys are not supported"
                    if knode.tag.endswith(":merge")
                    else f'put the key in quotes: "{shown}"',
                )
                continue
            key = knode.value
            where = f"{path}.{key}" if path else key
            if key in key_nodes:
                first = key_nodes[key].start_mark
                self.problem(
                    knode,
                    where,
                    f"duplicate key '{key}' (first at line {first.line + 1},"
                    f" column {first.column + 1})",
                    "remove one of the two",
                )
                continue
            key_nodes[key] = knode
            if key not in fields:
                guess = _did_you_mean(key, fields)
                self.problem(
                    knode,
                    where,
                    f"unknown key '{key}'",
                    guess or "expected one of: " + ", ".join(fields),
                )
                self._scan(vnode, where)
                continue
            out[key] = vnode
        missing = [k for k, required in fields.items() if required and k not in out]
        if missing:
            self.problem(
                node,
                path,
                "missing required key" + ("s " if len(missing) > 1 else " ") + ", ".join(
                    f"'{k}'" for k in missing
                ),
                "see docs/schema.md",
            )
        return out

    def _scan(self, node: Node, path: str) -> None:
        """Report disallowed tags and aliases inside a value that is otherwise skipped."""
        stack = [node]
        while stack:
            current = stack.pop()
            if self._aliased(current, path) or not self._tag_ok(current, path):
                continue
            if current.tag == "tag:yaml.org,2002:map":
                for k, v in current.value:
                    stack.extend((k, v))
            elif current.tag == "tag:yaml.org,2002:seq":
                stack.extend(current.value)

    def sequence(self, node: Node, path: str) -> list[Node]:
        if self._aliased(node, path):
            return []
        if node.tag != "tag:yaml.org,2002:seq":
            self._unexpected(node, path, "a list")
            return []
        items: list[Node] = node.value
        return items

    # -- scalars

    def text(self, node: Node | None, path: str, *, required: bool = True) -> str | None:
        if node is None:
            return None
        if node.tag == STR and isinstance(node.value, str) and not self._aliased(node, path):
            value: str = node.value
            if not value.strip():
                if required:
                    self.problem(node, path, "must not be empty", "write the text")
                    return None
                return None
            return value
        if node.tag == "tag:yaml.org,2002:null" and not required:
            return None
        if node.tag != STR:
            self._unexpected(node, path, "text")
        return None

    def ident(self, node: Node | None, path: str) -> str | None:
        value = self.text(node, path)
        if value is not None and node is not None and not _ID.match(value):
            self.problem(
                node,
                path,
                f"'{value}' is not a valid id",
                "ids use lowercase letters, digits, '-', '_' and '.', e.g. 'ai-dialogue'",
            )
            return None
        return value

    def choice(self, node: Node | None, path: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(node, path)
        if value is None or node is None:
            return None
        if value not in choices:
            guess = _did_you_mean(value, choices)
            self.problem(
                node,
                path,
                f"unknown value '{value}'; expected one of: " + ", ".join(choices),
                guess,
            )
            return None
        return value

    def integer(self, node: Node | None, path: str) -> int | None:
        if node is None:
            return None
        if node.tag == "tag:yaml.org,2002:int" and node.value.isdigit():
            return int(node.value)
        if node.tag == "tag:yaml.org,2002:int":
            self.problem(node, path, f"expected a whole number like 18, got '{node.value}'")
        else:
            self._unexpected(node, path, "a whole number")
        return None

    def date(self, node: Node | None, path: str) -> str | None:
        if node is None:
            return None
        if node.tag not in ("tag:yaml.org,2002:timestamp", STR) or not isinstance(
            node.value, str
        ):
            self._unexpected(node, path, "a date (YYYY-MM-DD)")
            return None
        value: str = node.value
        try:
            if len(value) != 10:
                raise ValueError
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                self.problem(
                    node, path, f"impossible date '{value}'", "check the month and the day"
                )
            else:
                self.problem(
                    node, path, f"expected a date (YYYY-MM-DD), got '{value}'", "e.g. 2026-01-16"
                )
            return None

    # -- lists of scalars and references

    def texts(self, node: Node | None, path: str) -> list[str]:
        if node is None:
            return []
        out = []
        for i, item in enumerate(self.sequence(node, path)):
            value = self.text(item, f"{path}[{i}]")
            if value is not None:
                out.append(value)
        return out

    def ref(self, node: Node | None, path: str, tables: tuple[str, ...]) -> str | None:
        value = self.ident(node, path)
        if value is not None and node is not None:
            self.refs.append((tables, value, node, path))
        return value

    def refs_list(
        self, node: Node | None, path: str, tables: tuple[str, ...], *, required: bool = False
    ) -> list[str]:
        if node is None:
            return []
        items = self.sequence(node, path)
        if required and not items and node.tag == "tag:yaml.org,2002:seq":
            self.problem(node, path, "must not be empty", "name at least one")
        out = []
        for i, item in enumerate(items):
            value = self.ref(item, f"{path}[{i}]", tables)
            if value is not None:
                out.append(value)
        return out

    def register(self, table: str, node: Node | None, path: str) -> str | None:
        value = self.ident(node, path)
        if value is None or node is None:
            return None
        seen = self.ids.setdefault(table, {})
        if value in seen:
            first = seen[value].start_mark
            self.problem(
                node,
                path,
                f"duplicate id '{value}' (first used at line {first.line + 1})",
                "ids must be unique within their section",
            )
        else:
            seen[value] = node
        return value

    def resolve_refs(self) -> None:
        names = {
            "participants": "participant",
            "parties": "party",
            "topics": "topic",
            "sources": "source",
        }
        for tables, value, node, path in self.refs:
            if any(value in self.ids.get(t, {}) for t in tables):
                continue
            known: list[str] = [k for t in tables for k in self.ids.get(t, {})]
            what = " or ".join(names[t] for t in tables)
            guess = _did_you_mean(value, known)
            self.problem(
                node,
                path,
                f"unknown {what} '{value}'",
                guess or ("known: " + ", ".join(known) if known else f"define the {what} first"),
            )

    # -- records

    def document(self, node: Node) -> Plain | None:
        if node.tag != "tag:yaml.org,2002:map":
            if self._tag_ok(node, ""):
                self.problem(
                    node,
                    "",
                    f"expected a mapping at the top of the file, got {_TAG_NAMES[node.tag]}",
                    "a knowledge file starts with 'schema: 1', then 'dialogue:'",
                )
            return None
        top = self.mapping(node, "", "document")
        assert top is not None
        schema = top.get("schema")
        if schema is not None:
            version = self.integer(schema, "schema")
            if version is not None and version != SCHEMA_VERSION:
                self.problem(
                    schema,
                    "schema",
                    f"unsupported schema version {version}; this briefing reads schema"
                    f" {SCHEMA_VERSION}",
                    "upgrade briefing, or check the number",
                )
                return None
        if "dialogue" not in top:
            return None
        sections: Plain = {}
        for section, record in _SECTION_RECORD.items():
            items = []
            sec_node = top.get(section)
            if sec_node is not None:
                for i, item in enumerate(self.sequence(sec_node, section)):
                    fields = self.mapping(item, f"{section}[{i}]", record)
                    if fields is not None:
                        items.append(getattr(self, record)(fields, f"{section}[{i}]"))
            sections[section] = items
        dialogue_node = top["dialogue"]
        dialogue = self.dialogue(dialogue_node)
        for table in ("parties", "participants"):
            other = "participants" if table == "parties" else "parties"
            for pid, pnode in self.ids.get(table, {}).items():
                if table == "participants" and pid in self.ids.get(other, {}):
                    self.problem(
                        pnode,
                        "participants",
                        f"id '{pid}' is used by both a party and a participant",
                        "give them different ids",
                    )
        self.resolve_refs()
        if dialogue is None:
            return None
        id_node = dialogue.pop("_id_node")
        return {
            "dialogue": dialogue,
            **sections,
            "id_mark": [id_node.start_mark.line + 1, id_node.start_mark.column + 1],
        }

    def dialogue(self, node: Node) -> Plain | None:
        fields = self.mapping(node, "dialogue", "dialogue")
        if fields is None:
            return None
        sources = []
        src_node = fields.get("sources")
        if src_node is not None:
            items = self.sequence(src_node, "dialogue.sources")
            if not items and src_node.tag == "tag:yaml.org,2002:seq":
                self.problem(src_node, "dialogue.sources", "must not be empty", "cite a source")
            for i, item in enumerate(items):
                path = f"dialogue.sources[{i}]"
                f = self.mapping(item, path, "source")
                if f is not None:
                    sources.append(
                        {
                            "id": self.register("sources", f.get("id"), f"{path}.id"),
                            "title": self.text(f.get("title"), f"{path}.title"),
                            "publisher": self.text(
                                f.get("publisher"), f"{path}.publisher", required=False
                            ),
                            "url": self.text(f.get("url"), f"{path}.url", required=False),
                            "date": self.date(f.get("date"), f"{path}.date"),
                            "file": self.text(f.get("file"), f"{path}.file", required=False),
                        }
                    )
        id_node = fields.get("id")
        return {
            "id": self.ident(id_node, "dialogue.id"),
            "_id_node": id_node if id_node is not None else node,
            "title": self.text(fields.get("title"), "dialogue.title"),
            "ordinal": self.integer(fields.get("ordinal"), "dialogue.ordinal"),
            "date": self.date(fields.get("date"), "dialogue.date"),
            "date_as_written": self.text(
                fields.get("date_as_written"), "dialogue.date_as_written", required=False
            ),
            "date_note": self.text(fields.get("date_note"), "dialogue.date_note", required=False),
            "location": self.text(fields.get("location"), "dialogue.location"),
            "chairs": self.refs_list(
                fields.get("chairs"), "dialogue.chairs", ("participants",), required=True
            ),
            "sources": sources,
        }

    def other_names(self, node: Node | None, path: str) -> list[Plain]:
        out = []
        for i, item in enumerate(self.sequence(node, path) if node is not None else []):
            f = self.mapping(item, f"{path}[{i}]", "other_name")
            if f is not None:
                out.append(
                    {
                        "name": self.text(f.get("name"), f"{path}[{i}].name"),
                        "note": self.text(f.get("note"), f"{path}[{i}].note"),
                    }
                )
        return out

    def evidence(self, node: Node | None, path: str) -> Plain:
        f = self.mapping(node, path, "evidence") if node is not None else None
        if f is None:
            return {"source": None, "text": None}
        return {
            "source": self.ref(f.get("source"), f"{path}.source", ("sources",)),
            "text": self.text(f.get("text"), f"{path}.text"),
        }

    def party(self, f: dict[str, Node], path: str) -> Plain:
        return {
            "id": self.register("parties", f.get("id"), f"{path}.id"),
            "name": self.text(f.get("name"), f"{path}.name"),
        }

    def participant(self, f: dict[str, Node], path: str) -> Plain:
        return {
            "id": self.register("participants", f.get("id"), f"{path}.id"),
            "name": self.text(f.get("name"), f"{path}.name"),
            "aliases": self.texts(f.get("aliases"), f"{path}.aliases"),
            "other_names": self.other_names(f.get("other_names"), f"{path}.other_names"),
            "role": self.text(f.get("role"), f"{path}.role"),
            "role_note": self.text(f.get("role_note"), f"{path}.role_note", required=False),
            "country": self.text(f.get("country"), f"{path}.country"),
        }

    def topic(self, f: dict[str, Node], path: str) -> Plain:
        return {
            "id": self.register("topics", f.get("id"), f"{path}.id"),
            "name": self.text(f.get("name"), f"{path}.name"),
            "summary": self.text(f.get("summary"), f"{path}.summary"),
        }

    def commitment(self, f: dict[str, Node], path: str) -> Plain:
        window = None
        wnode = f.get("window")
        if wnode is not None:
            w = self.mapping(wnode, f"{path}.window", "window")
            if w is not None:
                start = self.date(w.get("start"), f"{path}.window.start")
                end = self.date(w.get("end"), f"{path}.window.end")
                if start and end and end < start:
                    self.problem(
                        wnode, f"{path}.window", f"window ends ({end}) before it starts ({start})"
                    )
                window = {
                    "start": start,
                    "end": end,
                    "note": self.text(w.get("note"), f"{path}.window.note"),
                }
        return {
            "id": self.register("commitments", f.get("id"), f"{path}.id"),
            "text": self.text(f.get("text"), f"{path}.text"),
            "by": self.refs_list(
                f.get("by"), f"{path}.by", ("parties", "participants"), required=True
            ),
            "stated_by": self.ref(f.get("stated_by"), f"{path}.stated_by", ("participants",)),
            "topics": self.refs_list(f.get("topics"), f"{path}.topics", ("topics",)),
            "kind": self.choice(f.get("kind"), f"{path}.kind", KINDS),
            "timeline": self.text(f.get("timeline"), f"{path}.timeline", required=False),
            "window": window,
            "status": self.choice(f.get("status"), f"{path}.status", STATUSES)
            if "status" in f
            else None,
            "note": self.text(f.get("note"), f"{path}.note", required=False),
            "other_names": self.other_names(f.get("other_names"), f"{path}.other_names"),
            "evidence": self.evidence(f.get("evidence"), f"{path}.evidence"),
        }

    def discussion(self, f: dict[str, Node], path: str) -> Plain:
        return {
            "id": self.register("discussions", f.get("id"), f"{path}.id"),
            "text": self.text(f.get("text"), f"{path}.text"),
            "topics": self.refs_list(f.get("topics"), f"{path}.topics", ("topics",)),
            "evidence": self.evidence(f.get("evidence"), f"{path}.evidence"),
        }

    def quote(self, f: dict[str, Node], path: str) -> Plain:
        return {
            "id": self.register("quotes", f.get("id"), f"{path}.id"),
            "speaker": self.ref(f.get("speaker"), f"{path}.speaker", ("participants",)),
            "text": self.text(f.get("text"), f"{path}.text"),
            "topics": self.refs_list(f.get("topics"), f"{path}.topics", ("topics",)),
            "context": self.text(f.get("context"), f"{path}.context"),
            "source": self.ref(f.get("source"), f"{path}.source", ("sources",)),
        }

    def event(self, f: dict[str, Node], path: str) -> Plain:
        return {
            "id": self.register("events", f.get("id"), f"{path}.id"),
            "text": self.text(f.get("text"), f"{path}.text"),
            "participants": self.refs_list(
                f.get("participants"), f"{path}.participants", ("participants",)
            ),
            "when": self.text(f.get("when"), f"{path}.when", required=False),
            "topics": self.refs_list(f.get("topics"), f"{path}.topics", ("topics",)),
            "evidence": self.evidence(f.get("evidence"), f"{path}.evidence"),
        }


# --------------------------------------------------------------------------
# Plain form to model (shared by fresh and cached loads)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _evidence(p: Plain) -> Evidence:
    return Evidence(p["source"], p["text"])


def _names(items: list[Plain]) -> tuple[OtherName, ...]:
    return tuple(OtherName(o["name"], o["note"]) for o in items)


def _commitments(items: list[Plain]) -> Iterator[Commitment]:
    for c in items:
        w = c["window"]
        yield Commitment(
            c["id"],
            c["text"],
            tuple(c["by"]),
            c["stated_by"],
            tuple(c["topics"]),
            c["kind"],
            c["timeline"],
            Window(dt.date.fromisoformat(w["start"]), dt.date.fromisoformat(w["end"]), w["note"])
            if w
            else None,
            c["status"],
            c["note"],
            _names(c["other_names"]),
            _evidence(c["evidence"]),
        )


def dialogue_from_plain(plain: Plain, path: str) -> Dialogue:
    d = plain["dialogue"]
    return Dialogue(
        id=d["id"],
        title=d["title"],
        ordinal=d["ordinal"],
        date=dt.date.fromisoformat(d["date"]),
        date_as_written=d["date_as_written"],
        date_note=d["date_note"],
        location=d["location"],
        chairs=tuple(d["chairs"]),
        sources=tuple(
            Source(s["id"], s["title"], s["publisher"], s["url"], _date(s["date"]), s["file"])
            for s in d["sources"]
        ),
        parties=tuple(Party(p["id"], p["name"]) for p in plain["parties"]),
        participants=tuple(
            Participant(
                p["id"],
                p["name"],
                tuple(p["aliases"]),
                _names(p["other_names"]),
                p["role"],
                p["role_note"],
                p["country"],
            )
            for p in plain["participants"]
        ),
        topics=tuple(Topic(t["id"], t["name"], t["summary"]) for t in plain["topics"]),
        commitments=tuple(_commitments(plain["commitments"])),
        discussions=tuple(
            Discussion(x["id"], x["text"], tuple(x["topics"]), _evidence(x["evidence"]))
            for x in plain["discussions"]
        ),
        quotes=tuple(
            Quote(
                q["id"], q["speaker"], q["text"], tuple(q["topics"]), q["context"], q["source"]
            )
            for q in plain["quotes"]
        ),
        events=tuple(
            Event(
                e["id"],
                e["text"],
                tuple(e["participants"]),
                e["when"],
                tuple(e["topics"]),
                _evidence(e["evidence"]),
            )
            for e in plain["events"]
        ),
        path=path,
    )
