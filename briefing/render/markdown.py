"""CommonMark (plus pipe tables) for reports: `briefing summary -f markdown | pandoc -o brief.docx`.

Knowledge text is escaped so that nothing in it becomes markup, and nothing in
it is retypeset: a quote reads character for character as written through
pandoc's default reader (smart quotes, dashes, ellipses, super- and subscript,
citations, TeX math), GitHub-flavoured Markdown (emoji, autolinks) and CommonMark.
"""

from __future__ import annotations

import re

from briefing.render import Options, inert, oneline
from briefing.views import Block, Bullets, Chart, Heading, Paragraph, QuoteBlock, Table, View

# Every ASCII punctuation character may be backslash-escaped in CommonMark and
# in pandoc's Markdown, and an escaped one is always literal. Escape them all but
# those no reader gives a meaning to: `,;?/!`; parentheses, which open nothing
# once `[` and `@` are escaped (an escaped `\(` would even read as TeX math in
# previews with MathJax); and a lone hyphen inside the text (`India-Japan`):
# only runs of hyphens become dashes, and only a leading one starts a list.
# A period is always escaped: pandoc's smart punctuation puts a no-break space
# after abbreviations such as `Mr.`, as well as reading `...` as an ellipsis.
_SPECIAL = re.compile(r"[\"#$%&'*+.:<=>@\[\\\]^_`{|}~]|^-|-(?=-)|(?<=-)-")
# Backslashes escape only ASCII punctuation in CommonMark; these characters are
# written as character references, which every reader takes as plain text.
_REFERENCES = str.maketrans(
    {
        # Pandoc's smart punctuation takes a typeset opening single quote for an
        # apostrophe (U+2019) unless it finds a closing one to pair it with.
        "\u2018": "&#x2018;",
        # Pandoc's CommonMark and GFM readers normalise text to NFC first, which
        # turns the Greek varia into a backtick, and that opens code.
        "\u1fef": "&#x1FEF;",
    }
)
# A typeset closing double quote after a space still closes a pair, and pandoc
# drops the space. In a line with one, opening double quotes are written as
# character references too: those open nothing.
_SPACED_CLOSING_QUOTE = " \u201d"
# A closing parenthesis ends a list marker (`1)`, `a)`, `(iv)`) only at the start
# of a line.
_LIST_MARKER = re.compile(r"^(\(?[0-9A-Za-z]+)\)")


def escape(text: str) -> str:
    """One line of TEXT, safe in a paragraph, a list item, a block quote or a table cell."""
    line = _SPECIAL.sub(lambda m: "\\" + m.group(), oneline(text))
    line = line.translate(_REFERENCES)
    if _SPACED_CLOSING_QUOTE in line:
        line = line.replace("\u201c", "&#x201C;")
    return _LIST_MARKER.sub(r"\1\\)", line)


# Pandoc lays out a pipe table whose rows are longer than its line width by the
# relative widths of the dashes under the header. Counting the dashes as
# characters of a line this wide (pandoc's default --columns), each column gets
# its longest word, so that no word breaks (or its widest cell, if it is not
# running text: numbers, dates, ids). The main text (a summary, a commitment:
# the column marked "main") takes what it needs of the line's remaining width
# first, as in a terminal; what is left is shared in proportion to what each
# other column needs beyond its longest word.
_LINE_WIDTH = 72
_WORD_BREAK = re.compile(r" |(?<=-)")


def _longest_word(text: str) -> int:
    return max(map(len, _WORD_BREAK.split(oneline(text))))


def _rule(table: Table) -> str:
    """The line under the header, its dashes sized as the columns should be."""
    cells = [
        (column.header, *(row[i] for row in table.rows)) for i, column in enumerate(table.columns)
    ]
    widths = [max(len(oneline(text)) for text in texts) for texts in cells]
    floors = [
        max(3, *map(_longest_word, texts)) if column.kind == "text" else max(3, width)
        for column, texts, width in zip(table.columns, cells, widths, strict=True)
    ]
    needs = [w - f for w, f in zip(widths, floors, strict=True)]
    if sum(widths) > _LINE_WIDTH and any(needs):
        spare = max(0, _LINE_WIDTH - sum(floors))
        main = next(
            (i for i, c in enumerate(table.columns) if c.kind == "text" and c.role == "main"), None
        )
        if main is not None:
            first = min(spare, needs[main])
            floors[main] += first
            needs[main] -= first
            spare -= first
        share = sum(needs) or 1
        widths = [f + spare * n // share for f, n in zip(floors, needs, strict=True)]
    return (
        "|"
        + "|".join(
            "-" * (w - 1) + ":" if c.kind in ("number", "bar") else "-" * w
            for c, w in zip(table.columns, widths, strict=True)
        )
        + "|"
    )


def _mark(note: str) -> str:
    """What follows an item awaiting review (nothing for one signed off)."""
    return f" **\u26a0 review:** {escape(note)}" if note else ""


def _table(table: Table) -> str:
    table, notes = table.for_display().reviews()
    lines = [f"## {escape(table.title)}", ""] if table.title else []
    if not table.rows:
        return "\n".join([*lines, f"_{escape(table.empty)}_"])
    at = table.item_column
    notes = notes or ("",) * len(table.rows)
    # Sized with each mark as the words it shows.
    sized = table._replace(
        rows=tuple(
            tuple(f"{v} \u26a0 review: {n}" if i == at and n else v for i, v in enumerate(row))
            for row, n in zip(table.rows, notes, strict=True)
        )
    )
    lines.append("| " + " | ".join(escape(c.header) for c in table.columns) + " |")
    lines.append(_rule(sized))
    lines.extend(
        "| "
        + " | ".join(escape(v) + (_mark(n) if i == at else "") or " " for i, v in enumerate(row))
        + " |"
        for row, n in zip(table.rows, notes, strict=True)
    )
    return "\n".join(lines)


def _quote(q: QuoteBlock) -> str:
    text = escape(q.text)
    opening = "&#x201C;" if _SPACED_CLOSING_QUOTE in text else "\u201c"
    detail = [escape(q.detail)]
    if q.source:
        detail.append(f"Source: {escape(q.source)}.")
    lines = [
        f"> {opening}{text}\u201d",
        ">",
        f"> \u2014 **{escape(q.speaker)}**" + "".join(f", {escape(c)}" for c in q.credits),
        "",
        " ".join(detail),
    ]
    if q.review:
        lines += ["", _mark(q.review).lstrip()]
    if q.passage is not None:
        p = q.passage
        lines += ["", f"_{escape(p.caption)}_" + (":" if p.match else "")]
        if p.match:
            lines += ["", f"> {escape(p.before)}**{escape(p.match.strip())}**{escape(p.after)}"]
        if p.closest:
            lines += ["", f"Closest passage: {escape(p.closest)}"]
    return "\n".join(lines)


def _chart(block: Chart) -> str:
    """The chart in characters, as a fenced block longer than any run of backticks in it."""
    from briefing.render.gantt import chart_text

    title, summary, *lines = chart_text(block, 100)
    out = [f"## {escape(title)}", "", f"_{escape(summary)}_"]
    if lines:
        body = "\n".join(inert(line) for line in lines[1:])
        fence = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`+", body))])
        out += ["", f"{fence}text", body, fence]
    return "\n".join(out)


def _block(block: Block) -> str:
    if isinstance(block, Chart):
        return _chart(block)
    if isinstance(block, Heading):
        return f"{'#' * min(block.level, 6)} {escape(block.text)}"
    if isinstance(block, Paragraph):
        text = escape(block.text)
        styled = {"body": text, "note": f"_{text}_", "meta": f"**{text}**"}[block.style]
        return styled + _mark(block.review)
    if isinstance(block, Bullets):
        return "\n".join(f"- {escape(item)}{_mark(note)}" for item, note in block.marked)
    if isinstance(block, QuoteBlock):
        return _quote(block)
    return _table(block)


def render(view: View, options: Options) -> str:  # noqa: ARG001 - one signature for all formats
    return "\n\n".join(_block(b) for b in view.blocks) + "\n"
