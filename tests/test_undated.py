"""A meeting whose date was not found: never shown as a real date, sorted last, not signed off.

A draft from an article that prints no date has no `date` at all (never a
placeholder such as 1970-01-01). Every command and format says "date not
found" (JSON: null), it sorts after every dated meeting, and `validate --strict`
fails until a person adds the date.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.load import load_knowledge
from briefing.model import NO_DATE
from tests.conftest import ROOT

runner = CliRunner()

BUNDLED = (ROOT / "data" / "dialogue.yaml").read_text(encoding="utf-8")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """The bundled meeting, and a copy of it whose date is not known (both cite its archive)."""
    shutil.copytree(ROOT / "data" / "sources", tmp_path / "sources")
    (tmp_path / "dated.yaml").write_text(BUNDLED, encoding="utf-8")
    undated, removed = re.subn(r"(?m)^  date: 2026-01-16\n", "", BUNDLED, count=1)
    assert removed == 1
    undated = undated.replace("id: india-japan-sd-18", "id: undated-talks", 1)
    undated = undated.replace("ordinal: 18", "ordinal: 19", 1)
    (tmp_path / "undated.yaml").write_text(undated, encoding="utf-8")
    return tmp_path


COMMANDS = (
    ["dialogues"],
    ["topics"],
    ["quotes"],
    ["commitments"],
    ["people"],
    ["summary", "--dialogue", "undated-talks"],
    ["followups", "--as-of", "2026-06-01"],
    ["timeline"],
    ["search", "minerals"],
)
FORMATS = ("text", "markdown", "json", "csv", "html", "rich")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_no_format_prints_a_made_up_date(archive: Path, command: list[str], fmt: str) -> None:
    if fmt == "csv" and command[0] in ("summary", "timeline"):
        pytest.skip("a document has no CSV form")
    result = runner.invoke(app, [*command, "--data", str(archive), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert "1970" not in result.stdout
    if command[0] in ("dialogues", "summary") and fmt not in ("json", "csv"):
        assert NO_DATE in result.stdout


def test_json_says_null_and_the_undated_meeting_sorts_last(archive: Path) -> None:
    result = runner.invoke(app, ["dialogues", "--data", str(archive), "--format", "json"])
    rows = json.loads(result.stdout)["dialogues"]
    assert [(r["id"], r["date"]) for r in rows] == [
        ("india-japan-sd-18", "2026-01-16"),
        ("undated-talks", None),
    ]


def test_commitments_of_an_undated_meeting_have_no_window(archive: Path) -> None:
    result = runner.invoke(
        app, ["followups", "--data", str(archive), "--as-of", "2026-06-01", "--format", "json"]
    )
    items = [
        i for i in json.loads(result.stdout)["followups"] if i["dialogue_id"] == "undated-talks"
    ]
    assert all(i["made_on"] is None for i in items)
    # A window a person wrote down stands; none is read from a timeline without a date.
    unread = [i for i in items if i["timeline"] and not i["window"]]
    assert unread
    assert all(i["state"] == "undated" for i in unread)
    assert {i["no_window_because"] for i in unread} == {"the meeting's date was not found"}


def test_validate_passes_but_strict_fails_on_a_missing_date(archive: Path) -> None:
    path = archive / "undated.yaml"
    ok = runner.invoke(app, ["validate", str(path)])
    assert ok.exit_code == 0
    assert "the date" in ok.stderr
    strict = runner.invoke(app, ["validate", "--strict", str(path)])
    assert strict.exit_code == 1
    assert "dialogue.date: dialogue 'undated-talks': the meeting's date was not found" in (
        strict.stdout + strict.stderr
    )
    assert "add `date: YYYY-MM-DD`" in strict.stdout + strict.stderr


def test_the_model_has_no_date_rather_than_a_placeholder(archive: Path) -> None:
    knowledge = load_knowledge(archive / "undated.yaml", use_cache=False)
    assert knowledge.dialogues[0].date is None
    assert knowledge.dialogues[0].date_as_written == "Friday"
