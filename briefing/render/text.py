"""Plain UTF-8 text for pipes, files, e-mail and reports: no escape codes, no box drawing."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator

from briefing.render import Options, inert, oneline
from briefing.views import (
    Block,
    Bullets,
    Chart,
    Heading,
    Paragraph,
    ProblemsView,
    QuoteBlock,
    Table,
    View,
)

_GAP = "  "
_MIN_WRAP = 24


def _wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    lead = indent if first is None else first
    if width <= 0:
        return [lead + text]
    width = max(width, len(lead) + 8)
    if not _single_spaced(text):
        return textwrap.wrap(
            text,
            width=width,
            initial_indent=lead,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [lead.rstrip()]
    # Text folded to single spaces (nearly all of it): the same greedy fill as
    # textwrap's, several times faster, which shows on thousands of quotes.
    words = text.split(" ")
    lines = []
    line = lead + words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = indent + word
    lines.append(line)
    return lines


def _wrap_items(items: list[str], width: int, indent: str, first: str) -> list[str]:
    """ITEMS joined by commas, breaking lines only between items (a label stays with its value)."""
    if width <= 0:
        return [first + ", ".join(items)]
    lines = []
    line = first + items[0]
    for item in items[1:]:
        if len(line) + 2 + len(item) <= width:
            line += ", " + item
        else:
            lines.append(line + ",")
            line = indent + item
    lines.append(line)
    return lines


def _single_spaced(text: str) -> bool:
    """Whether TEXT is words separated by single spaces, with no other white space."""
    return bool(text) and text == text.strip(" ") and _OTHER_SPACE.search(text) is None


_OTHER_SPACE = re.compile(r"  |[\t\n\r\x0b\x0c]")


def _mark(note: str) -> str:
    """What follows an item awaiting review (nothing for one signed off)."""
    return f" [review: {note}]" if note else ""


def _heading(block: Heading) -> list[str]:
    text = oneline(block.text)
    if block.level == 1:
        return [text, "=" * len(text)]
    if block.level == 2:
        return [text, "-" * len(text)]
    return [text + ":"]


def _quote(q: QuoteBlock, width: int) -> list[str]:
    lines = _wrap(f"\u201c{oneline(q.text)}\u201d", width, "  ", "  ")
    lines += _wrap(f"-- {oneline(q.attribution)}", width, "       ", "    ")
    lines += _wrap(oneline(q.detail), width, "       ")
    if q.source:
        lines += _wrap(f"Source: {oneline(q.source)}", width, "       ")
    if q.review:
        lines += _wrap(oneline(_mark(q.review)), width, "       ", "    ")
    if q.passage is not None:
        p = q.passage
        text = p.before + p.match + p.after
        caption = p.caption + (":" if text else "")
        lines += _wrap(oneline(caption), width, "       ", "       ")
        if text:
            lines += _wrap(oneline(text), width, "       | ", "       | ")
        if p.closest:
            lines += _wrap(f"Closest passage: {oneline(p.closest)}", width, "       ", "       ")
    return lines


def _widths(table: Table, width: int) -> list[int] | None:
    """Column widths that fit WIDTH, wrapping text columns; None if it cannot fit."""
    natural = [
        max([len(c.header)] + [len(oneline(row[i])) for row in table.rows])
        for i, c in enumerate(table.columns)
    ]
    if width <= 0:
        return natural
    room = width - len(_GAP) * (len(natural) - 1)
    if sum(natural) <= room:
        return natural
    wrap = [i for i, c in enumerate(table.columns) if c.kind == "text"]
    fixed = sum(n for i, n in enumerate(natural) if i not in wrap)
    spare = room - fixed
    if not wrap or any(spare // len(wrap) < min(natural[i], _MIN_WRAP) for i in wrap):
        return None
    widths = list(natural)
    # Share the spare room, giving short columns what they need first.
    pending = sorted(wrap, key=lambda i: natural[i])
    while pending:
        share = spare // len(pending)
        i = pending.pop(0)
        widths[i] = min(natural[i], max(share, _MIN_WRAP))
        spare -= widths[i]
    return widths


def _marked(table: Table) -> Table:
    """TABLE with each row's review note, if any, after the row's item."""
    table, notes = table.reviews()
    if not notes:
        return table
    at = table.item_column
    rows = tuple(
        tuple(v + _mark(note) if i == at else v for i, v in enumerate(row))
        for row, note in zip(table.rows, notes, strict=True)
    )
    return table._replace(rows=rows)


def _table(table: Table, width: int) -> list[str]:
    table = _marked(table.for_display())
    out = [*_heading(Heading(table.title, 2))] if table.title else []
    if not table.rows:
        return [*out, *_wrap(table.empty, width)]
    widths = _widths(table, width)
    if widths is None:
        return out + list(_records(table, width))
    right = [c.kind in ("number", "bar") for c in table.columns]

    def line(cells: list[list[str]]) -> Iterator[str]:
        for k in range(max(len(c) for c in cells)):
            parts = []
            for i, cell in enumerate(cells):
                part = cell[k] if k < len(cell) else ""
                parts.append(part.rjust(widths[i]) if right[i] else part.ljust(widths[i]))
            yield _GAP.join(parts).rstrip()

    out += line([[c.header] for c in table.columns])
    out.append(_GAP.join("-" * w for w in widths))
    for row in table.rows:
        cells = [
            textwrap.wrap(oneline(v), w, break_long_words=False, break_on_hyphens=False) or [""]
            if width > 0
            else [oneline(v)]
            for v, w in zip(row, widths, strict=True)
        ]
        out += line(cells)
    return out


def _records(table: Table, width: int) -> Iterator[str]:
    """A table too wide for the page, as one short paragraph per row.

    The first text column heads the paragraph, the short values follow on one
    line, and each long value gets a line of its own.
    """
    head = next((i for i, c in enumerate(table.columns) if c.kind in ("text", "state")), 0)
    for n, row in enumerate(table.rows):
        if n:
            yield ""
        yield from _wrap(oneline(row[head]), width)
        pairs = [
            (c, v) for i, (c, v) in enumerate(zip(table.columns, row, strict=True)) if i != head
        ]
        short = [f"{c.header}: {oneline(v)}" for c, v in pairs if c.kind != "text" and v]
        if short:
            yield from _wrap_items(short, width, "    ", "  ")
        for column, value in pairs:
            if column.kind == "text" and value:
                yield from _wrap(f"{column.header}: {oneline(value)}", width, "    ", "  ")


def _block(block: Block, width: int) -> list[str]:
    if isinstance(block, Chart):
        from briefing.render.gantt import chart_text

        title, summary, *lines = chart_text(block, width if width > 0 else 120)
        return [*_heading(Heading(title, 2)), *_wrap(oneline(summary), width), *lines]
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, Paragraph):
        return _wrap(oneline(block.text + _mark(block.review)), width)
    if isinstance(block, Bullets):
        return [
            line
            for item, note in block.marked
            for line in _wrap(oneline(item + _mark(note)), width, "  ", "- ")
        ]
    if isinstance(block, QuoteBlock):
        return _quote(block, width)
    return _table(block, width)


def render(view: View, options: Options) -> str:
    chunks = ["\n".join(_block(b, options.width)) for b in view.blocks]
    return inert("\n\n".join(chunks)) + "\n"


def render_problems(view: ProblemsView, options: Options) -> str:  # noqa: ARG001 - one signature
    """One problem per line, as FILE:LINE:COL: path: message (hint); or the summary line."""
    if view.ok:
        return inert(oneline(view.summary)) + "\n"
    return inert("".join(f"{p}\n" for p in view.problems))
