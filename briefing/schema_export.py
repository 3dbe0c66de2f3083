"""What the spec in `briefing.schema` says, for other readers: a JSON Schema and the docs' tables.

The JSON Schema (draft 2020-12) lets an editor that speaks it, such as VS Code
or Neovim through yaml-language-server, complete keys and mark mistakes as you
type. It holds what JSON Schema can say: the records, their keys, which are
required, the kind of each value. `briefing validate` says more: references
between records, rules across fields, YAML 1.1's surprises (`NO` read as
false), each with a line, a column and a hint.

`field_table` writes the table of one record for docs/schema.md; a test checks
that the document holds exactly these tables.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from briefing.model import SCHEMA_VERSION
from briefing.schema import (
    CHOICE,
    DATE,
    DOCUMENT,
    ID,
    INTEGER,
    LINK,
    RECORD,
    RECORDS,
    REF,
    SPEC,
    TABLES,
    TEXT,
    Field,
    Record,
)

#: Where the schema lives in the repository, and in an installed package.
SCHEMA_FILE: Final = f"schemas/knowledge-{SCHEMA_VERSION}.json"
_ID_PATTERN: Final = "^[a-z0-9][a-z0-9._-]*$"
_LINK_PATTERN: Final = "^[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*$"
_MARKDOWN: Final = re.compile(r"\*\*|`")


def _described(schema: dict[str, Any], doc: str) -> dict[str, Any]:
    plain = _MARKDOWN.sub("", doc)
    out = {**schema, "description": plain}
    if plain != doc:
        out["markdownDescription"] = doc
    return out


def _one(field: Field) -> dict[str, Any]:
    """The schema of one value of FIELD (one item, for a list)."""
    if field.kind == TEXT:
        # Required text must hold more than white space.
        return {"type": "string", "pattern": r"\S"}
    if field.kind in (ID, REF):
        return {"type": "string", "pattern": _ID_PATTERN}
    if field.kind == LINK:
        return {"type": "string", "pattern": _LINK_PATTERN}
    if field.kind == DATE:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if field.kind == INTEGER:
        if field.const is not None:
            return {"const": field.const}
        out: dict[str, Any] = {"type": "integer"}
        if field.minimum is not None:
            out["minimum"] = field.minimum
        return out
    if field.kind == CHOICE:
        return {"enum": list(field.choices)}
    assert field.kind == RECORD, field.kind
    return {"$ref": f"#/$defs/{field.record}"}


def _field(field: Field) -> dict[str, Any]:
    schema = _one(field)
    if field.many:
        schema = {"type": "array", "items": schema}
        if field.min_items:
            schema["minItems"] = field.min_items
    if not field.required:
        schema = _or_empty(field, schema)
    return _described(schema, field.doc)


def _or_empty(field: Field, schema: dict[str, Any]) -> dict[str, Any]:
    """SCHEMA, also allowing an optional key left empty (`key:`, or `key: ""` for text).

    Said with the value's own keywords where possible, so that an editor names
    the real mistake rather than "not valid under any of the given schemas".
    """
    if "enum" in schema:
        return {"enum": [*schema["enum"], None]}
    if "type" in schema:
        out = {**schema, "type": [schema["type"], "null"]}
        if field.kind == TEXT and not field.many:
            out.pop("pattern")
        return out
    return {"anyOf": [schema, {"type": "null"}]}


def _record(rec: Record) -> dict[str, Any]:
    return {
        "title": rec.title,
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in rec.fields if f.required],
        "properties": {f.name: _field(f) for f in rec.fields},
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a knowledge file, made from the spec."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"briefing knowledge file (schema {SCHEMA_VERSION})",
        "description": (
            "One diplomatic meeting: who took part, what was discussed, agreed and said,"
            " each tied to its source. Ids must resolve and windows must not end before"
            " they start: run 'briefing validate' for those checks and for YAML 1.1"
            " readings such as NO as false."
        ),
        "$ref": f"#/$defs/{DOCUMENT.name}",
        "$defs": {rec.name: _record(rec) for rec in RECORDS},
    }


def json_schema_text() -> str:
    """The JSON Schema as the text `briefing schema` prints and the repository keeps."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------
# docs/schema.md


def _ids_of(tables: tuple[str, ...]) -> str:
    return " or ".join(TABLES[t].name for t in tables) + " id"


def type_text(field: Field, section: str) -> str:
    """How docs/schema.md names the type of FIELD, in the section about record SECTION."""
    if field.kind == RECORD:
        rec = SPEC[field.record]
        linked = rec.anchor and rec.anchor != SPEC[section].anchor
        if not field.many:
            return f"mapping ([{rec.name}](#{rec.anchor}))" if linked else "mapping"
        linked = rec.anchor and rec.anchor != SPEC[section].anchor
        text = f"list of [{rec.plural}](#{rec.anchor})" if linked else f"list of {rec.plural}"
    elif field.kind == REF:
        text = f"list of {_ids_of(field.refs)}s" if field.many else _ids_of(field.refs)
    elif field.kind == INTEGER:
        text = "whole number" + (f", {field.minimum} or more" if field.minimum else "")
    elif field.kind == CHOICE:
        words = [f"`{c}`" for c in field.choices]
        text = "one of " + ", ".join(words[:-1]) + " or " + words[-1]
    else:
        text = {TEXT: "text", ID: "id", DATE: "date", LINK: "commitment link"}[field.kind]
        if field.many:
            text = f"list of {text}s" if field.kind == LINK else f"list of {text}"
    if field.min_items == 1:
        text += ", at least one"
    elif field.min_items:
        text += f", at least {field.min_items}"
    return text


def field_table(name: str) -> str:
    """The Markdown table of record NAME's fields."""
    rows = ["| key | type | required | meaning |", "|---|---|---|---|"]
    for field in SPEC[name].fields:
        required = "yes" if field.required else "no"
        rows.append(f"| `{field.name}` | {type_text(field, name)} | {required} | {field.doc} |")
    return "\n".join(rows) + "\n"


_TABLE_BLOCK: Final = re.compile(
    r"(<!-- fields: (?P<name>[a-z_]+) -->\n)(?P<table>.*?)(<!-- end fields -->)", re.DOTALL
)


def update_docs(text: str) -> str:
    """TEXT (docs/schema.md) with every marked field table written afresh from the spec."""
    return _TABLE_BLOCK.sub(lambda m: m.group(1) + field_table(m.group("name")) + m.group(4), text)


def documented_records(text: str) -> list[str]:
    """The records whose field tables TEXT (docs/schema.md) holds, in order."""
    return [m.group("name") for m in _TABLE_BLOCK.finditer(text)]
