"""A standalone HTML page (no network fetches) that looks like the terminal rendering."""

from __future__ import annotations

import html

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

_STYLE = """
:root { color-scheme: dark; }
body { background: #1e1f29; color: #e6e6e6; margin: 0 auto; max-width: 60rem; padding: 2rem;
  font: 15px/1.5 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
h1 { color: #8be9fd; border-bottom: 1px solid #8be9fd; font-size: 1.3rem; }
h2 { color: #8be9fd; font-size: 1.1rem; margin-top: 1.6rem; }
h3 { font-size: 1rem; margin-bottom: .2rem; }
p.note { color: #9a9aa8; font-style: italic; }
p.meta { font-weight: bold; }
table { border-collapse: collapse; margin: .5rem 0 1rem; width: 100%; }
caption { text-align: left; color: #8be9fd; font-weight: bold; padding-bottom: .3rem; }
th, td { border: 1px solid #555a6e; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { font-weight: bold; }
td.number { text-align: right; white-space: nowrap; }
td.id, td.dialogue { white-space: nowrap; }
.bar { color: #8be9fd; }
figure.quote { border: 1px solid #8be9fd; border-radius: 6px; margin: 1rem 0; padding: .6rem 1rem; }
figure.quote blockquote { margin: 0; font-style: italic; }
figure.quote figcaption { margin-top: .6rem; }
figure.quote .who { font-weight: bold; }
figure.quote .detail { color: #9a9aa8; }
mark { background: #f1fa8c; color: #1e1f29; }
ul { padding-left: 1.4rem; }
"""


def _esc(text: str, words: tuple[str, ...] = ()) -> str:
    line = oneline(text)
    pattern = highlight_pattern(words)
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


def _cell(value: str, kind: str, words: tuple[str, ...]) -> str:
    if kind == "bar":
        n = int(value) if value.isdigit() else 0
        return f'<td class="number"><span class="bar">{"&#9608;" * min(n, 20)}</span> {n}</td>'
    return f'<td class="{kind}">{_esc(value, words)}</td>'


def _table(table: Table, words: tuple[str, ...]) -> str:
    table = table.for_display()
    if not table.rows:
        return f'<h2>{_esc(table.title)}</h2>\n<p class="note">{_esc(table.empty)}</p>'
    head = "".join(f"<th>{_esc(c.header)}</th>" for c in table.columns)
    rows = "\n".join(
        "<tr>"
        + "".join(_cell(v, c.kind, words) for c, v in zip(table.columns, row, strict=True))
        + "</tr>"
        for row in table.rows
    )
    return (
        f"<table>\n<caption>{_esc(table.title)}</caption>\n<thead><tr>{head}</tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>"
    )


def _quote(q: QuoteBlock) -> str:
    source = f"<br>Source: {_esc(q.source)}" if q.source else ""
    return (
        '<figure class="quote">\n'
        f"<blockquote><p>&ldquo;{_esc(q.text)}&rdquo;</p></blockquote>\n"
        f'<figcaption>&mdash; <span class="who">{_esc(q.speaker)}</span>'
        + "".join(f", {_esc(part)}" for part in q.credits)
        + "<br>\n"
        f'<span class="detail">{_esc(q.detail)}{source}</span>'
        "</figcaption>\n</figure>"
    )


def _block(block: Block, words: tuple[str, ...]) -> str:
    if isinstance(block, Heading):
        level = min(block.level, 6)
        return f"<h{level}>{_esc(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f'<p class="{block.style}">{_esc(block.text)}</p>'
    if isinstance(block, Bullets):
        items = "\n".join(f"<li>{_esc(i)}</li>" for i in block.items)
        return f"<ul>\n{items}\n</ul>"
    if isinstance(block, QuoteBlock):
        return _quote(block)
    return _table(block, words)


def _title(view: View) -> str:
    for block in view.blocks:
        if isinstance(block, Heading | Table):
            return block.text if isinstance(block, Heading) else block.title
    return view.command


def render(view: View, options: Options) -> str:  # noqa: ARG001 - one signature for all formats
    body = "\n".join(_block(b, view.highlight) for b in view.blocks)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(_title(view))} - briefing</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
