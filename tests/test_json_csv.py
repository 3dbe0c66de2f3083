"""Counts, wording, JSON and CSV that mean what they say (docs/json.md)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefing import load, query
from briefing.cli import app
from briefing.model import Knowledge
from briefing.sentences import first_sentence
from briefing.views import Table

runner = CliRunner()
EXAMPLES = Path(__file__).parent.parent / "examples"


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), prog_name="briefing")
    assert result.exit_code == 0, result.output
    return result.stdout


def bundled() -> Knowledge:
    return load.load_knowledge(load.resolve_data(None), use_cache=False)


def document(*args: str) -> dict[str, Any]:
    value = json.loads(run(*args, "--format", "json"))
    assert isinstance(value, dict)
    return value


# -- An expressed interest is not a commitment ----------------------------------------


def test_interest_is_counted_apart_in_topics() -> None:
    [security] = [t for t in document("topics")["topics"] if t["id"] == "security"]
    assert (security["n_commitments"], security["n_interests"]) == (0, 1)
    # 1 interest + 4 matters discussed; a commitment would have added 2.
    assert security["weight"] == 5


def test_interest_is_counted_apart_in_dialogues_and_people() -> None:
    [dialogue] = document("dialogues")["dialogues"]
    assert (dialogue["n_commitments"], dialogue["n_interests"]) == (10, 1)
    people = {p["id"]: p for p in document("people")["people"]}
    assert (people["jaishankar"]["n_commitments"], people["jaishankar"]["n_interests"]) == (1, 0)


def test_topic_shows_the_interest_outside_commitments() -> None:
    [topic] = document("topic", "security")["topics"]
    assert topic["commitments"] == []
    assert [c["id"] for c in topic["interests"]] == ["radio-antenna-deal"]
    text = run("topic", "security", "--format", "text")
    assert "Commitments\n" not in text
    assert "Interest expressed (not a commitment)" in text


def test_commitments_lists_interests_apart() -> None:
    doc = document("commitments")
    assert all(c["is_commitment"] for c in doc["commitments"])
    assert [c["id"] for c in doc["interests"]] == ["radio-antenna-deal"]


# -- Summaries cut at the end of a sentence, not at every full stop --------------------


@pytest.mark.parametrize(
    ("summary", "first"),
    [
        ("Trade grew, e.g. in rare earths. More follows.", "Trade grew, e.g. in rare earths."),
        ("The U.S. Navy joined the exercise. More follows.", "The U.S. Navy joined the exercise."),
        ("Dr. Rao chaired the session. More follows.", "Dr. Rao chaired the session."),
        ("S. Jaishankar met Motegi. More follows.", "S. Jaishankar met Motegi."),
        ("Talks in Jan. 2026 went well. More follows.", "Talks in Jan. 2026 went well."),
        ("Version 2.0 ships. More follows.", "Version 2.0 ships."),
        ('He said "agreed." More follows.', 'He said "agreed."'),
        ("Is it done? More follows.", "Is it done?"),
        ("One sentence only", "One sentence only"),
        ("  Spread\n over   lines. Next.", "Spread over lines."),
    ],
)
def test_first_sentence(summary: str, first: str) -> None:
    assert first_sentence(summary) == first


def test_topics_table_keeps_abbreviations_in_the_summary() -> None:
    [d] = bundled().dialogues
    topic = d.topics[0]._replace(summary="The U.S. Navy joined, e.g. in drills. Later more.")
    table = query.topics_view((d._replace(topics=(topic, *d.topics[1:])),)).blocks[0]
    assert isinstance(table, Table)
    headers = [c.header for c in table.columns]
    [row] = [r for r in table.rows if r[headers.index("Id")] == topic.id]
    assert row[headers.index("Summary")] == "The U.S. Navy joined, e.g. in drills."


# -- Quotes for a report: a header, each source cited once -----------------------------

SEED = "India, Japan Boost AI, Critical Minerals Cooperation in Strategic Dialogue"


def test_quotes_text_has_a_header_naming_speaker_meeting_and_date() -> None:
    text = run("quotes", "--speaker", "Jaishankar", "--format", "text")
    assert text.splitlines()[0] == (
        "Quotes by S Jaishankar \u2014 18th India-Japan Strategic Dialogue, New Delhi, 2026-01-16"
    )


def test_quotes_text_cites_each_source_once() -> None:
    text = run("quotes", "--speaker", "Jaishankar", "--format", "text", "--width", "0")
    assert text.count(SEED) == 1
    assert text.count("hindustantimes.com") == 1
    assert text.count("Source: [1]") == 4
    assert text.count("Source: [2]") == 3
    assert text.index(f"[1] {SEED}") > text.rindex("Source: [2]")


def test_one_shared_source_is_named_once_without_numbers() -> None:
    text = run("quotes", "--contains", "economic", "--format", "text", "--width", "0")
    assert text.count(SEED) == 1
    assert "Source: " not in text
    assert text.rstrip().endswith(f"Source\n------\n\n- {SEED}")


def test_text_records_keep_a_label_with_its_value() -> None:
    text = run("dialogues", "--data", str(EXAMPLES / "india-japan"), "--format", "text")
    for label in ("Commitments", "Interests", "Quotes", "Topics", "People"):
        assert re.search(rf"{label}: \d+", text), label
        assert not re.search(rf"{label}:\s*\n", text), label


# -- JSON: one name, one meaning ---------------------------------------------------------

#: Every command with JSON output, with arguments that give it something to show.
COMMANDS = [
    ["topics"],
    ["topic", "security"],
    ["topic", "quad"],
    ["quotes"],
    ["quotes", "--speaker", "Jaishankar"],
    ["commitments"],
    ["people"],
    ["summary"],
    ["search", "japan"],
    ["search", "jaishankar"],
    ["dialogues"],
]
DATA = [None, *sorted(p for p in EXAMPLES.iterdir() if p.is_dir())]
ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
#: Integers that are not counts.
NUMBERS = {"shape", "weight", "ordinal"}
#: Lists of strings that are neither ids nor display names.
WORDS = {"aliases"}


def every_document() -> list[tuple[str, dict[str, Any]]]:
    documents = []
    for data in DATA:
        extra = ["--data", str(data)] if data else []
        for args in COMMANDS:
            result = runner.invoke(app, [*args, *extra, "--format", "json"], prog_name="briefing")
            if result.exit_code == 0:  # a topic or a speaker some examples do not have
                documents.append((" ".join(args), json.loads(result.stdout)))
    return documents


def walk(value: Any, path: str = "") -> list[tuple[str, str, Any]]:
    """Every (path, key, value) pair inside VALUE."""
    pairs = []
    if isinstance(value, dict):
        for key, item in value.items():
            pairs.append((f"{path}.{key}", key, item))
            pairs.extend(walk(item, f"{path}.{key}"))
    elif isinstance(value, list):
        for item in value:
            pairs.extend(walk(item, f"{path}[]"))
    return pairs


def kind_of(value: Any) -> str:
    if isinstance(value, list):
        inner = {kind_of(v) for v in value}
        return "list of " + (inner.pop() if len(inner) == 1 else "?") if inner else "list"
    return {bool: "bool", int: "int", str: "str", dict: "object"}.get(type(value), "?")


def test_every_key_follows_the_naming_rule() -> None:
    documents = every_document()
    assert len(documents) > 40
    kinds: dict[str, set[str]] = {}
    for command, doc in documents:
        assert doc["shape"] == 3
        for path, key, value in walk(doc):
            where = f"{command}: {path}"
            if value is not None:
                kinds.setdefault(key, set()).add(kind_of(value))
            if key == "id" or key.endswith("_id"):
                assert value is None or (isinstance(value, str) and ID.match(value)), where
                assert key != "id" or isinstance(value, str), where
            elif key.endswith("_ids"):
                assert isinstance(value, list), where
                assert all(isinstance(v, str) and ID.match(v) for v in value), where
            elif key.endswith("_names"):
                assert isinstance(value, list), where
                assert all(isinstance(v, str) for v in value), where
            elif key.startswith("n_"):
                assert type(value) is int, where
            elif type(value) is int:
                assert key in NUMBERS, f"{where}: a count must be named n_..."
            elif isinstance(value, list) and value and isinstance(value[0], str):
                assert key in WORDS, f"{where}: ids go under ..._ids, names under ..._names"
    # A key means one thing: one type wherever it appears (lists of anything agree with [] ).
    for key, found in kinds.items():
        found.discard("list")
        assert len(found) <= 1, f"{key} holds {sorted(found)}"


def test_ids_and_names_point_at_the_same_records() -> None:
    [d] = bundled().dialogues
    topics = {t.id: t.name for t in d.topics}
    for _command, doc in every_document()[: len(COMMANDS)]:
        for _path, _key, value in walk(doc):
            if isinstance(value, dict) and "topic_ids" in value:
                assert [topics[t] for t in value["topic_ids"]] == value["topic_names"]
            if isinstance(value, dict) and "by_ids" in value:
                assert [d.party_name(i) for i in value["by_ids"]] == value["by_names"]


def test_quote_json_names_its_speaker_and_source_apart() -> None:
    quote = document("quotes", "--speaker", "Kitamura")["quotes"][0]
    assert quote["speaker_id"] == "kitamura"
    assert quote["speaker_name"] == "Toshihiro Kitamura"
    assert quote["speaker_is_person"] is True
    assert quote["source_id"] == "article"
    assert quote["source_citation"] == SEED
    hits = document("search", "very important framework")["hits"]
    [hit] = [h for h in hits if h["record"] == "quote"]
    assert hit["text"].endswith("to facilitate such cooperation.")
    assert hit["speaker_name"] == "Toshihiro Kitamura"


def test_summary_events_and_sources_carry_their_dialogue() -> None:
    [brief] = document("summary")["briefings"]
    assert brief["dialogue"]["id"] == "india-japan-sd-18"
    assert brief["events"]
    assert all(e["dialogue_id"] == "india-japan-sd-18" for e in brief["events"])
    assert all(s["dialogue_id"] == "india-japan-sd-18" for s in brief["sources"])


def test_quotes_json_and_csv_keep_every_source() -> None:
    quotes = document("quotes", "--speaker", "Jaishankar")["quotes"]
    assert all(q["source_citation"].startswith("India, Japan") for q in quotes)


# -- CSV: an id column, one value per cell, JSON's values -----------------------------

TABULAR = [
    ["topics"],
    ["quotes"],
    ["commitments"],
    ["people"],
    ["search", "japan"],
    ["dialogues"],
]


def csv_of(*args: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(run(*args, "--format", "csv"))))


@pytest.mark.parametrize("args", TABULAR, ids=lambda a: a[0])
def test_every_csv_has_an_id_column(args: list[str]) -> None:
    header = run(*args, "--format", "csv").splitlines()[0].split(",")
    assert "Id" in header
    rows = csv_of(*args)
    assert rows
    assert all(row["Id"] and ID.match(row["Id"]) for row in rows)


@pytest.mark.parametrize("data", DATA, ids=lambda p: p.name if p else "bundled")
def test_csv_cells_hold_one_value_each(data: Path | None) -> None:
    extra = ["--data", str(data)] if data else []
    commitments = csv_of("commitments", *extra)
    doc = document("commitments", *extra)
    by_id = {c["id"]: c for c in doc["commitments"] + doc["interests"]}
    for row in commitments:
        c = by_id[row["Id"]]
        assert row["Kind"] == c["kind"]
        assert row["Status"] == (c["status"] or "")
        assert row["Timeline"] == (c["timeline"] or "")
        window = c["window"] or {"start": "", "end": "", "note": ""}
        assert (row["Window start"], row["Window end"], row["Window note"]) == (
            window["start"],
            window["end"],
            window["note"],
        )
    for row in csv_of("people", *extra):
        assert "(chair)" not in row["Role"]
        assert row["Chair"] in ("true", "false")
    for row in csv_of("search", "japan", *extra):
        assert row["Record"] in (
            "topic",
            "commitment",
            "interest",
            "discussion",
            "quote",
            "event",
            "person",
        )
        assert not (row["Speaker"] and row["Text"].endswith(f"({row['Speaker']})"))


def test_csv_bom_for_excel(tmp_path: Path) -> None:
    assert not run("people", "--format", "csv").startswith("\ufeff")
    assert run("people", "--format", "csv", "--csv-bom").startswith("\ufeffDialogue,Id,")
    out = tmp_path / "people.csv"
    run("people", "-o", str(out), "--csv-bom")
    assert out.read_bytes().startswith(b"\xef\xbb\xbfDialogue,")
    result = runner.invoke(
        app, ["people", "--format", "csv"], env={"BRIEFING_CSV_BOM": "1"}, prog_name="briefing"
    )
    assert result.stdout.startswith("\ufeff")
    # Other formats never start with a mark.
    assert not run("people", "--format", "json", "--csv-bom").startswith("\ufeff")
