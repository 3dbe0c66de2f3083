"""Counts, wording, JSON and CSV that mean what they say (docs/json.md)."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), prog_name="briefing")
    assert result.exit_code == 0, result.output
    return result.stdout


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
