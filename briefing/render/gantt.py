"""A chart of commitment windows in characters, for terminals and plain text.

`chart_lines` lays out a `Chart` (its items with a window, in the order given) at
a width: each row is the commitment's text cut at a word, a bar over its window on
a shared axis of years, and its state's id; a column of `│` marks the as-of date.
Each line is a list of (text, state) pieces, so the terminal colours a bar by its
state and plain text joins the pieces; the state's id closes every row, so the
chart reads the same without colour. The axis reaches at most ten years either
side of the as-of date; a bar going on past it ends in an arrow.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Final, NamedTuple

from briefing.render import oneline
from briefing.render.svg_timeline import shorten, years_on
from briefing.views import Chart

#: One piece of a line: its text, and the state whose colour it takes ("" for none).
Piece = tuple[str, str]

_FULL, _TODAY, _LEFT, _RIGHT = "\u2588", "\u2502", "\u25c0", "\u25b6"
_HORIZON: Final = 10  # years the axis may reach either side of the as-of date
_STATE_WIDTH: Final = 11  # "in progress", the longest state id


class _Row(NamedTuple):
    text: str
    start: dt.date
    end: dt.date
    state: str


def _day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _rows(items: tuple[Mapping[str, Any], ...]) -> list[_Row]:
    rows = []
    for item in items:
        window = item.get("window")
        if not isinstance(window, Mapping):
            continue
        start, end = _day(window.get("start")), _day(window.get("end"))
        if start is None or end is None:
            continue
        start, end = min(start, end), max(start, end)
        rows.append(_Row(oneline(str(item.get("text") or "")), start, end, str(item["state"])))
    return rows


def chart_lines(chart: Chart, width: int) -> list[list[Piece]]:
    """CHART as lines of pieces, at most WIDTH characters wide ([] when nothing has a window)."""
    rows = _rows(chart.items)
    today = _day(chart.as_of) or dt.date.today()
    if not rows:
        return []
    width = max(width, 48)
    label = min(40, max(16, (width - _STATE_WIDTH - 2) * 2 // 5))
    cells = width - label - _STATE_WIDTH - 3
    lo = max(min(today, *(r.start for r in rows)), years_on(today, -_HORIZON))
    hi = min(max(today, *(r.end for r in rows)), years_on(today, _HORIZON))
    lo, hi = lo.replace(month=1, day=1), dt.date(hi.year + 1, 1, 1)
    span = (hi - lo).days

    def x(day: dt.date) -> int:
        shown = min(max(day, lo), hi)
        return min(cells - 1, (shown - lo).days * cells // span)

    mark = x(today)
    axis = [" "] * cells
    for year in range(lo.year, hi.year):
        at = x(dt.date(year, 1, 1))
        word = str(year) if cells // max(1, hi.year - lo.year) >= 5 else f"'{year % 100:02d}"
        if at + len(word) <= cells and all(c == " " for c in axis[max(0, at - 1) : at + len(word)]):
            axis[at : at + len(word)] = word
    lines: list[list[Piece]] = [[(" " * (label + 1) + "".join(axis).rstrip(), "")]]
    caption = f"as of {today.isoformat()}"
    at = min(max(0, mark - len(caption) // 2), max(0, cells - len(caption)))
    lines.append([(" " * (label + 1 + at) + caption, "")])
    for r in rows:
        a, b = x(r.start), x(r.end)
        bar = [(_TODAY if i == mark else " ", "") for i in range(cells)]
        for i in range(a, b + 1):
            bar[i] = (_FULL, r.state)
        if r.start < lo:
            bar[a] = (_LEFT, r.state)
        if r.end >= hi:
            bar[b] = (_RIGHT, r.state)
        pieces: list[Piece] = [(shorten(r.text, label).ljust(label) + " ", "")]
        for text, state in bar:  # runs of one colour as one piece
            if pieces and pieces[-1][1] == state:
                pieces[-1] = (pieces[-1][0] + text, state)
            else:
                pieces.append((text, state))
        pieces.append((" " + r.state, r.state))
        lines.append(pieces)
    return lines


def chart_text(chart: Chart, width: int) -> list[str]:
    """CHART as plain lines (its summary, then the chart when anything has a window)."""
    lines = ["".join(text for text, _ in pieces).rstrip() for pieces in chart_lines(chart, width)]
    return [chart.title, chart.summary, *(["", *lines] if lines else [])]
