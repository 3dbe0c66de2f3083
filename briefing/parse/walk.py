"""One walk over a document's nodes, driven by the spec: the plain form, and every problem.

For each record the walker reads the fields the spec lists, each as its kind
(`NodeReader` does the node-level work), registers the ids that name records,
collects references, and runs the record's named checks. References are
resolved once the whole file is read, so a quote may name a speaker defined
further down. A table whose definition has a problem of its own is marked
broken, and references into it are not reported again.

The plain form is JSON-ready (dates as ISO text): it is what the cache stores,
and what `briefing.build.build_dialogue` turns into the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from briefing.errors import did_you_mean
from briefing.model import SCHEMA_VERSION
from briefing.parse.checks import CHECKS, Ids, Scope
from briefing.parse.nodes import ID_RE, MAP, STR, TAG_NAMES, node_kind, reading
from briefing.parse.values import NodeReader, table_item
from briefing.schema import (
    CHOICE,
    DATE,
    DOCUMENT,
    ID,
    INTEGER,
    LINK,
    RECORD,
    REF,
    SPEC,
    TEXT,
    Field,
    Record,
    tables_under,
)

if TYPE_CHECKING:
    from yaml.nodes import Node

Plain = dict[str, Any]


class Parsed(NamedTuple):
    """A valid file's plain form, and where its located fields are (for checks across files)."""

    plain: Plain
    #: The 1-based line and column of each located field's value, by path ("dialogue.id",
    #: "commitments[2].follows[0]"); see `Field.located`.
    marks: dict[str, tuple[int, int]]


Read = Callable[["Walker", Record, Field, "Node", str], Any]


class Walker(NodeReader):
    """Reads a whole document against the spec."""

    def __init__(self, file: str, *, shared: bool) -> None:
        super().__init__(file, shared=shared)
        self.ids: Ids = {}
        self.broken: set[str] = set()
        self.refs: list[tuple[tuple[str, ...], str, Node, str]] = []
        self.marks: dict[str, tuple[int, int]] = {}

    # -- the document

    def document(self, node: Node) -> Parsed | None:
        if node.tag != MAP or node_kind(node) != "mapping":
            if self._tag_ok(node, ""):
                got = TAG_NAMES[node.tag] if node_kind(node) != "scalar" else reading(node)
                self.problem(
                    node,
                    "",
                    f"expected a mapping at the top of the file, got {got}",
                    "a knowledge file starts with 'schema: 1', then 'dialogue:'",
                )
            return None
        top = self.mapping(node, "", DOCUMENT.name)
        assert top is not None
        schema = top.get("schema")
        if schema is not None:
            # The version decides how the rest reads: a file of another version is not read on.
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
        plain = self.fields(DOCUMENT, top, "")
        self.resolve_refs()
        if self.problems:
            return None
        return Parsed(plain, self.marks)

    # -- records

    def fields(self, rec: Record, found: dict[str, Node], path: str) -> Plain:
        """The plain form of one record whose mapping has been read into FOUND."""
        # The hot path of a cold load: one pass per record, with the commonest
        # case (a plain, non-blank text) settled without a call.
        out: Plain = {}
        prefix = f"{path}." if path else ""
        for name, field, read, plain_text in _PLANS[rec.name]:
            value_node = found.get(name)
            if value_node is None:
                self._absent(rec, field, out)
                continue
            if plain_text and value_node.tag == STR:
                value = value_node.value
                if isinstance(value, str) and value.strip():
                    out[name] = value
                    continue
            if read is None:
                out[name] = SCHEMA_VERSION  # the version, checked before the walk
                continue
            where = prefix + name
            if field.located:
                self._locate(value_node, where)
            out[name] = read(self, rec, field, value_node, where)
        for check in rec.checks:
            CHECKS[check](Scope(self, self.ids, found, out, path))
        return out

    def _absent(self, rec: Record, field: Field, out: Plain) -> None:
        out[field.name] = [] if field.many else None
        if field.required and field.kind == RECORD:
            self.broken |= tables_under(field.record)
        elif field.kind == ID and field.table:
            self.broken.add(rec.plural)

    def _locate(self, node: Node, path: str) -> None:
        """Keep where a located field's value (each item, for a list) is written."""
        items = node.value if node_kind(node) == "sequence" else None
        if isinstance(items, list):
            for i, item in enumerate(items):
                self.marks[f"{path}[{i}]"] = (item.start_mark.line + 1, item.start_mark.column + 1)
        else:
            self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

    def record(self, name: str, node: Node, path: str) -> Plain | None:
        found = self.mapping(node, path, name)
        if found is None:
            self.broken |= tables_under(name)
            return None
        return self.fields(SPEC[name], found, path)

    # -- one value of each kind

    def read_text(self, rec: Record, field: Field, node: Node, path: str) -> Any:
        return self.text(node, path, required=field.required)

    def read_id(self, rec: Record, field: Field, node: Node, path: str) -> Any:
        if field.table:
            return self.register(rec.plural, node, path)
        return self.ident(node, path)

    def read_link(self, rec: Record, field: Field, node: Node, path: str) -> Any:
        value = self.text(node, path)
        if value is None:
            return None
        dialogue, _, item = value.partition("/")
        if not (ID_RE.match(dialogue) and ID_RE.match(item)):
            self.problem(
                node,
                path,
                f"expected a commitment as DIALOGUE_ID/COMMITMENT_ID, got '{value}'",
                "e.g. india-japan-sd-18/minerals-working-group; see 'briefing dialogues'"
                " for dialogue ids",
            )
            return None
        return value

    def read_ref(self, rec: Record, field: Field, node: Node, path: str) -> Any:
        return self.ref(node, path, field.refs)

    def read_choice(self, rec: Record, field: Field, node: Node, path: str) -> Any:
        return self.choice(node, path, field.choices)

    def read_date(self, rec: Record, field: Field, node: Node, path: str) -> Any:
        return self.date(node, path)

    def read_integer(self, rec: Record, field: Field, node: Node, path: str) -> Any:
        value = self.integer(node, path, field.example)
        if value is not None and field.minimum is not None and value < field.minimum:
            self.problem(
                node,
                path,
                f"expected a whole number of {field.minimum} or more, got {value}",
                field.hint or None,
            )
            return None
        return value

    def read_record(self, rec: Record, field: Field, node: Node, path: str) -> Any:
        return self.record(field.record, node, path)

    def read_many(self, rec: Record, field: Field, node: Node, path: str) -> list[Any]:
        items = self.sequence(node, path)
        is_list = node_kind(node) == "sequence"
        if field.kind == RECORD and (not is_list or (field.min_items and not items)):
            self.broken |= tables_under(field.record)
        if field.min_items and not items and is_list:
            what = (
                " or ".join(table_item(t) for t in field.refs) + " id"
                if field.kind == REF
                else field.record
            )
            self.problem(
                node,
                path,
                f"expected at least one {what}, got an empty list",
                field.hint or None,
            )
        read, item_field = _ITEMS[field]
        out = []
        for i, item in enumerate(items):
            value = read(self, rec, item_field, item, f"{path}[{i}]")
            if value is not None:
                out.append(value)
        return out

    # -- ids and references

    def ref(self, node: Node, path: str, tables: tuple[str, ...]) -> str | None:
        value = self.ident(node, path)
        if value is not None:
            self.refs.append((tables, value, node, path))
        return value

    def register(self, table: str, node: Node, path: str) -> str | None:
        value = self.ident(node, path)
        if value is None:
            self.broken.add(table)
            return None
        seen = self.ids.setdefault(table, {})
        if value in seen:
            first = seen[value][0].start_mark
            self.problem(
                node,
                path,
                f"duplicate {table_item(table)} id '{value}' (first used"
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
            what = " or ".join(table_item(t) for t in tables)
            guess = did_you_mean(value, known)
            self.problem(
                node,
                path,
                f"unknown {what} '{value}'",
                guess or ("known: " + ", ".join(known) if known else f"define the {what} first"),
            )


_ONE: Final[dict[str, Read]] = {
    TEXT: Walker.read_text,
    ID: Walker.read_id,
    REF: Walker.read_ref,
    CHOICE: Walker.read_choice,
    DATE: Walker.read_date,
    INTEGER: Walker.read_integer,
    LINK: Walker.read_link,
    RECORD: Walker.read_record,
}
#: For each record, its fields with the function that reads each (chosen once, not per node).
_PLANS: Final[dict[str, list[tuple[str, Field, Read | None, bool]]]] = {
    name: [
        (
            f.name,
            f,
            # The schema version is read before the walk, not by it.
            None if not f.in_model else Walker.read_many if f.many else _ONE[f.kind],
            # A located field keeps its position, so it takes the long way.
            f.kind == TEXT and not f.many and not f.located,
        )
        for f in rec.fields
    ]
    for name, rec in SPEC.items()
}
#: For each list field, how to read one item; an item is required (an empty one is a mistake).
_ITEMS: Final[dict[Field, tuple[Read, Field]]] = {
    f: (_ONE[f.kind], f._replace(required=True))
    for rec in SPEC.values()
    for f in rec.fields
    if f.many
}
