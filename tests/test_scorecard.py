"""`briefing scorecard`: per party and per series, what was promised and what the files record."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()
ROOT = Path(__file__).parent.parent
EXAMPLES = str(ROOT / "examples")


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def card(*extra: str) -> Any:
    code, out, err = invoke("scorecard", "--data", EXAMPLES, "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)


def followed(*extra: str) -> Any:
    code, out, err = invoke("followups", "--data", EXAMPLES, "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)["followups"]


def test_counts_agree_with_followups_for_each_party() -> None:
    day = ("--as-of", "2026-11-27")
    parties = card(*day)["parties"]
    items = followed(*day)
    for entry in parties:
        mine = [i for i in items if entry["party_id"] in i["by_ids"]]
        assert entry["made"] == len(mine), entry["name"]
        for state in ("done", "in progress", "passed", "open", "undated", "superseded"):
            assert entry[state.replace(" ", "_")] == sum(i["state"] == state for i in mine)


def test_recorded_follow_through_is_the_share_of_closed_windows_with_progress() -> None:
    # Progress on the 2+2's security commitment is recorded in 2024: under way.
    later = card("--as-of", "2027-06-01", "--series", "india-japan-2plus2")
    [series] = later["series"]
    assert series["series_id"] == "india-japan-2plus2"
    closed, through = series["windows_closed"], series["followed_through"]
    assert closed >= through
    share = series["recorded_follow_through"]
    assert share == (round(through / closed, 4) if closed else None)


def test_party_filter_counts_that_party_only() -> None:
    got = card("--as-of", "2026-11-27", "--party", "japan")
    names = [p["name"] for p in got["parties"]]
    assert names == ["Japan"]
    every = card("--as-of", "2026-11-27")
    japan = next(p for p in every["parties"] if p["name"] == "Japan")
    assert got["parties"][0]["made"] == japan["made"]


def test_csv_has_numbers_in_cells_and_text_says_what_it_counts() -> None:
    _, out, _ = invoke("scorecard", "--data", EXAMPLES, "--as-of", "2026-11-27", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    japan = next(r for r in rows if r["Party id"] == "japan")
    assert japan["Made"].isdigit()
    assert japan["Window passed, no progress recorded"].isdigit()
    assert japan["Follow-through share"] in ("", "0.0000") or float(japan["Follow-through share"])
    _, text, _ = invoke("scorecard", "--data", EXAMPLES, "--as-of", "2026-11-27")
    flat = " ".join(text.split())
    assert "Recorded follow-through: of the commitments whose window has closed" in flat
    assert "counts only what the files read record" in flat
    assert "overdue" not in flat.lower()


def test_before_any_meeting_nothing_is_counted() -> None:
    got = card("--as-of", "2000-01-01")
    assert got["parties"] == []
    _, text, _ = invoke("scorecard", "--data", EXAMPLES, "--as-of", "2000-01-01")
    assert "No commitments made by 2000-01-01 in the data read." in text
