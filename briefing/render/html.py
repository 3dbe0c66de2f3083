"""A standalone HTML document: one file that fetches nothing, for screens, phones and print.

The page opens with a header naming the meeting (or meetings) it covers, taken
from `view.data`; its style sheet (`html.css`, beside this module) is inlined,
with `html-review.css` when the page marks items awaiting review.
Every piece of text from the knowledge file is escaped; the only markup made
from it are links for the http(s) URLs it contains.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from briefing.model import NO_DATE
from briefing.render import STATE_COLOURS, URL, Options, oneline, state_of
from briefing.views import (
    Block,
    Bullets,
    Chart,
    Heading,
    Paragraph,
    QuoteBlock,
    SourcePassage,
    Table,
    View,
    highlight_pattern,
)

_CSS = Path(__file__).with_name("html.css")
#: Styles for marks of items awaiting review, added only to pages that have some.
_REVIEW_CSS = Path(__file__).with_name("html-review.css")

#: Nothing may be fetched or run: styles come only from the page itself.
_POLICY = "default-src 'none'; style-src 'unsafe-inline'"

#: Page names that the view's first heading does not give (a summary's is the meeting).
_NAMES = {"summary": "Briefing"}


class Meeting(NamedTuple):
    id: str
    title: str = ""
    location: str = ""
    date: str = ""
    #: What a person should still check about the meeting ("" when nothing).
    review: str = ""

    @property
    def when(self) -> str:
        """'New Delhi, Friday 16 January 2026' (what is known of it)."""
        try:
            day = datetime.date.fromisoformat(self.date)
        except ValueError:
            date = self.date
        else:
            date = f"{day:%A} {day.day} {day:%B %Y}"
        return ", ".join(part for part in (self.location, date) if part)

    @property
    def name(self) -> str:
        return self.title or self.id


def _meeting(value: object) -> Meeting | None:
    """A meeting from a dialogue's id or its JSON object, if VALUE is either."""
    if isinstance(value, str):
        return Meeting(value)
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        fields = (value.get(k) for k in ("title", "location", "date", "review"))
        meeting = Meeting(value["id"], *(f if isinstance(f, str) else "" for f in fields))
        if "date" in value and value["date"] is None:
            meeting = meeting._replace(date=NO_DATE)
        return meeting
    return None


def meetings(data: Mapping[str, Any]) -> tuple[Meeting, ...]:
    """The dialogues a view's data covers, in order, as fully as the data describes them.

    A list of dialogue objects (`dialogues`) describes them itself; the items of
    other lists name theirs in a `dialogue` field, as an id or as an object.
    """
    found: dict[str, Meeting] = {}
    for key, value in data.items():
        if not isinstance(value, list):
            continue
        for item in value:
            if not isinstance(item, dict):
                continue
            meeting = _meeting(item if key == "dialogues" else item.get("dialogue"))
            if meeting is not None and (meeting.id not in found or meeting.title):
                found[meeting.id] = meeting
    return tuple(found.values())


# -- Text ----------------------------------------------------------------------------


def _marked(line: str, pattern: re.Pattern[str] | None) -> str:
    if pattern is None:
        return html.escape(line, quote=True)
    # Match on the text itself, then escape each piece: matching escaped text
    # would find words inside entities such as &amp;.
    out = []
    last = 0
    for match in pattern.finditer(line):
        out.append(html.escape(line[last : match.start()], quote=True))
        out.append(f"<mark>{html.escape(match.group(), quote=True)}</mark>")
        last = match.end()
    out.append(html.escape(line[last:], quote=True))
    return "".join(out)


def _esc(text: str, words: tuple[str, ...] = ()) -> str:
    """TEXT on one line, escaped, with WORDS marked and URLs made links."""
    line = oneline(text)
    pattern = highlight_pattern(words)
    out = []
    last = 0
    for match in URL.finditer(line):
        url = html.escape(match.group(), quote=True)
        out.append(_marked(line[last : match.start()], pattern))
        out.append(f'<a href="{url}">{url}</a>')
        last = match.end()
    out.append(_marked(line[last:], pattern))
    return "".join(out)


_REVIEW = 'class="review"'


def _review_mark(note: str) -> str:
    """The mark of an item awaiting review, inside the item's element ("" for none)."""
    if not note:
        return ""
    return f" <span {_REVIEW}><b>\u26a0 review:</b> {_esc(note)}</span>"


# -- Blocks --------------------------------------------------------------------------


def _main_column(table: Table) -> int:
    """The column the view calls main, else the text column with the most to say."""
    named = [i for i, c in enumerate(table.columns) if c.role == "main"]
    if named:
        return named[0]
    texts = [i for i, c in enumerate(table.columns) if c.kind == "text"]
    if not texts:
        return -1
    return max(texts, key=lambda i: sum(len(row[i]) for row in table.rows))


def _cell(value: str, kind: str, label: str, words: tuple[str, ...], note: str = "") -> str:
    attrs = f'class="{kind}" data-label="{label}"'
    if kind == "state":
        # The state's colour from its id, never from the text: an unknown label has none.
        return f"<td {attrs}>{_swatch(state_of(value))}{_esc(value, words)}</td>"
    if kind == "bar":
        n = int(value) if value.isdigit() else 0
        # A width from a count, never from the text: nothing else goes into style.
        bar = f'<span class="bar" style="width: {min(n, 20) * 0.3:.1f}em"></span>' if n else ""
        return f'<td class="number" data-label="{label}">{bar}{n}</td>'
    return f"<td {attrs}>{_esc(value, words)}{_review_mark(note)}</td>"


def _swatch(state: str) -> str:
    """A small square in the colour of STATE (a follow-up state id), "" for none."""
    return f'<span class="swatch" data-state="{state}"></span>' if state in STATE_COLOURS else ""


def _state_css() -> str:
    """One colour rule per follow-up state, from the palette the SVG timeline shares."""
    return "".join(
        f'.swatch[data-state="{s}"] {{ background: {c}; }}\n' for s, c in STATE_COLOURS.items()
    )


def _chart(chart: Chart) -> str:
    """The chart as two SVG drawings, one laid out for a page and one for a phone."""
    from briefing.render.svg_timeline import timeline_svg

    drawn = [
        (size, timeline_svg(chart.items, chart.as_of, width=width, title=chart.title))
        for size, width in (("wide", 960), ("narrow", 560))
    ]
    heading = f"<h2>{_esc(chart.title)}</h2>\n" if chart.title else ""
    if not drawn[0][1]:
        return f'{heading}<p class="note">{_esc(chart.summary)}</p>'
    pictures = "\n".join(f'<div class="{size}">\n{svg}\n</div>' for size, svg in drawn)
    return (
        f'{heading}<figure class="chart">\n{pictures}\n'
        f"<figcaption>{_esc(chart.summary)}</figcaption>\n</figure>"
    )


def _table(table: Table, words: tuple[str, ...], *, caption: bool) -> str:
    table, notes = table.for_display().reviews()
    notes = notes or ("",) * len(table.rows)
    at = table.item_column
    caption = caption and bool(table.title)
    if not table.rows:
        title = f"<h2>{_esc(table.title)}</h2>\n" if caption else ""
        return f'{title}<p class="note">{_esc(table.empty)}</p>'
    main = _main_column(table)
    kinds = [
        "main" if i == main else "number" if c.kind == "bar" else c.kind
        for i, c in enumerate(table.columns)
    ]
    labels = [_esc(c.header) for c in table.columns]
    head = "".join(f'<th class="{k}">{h}</th>' for k, h in zip(kinds, labels, strict=True))
    # Many columns of text cannot sit side by side on a page: such a table stacks its
    # rows sooner (counts are narrow, and any number of them fit).
    texts = sum(k not in ("number", "bar") for k in kinds)
    wrap = "table-wrap wide" if texts > 5 else "table-wrap"
    rows = "\n".join(
        "<tr>"
        + "".join(
            _cell(v, "bar" if c.kind == "bar" else k, h, words, note if i == at else "")
            for i, (c, k, h, v) in enumerate(zip(table.columns, kinds, labels, row, strict=True))
        )
        + "</tr>"
        for row, note in zip(table.rows, notes, strict=True)
    )
    title = f"<caption>{_esc(table.title)}</caption>\n" if caption else ""
    return (
        f'<div class="{wrap}">\n<table>\n{title}<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table>\n</div>"
    )


def _quote(q: QuoteBlock) -> str:
    source = f" Source: {_esc(q.source)}" if q.source else ""
    return (
        '<figure class="quote">\n'
        f"<blockquote><p>&ldquo;{_esc(q.text)}&rdquo;</p></blockquote>\n"
        f'<figcaption>&mdash; <span class="who">{_esc(q.speaker)}</span>'
        + "".join(f", {_esc(part)}" for part in q.credits)
        + f'\n<span class="detail">{_esc(q.detail)}{source}</span>'
        + _review_mark(q.review)
        + "</figcaption>\n"
        + _passage(q.passage)
        + "</figure>"
    )


def _passage(p: SourcePassage | None) -> str:
    """The quote's passage in its archived source, the quote marked (`quotes --verify`)."""
    if p is None:
        return ""
    state = "verified" if p.status == "verbatim" else "unverified"
    text = (
        f"<blockquote>{_esc(p.before)}<mark>{_esc(p.match)}</mark>{_esc(p.after)}</blockquote>"
        if p.match
        else ""
    )
    if p.closest:
        text += f"<blockquote>Closest passage: {_esc(p.closest)}</blockquote>"
    return f'<div class="passage {state}"><p>{_esc(p.caption)}</p>{text}</div>\n'


def _block(block: Block, words: tuple[str, ...], shift: int) -> str:
    if isinstance(block, Heading):
        level = min(block.level + shift, 6)
        return f"<h{level}>{_swatch(block.state)}{_esc(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f'<p class="{block.style}">{_esc(block.text)}{_review_mark(block.review)}</p>'
    if isinstance(block, Bullets):
        items = "\n".join(
            f"<li>{_esc(i, words)}{_review_mark(note)}</li>" for i, note in block.marked
        )
        return f"<ul>\n{items}\n</ul>"
    if isinstance(block, QuoteBlock):
        return _quote(block)
    if isinstance(block, Chart):
        return _chart(block)
    return _table(block, words, caption=True)


# -- The page ------------------------------------------------------------------------


def _says(block: Block, said: set[str]) -> bool:
    """Whether BLOCK is the meeting's title or its place and date line."""
    if isinstance(block, Heading):
        return block.level == 1 and block.text in said
    return isinstance(block, Paragraph) and block.style == "meta" and block.text in said


class Page(NamedTuple):
    name: str
    #: The view's blocks, less those the page header and title now say.
    blocks: tuple[Block, ...]
    #: Whether the first block is a table that the page's name stands for.
    leading_table: bool


def page(view: View, covered: tuple[Meeting, ...]) -> Page:
    """The page's name and what remains to show under it."""
    blocks = view.blocks
    if len(covered) == 1 and covered[0].title:
        # The header names the meeting and its place and date: say them once.
        m = covered[0]
        said = {m.title, m.when, f"{m.title}, {m.when}"}
        while blocks and _says(blocks[0], said):
            blocks = blocks[1:]
    first = blocks[0] if blocks else None
    if view.command in _NAMES:
        return Page(_NAMES[view.command], blocks, leading_table=False)
    if isinstance(first, Heading) and first.level == 1:
        return Page(oneline(first.text), blocks[1:], leading_table=False)
    if isinstance(first, Table):
        return Page(oneline(first.title), blocks, leading_table=True)
    return Page(view.command.capitalize(), blocks, leading_table=False)


def _covers(covered: tuple[Meeting, ...]) -> str:
    if len(covered) == 1:
        return covered[0].name
    return f"{len(covered)} dialogues" if covered else ""


def _header(covered: tuple[Meeting, ...]) -> str:
    if not covered:
        return ""
    if len(covered) == 1:
        [m] = covered
        lines = [f'<p class="meeting-title">{_esc(m.name)}</p>']
        if m.when:
            lines.append(f'<p class="meeting-place">{_esc(m.when)}</p>')
        if m.review:
            lines.append(f"<p>{_review_mark(m.review).lstrip()}</p>")
    else:
        items = "\n".join(
            f"<li>{_esc(m.name)}{', ' + _esc(m.when) if m.when else ''}"
            f"{_review_mark(m.review)}</li>"
            for m in covered
        )
        lines = [f'<p class="meeting-title">{len(covered)} dialogues</p>', f"<ul>\n{items}\n</ul>"]
    return '<header class="meeting">\n' + "\n".join(lines) + "\n</header>"


def render(view: View, options: Options) -> str:  # noqa: ARG001 - one signature for all formats
    covered = meetings(view.data)
    shown = page(view, covered)
    # Under the page's own h1, the view's headings start at h2.
    levels = [b.level for b in shown.blocks if isinstance(b, Heading)]
    shift = max(0, 2 - min(levels)) if levels else 0
    parts = [f"<h1>{_esc(shown.name)}</h1>"]
    for i, block in enumerate(shown.blocks):
        if i == 0 and shown.leading_table and isinstance(block, Table):
            parts.append(_table(block, view.highlight, caption=False))
        else:
            parts.append(_block(block, view.highlight, shift))
    title = " \u2014 ".join(part for part in (shown.name, _covers(covered)) if part)
    header = _header(covered)
    body = "\n".join(parts)
    style = _CSS.read_text(encoding="utf-8")
    # Knowledge text is escaped, so only a mark made here reads class="review".
    if _REVIEW in header or _REVIEW in body:
        style += _REVIEW_CSS.read_text(encoding="utf-8")
    if 'class="swatch"' in body:
        style += _state_css()
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{_esc(title)}</title>\n"
        f"<style>\n{style}</style>\n</head>\n<body>\n"
        f"{header}\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
