"""CommonMark (plus pipe tables) for reports: `briefing summary -f markdown | pandoc -o brief.docx`.

Knowledge text is escaped so that nothing in it becomes markup, and nothing in
it is retypeset: a quote reads character for character as written through
pandoc's default reader (smart quotes, dashes, ellipses, super- and subscript,
citations, TeX math), GitHub-flavoured Markdown (emoji, autolinks) and CommonMark.
"""

from __future__ import annotations

import re

from briefing.render import Options, oneline
from briefing.views import Block, Bullets, Heading, Paragraph, QuoteBlock, Table, View

# Every ASCII punctuation character may be backslash-escaped in CommonMark and
# in pandoc's Markdown, and an escaped one is always literal. Escape them all but
# those no reader gives a meaning to: `,;?/!`; parentheses, which open nothing
# once `[` and `@` are escaped (an escaped `\(` would even read as TeX math in
# previews with MathJax); and a lone hyphen inside the text (`India-Japan`):
# only runs of hyphens become dashes, and only a leading one starts a list.
# A period is always escaped: pandoc's smart punctuation puts a no-break space
# after abbreviations such as `Mr.`, as well as reading `...` as an ellipsis.
_SPECIAL = re.compile(r"[\"#$%&'*+.:<=>@\[\\\]^_`{|}~]|^-|-(?=-)|(?<=-)-")
# A closing parenthesis ends a list marker (`1)`, `a)`, `(iv)`) only at the start
# of a line.
_LIST_MARKER = re.compile(r"^(\(?[0-9A-Za-z]+)\)")


def escape(text: str) -> str:
    """One line of TEXT, safe in a paragraph, a list item, a block quote or a table cell."""
    line = _SPECIAL.sub(lambda m: "\\" + m.group(), oneline(text))
    return _LIST_MARKER.sub(r"\1\\)", line)


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
