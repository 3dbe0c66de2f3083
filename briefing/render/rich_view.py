"""Rich output for terminals: tables, quote panels, headings. The only module that imports Rich.

Knowledge text is never parsed as markup: every string goes into a `Text`
object, after control characters have been made visible.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from briefing.render import Options, oneline
from briefing.views import (
    Block,
    Bullets,
    Heading,
    Paragraph,
    QuoteBlock,
    Table,
    View,
    highlight_pattern,
)

_ACCENT = "cyan"
_BAR = "\u2588"
#: Text up to this many characters is never wrapped in a table.
_SHORT = 18


def _text(value: str, style: str = "", words: tuple[str, ...] = ()) -> Text:
    text = Text(oneline(value), style=style)
    pattern = highlight_pattern(words)
    if pattern is not None:
        text.highlight_regex(pattern, style="bold reverse")
    return text


def _heading(block: Heading) -> RenderableType:
    if block.level == 1:
        from rich.rule import Rule  # only documents have rules; keep tables' start-up lean

        return Rule(_text(block.text, "bold"), style=_ACCENT, align="left")
    style = f"bold {_ACCENT}" if block.level == 2 else "bold"
    return _text(block.text, style)


def _paragraph(block: Paragraph) -> RenderableType:
    style = {"body": "", "note": "dim italic", "meta": "bold"}[block.style]
    return _text(block.text, style)


def _bullets(block: Bullets) -> RenderableType:
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(style=_ACCENT, no_wrap=True)
    grid.add_column(overflow="fold")
    for item in block.items:
        grid.add_row("\u2022", _text(item))
    return grid


def _cell(value: str, kind: str, peak: int, words: tuple[str, ...]) -> Text:
    if kind == "bar":
        n = int(value) if value.isdigit() else 0
        width = max(1, round(10 * n / peak)) if peak and n else 0
        return Text.assemble((_BAR * width, _ACCENT), f" {n}")
    return _text(value, "", words)


def _needed(table: Table) -> int:
    """The narrowest width at which the table still reads: short columns whole, text >= 12."""
    width = 1
    for i, column in enumerate(table.columns):
        longest = max([len(column.header)] + [len(oneline(row[i])) for row in table.rows])
        wraps = column.kind == "text" and longest > _SHORT
        width += (min(longest, 12) if wraps else longest) + 3
    return width


def _records(table: Table, words: tuple[str, ...]) -> RenderableType:
    """A table too wide for the terminal, as one short block per row."""
    head = next((i for i, c in enumerate(table.columns) if c.kind == "text"), 0)
    parts: list[RenderableType] = [_text(table.title, f"bold {_ACCENT}")]
    for row in table.rows:
        parts.append(Text(""))
        parts.append(_text(row[head], "bold", words))
        others = [
            (c, v) for i, (c, v) in enumerate(zip(table.columns, row, strict=True)) if i != head
        ]
        short = [f"{c.header}: {v}" for c, v in others if c.kind != "text" and v]
        if short:
            parts.append(_text(", ".join(short), "dim"))
        parts.extend(
            _text(f"{c.header}: {v}", "", words) for c, v in others if c.kind == "text" and v
        )
    return Group(*parts)


def _table(table: Table, words: tuple[str, ...], width: int) -> RenderableType:
    table = table.for_display()
    if not table.rows:
        return Group(_text(table.title, f"bold {_ACCENT}"), _text(table.empty, "dim"))
    if _needed(table) > width:
        return _records(table, words)
    out = RichTable(
        title=_text(table.title, f"bold {_ACCENT}"),
        title_justify="left",
        box=box.ROUNDED,
        header_style="bold",
        show_lines=any(c.kind == "text" for c in table.columns) and len(table.columns) > 3,
    )
    peaks = {
        i: max((int(r[i]) for r in table.rows if r[i].isdigit()), default=0)
        for i, c in enumerate(table.columns)
        if c.kind == "bar"
    }
    for i, column in enumerate(table.columns):
        longest = max(len(oneline(row[i])) for row in table.rows)
        # Long text wraps to share out the width; short text keeps its own
        # (so that "India and Japan" or a date is never split).
        out.add_column(
            _text(column.header),
            justify="right" if column.kind == "number" else "left",
            no_wrap=not (column.kind == "text" and longest > _SHORT),
            overflow="fold",
        )
    for row in table.rows:
        out.add_row(
            *(
                _cell(value, c.kind, peaks.get(i, 0), words)
                for i, (c, value) in enumerate(zip(table.columns, row, strict=True))
            )
        )
    return out


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
    )
    return Panel(body, box=box.ROUNDED, border_style=_ACCENT, padding=(0, 1))


def _block(block: Block, words: tuple[str, ...], width: int) -> RenderableType:
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
        out.print(_block(block, view.highlight, out.width))
    text = buffer.getvalue()
    if options.color:
        return text
    # Rich pads every line to the full width; plain output is easier to use without it.
    return "\n".join(line.rstrip() for line in text.split("\n"))
