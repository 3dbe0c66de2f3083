"""The draft as the text of a knowledge file: the schema's key order, block style, a header.

A small writer for the few shapes a draft has (mappings, lists, strings,
integers and dates) rather than PyYAML's emitter, which would cost more than
the drafting itself. A string is written plain only when it cannot be read as
anything but that string (no YAML 1.1 booleans, numbers, dates, indicators or
comment marks); otherwise it is double-quoted with JSON's escapes, which YAML
reads the same way. Long plain strings are wrapped at spaces, which YAML folds
back into single spaces, so every value reads back exactly as drafted. A
`review` note is never wrapped: it is one line, so that deleting that line signs
the item off and changes nothing else.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any, Final

from briefing.draft.regex import Pattern

WIDTH: Final = 88
_SPECIAL: Final = Pattern(
    r"(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
    r"|~|null|Null|NULL|=|<<)"
)
#: What goes in a one-line list: ids, as the knowledge format spells them.
_ID: Final = Pattern(r"[a-z][a-z0-9._-]*")
_INDICATORS: Final = frozenset("-?:,[]{}#&*!|>'\"%@`")
#: Characters YAML reads as line breaks or byte-order marks, which must be escaped.
_BREAKS: Final = frozenset("\x85\u2028\u2029\ufeff")


def _printable(char: str) -> bool:
    if char in _BREAKS:
        return False
    return unicodedata.category(char)[0] != "C"


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or "  " in text:
        return False
    if text[0] in _INDICATORS or text[0].isdigit() or text[0] in "+.":
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if _SPECIAL.fullmatch(text):
        return False
    return text.isprintable() or all(_printable(c) for c in text)


_ESCAPES: Final = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _quoted(text: str) -> str:
    """TEXT double-quoted, with YAML's escapes for what cannot be printed as it is."""
    return (
        '"' + "".join(_ESCAPES.get(c) or (c if _printable(c) else _escape(c)) for c in text) + '"'
    )


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def scalar(value: object) -> str:
    """VALUE as a YAML scalar on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value if _plain_ok(value) else _quoted(value)
    raise TypeError(f"cannot write {type(value).__name__} in a knowledge file")


def _string(value: str, indent: int, used: int) -> str:
    """VALUE after a key that takes USED columns, wrapped at spaces when plain and long."""
    written = scalar(value)
    if written is not value or used + len(value) <= WIDTH:
        return written
    lines: list[str] = []
    line = ""
    room = WIDTH - used
    for word in value.split(" "):
        if line and len(line) + 1 + len(word) > room:
            lines.append(line)
            line = word
            room = WIDTH - indent - 2
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return ("\n" + " " * (indent + 2)).join(lines)


def _flow(values: list[Any]) -> str | None:
    """A short list of plain scalars on one line, as `[a, b]`."""
    if any(not isinstance(v, str) or not _ID.fullmatch(v) or _SPECIAL.fullmatch(v) for v in values):
        return None
    text = "[" + ", ".join(values) + "]"
    return text if len(text) <= 60 else None


def _mapping(data: dict[str, Any], indent: int, out: list[str], first_prefix: str = "") -> None:
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        lead = first_prefix if n == 0 and first_prefix else pad
        if isinstance(value, dict):
            out.append(f"{lead}{key}:")
            _mapping(value, indent + 2, out)
        elif isinstance(value, list):
            flow = _flow(value)
            if flow is not None:
                out.append(f"{lead}{key}: {flow}")
            else:
                out.append(f"{lead}{key}:")
                _sequence(value, indent + 2, out)
        elif isinstance(value, str) and key == "review":
            out.append(f"{lead}{key}: {scalar(value)}")
        elif isinstance(value, str):
            out.append(f"{lead}{key}: {_string(value, indent, len(lead) + len(key) + 2)}")
        else:
            out.append(f"{lead}{key}: {scalar(value)}")


def _sequence(values: list[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for value in values:
        if isinstance(value, dict):
            _mapping(value, indent + 2, out, first_prefix=pad + "- ")
        elif isinstance(value, str):
            out.append(f"{pad}- {_string(value, indent, indent + 2)}")
        else:
            out.append(f"{pad}- {scalar(value)}")


def dump(data: dict[str, Any]) -> str:
    """DATA as block-style YAML."""
    out: list[str] = []
    for key, value in data.items():
        _mapping({key: value}, 0, out)
        if isinstance(value, dict | list):
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


_ITEMS: Final = ("parties", "participants", "topics", "commitments", "discussions", "quotes")


def to_yaml(plain: dict[str, Any], names: list[str]) -> str:
    """PLAIN as a knowledge file, with a header naming the sources NAMES."""
    dialogue = plain["dialogue"]
    waiting = (
        sum(1 for key in (*_ITEMS, "events") for item in plain.get(key, ()) if "review" in item)
        + ("review" in dialogue)
        + ("date" not in dialogue)
    )
    header = [
        f"# {waiting} {'item awaits' if waiting == 1 else 'items await'} review: check each"
        " against its source, then delete its one `review:` line to sign it off"
        + ("; add the meeting's `date:`" if "date" not in dialogue else "")
        + " (`briefing validate --strict` lists them)",
        "# Drafted by `briefing draft` from: " + ", ".join(" ".join(n.split()) for n in names),
    ]
    return "\n".join(header) + "\n" + dump(plain)
