"""Checks on the raw bytes and text of a knowledge file, before any parser sees them.

Size is checked by the loader; here: the encoding, characters YAML cannot hold
(or reads as line breaks where editors do not), and nesting too deep for a
parser's stack. Each check is a few passes in C over a translated copy of the
bytes, so a good file pays almost nothing for them.
"""

from __future__ import annotations

import re
from typing import Final, NoReturn

from briefing.errors import MAX_DEPTH, MAX_INDENT, fail


def line_col(text: str, index: int) -> tuple[int, int]:
    # A lone CR is a line break to YAML (and to editors), as are CR LF and LF.
    prefix = text[:index]
    if "\r" in prefix:
        prefix = prefix.replace("\r\n", "\n").replace("\r", "\n")
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


def split_lines(text: str) -> list[str]:
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
        line, col = line_col(good, len(good))
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        fail(
            file,
            f"expected UTF-8 text, found byte 0x{body[exc.start]:02X}, which is not valid UTF-8",
            "the file looks like UTF-16; save it as UTF-8" if utf16 else "save the file as UTF-8",
            line=line,
            column=col,
        )
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
        line, col = line_col(text, deep.start() if deep is not None else 0)
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
    line, col = line_col(text, bad.start())
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
                line, col = line_col(text, match.start())
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
