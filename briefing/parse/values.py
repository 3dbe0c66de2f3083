"""Node-level validation: shapes, scalars and ids, each problem located at its node.

Only PyYAML's composed nodes keep what the messages need: a mark on every
node, both copies of a duplicate key, tags, and the quoting style of each
scalar (which is how `NO` can be told apart from `"NO"`). `NodeReader` reads one
node as the kind of value the spec asks for and reports what it found instead;
`briefing.parse.walk` drives it over a whole document.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final

from briefing.errors import Problem, did_you_mean
from briefing.parse.nodes import (
    DATE_RE,
    DIGITS_RE,
    ID_RE,
    INT,
    MAP,
    NULL,
    SEQ,
    STR,
    TAG,
    TAG_KIND,
    TAG_NAMES,
    explicit,
    node_kind,
    reading,
    short_tag,
    shown,
)
from briefing.schema import RECORDS, TABLES

if TYPE_CHECKING:
    from yaml.nodes import Node

#: For each record, its fields: name -> required?
FIELDS: Final[dict[str, dict[str, bool]]] = {
    r.name: {f.name: f.required for f in r.fields} for r in RECORDS
}
_REQUIRED: Final = {
    name: frozenset(k for k, required in fields.items() if required)
    for name, fields in FIELDS.items()
}
_TITLES: Final = {r.name: r.title for r in RECORDS}


def table_item(table: str) -> str:
    """What one entry of a table is called ("participant" for "participants")."""
    return TABLES[table].name if table in TABLES else table.rstrip("s")


class NodeReader:
    """Reads nodes as the values the spec asks for, collecting located problems."""

    def __init__(self, file: str, *, shared: bool) -> None:
        self.file = file
        self.problems: list[Problem] = []
        # With aliases in the file one node can sit in several places; each is
        # read once (aliases are reported separately), so a "billion laughs"
        # file costs no more than its size.
        self.shared = shared
        self.seen: set[int] = set()

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
        kind = TAG_KIND.get(node.tag)
        if kind == node_kind(node):
            return True
        what = {"scalar": "a value", "sequence": "a list", "mapping": "a mapping"}[node_kind(node)]
        self.problem(
            node,
            path,
            f"expected plain text, numbers, dates, lists or mappings, found {what} tagged"
            f" '{short_tag(node.tag)}'",
            "remove the tag; knowledge files use no tags"
            if kind is None
            else f"remove the tag '{short_tag(node.tag)}'",
        )
        return False

    def _unexpected(self, node: Node, path: str, expected: str, hint: str | None = None) -> None:
        if self._again(node) or not self._tag_ok(node, path):
            return
        if node_kind(node) != "scalar":
            got = TAG_NAMES[node.tag]
        elif explicit(node):
            got = reading(node)
            hint = f"remove the tag '{short_tag(node.tag)}'"
        elif node.tag == NULL:
            got = reading(node)
            hint = (
                "write a value, or remove the empty item"
                if path.endswith("]")
                else "write a value after the colon; this field is required"
            )
        else:
            got = reading(node)
            if expected == "text":
                hint = f'put it in quotes: "{node.value}"'
        self.problem(node, path, f"expected {expected}, got {got}", hint)

    # -- shapes

    def mapping(self, node: Node, path: str, record: str) -> dict[str, Node] | None:
        # The hot path of every load: keep the common case free of calls and strings.
        if node.tag != MAP or node.id != "mapping":  # type: ignore[attr-defined]
            name = _TITLES[record]
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
        fields = FIELDS[record]
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
                    f"unknown key '{key}' in {_TITLES[record]}",
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
                hint = f"add {keys}; docs/schema.md lists the fields of {_TITLES[record]}"
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
        elif node_kind(knode) != "scalar":
            self.problem(
                knode,
                path,
                f"expected a field name, found {TAG_NAMES[knode.tag]} used as a key",
                "complex keys such as '? ...' or '[a]: b' are not allowed; use a field name",
            )
        else:
            self.problem(
                knode,
                path,
                f"expected a field name, found {reading(knode)}",
                "keys are field names such as 'name'; see docs/schema.md",
            )

    def _scan(self, node: Node, path: str) -> None:
        """Report disallowed tags inside a value that is otherwise skipped."""
        stack = [node]
        while stack:
            current = stack.pop()
            if self._again(current) or not self._tag_ok(current, path):
                continue
            if node_kind(current) == "mapping":
                for k, v in current.value:
                    stack.extend((k, v))
            elif node_kind(current) == "sequence":
                stack.extend(current.value)

    def sequence(self, node: Node, path: str) -> list[Node]:
        if node.tag != SEQ or node_kind(node) != "sequence":
            if node.tag == STR and node_kind(node) == "scalar" and ID_RE.match(node.value):
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
        if value is not None and node is not None and not ID_RE.match(value):
            slug = re.sub(r"[^a-z0-9._-]+", "-", value.lower()).strip("-._")
            example = f"'{slug}'" if slug and ID_RE.match(slug) else "'ai-dialogue'"
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
        if node.tag == INT and isinstance(node.value, str) and DIGITS_RE.match(node.value):
            return int(node.value)
        expected = f"a whole number like {example}"
        if not self._tag_ok(node, path):
            return None
        if node_kind(node) != "scalar":
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
                f"expected {expected}, got {shown(node.value)}, which YAML reads as text",
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
        if node.tag not in (TAG + "timestamp", STR) or not isinstance(node.value, str):
            self._unexpected(node, path, expected, "write the date as YYYY-MM-DD, e.g. 2026-01-16")
            return None
        value: str = node.value
        parts = DATE_RE.match(value)
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
