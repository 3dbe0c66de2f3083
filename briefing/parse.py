"""Knowledge-file text to the plain form, with every problem located at FILE:LINE:COL.

The raw bytes are checked (size, encoding, bytes YAML cannot hold, nesting
depth) before any parser sees them. PyYAML's safe composer then builds the node
tree, which keeps a mark on every node; a file that may hold anchors or aliases
is also read as events, to find them. Finally one pass over the nodes validates
them against schema 1 and builds a plain, JSON-ready form of the dialogue.

Every problem says what was expected and what was found, with a hint, and
problems are reported in file order.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from typing import TYPE_CHECKING, Any, Final, NoReturn

from briefing.errors import MAX_DEPTH, MAX_INDENT, DataError, Problem, did_you_mean, fail
from briefing.model import KINDS, SCHEMA_VERSION, STATUSES

Plain = dict[str, Any]

if TYPE_CHECKING:
    from yaml.error import Mark
    from yaml.nodes import Node

# --------------------------------------------------------------------------
# Byte and text checks before parsing


def _line_col(text: str, index: int) -> tuple[int, int]:
    # A lone CR is a line break to YAML (and to editors), as are CR LF and LF.
    prefix = text[:index]
    if "\r" in prefix:
        prefix = prefix.replace("\r\n", "\n").replace("\r", "\n")
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


_BOM: Final = b"\xef\xbb\xbf"
# Characters YAML does not allow in a stream, and the three that it reads as
# line breaks although editors mostly do not (NEL, LS, PS): they would put the
# line numbers of every later message out of step with the editor's.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")
_SEPARATOR_BYTES = re.compile(rb"\xe2\x80[\xa8\xa9]")
_DEEP_INDENT = re.compile(rf"^[ \t\-?:]{{{MAX_INDENT},}}", re.MULTILINE)
_FLOW = re.compile(r"[\[\]{}]")


def _shape_table() -> bytes:
    # One byte per input byte: 0 for a control byte, 1 for indentation-like
    # bytes, '[' and ']' for any opening and closing bracket, line breaks kept.
    table = bytearray(b"x" * 256)
    for b in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F):
        table[b] = 0
    for b in b" \t-?:":
        table[b] = 1
    for b in b"\n\r":
        table[b] = ord("\n")
    for b in b"[{":
        table[b] = ord("[")
    for b in b"]}":
        table[b] = ord("]")
    return bytes(table)


_SHAPE: Final = _shape_table()
_NOT_BRACKETS: Final = bytes(b for b in range(256) if b not in b"[]")
_DEEP_RUN: Final = b"\x01" * MAX_INDENT


def decode(data: bytes, file: str) -> str:
    """UTF-8 text from bytes, with a located error for anything YAML cannot hold."""
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = body[: exc.start].decode("utf-8")
        line, col = _line_col(good, len(good))
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        raise DataError(
            [
                Problem(
                    file,
                    line,
                    col,
                    "",
                    f"expected UTF-8 text, found byte 0x{body[exc.start]:02X},"
                    " which is not valid UTF-8",
                    "the file looks like UTF-16; save it as UTF-8"
                    if utf16
                    else "save the file as UTF-8",
                )
            ]
        ) from None
    # All byte-level checks run on one translated copy: C loops, no Python loop.
    shape = body.translate(_SHAPE)
    if (
        b"\x00" in shape
        or (b"\xc2" in body and _C1_BYTES.search(body) is not None)
        or _SEPARATOR_BYTES.search(body) is not None
        or b"\xef\xbf\xbe" in body
        or b"\xef\xbf\xbf" in body
    ):
        _control_problem(text, file)
    if shape.startswith(_DEEP_RUN) or (b"\n" + _DEEP_RUN) in shape:
        deep = _DEEP_INDENT.search(text)
        line, col = _line_col(text, deep.start() if deep is not None else 0)
        fail(
            file,
            f"nesting is too deep: expected indentation under {MAX_INDENT} columns",
            f"the limit is {MAX_DEPTH} levels; a knowledge file needs about 6",
            line=line,
            column=col,
        )
    brackets = shape.translate(None, _NOT_BRACKETS)
    if brackets.count(b"[") > MAX_DEPTH and _too_deep(brackets):
        _depth_problem(text, file)
    return text


def _too_deep(brackets: bytes) -> bool:
    """Whether brackets nest deeper than MAX_DEPTH (given only '[' and ']' bytes)."""
    # Each round removes the innermost pairs, so at most one level: the depth is
    # at most the rounds done plus the openers left. That settles almost every
    # file in a few C-speed passes; the rest are counted exactly.
    reduced = brackets
    for rounds in range(1, MAX_DEPTH + 1):
        smaller = reduced.replace(b"[]", b"")
        if smaller == reduced:
            break
        reduced = smaller
        if rounds + reduced.count(b"[") <= MAX_DEPTH:
            return False
    depth = 0
    for b in brackets:
        if b == 0x5B:
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif depth:
            depth -= 1
    return False


def _control_problem(text: str, file: str) -> NoReturn:
    bad = _CONTROL.search(text)
    assert bad is not None
    char = bad.group()
    line, col = _line_col(text, bad.start())
    breaks = {
        "\x85": "a next-line character",
        "\u2028": "a line separator",
        "\u2029": "a paragraph separator",
    }
    if char in breaks:
        fail(
            file,
            f"expected text, found {breaks[char]} (U+{ord(char):04X}), which YAML reads as a"
            " line break",
            "replace it with a space, or with a real line break",
            line=line,
            column=col,
        )
    name = {"\x00": "a NUL byte", "\x1b": "an ESC byte", "\ufffe": "a noncharacter"}.get(
        char, "a noncharacter" if char == "\uffff" else "a control character"
    )
    if char == "\x00":
        hint = "the file looks binary or corrupted; a knowledge file is plain UTF-8 text"
    elif ord(char) < 0x100:
        escape = "\\e" if char == "\x1b" else f"\\x{ord(char):02x}"
        hint = f'write it as an escape inside double quotes, e.g. "{escape}", or remove it'
    else:
        hint = "remove it"
    fail(
        file,
        f"expected text, found {name} (U+{ord(char):04X}), which YAML does not allow",
        hint,
        line=line,
        column=col,
    )


def _depth_problem(text: str, file: str) -> NoReturn:
    depth = 0
    for match in _FLOW.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, col = _line_col(text, match.start())
                fail(
                    file,
                    f"nesting is too deep: expected at most {MAX_DEPTH} levels of brackets",
                    "a knowledge file needs about 6 levels; check for unclosed '[' or '{'",
                    line=line,
                    column=col,
                )
        elif depth:
            depth -= 1
    raise AssertionError("unreachable: the bracket count said too deep")  # pragma: no cover


# --------------------------------------------------------------------------
# Parsing


@functools.cache
def _loader_class() -> Any:
    """The safe loader (the C one when available), with a leaner tag resolver.

    The composer asks the resolver for the tag of every scalar. PyYAML's own
    resolve() also walks the path resolvers, which a safe loader never has;
    this one goes straight to the implicit resolvers for plain scalars, with
    the same answers, and makes composing a large file noticeably faster.
    """
    import yaml
    from yaml.nodes import MappingNode, ScalarNode

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    implicit = base.yaml_implicit_resolvers
    if None in implicit:  # pragma: no cover - resolvers for any first character
        return base
    default_scalar, default_seq, default_map = (
        base.DEFAULT_SCALAR_TAG,
        base.DEFAULT_SEQUENCE_TAG,
        base.DEFAULT_MAPPING_TAG,
    )

    class Loader(base):  # type: ignore[misc,valid-type]
        def resolve(self, kind: type, value: Any, implicit_flags: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                if implicit_flags[0]:
                    for tag, regexp in implicit.get(value[:1] if value else "", ()):
                        if regexp.match(value):
                            return str(tag)
                return str(default_scalar)
            return str(default_map if kind is MappingNode else default_seq)

    return Loader


def compose(text: str, file: str) -> Node | None:
    """The YAML node tree of TEXT, read with a safe loader (the C one when available)."""
    import yaml

    loader = _loader_class()(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    except yaml.MarkedYAMLError as exc:
        raise DataError([_yaml_problem(exc, text, file)]) from None
    except yaml.reader.ReaderError as exc:  # pragma: no cover - decode() refuses these first
        prefix = text.encode("utf-8")[: exc.position].decode("utf-8", "ignore")
        line, col = _line_col(prefix, len(prefix))
        raise DataError(
            [
                Problem(
                    file,
                    line,
                    col,
                    "",
                    f"expected text, found character U+{exc.character:04X}, which YAML does"
                    " not allow",
                    "remove it",
                )
            ]
        ) from None
    except RecursionError:  # pragma: no cover - only the pure-Python parser recurses
        raise DataError(
            [
                Problem(
                    file,
                    1,
                    1,
                    "",
                    "nesting is too deep for the parser",
                    f"the limit is {MAX_DEPTH} levels; a knowledge file needs about 6",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error carries a mark
        raise DataError(
            [Problem(file, 0, 0, "", f"cannot parse YAML: {exc}", "see docs/schema.md")]
        ) from None
    finally:
        loader.dispose()


_QUOTE_HINT: Final = "put the text in quotes"


def _yaml_problem(exc: Any, text: str, file: str) -> Problem:
    """A parser error as a located problem that says what was expected."""
    problem_mark: Mark | None = exc.problem_mark
    context_mark: Mark | None = exc.context_mark
    mark = problem_mark or context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    lines = _lines(text)
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    at = here[col - 1 : col]
    at_end = mark is not None and mark.index >= len(text.rstrip())
    found = (
        f"'{at}', which cannot start unquoted text"
        if at
        else f"the end of the {'file' if at_end else 'line'}"
    )
    indent = here[: len(here) - len(here.lstrip(" \t"))]
    opened = (
        f"line {context_mark.line + 1}, column {context_mark.column + 1}"
        if context_mark is not None
        else "above"
    )

    def located(message: str, hint: str, where: Mark | None = None) -> Problem:
        if where is not None:
            return Problem(file, where.line + 1, where.column + 1, "", message, hint)
        return Problem(file, line, col, "", message, hint)

    if "tab" in problem or (at == "\t" and "cannot start any token" in problem):
        tab_col = indent.index("\t") + 1 if "\t" in indent else col
        return Problem(
            file,
            line,
            tab_col,
            "",
            "expected spaces, found a tab used for indentation",
            "indent with spaces only",
        )
    if "expected a single document" in context:
        return located(
            "expected one YAML document, found a second one (---)",
            "a knowledge file holds one dialogue; put each in its own file",
        )
    if "expected <document start>" in problem:
        return located(
            "expected the end of the file, found more content",
            "remove what follows the end of the document: a '...' line or an extra closing"
            " bracket ends it early",
        )
    if "found undefined alias" in problem:
        name = re.match(r"\*[^\s,\[\]{}]*", here[col - 1 :])
        shown = name.group() if name else "*"
        return located(
            f"expected a value, found the alias '{shown}'; aliases are not allowed",
            "write the value out in full, or put text starting with '*' in quotes",
        )
    if "duplicate anchor" in context or "duplicate anchor" in problem:
        return located(
            "expected a plain value, found a second anchor of the same name;"
            " anchors and aliases are not allowed",
            "remove each '&name' anchor and write each value out in full",
        )
    if "scanning an alias" in context or "scanning an anchor" in context:
        sign = "*" if "alias" in context else "&"
        return located(
            f"expected a value, found '{sign}', which starts an "
            + ("alias" if sign == "*" else "anchor"),
            _QUOTE_HINT + f": YAML reads a value starting with '{sign}' specially",
            context_mark,
        )
    if "scanning a tag" in context:
        return located(
            "expected a value, found a malformed tag ('!')",
            _QUOTE_HINT + ": YAML reads a value starting with '!' as a tag",
            context_mark,
        )
    if "cannot start any token" in problem:
        return located(
            f"expected a value, found '{at}', which cannot start unquoted text",
            _QUOTE_HINT,
        )
    if "mapping values are not allowed" in problem:
        return located(
            "expected a value, found ': ' inside unquoted text",
            _QUOTE_HINT + ", or if this is a key, line it up with the keys above it",
        )
    if "block sequence entries are not allowed" in problem:
        return located(
            "expected a value, found a '- ' list item on the same line as its key",
            "start the list on the next line, indented, or put the text in quotes",
        )
    if "scanning a quoted scalar" in context and "end of stream" in problem:
        return located(
            f"expected a closing quote for the text quoted at {opened}, found the end of the file",
            'close the quote; inside double quotes write \\" for a quote character',
            context_mark,
        )
    if "quoted scalar" in context and ("escape" in problem or "hexdecimal" in problem):
        return located(
            "expected a valid escape after '\\' in double-quoted text",
            "write a backslash as \\\\, or use single quotes",
        )
    if "could not find expected ':'" in problem:
        return located(
            "expected 'key: value', found a line without ': '",
            "indent a continued value further than its key, or put it in quotes",
            context_mark,
        )
    if "did not find expected key" in problem:
        return located(
            "expected a key at this indentation",
            "line this up with the other keys of the mapping, or indent it under its key",
        )
    if "did not find expected '-' indicator" in problem:
        return located(
            "expected a '- ' list item at this indentation",
            "line this up with the other items of the list, or indent it under its key",
        )
    if "did not find expected ',' or ']'" in problem:
        return located(
            f"expected ',' or ']' in the list opened at {opened}",
            "close the list with ']', and quote items that contain ',', '[' or ']'",
        )
    if "did not find expected ',' or '}'" in problem:
        return located(
            f"expected ',' or '}}' in the mapping opened at {opened}",
            "close the mapping with '}', and quote values that contain ',', '{' or '}'",
        )
    if "expected node content" in problem:
        return located(
            f"expected a value, found {found}",
            _QUOTE_HINT if at else "finish the value, or close the '[' or '{' left open",
        )
    if "directive" in context or "directive" in problem:
        return located(
            "expected content, found a '%' directive that is not supported here",
            "remove the '%' line; knowledge files need no directives",
        )
    if "tag handle" in problem:
        return located(
            "expected a value, found a tag with an undefined handle",
            "remove the tag; knowledge files use no tags",
        )
    if "scanning a block scalar" in context:
        return located(
            "expected a line break after the '|' or '>' that starts a block of text",
            "start the text on the next line, indented; only '-', '+' or a digit may follow",
        )
    if "maximum nesting depth" in problem:  # pragma: no cover - our limit is far lower
        return located(
            "nesting is too deep for the parser",
            f"the limit is {MAX_DEPTH} levels; a knowledge file needs about 6",
        )
    message = problem or "invalid YAML"
    if context and context_mark is not None:
        message += f" ({context} at {opened})"
    return located(message, "check the indentation and quoting here and on the line above")


# --------------------------------------------------------------------------
# Anchors and aliases


def _may_share(text: str) -> bool:
    """Whether TEXT might hold an anchor or an alias (cheap; no false negatives).

    A '&' or '*' can start a token only after a non-alphanumeric character.
    """
    for sign in "&*":
        i = text.find(sign)
        while i != -1:
            if i == 0 or not text[i - 1].isalnum():
                return True
            i = text.find(sign, i + 1)
    return False


def _sharing_problems(text: str, file: str) -> tuple[list[Problem], bool]:
    """One problem per anchor, naming its aliases; and whether any alias exists."""
    import yaml

    anchors: dict[str, tuple[Any, str]] = {}
    uses: dict[str, list[Any]] = {}
    # Each frame: [path, is_mapping, next index, expecting a key, current key]
    stack: list[list[Any]] = []
    loader = _loader_class()(text)
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            path = ""
            if stack:
                frame = stack[-1]
                if not frame[1]:
                    path = f"{frame[0]}[{frame[2]}]"
                    frame[2] += 1
                elif frame[3]:
                    path = frame[0]
                    frame[4] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
                    frame[3] = False
                else:
                    path = f"{frame[0]}.{frame[4]}" if frame[0] else str(frame[4])
                    frame[3] = True
            if isinstance(event, yaml.AliasEvent):
                uses.setdefault(str(event.anchor), []).append(event.start_mark)
            elif event.anchor is not None:
                anchors.setdefault(event.anchor, (event.start_mark, path))
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append([path, isinstance(event, yaml.MappingStartEvent), 0, True, ""])
    except yaml.YAMLError:  # pragma: no cover - the composer has already accepted the text
        pass
    finally:
        loader.dispose()
    problems = []
    for name, (mark, path) in anchors.items():
        marks = uses.get(name, [])
        if not marks:
            hint = f"remove '&{name}'"
        elif len(marks) == 1:
            hint = (
                f"remove '&{name}' and write the value out in place of '*{name}'"
                f" at line {marks[0].line + 1}, column {marks[0].column + 1}"
            )
        else:
            lines = sorted({m.line + 1 for m in marks})
            shown = [str(n) for n in lines[:3]]
            if len(lines) > 3:
                shown.append(f"{len(lines) - 3} more")
            where = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
            hint = (
                f"remove '&{name}' and write the value out in place of the {len(marks)}"
                f" uses of '*{name}', on line{'s' if len(lines) > 1 else ''} {where}"
            )
        problems.append(
            Problem(
                file,
                mark.line + 1,
                mark.column + 1,
                path,
                f"expected a plain value, found the anchor '&{name}';"
                " anchors and aliases are not allowed",
                hint,
            )
        )
    return problems, bool(uses)


def parse_plain(data: bytes, file: str) -> Plain:
    """Validate one knowledge file; return its plain form or raise DataError."""
    text = decode(data, file)
    node = compose(text, file)
    if node is None:
        fail(
            file,
            "expected a knowledge file, found no content",
            "start with 'schema: 1', then 'dialogue:'; see docs/schema.md",
            line=1,
            column=1,
        )
    problems: list[Problem] = []
    shared = False
    if _may_share(text):
        problems, shared = _sharing_problems(text, file)
    reader = _Reader(file, shared=shared)
    plain = reader.document(node)
    problems.extend(reader.problems)
    if problems:
        problems.sort(key=lambda p: (p.line, p.column))
        raise DataError(problems)
    assert plain is not None
    return plain


# --------------------------------------------------------------------------
# Validation: nodes to the plain form

_TAG: Final = "tag:yaml.org,2002:"
STR: Final = _TAG + "str"
MAP: Final = _TAG + "map"
SEQ: Final = _TAG + "seq"
NULL: Final = _TAG + "null"
INT: Final = _TAG + "int"
_TAG_NAMES: Final = {
    _TAG + "bool": "a boolean",
    INT: "a number",
    _TAG + "float": "a number",
    NULL: "nothing (null)",
    _TAG + "timestamp": "a date",
    _TAG + "value": "a special value",
    _TAG + "merge": "a merge key",
    MAP: "a mapping",
    SEQ: "a list",
    STR: "text",
}
# The node kind each allowed tag belongs on.
_TAG_KIND: Final = dict.fromkeys(_TAG_NAMES, "scalar") | {MAP: "mapping", SEQ: "sequence"}
_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
_DIGITS = re.compile(r"(?:0|[1-9][0-9]*)\Z")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")

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
_REQUIRED: Final = {
    record: frozenset(k for k, required in fields.items() if required)
    for record, fields in _FIELDS.items()
}
_RECORD_NAMES: Final = {
    "document": "the file",
    "dialogue": "the dialogue",
    "source": "a source",
    "party": "a party",
    "participant": "a participant",
    "other_name": "an other_names entry",
    "topic": "a topic",
    "commitment": "a commitment",
    "window": "a window",
    "evidence": "an evidence block",
    "discussion": "a discussion",
    "quote": "a quote",
    "event": "an event",
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
_TABLE_NAMES: Final = {
    "participants": "participant",
    "parties": "party",
    "topics": "topic",
    "sources": "source",
}


def _kind(node: Node) -> str:
    """'scalar', 'sequence' or 'mapping' (a class attribute the type stubs omit)."""
    kind: str = node.id  # type: ignore[attr-defined]
    return kind


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _explicit(node: Node) -> bool:
    """Whether a scalar's tag is written out (like '!!int') rather than read from its form."""
    import yaml

    plain = getattr(node, "style", None) in (None, "")
    resolver: Any = yaml.resolver.Resolver()
    return bool(resolver.resolve(yaml.ScalarNode, node.value, (plain, not plain)) != node.tag)


def _reading(node: Node) -> str:
    """What YAML 1.1 makes of a scalar that is not text, for messages."""
    import yaml

    name = _TAG_NAMES[node.tag]
    if _explicit(node):
        return f"{_shown(node.value)}, tagged '{_short_tag(node.tag)}'"
    if node.tag == NULL:
        if not node.value:
            return "nothing (null)"
        return f"{_shown(node.value)}, which YAML reads as nothing (null)"
    try:
        value = yaml.constructor.SafeConstructor().construct_object(node)
    except Exception:  # only for a friendlier message; any failure keeps the plain one
        value = None
    if isinstance(value, bool):
        name = f"the boolean {'true' if value else 'false'}"
    elif isinstance(value, float) and math.isnan(value):
        name = "a number (not-a-number)"
    elif isinstance(value, float) and math.isinf(value):
        name = "a number (infinity)"
    elif isinstance(value, int | float) and str(value) != node.value:
        name = f"the number {value}"
    elif isinstance(value, dt.datetime):
        name = "a date and time"
    return f"{_shown(node.value)}, which YAML reads as {name}"


def _shown(value: str) -> str:
    return f"'{value}'" if len(value) <= 40 else f"'{value[:37]}...'"


class _Reader:
    """One pass over a document's nodes, collecting the plain form and problems."""

    def __init__(self, file: str, *, shared: bool) -> None:
        self.file = file
        self.problems: list[Problem] = []
        # With aliases in the file one node can sit in several places; each is
        # read once (aliases are reported separately), so a "billion laughs"
        # file costs no more than its size.
        self.shared = shared
        self.seen: set[int] = set()
        self.ids: dict[str, dict[str, tuple[Node, str]]] = {}
        self.broken: set[str] = set()
        self.refs: list[tuple[tuple[str, ...], str, Node, str]] = []

    # -- reporting

    def problem(self, node: Node, path: str, message: str, hint: str | None = None) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.file, mark.line + 1, mark.column + 1, path, message, hint)
        )

    def _again(self, node: Node) -> bool:
        """Whether NODE was already read through another alias (then skip it)."""
        if not self.shared:
            return False
        if id(node) in self.seen:
            return True
        self.seen.add(id(node))
        return False

    def _tag_ok(self, node: Node, path: str) -> bool:
        kind = _TAG_KIND.get(node.tag)
        if kind == _kind(node):
            return True
        what = {"scalar": "a value", "sequence": "a list", "mapping": "a mapping"}[_kind(node)]
        self.problem(
            node,
            path,
            f"expected plain text, numbers, dates, lists or mappings, found {what} tagged"
            f" '{_short_tag(node.tag)}'",
            "remove the tag; knowledge files use no tags"
            if kind is None
            else f"remove the tag '{_short_tag(node.tag)}'",
        )
        return False

    def _unexpected(self, node: Node, path: str, expected: str, hint: str | None = None) -> None:
        if self._again(node) or not self._tag_ok(node, path):
            return
        if _kind(node) != "scalar":
            got = _TAG_NAMES[node.tag]
        elif _explicit(node):
            got = _reading(node)
            hint = f"remove the tag '{_short_tag(node.tag)}'"
        elif node.tag == NULL:
            got = _reading(node)
            hint = (
                "write a value, or remove the empty item"
                if path.endswith("]")
                else "write a value after the colon; this field is required"
            )
        else:
            got = _reading(node)
            if expected == "text":
                hint = f'put it in quotes: "{node.value}"'
        self.problem(node, path, f"expected {expected}, got {got}", hint)

    # -- shapes

    def mapping(self, node: Node, path: str, record: str) -> dict[str, Node] | None:
        # The hot path of every load: keep the common case free of calls and strings.
        if node.tag != MAP or node.id != "mapping":  # type: ignore[attr-defined]
            name = _RECORD_NAMES[record]
            if node.tag == SEQ:
                hint = f"{name} is one block of 'key: value' lines, not a list" + (
                    "" if getattr(node, "flow_style", False) else "; remove the '- '"
                )
            else:
                hint = f"write {name} as 'key: value' lines, indented below its key"
            self._unexpected(node, path, "a mapping (key: value lines)", hint)
            return None
        shared = self.shared
        if shared and self._again(node):
            return None
        fields = _FIELDS[record]
        out: dict[str, Node] = {}
        key_nodes: dict[str, Node] = {}
        for knode, vnode in node.value:
            if shared and self._again(knode):
                continue  # a key reused through an alias, reported at its anchor
            if knode.tag != STR or not isinstance(knode.value, str):
                self._bad_key(knode, path)
                self._scan(vnode, path)
                continue
            key = knode.value
            if key in key_nodes:
                where = f"{path}.{key}" if path else key
                first = key_nodes[key].start_mark
                self.problem(
                    knode,
                    where,
                    f"duplicate key '{key}' (first at line {first.line + 1},"
                    f" column {first.column + 1})",
                    "YAML would keep only one of them; remove or rename one",
                )
                self._scan(vnode, where)
                continue
            key_nodes[key] = knode
            required = fields.get(key)
            if required is None:
                where = f"{path}.{key}" if path else key
                guess = did_you_mean(key, fields)
                self.problem(
                    knode,
                    where,
                    f"unknown key '{key}' in {_RECORD_NAMES[record]}",
                    guess or "expected one of: " + ", ".join(fields),
                )
                self._scan(vnode, where)
                continue
            if vnode.tag == NULL and not required and isinstance(vnode.value, str):
                continue  # an optional field left empty is the same as no field
            out[key] = vnode
        if _REQUIRED[record] <= out.keys():
            return out
        missing = [k for k, required in fields.items() if required and k not in out]
        if missing:
            keys = ", ".join(f"'{k}'" for k in missing)
            if missing == ["schema"]:
                hint = "start the file with 'schema: 1'"
            else:
                hint = f"add {keys}; docs/schema.md lists the fields of {_RECORD_NAMES[record]}"
            self.problem(
                node,
                path,
                f"missing required key{'s' if len(missing) > 1 else ''} {keys}",
                hint,
            )
        return out

    def _bad_key(self, knode: Node, path: str) -> None:
        if not self._tag_ok(knode, path):
            return
        if knode.tag.endswith(":merge"):
            self.problem(
                knode,
                path,
                "expected a field name, found a merge key (<<); merge keys are not allowed",
                "write the fields out in full",
            )
        elif _kind(knode) != "scalar":
            self.problem(
                knode,
                path,
                f"expected a field name, found {_TAG_NAMES[knode.tag]} used as a key",
                "complex keys such as '? ...' or '[a]: b' are not allowed; use a field name",
            )
        else:
            self.problem(
                knode,
                path,
                f"expected a field name, found {_reading(knode)}",
                "keys are field names such as 'name'; see docs/schema.md",
            )

    def _scan(self, node: Node, path: str) -> None:
        """Report disallowed tags inside a value that is otherwise skipped."""
        stack = [node]
        while stack:
            current = stack.pop()
            if self._again(current) or not self._tag_ok(current, path):
                continue
            if _kind(current) == "mapping":
                for k, v in current.value:
                    stack.extend((k, v))
            elif _kind(current) == "sequence":
                stack.extend(current.value)

    def sequence(self, node: Node, path: str) -> list[Node]:
        if node.tag != SEQ or _kind(node) != "sequence":
            if node.tag == STR and _kind(node) == "scalar" and _ID.match(node.value):
                hint = f"write it as a list: [{node.value}]"
            else:
                hint = "write it as a list: [a, b], or one '- ' line per item"
            self._unexpected(node, path, "a list", hint)
            return []
        if self._again(node):
            return []
        items: list[Node] = node.value
        return items

    # -- scalars

    def text(self, node: Node | None, path: str, *, required: bool = True) -> str | None:
        if node is None:
            return None
        if node.tag == STR and isinstance(node.value, str):
            value: str = node.value
            if value.strip():
                return value
            if required:
                self.problem(
                    node,
                    path,
                    "expected text, got an empty string",
                    "write the text, or remove the empty item"
                    if path.endswith("]")
                    else "write the text; this field is required",
                )
            return None
        if node.tag == MAP:
            hint = "quote text that contains ': ' or starts with '{'"
        elif node.tag == SEQ:
            hint = "quote text that starts with '[' or '- ', or write it on one line"
        else:
            hint = None
        self._unexpected(node, path, "text", hint)
        return None

    def ident(self, node: Node | None, path: str) -> str | None:
        value = self.text(node, path)
        if value is not None and node is not None and not _ID.match(value):
            slug = re.sub(r"[^a-z0-9._-]+", "-", value.lower()).strip("-._")
            example = f"'{slug}'" if slug and _ID.match(slug) else "'ai-dialogue'"
            self.problem(
                node,
                path,
                f"expected an id, got '{value}'",
                f"ids use lowercase letters, digits, '-', '_' and '.', e.g. {example}",
            )
            return None
        return value

    def choice(self, node: Node | None, path: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(node, path)
        if value is None or node is None:
            return None
        if value not in choices:
            guess = did_you_mean(value, choices)
            self.problem(
                node,
                path,
                f"expected one of: {', '.join(choices)}; got '{value}'",
                guess or "see docs/schema.md for what each one means",
            )
            return None
        return value

    def integer(self, node: Node | None, path: str, example: str) -> int | None:
        if node is None:
            return None
        if node.tag == INT and isinstance(node.value, str) and _DIGITS.match(node.value):
            return int(node.value)
        expected = f"a whole number like {example}"
        if not self._tag_ok(node, path):
            return None
        if _kind(node) != "scalar":
            self._unexpected(node, path, expected, f"write the number, e.g. {example}")
        elif node.tag == STR:
            if getattr(node, "style", None) in ("'", '"'):
                hint = "remove the quotes"
            elif node.value.isdigit():
                hint = f"write it without leading zeros, e.g. {example}"
            else:
                hint = f"write the number in digits, e.g. {example}"
            self.problem(
                node,
                path,
                f"expected {expected}, got {_shown(node.value)}, which YAML reads as text",
                hint,
            )
        elif node.tag == NULL:
            self._unexpected(node, path, expected)
        else:
            self.problem(
                node,
                path,
                f"expected {expected}, got '{node.value}'",
                f"write plain digits with no sign, point or leading zero, e.g. {example}",
            )
        return None

    def date(self, node: Node | None, path: str) -> str | None:
        if node is None:
            return None
        expected = "a date (YYYY-MM-DD)"
        if node.tag not in (_TAG + "timestamp", STR) or not isinstance(node.value, str):
            self._unexpected(node, path, expected, "write the date as YYYY-MM-DD, e.g. 2026-01-16")
            return None
        value: str = node.value
        parts = _DATE.match(value)
        if parts is None:
            self.problem(
                node,
                path,
                f"expected {expected}, got '{value}'",
                "write the day only, with four-digit year and two-digit month and day,"
                " e.g. 2026-01-16",
            )
            return None
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            year, month, _ = (int(p) for p in parts.groups())
            if not 1 <= month <= 12:
                hint = "the month must be 01 to 12"
            elif year < 1:
                hint = "the year must be 0001 or later"
            else:
                import calendar

                days = calendar.monthrange(year, month)[1]
                hint = f"{calendar.month_name[month]} {year} has {days} days"
            self.problem(node, path, f"expected a real calendar date, got '{value}'", hint)
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
        if required and not items and _kind(node) == "sequence":
            what = " or ".join(_TABLE_NAMES[t] for t in tables)
            self.problem(
                node,
                path,
                f"expected at least one {what} id, got an empty list",
                "name at least one",
            )
        out = []
        for i, item in enumerate(items):
            value = self.ref(item, f"{path}[{i}]", tables)
            if value is not None:
                out.append(value)
        return out

    def register(self, table: str, node: Node | None, path: str) -> str | None:
        value = self.ident(node, path)
        if value is None or node is None:
            self.broken.add(table)
            return None
        seen = self.ids.setdefault(table, {})
        if value in seen:
            first = seen[value][0].start_mark
            self.problem(
                node,
                path,
                f"duplicate {_TABLE_NAMES.get(table, table.rstrip('s'))} id '{value}' (first used"
                f" at line {first.line + 1}, column {first.column + 1})",
                f"ids must be unique within {table}; rename one",
            )
        else:
            seen[value] = (node, path)
        return value

    def resolve_refs(self) -> None:
        for tables, value, node, path in self.refs:
            if any(value in self.ids.get(t, {}) for t in tables):
                continue
            if any(t in self.broken for t in tables):
                continue  # its definition has a problem of its own, already reported
            known: list[str] = list(dict.fromkeys(k for t in tables for k in self.ids.get(t, {})))
            what = " or ".join(_TABLE_NAMES[t] for t in tables)
            guess = did_you_mean(value, known)
            self.problem(
                node,
                path,
                f"unknown {what} '{value}'",
                guess or ("known: " + ", ".join(known) if known else f"define the {what} first"),
            )

    # -- records

    def document(self, node: Node) -> Plain | None:
        if node.tag != MAP or _kind(node) != "mapping":
            if self._tag_ok(node, ""):
                got = _TAG_NAMES[node.tag] if _kind(node) != "scalar" else _reading(node)
                self.problem(
                    node,
                    "",
                    f"expected a mapping at the top of the file, got {got}",
                    "a knowledge file starts with 'schema: 1', then 'dialogue:'",
                )
            return None
        top = self.mapping(node, "", "document")
        assert top is not None
        schema = top.get("schema")
        if schema is not None:
            version = self.integer(schema, "schema", str(SCHEMA_VERSION))
            if version is not None and version != SCHEMA_VERSION:
                self.problem(
                    schema,
                    "schema",
                    f"expected schema version {SCHEMA_VERSION}, got {version}",
                    f"this version of briefing reads schema {SCHEMA_VERSION}; upgrade briefing,"
                    " or check the number",
                )
                return None
        sections: Plain = {}
        for section, record in _SECTION_RECORD.items():
            items = []
            sec_node = top.get(section)
            if sec_node is None:
                if _FIELDS["document"][section]:
                    self.broken.add(section)
            else:
                seq = self.sequence(sec_node, section)
                if _kind(sec_node) != "sequence":
                    self.broken.add(section)
                for i, item in enumerate(seq):
                    fields = self.mapping(item, f"{section}[{i}]", record)
                    if fields is None:
                        self.broken.add(section)
                    else:
                        items.append(getattr(self, record)(fields, f"{section}[{i}]"))
            sections[section] = items
        dialogue_node = top.get("dialogue")
        dialogue = self.dialogue(dialogue_node) if dialogue_node is not None else None
        if dialogue is None:
            self.broken.add("sources")
        self._check_shared_ids()
        self.resolve_refs()
        if dialogue is None or self.problems:
            return None
        id_node = dialogue.pop("_id_node")
        return {
            "dialogue": dialogue,
            **sections,
            "id_mark": [id_node.start_mark.line + 1, id_node.start_mark.column + 1],
        }

    def _check_shared_ids(self) -> None:
        # Parties and participants share one namespace: a `by` list names either.
        parties = self.ids.get("parties", {})
        for pid, (pnode, path) in self.ids.get("participants", {}).items():
            if pid in parties:
                first = parties[pid][0].start_mark
                self.problem(
                    pnode,
                    path,
                    f"id '{pid}' is used by both a party ({parties[pid][1]}, line"
                    f" {first.line + 1}) and a participant",
                    "a 'by' list can name either, so give them different ids",
                )

    def dialogue(self, node: Node) -> Plain | None:
        fields = self.mapping(node, "dialogue", "dialogue")
        if fields is None:
            return None
        sources = []
        src_node = fields.get("sources")
        if src_node is None:
            self.broken.add("sources")
        else:
            items = self.sequence(src_node, "dialogue.sources")
            if not items:
                self.broken.add("sources")
                if _kind(src_node) == "sequence":
                    self.problem(
                        src_node,
                        "dialogue.sources",
                        "expected at least one source, got an empty list",
                        "cite the source the file is based on",
                    )
            for i, item in enumerate(items):
                path = f"dialogue.sources[{i}]"
                f = self.mapping(item, path, "source")
                if f is None:
                    self.broken.add("sources")
                    continue
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
            "ordinal": self.ordinal(fields.get("ordinal")),
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

    def ordinal(self, node: Node | None) -> int | None:
        value = self.integer(node, "dialogue.ordinal", "18")
        if value == 0 and node is not None:
            self.problem(
                node,
                "dialogue.ordinal",
                "expected a whole number of 1 or more, got 0",
                "the ordinal counts meetings: 18 for the 18th; leave it out if unknown",
            )
            return None
        return value

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

    def window(self, node: Node, path: str) -> Plain | None:
        w = self.mapping(node, path, "window")
        if w is None:
            return None
        start = self.date(w.get("start"), f"{path}.start")
        end = self.date(w.get("end"), f"{path}.end")
        if start and end and end < start:
            self.problem(
                w["end"],
                f"{path}.end",
                f"expected an end on or after the start ({start}), got {end}",
                "swap start and end",
            )
        return {"start": start, "end": end, "note": self.text(w.get("note"), f"{path}.note")}

    def commitment(self, f: dict[str, Node], path: str) -> Plain:
        wnode = f.get("window")
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
            "window": self.window(wnode, f"{path}.window") if wnode is not None else None,
            "status": self.choice(f.get("status"), f"{path}.status", STATUSES),
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
