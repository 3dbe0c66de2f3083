"""Rich output for terminals: tables, quote panels, headings. The only module that imports Rich.

Knowledge text is never parsed as markup: every string goes into a `Text`
object, after control characters have been made visible.
"""

from __future__ import annotations

import io
import re
from itertools import pairwise
from typing import NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from briefing.render import STATE_COLOURS, URL, Options, inert, oneline, state_of
from briefing.views import (
    Block,
    Bullets,
    Chart,
    Column,
    Heading,
    Paragraph,
    QuoteBlock,
    SourcePassage,
    Table,
    View,
    highlight_pattern,
)

_ACCENT = "cyan"
_BAR = "\u2588"
#: The widest line of prose: paragraphs, quotes and a table's main text on wide terminals.
_PROSE = 100
#: The narrowest main text column worth a table; below it, one block per row reads better.
_MIN_MAIN = 30
#: A weight bar is drawn only while the main text keeps this much room.
_ROOMY = 40
#: How many blocks the greatest weight gets, from a full bar down to none (the number alone).
_BAR_STEPS = (10, 6, 3, 0)
#: Between the short values of a row in the stacked layout.
_SEP = " \u00b7 "
#: Inside a word, a line may break after a hyphen between letters ("Mumbai-|Ahmedabad"),
#: not in numbers or dates ("2026-01-16").
_HYPHEN = re.compile(r"(?<=[^\W\d_]{2}-)(?=[^\W\d_]{2})")
_WORD = re.compile(r"\S+")


def _text(value: str, style: str = "", words: tuple[str, ...] = ()) -> Text:
    text = Text(oneline(value), style=style)
    pattern = highlight_pattern(words)
    if pattern is not None:
        text.highlight_regex(pattern, style="bold reverse")
    _link(text)
    return text


def _link(text: Text) -> None:
    """Make each web address in TEXT a link that no line break splits.

    A line breaks only at spaces, so an address is split only when it is wider than
    the line: then it runs past the edge whole (the terminal soft-wraps it, and it
    still copies and opens as one address).
    """
    from rich.style import Style

    found = False
    for match in URL.finditer(text.plain):
        found = True
        text.stylize(Style(link=match.group()), *match.span())
    if found:
        text.overflow = "ignore"


def _state_style(state: str) -> str:
    colour = STATE_COLOURS.get(state)
    return f"bold {colour}" if colour else "bold"


#: The words that mark an item awaiting review: they, not a colour, carry the mark.
_REVIEW = "\u26a0 review:"
_REVIEW_STYLE = "bold yellow"


def _mark(note: str) -> Text:
    """The line that marks an item awaiting review."""
    return Text.assemble((_REVIEW, _REVIEW_STYLE), " ", (oneline(note), "italic"))


def _with_mark(text: Text, note: str) -> Text:
    """TEXT, followed on a line of its own by the mark of NOTE, if any."""
    return Text("\n").join((text, _mark(note))) if note else text


def _heading(block: Heading) -> RenderableType:
    if block.state:
        return Text.assemble(("\u25a0 ", _state_style(block.state)), _text(block.text, "bold"))
    if block.level == 1:
        from rich.rule import Rule  # only documents have rules; keep tables' start-up lean

        return Rule(_text(block.text, "bold"), style=_ACCENT, align="left")
    style = f"bold {_ACCENT}" if block.level == 2 else "bold"
    return _text(block.text, style)


def _paragraph(block: Paragraph) -> RenderableType:
    style = {"body": "", "note": "dim italic", "meta": "bold"}[block.style]
    return _with_mark(_text(block.text, style), block.review)


def _bullets(block: Bullets) -> RenderableType:
    parts: list[RenderableType] = []
    grid = None
    for item, note in block.marked:
        # A web address goes on a line of its own under its item, where it is never cut.
        urls = list(URL.finditer(oneline(item)))
        at = urls[-1].start() if urls else -1
        if grid is None:
            grid = RichTable.grid(padding=(0, 1))
            grid.add_column(style=_ACCENT, no_wrap=True)
            grid.add_column(overflow="fold")
            parts.append(grid)
        if at > 0 and not oneline(item)[urls[-1].end() :].strip():
            grid.add_row("\u2022", _with_mark(_text(oneline(item)[:at].rstrip()), note))
            address = _text(oneline(item)[at:])
            address.pad_left(2)
            address.no_wrap = True  # whole on its line, even past the edge
            parts.append(address)
            grid = None
        else:
            grid.add_row("\u2022", _with_mark(_text(item), note))
    return parts[0] if len(parts) == 1 else Group(*parts)


# --------------------------------------------------------------------------
# Wrapping table cells at spaces and hyphens only. A table is laid out only when
# every piece fits its column; otherwise rows are stacked and a word wider than
# the whole terminal is folded there, as a last resort.


def _atoms(text: str) -> list[tuple[int, int, bool]]:
    """The pieces of TEXT that a line break never splits: (start, end, after a space)."""
    atoms: list[tuple[int, int, bool]] = []
    glue = False
    for word in _WORD.finditer(text):
        start, end = word.span()
        cuts = [start, *(start + m.start() for m in _HYPHEN.finditer(word.group())), end]
        for n, (a, b) in enumerate(pairwise(cuts)):
            if n == 0 and glue:
                # No break after an initial: "(S Jaishankar)".
                atoms[-1] = (atoms[-1][0], b, atoms[-1][2])
            else:
                atoms.append((a, b, n == 0 and bool(atoms)))
        letters = [ch for ch in word.group() if ch.isalnum()]
        glue = len(letters) == 1 and letters[0].isupper()
    return atoms


def _lines(text: str, width: int) -> list[tuple[int, int]]:
    """TEXT filled greedily into lines of at most WIDTH cells, as (start, end) offsets."""
    lines: list[list[int]] = []
    for start, end, spaced in _atoms(text):
        size = cell_len(text[start:end])
        if lines and lines[-1][2] + spaced + size <= width:
            lines[-1][1:] = [end, lines[-1][2] + spaced + size]
            continue
        # A piece wider than WIDTH has a line of its own (the column then folds it).
        lines.append([start, end, size])
    return [(a, b) for a, b, _ in lines]


def _narrowest(text: str) -> int:
    """The widest piece of TEXT that a line break never splits."""
    return max((cell_len(text[a:b]) for a, b, _ in _atoms(text)), default=0)


def _wrapped(text: Text, width: int) -> tuple[Text, bool]:
    """TEXT as lines of at most WIDTH cells, and whether it took more than one."""
    spans = _lines(text.plain, width)
    if len(spans) <= 1:
        return text, False
    pieces = text.divide([offset for span in spans for offset in span])
    return Text("\n").join(pieces[2 * n + 1] for n in range(len(spans))), True


# --------------------------------------------------------------------------
# Tables: sized to their content, the main text taking what is left over


def _bar_cell(n: int, peak: int, steps: int) -> str:
    blocks = max(1, round(steps * n / peak)) if steps and peak and n else 0
    return f"{_BAR * blocks} {n}" if blocks else str(n)


def _weight(value: str) -> int:
    return int(value) if value.isdigit() else 0


def _wraps(column: Column) -> bool:
    return column.kind == "text" and column.role != "label"


class _Layout(NamedTuple):
    #: The width of each column's text, without padding.
    widths: tuple[int, ...]
    #: How many blocks the greatest weight gets.
    steps: int


def _share(
    room: int, main: int | None, notes: list[int], natural: list[int], narrowest: list[int]
) -> dict[int, int] | None:
    """Widths for the columns that wrap, in ROOM cells; None if the main text gets too little."""
    want = {i: natural[i] for i in notes}
    if main is not None:
        want[main] = min(natural[main], _PROSE)
    if sum(want.values()) <= room:
        return want
    if main is None:
        if sum(narrowest[i] for i in notes) > room:
            return None
        # Each note gives up a share of what it could lose, in proportion.
        spare = sum(want[i] - narrowest[i] for i in notes)
        over = sum(want.values()) - room
        widths = {i: want[i] - (want[i] - narrowest[i]) * over // spare for i in notes}
        for i in notes:
            if sum(widths.values()) > room and widths[i] > narrowest[i]:
                widths[i] -= 1
        return widths
    # A note gets up to a third of the room, the main text the rest.
    widths = {i: min(want[i], max(narrowest[i], room // 3)) for i in notes}
    rest = room - sum(widths.values())
    for i in notes:  # What the main text cannot use goes back to the notes.
        extra = min(max(0, rest - want[main]), want[i] - widths[i])
        widths[i] += extra
        rest -= extra
    widths[main] = min(rest, want[main])
    return widths


def _layout(table: Table, width: int, values: list[list[str]]) -> _Layout | None:
    """Column widths that fit WIDTH without splitting a word or a short value; None if none do."""
    columns = table.columns
    room = width - 3 * len(columns) - 1  # a rule between columns and a space either side
    natural = [
        max(cell_len(c.header), *(cell_len(v) for v in values[i])) for i, c in enumerate(columns)
    ]
    narrowest = [
        max(cell_len(c.header), *(_narrowest(v) for v in values[i])) if _wraps(c) else natural[i]
        for i, c in enumerate(columns)
    ]
    main = next((i for i, c in enumerate(columns) if _wraps(c) and c.role == "main"), None)
    notes = [i for i, c in enumerate(columns) if _wraps(c) and i != main]
    bar = next((i for i, c in enumerate(columns) if c.kind == "bar"), None)
    peak = max((_weight(v) for v in values[bar]), default=0) if bar is not None else 0
    for steps in _BAR_STEPS if bar is not None else (0,):
        if bar is not None:
            cells = (cell_len(_bar_cell(_weight(v), peak, steps)) for v in values[bar])
            natural[bar] = narrowest[bar] = max(cell_len(columns[bar].header), *cells)
        fixed = sum(w for i, w in enumerate(natural) if i != main and i not in notes)
        shared = _share(room - fixed, main, notes, natural, narrowest)
        if shared is None:
            continue
        if main is not None:
            need = min(natural[main], _ROOMY if steps else _MIN_MAIN)
            if shared[main] < max(need, narrowest[main]):
                continue
        widths = tuple(shared.get(i, w) for i, w in enumerate(natural))
        return _Layout(widths, steps)
    return None


def _records(
    table: Table, words: tuple[str, ...], width: int, notes: tuple[str, ...]
) -> RenderableType:
    """A table too wide for the terminal, as one short block per row."""
    columns = table.columns
    head = next((i for i, c in enumerate(columns) if c.kind in ("text", "state")), 0)
    main = next((i for i, c in enumerate(columns) if _wraps(c) and c.role == "main"), None)
    state = columns[head].kind == "state"
    parts: list[RenderableType] = [_text(table.title, f"bold {_ACCENT}")] if table.title else []
    for n, row in enumerate(table.rows):
        if parts:
            parts.append(Text(""))
        # A review mark goes under the row's item: its main text, else its head.
        mark = [_mark(notes[n])] if notes and notes[n] else []
        style = _state_style(state_of(row[head])) if state else "bold"
        parts.append(_text(row[head], style, words))
        if main is None or main == head or not row[main].strip():
            parts.extend(mark)
        fields = [
            (i, c, oneline(v))
            for i, (c, v) in enumerate(zip(columns, row, strict=True))
            if i != head and v.strip()
        ]
        short = [f"{c.header}: {v}" for _, c, v in fields if not _wraps(c)]
        if short:
            parts.append(_packed(short, width, words))
        for i, _, v in fields:
            if i == main:
                parts.extend((_text(v, "", words), *mark))
        parts.extend(
            _text(f"{c.header}: {v}", "", words) for i, c, v in fields if _wraps(c) and i != main
        )
    return Group(*parts)


def _packed(items: list[str], width: int, words: tuple[str, ...]) -> Text:
    """ITEMS on as few lines of WIDTH as will hold them, none split between two lines."""
    lines = [items[0]]
    for item in items[1:]:
        if cell_len(lines[-1] + _SEP + item) <= width:
            lines[-1] += _SEP + item
        else:
            lines.append(item)
    return Text("\n").join(_text(line, "dim", words) for line in lines)


def _table(table: Table, words: tuple[str, ...], width: int) -> RenderableType:
    table, notes = table.for_display().reviews()
    table = _shown(table)
    if not table.rows:
        return Group(_text(table.title, f"bold {_ACCENT}"), _text(table.empty, "dim"))
    values = [[oneline(row[i]) for row in table.rows] for i in range(len(table.columns))]
    at = table.item_column
    if notes and _wraps(table.columns[at]):
        # Text that wraps is sized with its review marks, each a line under the item; a
        # short value keeps its width, and its mark wraps to it.
        values[at] = [
            f"{v} {_mark(note).plain}" if note else v
            for v, note in zip(values[at], notes, strict=True)
        ]
    layout = _layout(table, width, values)
    if layout is None:
        return _records(table, words, min(width, _PROSE), notes)
    columns = table.columns
    bar = next((i for i, c in enumerate(columns) if c.kind == "bar"), None)
    peak = max((_weight(v) for v in values[bar]), default=0) if bar is not None else 0
    rows = []
    wrapped = False
    for n, row in enumerate(table.rows):
        cells = []
        for i, (column, value) in enumerate(zip(columns, row, strict=True)):
            if i == bar:
                cell = _bar(_weight(value), peak, layout.steps)
            elif column.kind == "state":
                cell = _text(value, _state_style(state_of(value)), words)
            elif _wraps(column):
                cell, more = _wrapped(_text(value, "", words), layout.widths[i])
                wrapped = wrapped or more
            else:
                cell = _text(value, "", words)
            if i == at and notes and notes[n]:
                mark, _ = _wrapped(_mark(notes[n]), layout.widths[i])
                cell = Text("\n").join((cell, mark))
                wrapped = True
            cells.append(cell)
        rows.append(cells)
    out = RichTable(
        title=_text(table.title, f"bold {_ACCENT}") if table.title else None,
        title_justify="left",
        box=box.ROUNDED,
        header_style="bold",
        show_lines=wrapped and len(columns) > 3,
    )
    for i, column in enumerate(columns):
        right = column.kind == "number" or (i == bar and not layout.steps)
        # Every cell already fits its width: lines were broken above, between words.
        out.add_column(
            _text(column.header),
            justify="right" if right else "left",
            width=layout.widths[i],
            no_wrap=True,
            overflow="fold",
        )
    for cells in rows:
        out.add_row(*cells)
    return out


def _bar(n: int, peak: int, steps: int) -> Text:
    cell = _bar_cell(n, peak, steps)
    blocks = len(cell) - len(str(n))
    return Text.assemble((cell[:blocks], _ACCENT), cell[blocks:])


def _shown(table: Table) -> Table:
    """TABLE without the columns that are empty in every row."""
    keep = [i for i in range(len(table.columns)) if any(row[i].strip() for row in table.rows)]
    if len(keep) == len(table.columns) or not keep:
        return table
    return table._replace(
        columns=tuple(table.columns[i] for i in keep),
        rows=tuple(tuple(row[i] for i in keep) for row in table.rows),
    )


def _quote(q: QuoteBlock) -> RenderableType:
    from rich.panel import Panel

    body = Group(
        Text.assemble(("\u201c", _ACCENT), (oneline(q.text), "italic"), ("\u201d", _ACCENT)),
        Text(""),
        Text.assemble(
            ("\u2014 ", _ACCENT),
            (oneline(q.speaker), "bold"),
            "".join(f", {oneline(part)}" for part in q.credits),
        ),
        _text(q.detail, "dim"),
        *([_text(f"Source: {q.source}", "dim")] if q.source else []),
        *([_mark(q.review)] if q.review else []),
        *_passage(q.passage),
    )
    return Panel(body, box=box.ROUNDED, border_style=_ACCENT, padding=(0, 1))


def _passage(p: SourcePassage | None) -> list[RenderableType]:
    """The quote's passage in its archived source, the quote in bold (`quotes --verify`)."""
    if p is None:
        return []
    good = p.status == "verbatim"
    caption = Text.assemble(
        ("\u2713 " if good else "\u2717 ", "bold green" if good else "bold red"),
        (oneline(p.caption), "" if good else "bold"),
    )
    if p.closest:
        return [Text(""), caption, _text(f"Closest passage: {p.closest}", "dim")]
    if not p.match:
        return [Text(""), caption]
    text = Text.assemble(
        (inert(p.before), "dim"), (inert(p.match), "bold"), (inert(p.after), "dim")
    )
    return [Text(""), caption, text]


def _chart(block: Chart, width: int) -> RenderableType:
    from briefing.render.gantt import chart_lines

    lines = [
        Text.assemble(*((text, _state_style(state) if state else "") for text, state in pieces))
        for pieces in chart_lines(block, min(width, 160))
    ]
    for line in lines:
        line.no_wrap, line.overflow = True, "crop"
    head = [_text(block.title, f"bold {_ACCENT}"), _text(block.summary, "dim italic")]
    return Group(*head, *([Text(""), *lines] if lines else []))


def _block(block: Block, words: tuple[str, ...], width: int) -> RenderableType:
    if isinstance(block, Chart):
        return _chart(block, width)
    if isinstance(block, Heading):
        return _heading(block)
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, Bullets):
        return _bullets(block)
    if isinstance(block, QuoteBlock):
        return _quote(block)
    return _table(block, words, width)


def console(options: Options, file: io.StringIO) -> Console:
    return Console(
        file=file,
        width=options.width or 100,
        color_system="auto" if options.color else None,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        force_jupyter=False,
        force_interactive=False,
        _environ={},
    )


def render(view: View, options: Options) -> str:
    buffer = io.StringIO()
    out = console(options, buffer)
    for n, block in enumerate(view.blocks):
        # A blank line between blocks, except right under a heading.
        if n and (isinstance(block, Heading) or not isinstance(view.blocks[n - 1], Heading)):
            out.print()
        shown = _block(block, view.highlight, out.width)
        # A table sizes itself and caps its main text; prose stops near 100 columns.
        whole = isinstance(block, Chart) or (
            isinstance(block, Table) and isinstance(shown, RichTable)
        )
        # Not cropped: a web address wider than the terminal runs on whole (`_link`).
        out.print(shown, width=None if whole else min(out.width, _PROSE), crop=False)
    text = buffer.getvalue()
    if options.color:
        return text
    # Rich pads every line to the full width; plain output is easier to use without it.
    return "\n".join(line.rstrip() for line in text.split("\n"))
