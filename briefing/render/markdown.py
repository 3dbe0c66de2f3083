"""CommonMark (plus pipe tables) for reports: `briefing summary -f markdown | pandoc -o brief.docx`.

Knowledge text is escaped so that nothing in it becomes markup: a quote that
contains `*`, `[link](...)` or `<b>` reads literally.
"""

from __future__ import annotations

import re

from briefing.render import Options, oneline
from briefing.views import Block, Bullets, Heading, Paragraph, QuoteBlock, Table, View

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")
_LINE_START = re.compile(r"^([-+=:]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """One line of TEXT, safe in a paragraph, a list item, a block quote or a table cell."""
    line = _SPECIAL.sub(r"\\\1", oneline(text))
    return _LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], line)


def _table(table: Table) -> str:
    table = table.for_display()
    lines = [f"## {escape(table.title)}", ""]
    if not table.rows:
        return "\n".join([*lines, f"_{escape(table.empty)}_"])
    lines.append("| " + " | ".join(escape(c.header) for c in table.columns) + " |")
    lines.append(
        "|"
        + "|".join("---:" if c.kind in ("number", "bar") else "---" for c in table.columns)
        + "|"
    )
    lines.extend("| " + " | ".join(escape(v) or " " for v in row) + " |" for row in table.rows)
    return "\n".join(lines)


def _quote(q: QuoteBlock) -> str:
    detail = [escape(q.detail)]
    if q.source:
        detail.append(f"Source: {escape(q.source)}.")
    return "\n".join(
        [
            f"> \u201c{escape(q.text)}\u201d",
            ">",
            f"> \u2014 **{escape(q.speaker)}**" + "".join(f", {escape(c)}" for c in q.credits),
            "",
            " ".join(detail),
        ]
    )


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * min(block.level, 6)} {escape(block.text)}"
    if isinstance(block, Paragraph):
        text = escape(block.text)
        return {"body": text, "note": f"_{text}_", "meta": f"**{text}**"}[block.style]
    if isinstance(block, Bullets):
        return "\n".join(f"- {escape(item)}" for item in block.items)
    if isinstance(block, QuoteBlock):
        return _quote(block)
    return _table(block)


def render(view: View, options: Options) -> str:  # noqa: ARG001 - one signature for all formats
    return "\n\n".join(_block(b) for b in view.blocks) + "\n"
