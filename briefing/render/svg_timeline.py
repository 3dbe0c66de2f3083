"""An inline SVG timeline of commitment windows, for a follow-ups dashboard page.

`timeline_svg` draws the items of `briefing followups --format json` that have a
window, one row each in the order given: the text cut at a word, a bar over the
window's days on a shared date axis, and beside it who made it, its state and
window. A line marks the as-of date; the axis reaches at most ten years past it
and the windows, and a bar going on past the axis ends in an arrow. No script,
fetch or font: text takes the page's font and colour (`inherit`, `currentColor`).
Fills are Okabe-Ito hues with 3:1 contrast on white and on #17181c; closed states
are outlined, so they differ in grey print, and each row names its state. The
SVG fills its container's width, up to 1.25 px per unit of WIDTH, its text 12.5
to 15 units: at 960 that is about 5.5 px on a 390 px phone (vector, so it zooms),
at 560 about 9.5 px. Same input, same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any, Final, NamedTuple

from briefing.render import STATE_COLOURS

#: The fill of each state's bars, in the order of the states (most urgent first).
PALETTE: Final[dict[str, str]] = STATE_COLOURS
_CLOSED: Final = frozenset({"superseded", "lapsed", "done"})
_OTHER: Final = "#8A8F98"  # a state this module does not know
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Characters XML forbids (controls, lone surrogates) and bidi overrides that reorder text.
_UNSAFE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_PAD, _FONT, _SMALL = 22.0, 15.0, 12.5  # side margin; label and small text sizes
_ROW, _BAR, _BAR_Y = 44.0, 12.0, 22.0  # a row's height; its bar's height and offset
_MUTED, _TINT = 'fill-opacity="0.78"', 'fill="currentColor" fill-opacity="0.05"'
_HORIZON: Final = 10  # years the axis may reach past the as-of date and the windows
_DOT: Final = " \u00b7 "

Boxes = list[tuple[float, float, float, float]]  # text drawn: top, bottom, left, right


class _Row(NamedTuple):
    item: Mapping[str, Any]
    start: dt.date
    end: dt.date
    state: str


class _Axis(NamedTuple):
    lo: dt.date  # first day shown
    hi: dt.date  # the day after the last shown
    left: float
    right: float

    def x(self, day: dt.date) -> float:
        shown = min(max(day, self.lo), self.hi) - self.lo
        return self.left + shown.days / (self.hi - self.lo).days * (self.right - self.left)


def _clean(value: object) -> str:
    """VALUE as one line of single spaces, each unsafe character shown as an escape."""
    shown = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(value))
    return " ".join(shown.split())


def _day(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def years_on(day: dt.date, years: int) -> dt.date:
    """DAY moved by YEARS (29 February to the 28th), kept inside the dates Python has."""
    year = min(max(day.year + years, dt.MINYEAR + 1), dt.MAXYEAR - 1)
    return dt.date(year, day.month, 28 if (day.month, day.day) == (2, 29) else day.day)


def _n(value: float) -> str:
    """A coordinate to one decimal, without a trailing ".0"."""
    return f"{value:.1f}".removesuffix(".0")


def _wide(text: str, size: float, bold: bool = False) -> float:
    """About how wide TEXT is in a sans serif of SIZE (erring wide)."""
    return len(text) * size * (0.62 if bold else 0.56)


def shorten(text: str, limit: int) -> str:
    """TEXT cut at a word to at most LIMIT characters, ending in an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-\u2013\u2014") + "\u2026"


def _months(start: dt.date, end: dt.date) -> str:
    """A window in few words: "Jan-Apr 2026", "Aug 2025-Aug 2035" (en dashes), "5 Jan 2026"."""
    first, last = (f"{_MONTHS[d.month - 1]} {d.year}" for d in (start, end))
    if start == end or first == last:
        return f"{start.day} {last}" if start == end else last
    return f"{first.split()[0] if start.year == end.year else first}\u2013{last}"


def _span(rows: Sequence[_Row], as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The axis's first day and the day after its last: windows and as-of date, within limits."""
    lo = min(as_of, *(r.start for r in rows))
    hi = max(as_of, *(r.end for r in rows))
    # Every bar keeps some length: from no later than the earliest end to the latest start.
    lo = max(lo, years_on(min(as_of, *(r.end for r in rows)), -_HORIZON))
    hi = min(hi, years_on(max(as_of, *(r.start for r in rows)), _HORIZON))
    margin = dt.timedelta(days=max((hi - lo).days // 40, 15, (120 - (hi - lo).days) // 2))
    return lo - margin, hi + margin + dt.timedelta(days=1)


def _ticks(lo: dt.date, hi: dt.date, room: float) -> list[tuple[dt.date, str]]:
    """Dates to mark on the axis: months when the span is short, else years."""
    most = max(int(room // 64), 2)
    if (hi - lo).days <= 3 * 366:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= most)
        out: list[tuple[dt.date, str]] = []
        for k in range(1, months + 1):
            year, month = divmod(lo.year * 12 + lo.month - 1 + k, 12)
            if month % step == 0 and dt.date(year, month + 1, 1) <= hi:
                word = f"{_MONTHS[month]} {year}" if month == 0 else _MONTHS[month]
                out.append((dt.date(year, month + 1, 1), word))
        return out
    span = hi.year - lo.year + 1
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000) if span / s <= most)
    return [(dt.date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1) if y % step == 0]


def _bar(state: str, x: float, y: float, w: float, h: float, tip: str = "") -> str:
    """A bar (with a tooltip) or a legend swatch: filled if STATE is live, outlined if closed."""
    colour = PALETTE.get(state, _OTHER)
    paint = f'fill="{colour}"'
    if state in _CLOSED:
        paint += f' fill-opacity="0.3" stroke="{colour}" stroke-width="2"'
    shape = (
        f'<rect class="{"bar" if tip else "swatch"}" x="{_n(x)}" y="{_n(y)}"'
        f' width="{_n(w)}" height="{_n(h)}" rx="2" {paint}'
    )
    return f"{shape}><title>{escape(tip)}</title></rect>" if tip else f"{shape}/>"


def _row(r: _Row, y: float, axis: _Axis, tx: float) -> tuple[str, Boxes]:
    """One commitment's label and bar (its tooltip the full text); the boxes its text fills.

    Who, state and window go beside the bar, clear of the as-of line if they can."""
    text = _clean(r.item.get("text") or r.item.get("id") or "")
    names = r.item.get("by_names") or []
    parties = ", ".join(_clean(p) for p in ([names] if isinstance(names, str) else names))
    said = _clean(r.item.get("state_label") or r.state)
    x0, x1 = axis.x(r.start), axis.x(r.end + dt.timedelta(days=1))  # through the last day
    if x1 - x0 < 4:
        x0, x1 = (x0 + x1) / 2 - 2, (x0 + x1) / 2 + 2
    cut_before, cut_after, by = r.start < axis.lo, r.end >= axis.hi, y + _BAR_Y
    meta = _DOT.join(p for p in (parties, said) if p)
    beside: tuple[float, str, float, float] | None = None
    for words in (_DOT.join((meta, _months(r.start, r.end))), meta):
        w = _wide(words, _SMALL)
        after, before = x1 + (15 if cut_after else 7), x0 - (15 if cut_before else 7)
        sides = [(after, "start", after, after + w)] if after + w <= axis.right + _PAD else []
        sides += [(before, "end", before - w, before)] if before - w >= 4 else []
        sides.sort(key=lambda s: s[2] - 6 <= tx <= s[3] + 6)  # clear of the as-of line first
        if sides:
            meta, beside = words, sides[0]
            break
    room = axis.right - axis.left - (0 if beside else _wide(meta, _SMALL) + 10)
    short = shorten(text, min(max(int(room / (_FONT * 0.62)), 16), 90))
    label = f'<tspan class="label" font-weight="600">{escape(short)}</tspan>'
    end = axis.left + _wide(short, _FONT, bold=True)
    if beside is None:
        label += f'<tspan dx="10" font-size="{_SMALL}" {_MUTED}>{escape(meta)}</tspan>'
        end += 10 + _wide(meta, _SMALL)
    tip = f"{text}\nBy: {parties or 'not recorded'}\nWindow: {r.start} to {r.end}\nState: {said}"
    drawn = [
        f'<g class="row" data-state="{escape(r.state)}"><text x="{_n(axis.left)}"'
        f' y="{_n(y + 16)}" font-size="{_FONT}">{label}</text>'
        + _bar(r.state, x0, by, x1 - x0, _BAR, tip)
    ]
    for cut, edge, way in ((cut_before, x0, "-7 6 7 6"), (cut_after, x1, "7 6-7 6")):
        if cut:  # the window goes on past the axis
            colour = PALETTE.get(r.state, _OTHER)
            drawn.append(f'<path d="M{_n(edge)} {_n(by)}l{way}z" fill="{colour}"/>')
    boxes = [(y + 2, by - 1, axis.left, end)]
    if beside is not None:
        at, anchor, a, b = beside
        drawn.append(
            f'<text class="meta" x="{_n(at)}" y="{_n(by + 10)}" font-size="{_SMALL}"'
            f' text-anchor="{anchor}" {_MUTED}>{escape(meta)}</text>'
        )
        boxes.append((by - 1, by + _BAR + 2, a, b))
    return "".join(drawn) + "</g>", boxes


def timeline_svg(
    items: Sequence[Mapping[str, Any]],
    as_of: dt.date | str,
    *,
    width: int = 960,
    title: str = "Windows of the commitments",
) -> str:
    """The windows of ITEMS (followups JSON items) as an inline SVG; "" when none has one.

    AS_OF is a date or an ISO date. WIDTH (at least 320) is the drawing's width
    in user units, not its size: the SVG fills its container's width.
    """
    today = _day(as_of)
    rows: list[_Row] = []
    for item in items:
        window = item.get("window")
        if isinstance(window, Mapping) and window.get("start") and window.get("end"):
            start, end = sorted((_day(window["start"]), _day(window["end"])))
            rows.append(_Row(item, start, end, _clean(item.get("state") or "")))
    if not rows:
        return ""
    width = max(int(width), 320)
    axis = _Axis(*_span(rows, today), _PAD, width - _PAD)
    said = {r.state: _clean(r.item.get("state_label") or r.state) or "?" for r in rows[::-1]}
    states = [s for s in PALETTE if s in said] + sorted(s for s in said if s not in PALETTE)
    out: list[str] = []
    lx, ly = axis.left, 18.0  # the legend: the states drawn, in their order, wrapped
    for state in states:
        step = 20 + _wide(said[state], _SMALL) + 18
        if lx + step > axis.right + 18 and lx > axis.left:
            lx, ly = axis.left, ly + 20
        out.append(
            f'<g class="legend-item">{_bar(state, lx, ly - 9.5, 14, 10)}<text x="{_n(lx + 20)}"'
            f' y="{_n(ly)}" font-size="{_SMALL}">{escape(said[state])}</text></g>'
        )
        lx += step
    # The axis's labels share a line with the as-of date's, which wins where they meet.
    axis_y, tx = ly + 30, axis.x(today)
    mark = f"as of {today.isoformat()}"
    half = _wide(mark, _SMALL, bold=True) / 2
    anchor = "start" if tx - half < 2 else "end" if tx + half > width - 2 else "middle"
    mid = tx + {"start": half, "end": -half}.get(anchor, 0)  # the middle of the mark
    top = axis_y + 10
    bottom = top + len(rows) * _ROW
    grid = ['<g class="grid" stroke="currentColor" stroke-opacity="0.18">']
    words = [f'<g class="ticks" font-size="{_SMALL}" text-anchor="middle" {_MUTED}>']
    dated = False  # the first month shown has its year
    for day, month in _ticks(axis.lo, axis.hi, axis.right - axis.left):
        word = month if dated or not month.isalpha() else f"{month} {day.year}"
        px, w = axis.x(day), _wide(word, _SMALL) / 2 + 6
        grid.append(f'<path d="M{_n(px)} {_n(top)}V{_n(bottom)}"/>')
        if px - w >= 0 and px + w <= width and abs(px - mid) >= w + half:
            dated = True
            words.append(f'<text x="{_n(px)}" y="{_n(axis_y)}">{escape(word)}</text>')
        if len(rows) > 6 and px - w >= 0 and px + w <= width:  # and below a long list
            words.append(f'<text x="{_n(px)}" y="{_n(bottom + 18)}">{escape(word)}</text>')
    out += [*grid, "</g>", *words, "</g>"]
    gaps: list[tuple[float, float]] = []
    for n, r in enumerate(rows):
        y = top + n * _ROW
        if n % 2 == 0:  # zebra bands tie each label to its bar
            out.append(f'<rect class="band" y="{_n(y)}" width="100%" height="{_n(_ROW)}" {_TINT}/>')
        drawn, boxes = _row(r, y, axis, tx)
        out.append(drawn)
        gaps += [(t, b) for t, b, a, z in boxes if a - 4 <= tx <= z + 4]
    line = f"M{_n(tx)} {_n(axis_y + 4)}"  # the as-of line, broken where text crosses it
    for t, b in gaps:
        line += f"V{_n(t)}M{_n(tx)} {_n(b)}"
    out.append(
        f'<g class="today"><path class="today" d="{line}V{_n(bottom)}" stroke="currentColor"'
        f' stroke-width="2"/><text x="{_n(tx)}" y="{_n(axis_y)}" font-size="{_SMALL}"'
        f' font-weight="700" text-anchor="{anchor}">{escape(mark)}</text></g>'
    )
    height = bottom + (28 if len(rows) > 6 else 8)
    counts = "; ".join(f"{sum(r.state == s for r in rows)} {said[s]}" for s in states)
    unseen = len(items) - len(rows)
    desc = (
        f"{len(rows)} commitment{'' if len(rows) == 1 else 's'} with a window, as of"
        f" {today.isoformat()}: {counts}."
        + (f" {unseen} without a window not shown." if unseen else "")
        + f" Axis from {axis.lo.year} to {axis.hi.year}; each bar's tooltip gives the full text."
    )
    body = "\n".join(out)
    ident = "tl-" + hashlib.sha256(f"{title}\n{desc}\n{body}".encode()).hexdigest()[:12]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {width}'
        f' {_n(height)}" width="100%" role="img" aria-labelledby="{ident}-t {ident}-d"'
        f' font-family="inherit" fill="currentColor"'
        f' style="display:block;height:auto;max-width:{_n(width * 1.25)}px">\n'
        f'<title id="{ident}-t">{escape(_clean(title))}</title>\n'
        f'<desc id="{ident}-d">{escape(desc)}</desc>\n{body}\n</svg>'
    )
