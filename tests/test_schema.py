"""The spec: the model, the docs and the JSON Schema follow it; an independent validator agrees."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import types
import typing
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from briefing import build, cache, model, schema, schema_export
from briefing.parse import checks
from briefing.parse.compose import loader_class
from tests.conftest import ROOT, Golden

BAD = ROOT / "tests" / "bad"


# --------------------------------------------------------------------------
# The spec and the model


def _built_alone() -> list[schema.Record]:
    """Records whose model class is built from them alone (not only spread into another)."""
    used = {schema.DOCUMENT.name}
    for rec in schema.RECORDS:
        used |= {f.record for f in rec.fields if f.kind == schema.RECORD and not f.inline}
    return [schema.SPEC[name] for name in sorted(used)]


@pytest.mark.parametrize("rec", _built_alone(), ids=lambda r: r.name)
def test_model_class_has_the_spec_fields_in_order(rec: schema.Record) -> None:
    # In the spec's order, less the fields with a default, which a NamedTuple keeps last.
    defaults = rec.model._field_defaults  # type: ignore[attr-defined]
    spec_fields = tuple(name for name, _, _ in build.model_fields(rec.name))
    early = tuple(name for name in spec_fields if name not in defaults)
    late = tuple(name for name in spec_fields if name in defaults)
    assert rec.model._fields == early + rec.extra + late  # type: ignore[attr-defined]


def _expected_type(field: schema.Field) -> Any:
    one: Any = {
        schema.TEXT: str,
        schema.ID: str,
        schema.REF: str,
        schema.LINK: str,
        schema.DATE: dt.date,
        schema.INTEGER: int,
    }.get(field.kind)
    if field.kind == schema.CHOICE:
        one = typing.Literal[field.choices]
    if field.kind == schema.RECORD:
        one = schema.SPEC[field.record].model
    if field.many:
        return tuple[one, ...]
    return one if field.required else one | None


@pytest.mark.parametrize("rec", schema.RECORDS, ids=lambda r: r.name)
def test_model_types_follow_the_field_kinds(rec: schema.Record) -> None:
    hints = typing.get_type_hints(rec.model)
    for field in rec.fields:
        if not field.in_model or field.inline:
            continue
        expected = _expected_type(field)
        got = hints[field.name]
        if isinstance(expected, types.UnionType) or typing.get_origin(got) is typing.Union:
            assert set(typing.get_args(got)) == set(typing.get_args(expected)), field.name
        else:
            assert got == expected, field.name


def test_every_named_check_is_implemented_and_used() -> None:
    named = {c for rec in schema.RECORDS for c in rec.checks}
    assert named == set(checks.CHECKS)


def test_every_reference_names_a_table() -> None:
    for rec in schema.RECORDS:
        for field in rec.fields:
            assert set(field.refs) <= set(schema.TABLES), (rec.name, field.name)
            if field.kind == schema.RECORD:
                assert field.record in schema.SPEC


def test_tables_under_a_record() -> None:
    assert schema.tables_under("dialogue") == {"sources"}
    assert schema.tables_under("participant") == {"participants"}
    assert schema.tables_under("window") == frozenset()
    assert {"participants", "topics", "sources", "parties"} <= schema.tables_under("document")


def test_the_lookup_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.load import bundled_data, load_knowledge

    monkeypatch.setattr(model, "_MAX_INDEXES", 3)
    model._INDEXES.clear()
    for _ in range(10):
        d = load_knowledge(bundled_data(), use_cache=False).dialogues[0]
        assert d.participant("jaishankar").name == "S Jaishankar"
        assert len(model._INDEXES) <= 3


# --------------------------------------------------------------------------
# The cache key follows the spec and the code


def test_cache_stamp_follows_every_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "briefing"
    shutil.copytree(ROOT / "briefing", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "__file__", str(package / "cache.py"))
    cache._code_stamp.cache_clear()
    try:
        before = cache._code_stamp()
        (package / "parse" / "extra.py").write_text("RULE = 1\n")
        cache._code_stamp.cache_clear()
        added = cache._code_stamp()
        assert added != before, "a new module of the parser must change the key"
        (package / "parse" / "extra.py").write_text("RULE = 22\n")
        cache._code_stamp.cache_clear()
        assert cache._code_stamp() != added, "an edited module must change the key"
    finally:
        cache._code_stamp.cache_clear()


def test_cache_stamp_follows_the_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    cache._code_stamp.cache_clear()
    before = cache._code_stamp()
    monkeypatch.setattr(schema, "fingerprint", lambda: "another spec")
    cache._code_stamp.cache_clear()
    try:
        assert cache._code_stamp() != before
    finally:
        cache._code_stamp.cache_clear()


# --------------------------------------------------------------------------
# docs/schema.md and the committed JSON Schema


def test_docs_hold_the_field_table_of_every_record(golden: Golden) -> None:
    path = ROOT / "docs" / "schema.md"
    text = path.read_text(encoding="utf-8")
    assert sorted(schema_export.documented_records(text)) == sorted(schema.SPEC)
    fresh = schema_export.update_docs(text)
    if golden.update:
        path.write_text(fresh, encoding="utf-8")
        text = fresh
    assert fresh == text, "docs/schema.md is stale; run pytest --update-golden and review it"


def test_committed_json_schema_is_current(golden: Golden) -> None:
    path = ROOT / schema_export.SCHEMA_FILE
    fresh = schema_export.json_schema_text()
    if golden.update:
        path.parent.mkdir(exist_ok=True)
        path.write_text(fresh, encoding="utf-8")
    assert path.exists(), f"missing {path}; run pytest --update-golden"
    assert path.read_text(encoding="utf-8") == fresh, (
        f"{path} is stale; run pytest --update-golden and review it"
    )


def test_schema_command_prints_the_committed_schema(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from briefing.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (ROOT / schema_export.SCHEMA_FILE).read_text(encoding="utf-8")
    target = tmp_path / "knowledge-1.json"
    assert runner.invoke(app, ["schema", "-o", str(target)]).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == schema_export.json_schema()


def test_json_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema_export.json_schema())


class _EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it: dates stay text (YAML 1.2)."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _errors(path: Path) -> list[str]:
    document = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_EditorLoader)
    validator = jsonschema.Draft202012Validator(schema_export.json_schema())
    return [e.message for e in validator.iter_errors(document)]


def _knowledge_files() -> list[Path]:
    found = [ROOT / "data" / "dialogue.yaml", *sorted(BAD.glob("ok-*.yaml"))]
    for folder in ("examples", "tests/fixtures"):
        found += sorted((ROOT / folder).rglob("*.yaml")) if (ROOT / folder).is_dir() else []
    return found


@pytest.mark.parametrize("path", _knowledge_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_independent_validator_accepts_every_knowledge_file(path: Path) -> None:
    assert _errors(path) == []


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("unknown-key.yaml", "Additional properties are not allowed"),
        ("missing-key.yaml", "is a required property"),
        ("kind-typo.yaml", "is not one of"),
        ("status-typo.yaml", "is not one of"),
        ("ordinal-text.yaml", "is not of type 'integer'"),
        ("list-for-text.yaml", "is not of type 'string'"),
        ("not-a-list.yaml", "is not of type 'array'"),
        ("bad-id.yaml", "does not match"),
        ("schema-2.yaml", "1 was expected"),
        ("empty-string.yaml", "does not match"),
        ("null-required.yaml", "is not of type"),
    ],
)
def test_independent_validator_rejects_bad_files(name: str, fragment: str) -> None:
    errors = _errors(BAD / name)
    assert any(fragment in e for e in errors), errors


def test_schema_describes_fields_for_editors() -> None:
    defs = schema_export.json_schema()["$defs"]
    quote = defs["quote"]["properties"]["text"]
    assert "verbatim" in quote["description"]
    assert "**" not in quote["description"]
    assert "**verbatim" in quote["markdownDescription"]
    assert defs["commitment"]["properties"]["kind"]["enum"] == list(model.KINDS)


def test_json_schema_text_is_stable() -> None:
    text = schema_export.json_schema_text()
    assert text == schema_export.json_schema_text()
    assert json.loads(text) == schema_export.json_schema()
    assert text.endswith("}\n")


# --------------------------------------------------------------------------
# The lean resolver agrees with PyYAML's own


_SCALAR_WORDS = st.sampled_from(
    [
        "yes", "No", "OFF", "on", "true", "False", "~", "null", "Null", "", "0", "010", "0o17",
        "0x1F", "0b101", "1_000", "1:30", "190:20:30", "-7", "+3", "3.14", "1e5", ".5", ".inf",
        "-.Inf", ".nan", ".NaN", "2026-01-16", "2026-1-6", "2026-01-16T10:00:00Z",
        "2026-01-16 10:00:00.5 +05:30", "<<", "=", "text", "New Delhi", "1,000", "0.",
    ]
)  # fmt: skip


@given(
    st.one_of(_SCALAR_WORDS, st.text(alphabet="0123456789.:-+_eE xobTZ~nNaiIfyYsoO<=", max_size=14))
)
def test_fast_resolver_matches_pyyaml(value: str) -> None:
    from yaml.nodes import ScalarNode

    ours = loader_class()("")
    reference: Any = yaml.resolver.Resolver()
    try:
        for flags in ((True, False), (False, True)):
            assert ours.resolve(ScalarNode, value, flags) == reference.resolve(
                ScalarNode, value, flags
            )
    finally:
        ours.dispose()
