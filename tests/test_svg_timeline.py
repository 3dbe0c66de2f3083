"""The SVG timeline of commitment windows: well-formed, faithful to its items, self-contained."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefing.cli import app
from briefing.render.svg_timeline import PALETTE, shorten, timeline_svg
from tests.conftest import ROOT

NS = {"s": "http://www.w3.org/2000/svg"}
S = "{http://www.w3.org/2000/svg}"
AS_OF = dt.date(2026, 3, 1)


def item(
    ident: str,
    start: str | None,
    end: str | None,
    state: str = "open",
    label: str = "window open",
    text: str | None = None,
    by: tuple[str, ...] = ("India", "Japan"),
) -> dict[str, Any]:
    window = None if start is None else {"start": start, "end": end, "interpretation": True}
    return {
        "id": ident,
        "dialogue_id": "d",
        "text": text if text is not None else f"Commitment {ident} to do a thing.",
        "by_names": list(by),
        "state": state,
        "state_label": label,
        "window": window,
        "made_on": "2025-01-01",
    }


@pytest.fixture(scope="module")
def followups() -> list[dict[str, Any]]:
    """The items `briefing followups --format json` gives for the examples."""
    args = ["followups", "--data", str(ROOT / "examples" / "india-japan")]
    result = CliRunner().invoke(app, [*args, "--as-of", AS_OF.isoformat(), "--format", "json"])
    assert result.exit_code == 0, result.output
    items: list[dict[str, Any]] = json.loads(result.stdout)["followups"]
    return items


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{S}svg"
    return root


def bars(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//s:rect[@class='bar']", NS)


def today_x(root: ET.Element) -> float:
    line = root.find(".//s:path[@class='today']", NS)
    assert line is not None
    found = re.match(r"M([\d.]+) ", line.get("d", ""))
    assert found is not None
    return float(found.group(1))


def test_examples_draw_one_bar_per_item_with_a_window(followups: list[dict[str, Any]]) -> None:
    root = parse(timeline_svg(followups, AS_OF))
    windowed = [i for i in followups if i["window"] is not None]
    assert 0 < len(windowed) < len(followups)
    drawn = bars(root)
    assert len(drawn) == len(windowed)
    # In the order given (most urgent first), each with its full text as a tooltip.
    tips = [b.findtext(f"{S}title", "") for b in drawn]
    assert [t.split("\n")[0] for t in tips] == [i["text"] for i in windowed]
    for tip, i in zip(tips, windowed, strict=True):
        assert ", ".join(i["by_names"]) in tip
        assert f"{i['window']['start']} to {i['window']['end']}" in tip
        assert f"State: {i['state_label']}" in tip


def test_the_as_of_line_stands_at_its_place_on_each_bar(followups: list[dict[str, Any]]) -> None:
    root = parse(timeline_svg(followups, AS_OF))
    x = today_x(root)
    windows = [i["window"] for i in followups if i["window"] is not None]
    for bar, window in zip(bars(root), windows, strict=True):
        start = dt.date.fromisoformat(window["start"])
        after = dt.date.fromisoformat(window["end"]) + dt.timedelta(days=1)
        left, width = float(bar.get("x", "")), float(bar.get("width", ""))
        wanted = (AS_OF - start).days / (after - start).days
        assert (x - left) / width == pytest.approx(wanted, abs=0.005)
    mark = root.find(".//s:g[@class='today']/s:text", NS)
    assert mark is not None
    assert mark.text == "as of 2026-03-01"


def test_as_of_line_on_the_axis_proportion() -> None:
    items = [item("a", "2020-01-01", "2029-12-31"), item("b", "2024-07-01", "2024-12-31")]
    root = parse(timeline_svg(items, "2025-01-01"))
    first = bars(root)[0]
    left, width = float(first.get("x", "")), float(first.get("width", ""))
    span = (dt.date(2030, 1, 1) - dt.date(2020, 1, 1)).days
    wanted = (dt.date(2025, 1, 1) - dt.date(2020, 1, 1)).days / span
    assert (today_x(root) - left) / width == pytest.approx(wanted, abs=0.002)


def test_legend_names_the_states_drawn_in_their_order() -> None:
    items = [
        item("p", "2025-01-01", "2025-06-30", "passed", "window passed, no progress recorded"),
        item("u", "2027-01-01", "2027-12-31", "upcoming", "window not yet open"),
        item("o", "2026-01-01", "2026-12-31", "open", "window open"),
        item("o2", "2026-02-01", "2026-05-31", "open", "window open"),
        item("s", "2022-03-19", "2027-03-19", "superseded", "superseded"),
        item("n", None, None, "undated", "no window"),
    ]
    root = parse(timeline_svg(items, AS_OF))
    legend = [t.text for t in root.findall(".//s:g[@class='legend-item']/s:text", NS)]
    assert legend == [
        "window passed, no progress recorded",
        "window open",
        "window not yet open",
        "superseded",
    ]
    desc = root.findtext(f"{S}desc", "")
    assert desc.startswith("5 commitments with a window, as of 2026-03-01:")
    assert "2 window open" in desc
    assert "1 without a window not shown" in desc
    # Bars take their state's colour; closed states are outlined.
    fills = {b.get("fill") for b in bars(root)}
    assert fills == {PALETTE[s] for s in ("passed", "upcoming", "open", "superseded")}
    superseded = [b for b in bars(root) if b.get("fill") == PALETTE["superseded"]]
    assert superseded[0].get("stroke") == PALETTE["superseded"]


def test_text_is_escaped_and_controls_made_visible() -> None:
    awkward = 'Say <b>"yes"</b> & mean it \x01 \u202e now\nplease'
    items = [item("x", "2026-01-01", "2026-06-30", text=awkward, by=("A & B", "<C>"))]
    svg = timeline_svg(items, AS_OF, title='Windows <of> "all" & more')
    assert "<b>" not in svg
    assert "&lt;b&gt;&quot;yes&quot;&lt;/b&gt; &amp; mean it" in svg
    assert "\x01" not in svg
    assert "\u202e" not in svg
    root = parse(svg)
    assert root.findtext(f"{S}title") == 'Windows <of> "all" & more'
    tip = bars(root)[0].findtext(f"{S}title", "")
    assert tip.startswith('Say <b>"yes"</b> & mean it \\u0001 \\u202e now please\n')
    assert "By: A & B, <C>" in tip


def test_no_window_gives_nothing() -> None:
    assert timeline_svg([], AS_OF) == ""
    assert timeline_svg([item("n", None, None, "undated", "no window")], AS_OF) == ""
    assert timeline_svg([{"id": "bare"}], AS_OF) == ""


def test_same_input_same_bytes(followups: list[dict[str, Any]]) -> None:
    first = timeline_svg(followups, AS_OF)
    assert first == timeline_svg(json.loads(json.dumps(followups)), "2026-03-01")
    assert first == timeline_svg(followups, dt.datetime(2026, 3, 1, 12, 0))
    assert first != timeline_svg(followups, AS_OF, title="Other")


def test_scales_to_its_container_and_names_itself(followups: list[dict[str, Any]]) -> None:
    root = parse(timeline_svg(followups, AS_OF))
    assert root.get("width") == "100%"
    assert root.get("height") is None
    assert "height:auto" in root.get("style", "")
    view = [float(v) for v in root.get("viewBox", "").split()]
    assert view[:3] == [0, 0, 960]
    assert root.get("role") == "img"
    ids = root.get("aria-labelledby", "").split()
    assert [e.get("id") for e in root if e.tag in (f"{S}title", f"{S}desc")] == ids
    assert root.get("font-family") == "inherit"
    narrow = parse(timeline_svg(followups, AS_OF, width=100))
    assert narrow.get("viewBox", "").startswith("0 0 320 ")


def test_self_contained(followups: list[dict[str, Any]]) -> None:
    svg = timeline_svg(followups, AS_OF).lower()
    for banned in ("<script", "href", "url(", "@import", "@font-face", "<style", "<image"):
        assert banned not in svg
    assert not re.search(r"\son\w+=", svg), "no event handlers"
    assert re.findall(r"https?://[^\"]*", svg) == ["http://www.w3.org/2000/svg"]


def test_imports_only_the_standard_library_and_the_shared_palette() -> None:
    """No drawing library: the standard library, and the states' colours from `briefing.render`."""
    tree = ast.parse((ROOT / "briefing" / "render" / "svg_timeline.py").read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.module is not None
            names.add(node.module)
    stdlib = {n for n in names if n.split(".")[0] in sys.stdlib_module_names}
    assert names - stdlib <= {"__future__", "briefing.render"}


@pytest.mark.parametrize(
    ("windows", "as_of"),
    [
        ([("2025-08-29", "2035-08-29")], "2026-03-01"),  # ten years
        ([("2027-01-01", "2127-01-01"), ("2026-04-01", "2026-05-01")], "2026-03-01"),  # a century
        ([("1990-01-01", "1991-12-31"), ("2050-01-01", "2050-01-01")], "2026-03-01"),  # far apart
        ([("2015-01-01", "2016-12-31")], "2026-03-01"),  # all in the past
        ([("2031-01-01", "2032-06-30")], "2026-03-01"),  # all in the future
        ([("2026-03-01", "2026-03-01")], "2026-03-01"),  # one day, on the as-of date
        ([("2026-06-30", "2026-01-01")], "2026-03-01"),  # given backwards
    ],
)
def test_any_windows_fit_the_drawing(windows: list[tuple[str, str]], as_of: str) -> None:
    items = [item(str(n), s, e) for n, (s, e) in enumerate(windows)]
    root = parse(timeline_svg(items, as_of))
    width = float(root.get("viewBox", "").split()[2])
    assert len(bars(root)) == len(windows)
    for bar in bars(root):
        left, size = float(bar.get("x", "")), float(bar.get("width", ""))
        assert left >= 0
        assert left + size <= width
        assert size >= 4
    assert 0 < today_x(root) < width
    ticks = root.findall(".//s:g[@class='ticks']/s:text", NS)
    assert ticks, "the axis has labels"
    assert all(0 <= float(t.get("x", "")) <= width for t in ticks)


def test_windows_past_the_axis_end_in_arrows() -> None:
    items = [item("long", "1900-01-01", "2200-12-31"), item("short", "2026-01-01", "2026-06-30")]
    svg = timeline_svg(items, AS_OF)
    root = parse(svg)
    assert len(root.findall(".//s:g[@class='row']/s:path", NS)) == 2
    years = [int(t.text or "0") for t in root.findall(".//s:g[@class='ticks']/s:text", NS)]
    # Ten years either side of the as-of date and the windows, not three centuries.
    assert min(years) >= 2015
    assert max(years) <= 2037
    assert "Window: 1900-01-01 to 2200-12-31" in svg


def test_month_ticks_when_the_span_is_short() -> None:
    items = [item("a", "2026-02-01", "2026-03-31"), item("b", "2026-04-15", "2026-05-15")]
    words = [t.text for t in parse(timeline_svg(items, AS_OF)).iter(f"{S}text")]
    assert "Feb 2026" in words
    assert "Apr" in words


def test_shorten_cuts_at_a_word() -> None:
    text = "Convene the joint working group on critical minerals, to advance collaboration."
    assert shorten(text, 200) == text
    cut = shorten(text, 40)
    assert len(cut) <= 40
    assert cut == "Convene the joint working group on\u2026"
    assert shorten("Supercalifragilistic", 8) == "Superca\u2026"
    assert shorten("a, b", 3) == "a\u2026"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    spans=st.lists(
        st.tuples(
            st.dates(dt.date(1900, 1, 1), dt.date(2150, 12, 31)),
            st.integers(0, 40_000),
            st.sampled_from([*PALETTE, "unknown"]),
            st.text(max_size=120),
        ),
        min_size=1,
        max_size=12,
    ),
    as_of=st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)),
    width=st.integers(0, 3000),
)
def test_any_items_give_well_formed_svg_inside_its_box(
    spans: list[tuple[dt.date, int, str, str]], as_of: dt.date, width: int
) -> None:
    items: list[Mapping[str, Any]] = [
        {
            "id": str(n),
            "text": text,
            "by_names": [text[:5]],
            "state": state,
            "state_label": state.upper(),
            "window": {"start": start, "end": start + dt.timedelta(days=days)},
        }
        for n, (start, days, state, text) in enumerate(spans)
    ]
    svg = timeline_svg(items, as_of, width=width)
    root = parse(svg)
    view = [float(v) for v in root.get("viewBox", "").split()]
    assert len(bars(root)) == len(items)
    assert 0 < today_x(root) < view[2]
    for bar in bars(root):
        assert 0 <= float(bar.get("x", "")) <= view[2]
    assert svg == timeline_svg(items, as_of, width=width)
