"""`briefing dashboard`: counts by state and party, a picture of the windows, then detail."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from briefing.cli import app
from briefing.dashboard import dashboard_view
from briefing.load import load_knowledge
from briefing.model import STATE_LABELS
from briefing.render import STATE_COLOURS
from briefing.render.gantt import chart_lines, chart_text
from briefing.views import Chart, Heading, Table

runner = CliRunner()
ROOT = Path(__file__).parent.parent
EXAMPLES = str(ROOT / "examples")
DAY = ("--as-of", "2026-03-01")
#: Every state's words, longest first (a state's words never contain another's here).
LABELS = sorted(STATE_LABELS.values(), key=len, reverse=True)


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def board(*extra: str, fmt: str = "json") -> str:
    code, out, err = invoke("dashboard", "--data", EXAMPLES, *DAY, "--format", fmt, *extra)
    assert (code, err) == (0, ""), err
    return out


def followed(*extra: str) -> Any:
    code, out, err = invoke("followups", "--data", EXAMPLES, *DAY, "--format", "json", *extra)
    assert code == 0, err
    return json.loads(out)["followups"]


@pytest.fixture(scope="module")
def view() -> Any:
    knowledge = load_knowledge(Path(EXAMPLES), use_cache=False)
    return dashboard_view(knowledge, dt.date(2026, 3, 1))


# -- What it says -------------------------------------------------------------------


def test_counts_agree_with_followups() -> None:
    got = json.loads(board())
    items = followed()
    assert got["followups"] == items
    assert sum(got["counts"].values()) == len(items)
    for state, n in got["counts"].items():
        assert n == sum(i["state"] == state for i in items), state


def test_party_counts_agree_with_scorecard() -> None:
    got = json.loads(board())["parties"]
    code, out, _ = invoke("scorecard", "--data", EXAMPLES, *DAY, "--format", "json")
    assert code == 0
    card = {p["party_id"]: p for p in json.loads(out)["parties"]}
    assert {p["party_id"] for p in got} == set(card)
    for entry in got:
        assert entry["made"] == card[entry["party_id"]]["made"], entry["name"]
        assert entry["passed"] == card[entry["party_id"]]["passed"], entry["name"]


def test_counts_come_first_then_the_picture_then_groups_most_urgent_first(view: Any) -> None:
    blocks = view.blocks
    kinds = [type(b).__name__ for b in blocks]
    assert kinds.index("Chart") < kinds.index("Heading", 1)
    by_state, by_party = [b for b in blocks if isinstance(b, Table)][:2]
    assert by_state.title.startswith("By state")
    assert by_party.title == "By party"
    groups = [b.state for b in blocks if isinstance(b, Heading) and b.state]
    order = list(STATE_COLOURS)
    assert groups == sorted(groups, key=order.index)
    assert groups[0] == "passed"  # the examples have two as of 2026-03-01


def test_settled_commitments_are_not_charted(view: Any) -> None:
    [chart] = [b for b in view.blocks if isinstance(b, Chart)]
    assert chart.items
    assert {i["state"] for i in chart.items}.isdisjoint({"done", "superseded"})
    assert all(i["window"] for i in chart.items)
    assert "2026-03-01" in chart.summary


def test_filters_narrow_everything() -> None:
    got = json.loads(board("--state", "window open"))
    assert got["state"] == "open"
    assert got["followups"]
    assert {i["state"] for i in got["followups"]} == {"open"}
    japan = json.loads(board("--party", "japan"))
    assert [p["party_id"] for p in japan["parties"]] == ["japan"]
    assert all("japan" in i["by_ids"] for i in japan["followups"])


def test_an_unknown_state_is_a_usage_error_naming_the_states() -> None:
    code, out, err = invoke("dashboard", "--data", EXAMPLES, "--state", "overdone")
    assert code != 0
    assert out == ""
    assert "no state 'overdone'" in err
    assert "passed" in err
    assert "Traceback" not in err


# -- Every format ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "rich", "json", "csv"])
def test_every_format_names_states_and_parties(fmt: str) -> None:
    out = board(fmt=fmt)
    assert "window passed, no progress recorded" in out.lower()
    assert "Anthony Albanese" in out
    assert "United States" in out
    assert "1970" not in out


def test_ics_is_refused_with_a_pointer_to_followups() -> None:
    code, out, err = invoke("dashboard", "--data", EXAMPLES, "--format", "ics")
    assert (code, out) == (2, "")
    assert "briefing followups" in err


def test_csv_is_one_value_a_cell() -> None:
    rows = list(csv.DictReader(io.StringIO(board(fmt="csv"), newline="")))
    assert len(rows) == len(followed())
    for row in rows:
        assert row["State id"] in STATE_LABELS
        assert row["State"] == STATE_LABELS[row["State id"]]
        for end in ("Window start", "Window end"):
            assert row[end] == "" or dt.date.fromisoformat(row[end]).isoformat() == row[end]
    # A spreadsheet sorts by the window's start.
    assert any(row["Window start"] for row in rows)


def test_markdown_has_the_chart_in_a_fenced_block() -> None:
    out = board(fmt="markdown")
    fenced = re.search(r"```text\n(.*?)\n```", out, re.S)
    assert fenced is not None
    assert "as of 2026-03-01" in fenced.group(1)
    assert "\u2588" in fenced.group(1)


def test_html_draws_the_windows_as_svg_with_no_script() -> None:
    out = board(fmt="html")
    assert out.count("<svg") == 2  # one laid out for a page, one for a phone
    assert '<div class="wide">' in out
    assert '<div class="narrow">' in out
    assert "<script" not in out.lower()
    assert "http-equiv" in out
    # Each state's colour once, from the shared palette, on its swatches.
    for state in ("passed", "open"):
        assert f'data-state="{state}"' in out
        assert STATE_COLOURS[state] in out
    assert "table-wrap wide" in out  # the group tables stack their rows on a page


# -- The terminal ---------------------------------------------------------------------


def _rich(width: int, *extra: str) -> str:
    return board("--width", str(width), *extra, fmt="rich")


@pytest.mark.parametrize("width", [80, 100, 140])
def test_rich_fits_and_draws_the_chart(width: int) -> None:
    out = _rich(width)
    lines = out.splitlines()
    assert "as of 2026-03-01" in out
    assert "\u2502" in out
    assert max(cell_len(line) for line in lines) <= width


def test_rich_tables_use_a_wide_terminal() -> None:
    wide = _rich(140)
    header = next(line for line in wide.splitlines() if "Party" in line and "Made" in line)
    assert cell_len(header) > 100  # a table, not cards capped at the prose width


def test_colour_only_when_asked_and_never_alone() -> None:
    plain = _rich(100, "--no-color")
    assert "\x1b[" not in plain
    coloured = _rich(100, "--color")
    assert "\x1b[" in coloured
    # The chart names each row's state in words too: it reads the same without colour.
    rows = [line for line in plain.splitlines() if "\u2588" in line and line[0] != "\u2502"]
    assert rows
    assert all(line.rstrip().endswith(("passed", "open")) for line in rows)


def test_a_web_address_is_one_hyperlink_never_split() -> None:
    code, out, err = invoke(
        "quotes", "--format", "rich", "--width", "80", "--color", "--dialogue", "india-japan-sd-18"
    )
    assert code == 0, err
    address = re.search(r"https://www\.hindustantimes\.com/\S+?\.html", out)
    assert address is not None
    assert "\x1b]8;id=" in out
    assert address.group() in out
    plain = runner.invoke(app, ["quotes", "--format", "rich", "--width", "80", "--no-color"])
    assert address.group() in plain.stdout  # whole on one line, though wider than 80


# -- The chart on its own -------------------------------------------------------------


def _chart(*windows: tuple[str, str, str]) -> Chart:
    items = tuple(
        {"text": f"Commitment {n}", "state": s, "window": {"start": a, "end": b}}
        for n, (a, b, s) in enumerate(windows, 1)
    )
    return Chart("Windows", items, "2026-03-01", "summary")


def test_chart_rows_are_in_order_with_state_last() -> None:
    chart = _chart(("2025-01-01", "2025-12-31", "passed"), ("2026-01-01", "2026-06-30", "open"))
    lines = chart_text(chart, 80)
    rows = [line for line in lines if line.startswith("Commitment")]
    assert [r.split()[1] for r in rows] == ["1", "2"]
    assert rows[0].endswith("passed")
    assert rows[1].endswith("open")
    assert all(len(line) <= 80 for line in lines)


def test_chart_pieces_carry_the_state_for_colour() -> None:
    chart = _chart(("2025-01-01", "2025-12-31", "passed"))
    pieces = [p for line in chart_lines(chart, 80) for p in line]
    assert "\u2588" in "".join(t for t, s in pieces if s == "passed")
    assert all(s in ("", "passed") for _, s in pieces)


def test_a_window_past_the_horizon_ends_in_an_arrow() -> None:
    chart = _chart(("2025-08-29", "2055-08-29", "open"))
    text = "\n".join(chart_text(chart, 100))
    assert "\u25b6" in text


def test_no_window_no_chart() -> None:
    assert chart_lines(Chart("Windows", (), "2026-03-01", "none"), 80) == []
    out = board("--state", "undated", fmt="html")
    assert "<svg" not in out
