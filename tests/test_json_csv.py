"""Counts, wording, JSON and CSV that mean what they say (docs/json.md)."""

from __future__ import annotations

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
    assert (security["commitments"], security["interests"]) == (0, 1)
    # 1 interest + 4 matters discussed; a commitment would have added 2.
    assert security["weight"] == 5


def test_interest_is_counted_apart_in_dialogues_and_people() -> None:
    [dialogue] = document("dialogues")["dialogues"]
    assert (dialogue["commitments"], dialogue["interests"]) == (10, 1)
    people = {p["id"]: p for p in document("people")["people"]}
    assert (people["jaishankar"]["commitments"], people["jaishankar"]["interests"]) == (1, 0)


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
