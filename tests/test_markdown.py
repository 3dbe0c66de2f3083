"""Markdown read back by real readers: pandoc's default Markdown, GFM and CommonMark.

Knowledge text must come out of a Markdown reader character for character as it
was written (whitespace folded to single spaces), and tables must give their
main text column the most width when pandoc lays them out. Tests that run
pandoc skip when it is not installed; .ci/run installs it where it can.
"""

from __future__ import annotations

import html
import json
import random
import re
import shutil
import string
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from briefing import query
from briefing.cli import app
from briefing.load import bundled_data, load_knowledge
from briefing.render import Format, Options, oneline, render
from briefing.views import Block, Bullets, Column, Heading, Paragraph, QuoteBlock, Table, View

FIXTURE = Path(__file__).parent / "fixtures" / "markdown-hostile.yaml"
HOSTILE = load_knowledge(FIXTURE, use_cache=False).dialogues
PANDOC = shutil.which("pandoc")
needs_pandoc = pytest.mark.skipif(
    PANDOC is None, reason="pandoc is not installed (.ci/run installs it where apt-get can)"
)
READERS = ["markdown", "gfm", "commonmark"]
# Readers that know pipe tables (pandoc's commonmark reader has no extensions).
TABLE_READERS = ["markdown", "gfm"]


def invoke(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def pandoc(markdown: str, *args: str) -> str:
    assert PANDOC is not None
    done = subprocess.run(
        [PANDOC, *args],
        input=markdown,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    return done.stdout


def markdown_of(*blocks: Block) -> str:
    return render(View("test", blocks, {}), Format.MARKDOWN, Options())


def expected_quotes() -> list[QuoteBlock]:
    blocks = query.quotes_view(HOSTILE).blocks
    return [b for b in blocks if isinstance(b, QuoteBlock)]


def expected_heading() -> str:
    """The quotes' heading: who is quoted, at which meeting (a hostile title), where and when."""
    blocks = query.quotes_view(HOSTILE).blocks
    heading = next(b for b in blocks if isinstance(b, Heading))
    assert heading.level == 2
    assert heading.text.startswith("Quotes by ")
    return heading.text


def detail_line(q: QuoteBlock) -> str:
    # A source shared by every quote is cited once, after them; several are numbered.
    return f"{q.detail} Source: {q.source}." if q.source else q.detail


def expected_sources() -> list[str]:
    """The citations listed once after the quotes."""
    blocks = query.quotes_view(HOSTILE).blocks
    return [item for b in blocks if isinstance(b, Bullets) for item in b.items]


def test_fixture_holds_the_hostile_texts() -> None:
    texts = " ".join(q.text for q in expected_quotes())
    for piece in ("it's", "--", "...", "x^2^", "H~2~O", '"@everyone"', "[link](x)", "*stars*"):
        assert piece in texts
    for piece in ("<b>", "$5 and $6", "1. not a list", "# not a heading", "| pipe |", "\\"):
        assert piece in texts
    assert "\u201c" in texts
    assert "Mr. " in texts


# -- Quotes through pandoc ---------------------------------------------------------------


@needs_pandoc
@pytest.mark.parametrize("reader", READERS)
def test_quotes_come_out_of_pandoc_verbatim(reader: str) -> None:
    out = invoke("quotes", "--format", "markdown", "--data", str(FIXTURE))
    plain = pandoc(out, "-f", reader, "-t", "plain", "--wrap=none")
    lines = [line.strip() for line in plain.splitlines()]
    assert lines[0] == expected_heading()
    for q in expected_quotes():
        assert f"\u201c{q.text}\u201d" in lines
        assert detail_line(q) in lines
    items = [line.removeprefix("-").strip() for line in lines if line.startswith("-")]
    for source in expected_sources():
        assert items.count(source) == 1


# -- Any text through pandoc, as the AST sees it ----------------------------------------

TRICKY = [
    "Mr. Motegi met Dr. Rao, e.g. on 5 Jan. vs. the plan",
    "- a leading hyphen",
    "-- two",
    "---",
    "===",
    "+ plus",
    "* star",
    "1. one",
    "1) one",
    "a) letter",
    "A.  capital",
    "(iv) roman",
    "i. roman",
    "#. hash",
    "(@) example",
    "(@good) reference",
    ": definition",
    "~ definition",
    "> quoted",
    "| line block",
    "% title block",
    "``` fence",
    "~~~ fence",
    "<div>html</div>",
    "<!-- comment -->",
    "&copy; &amp; &#169;",
    "$x^2$ and $$y$$",
    "\\(x\\) and \\[y\\]",
    ":smile: :+1:",
    "www.example.org and https://example.org and someone@example.org",
    "[^note] and ^[inline note]",
    "[span]{.smallcaps} and `code`{.python}",
    "H~2~O and x^2^ and ~~struck~~",
    "it's 'single' and \"double\"",
    "a...b . . . c",
    "trailing backslash \\",
    "a\\\nb hard break",
    "emoji-free - lone - hyphens",
    "Heading {#id .class}",
    "ends with hashes ##",
    "\u2018\u2026\u2019 and a|\u2018b and \u2018 lone",
    "\u201ca \u201d spaced and \u201c\u201d empty",
    "Greek varia \u1fefcode\u1fef and question mark \u037e",
]


def sample_texts() -> list[str]:
    rng = random.Random(20260216)
    alphabet = (
        string.punctuation
        + "aiMr1\u00e9\u6771 " * 3
        + "\u201c\u201d\u2018\u2019\u201a\u201e\u00ab\u00bb\u2014\u2013\u2026\u00a0\u1fef"
    )
    texts = ["".join(rng.choices(alphabet, k=rng.randint(1, 16))) for _ in range(300)]
    return [t for t in (*TRICKY, *texts) if oneline(t)]


def ast_texts(document: dict[str, Any]) -> list[str]:
    """The text of every paragraph, plain block and heading, in document order.

    Anything that is not plain text (emphasis, a link, math, a citation, smart
    quotes, raw HTML, ...) shows as <Type>, so that it can never compare equal.
    """
    found: list[str] = []

    def inlines(nodes: list[dict[str, Any]]) -> str:
        parts = []
        for node in nodes:
            kind = node["t"]
            if kind == "Str":
                parts.append(node["c"])
            elif kind in ("Space", "SoftBreak"):
                parts.append(" ")
            elif kind == "Quoted":
                # Pandoc's smart punctuation pairs typeset curly quotes too;
                # its writers print the pair back as the same characters.
                mark, content = node["c"]
                pair = "\u201c\u201d" if mark["t"] == "DoubleQuote" else "\u2018\u2019"
                parts.append(pair[0] + inlines(content) + pair[1])
            else:
                parts.append(f"<{kind}>")
        return "".join(parts)

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            kind = node.get("t")
            if kind in ("Para", "Plain"):
                found.append(inlines(node["c"]))
            elif kind == "Header":
                found.append(inlines(node["c"][2]))
            else:
                walk(node.get("c", []))

    walk(document["blocks"])
    return found


def normal(reader: str, texts: list[str]) -> list[str]:
    """TEXTS as READER gives them back: pandoc's CommonMark and GFM readers normalise to NFC."""
    if reader == "markdown":
        return texts
    return [unicodedata.normalize("NFC", t) for t in texts]


@needs_pandoc
@pytest.mark.parametrize("reader", READERS)
def test_any_text_reads_back_through_pandoc(reader: str) -> None:
    texts = sample_texts()
    blocks: list[Block] = []
    expected: list[str] = []
    for text in texts:
        quote = QuoteBlock("q", "d", "s", "Speaker", "", "", text, (), text, "")
        blocks.extend((Heading(text, 3), Paragraph(text), Bullets((text,)), quote))
        line = oneline(text)
        expected.extend((line, line, line, f"\u201c{line}\u201d", "\u2014 <Strong>", line))
    document = json.loads(pandoc(markdown_of(*blocks), "-f", reader, "-t", "json"))
    assert normal(reader, ast_texts(document)) == normal(reader, expected)


@needs_pandoc
@pytest.mark.parametrize("reader", TABLE_READERS)
def test_any_text_reads_back_from_table_cells(reader: str) -> None:
    texts = sample_texts()
    rows = tuple(zip(texts[::2], texts[1::2], strict=False))
    table = Table("Cells: *not* [markup]", (Column("A | B"), Column("C")), rows)
    document = json.loads(pandoc(markdown_of(table), "-f", reader, "-t", "json"))
    expected = [table.title, "A | B", "C", *(oneline(cell) for row in rows for cell in row)]
    assert normal(reader, ast_texts(document)) == normal(reader, expected)


# -- Any text through markdown-it (CommonMark) ------------------------------------------


def markdown_it_texts(markdown: str, *, tables: bool = False) -> list[str]:
    """The text of every inline run, with <type> for anything but text."""
    md = MarkdownIt("commonmark")
    if tables:
        md.enable("table")
    found = []
    for token in md.parse(markdown):
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            if child.type == "text":
                parts.append(child.content)
            elif child.type == "softbreak":
                parts.append(" ")
            else:
                parts.append(f"<{child.type}>")
        found.append("".join(parts))
    return found


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=40).filter(lambda s: oneline(s) != ""))
def test_any_text_reads_back_through_markdown_it(text: str) -> None:
    out = markdown_of(Heading(text, 2), Paragraph(text), Bullets((text,)))
    assert markdown_it_texts(out) == [oneline(text)] * 3
    table = markdown_of(Table("T", (Column("A"),), ((text,),)))
    assert markdown_it_texts(table, tables=True) == ["T", "A", oneline(text)]


def test_quotes_render_verbatim_as_commonmark_html() -> None:
    out = invoke("quotes", "--format", "markdown", "--data", str(FIXTURE))
    rendered = MarkdownIt("commonmark").render(out)
    heading = html.escape(expected_heading(), quote=False).replace('"', "&quot;")
    assert rendered.startswith(f"<h2>{heading}</h2>\n")
    for q in expected_quotes():
        text = html.escape(q.text, quote=False).replace('"', "&quot;")
        assert f"<blockquote>\n<p>\u201c{text}\u201d</p>" in rendered
        assert f"\u201c{q.text}\u201d" in markdown_it_texts(out)
        assert detail_line(q) in markdown_it_texts(out)


def test_heading_markers_and_list_markers_stay_text() -> None:
    out = markdown_of(Paragraph("1) first"), Paragraph("(a) second"), Bullets(("2. third",)))
    tokens = MarkdownIt("commonmark").parse(out)
    assert [t.type for t in tokens if t.type.endswith("_open")] == [
        "paragraph_open",
        "paragraph_open",
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
    ]


# -- Table widths ------------------------------------------------------------------------


def separator(markdown: str) -> list[int]:
    """How many characters each column has in the line under a table's header."""
    line = next(line for line in markdown.splitlines() if line.startswith("|-"))
    cells = line.strip("|").split("|")
    assert all(re.fullmatch(r"-+:?", c) for c in cells), line
    return [len(c) for c in cells]


def header(markdown: str) -> list[str]:
    line = next(line for line in markdown.splitlines() if line.startswith("| "))
    return [cell.strip() for cell in line.strip("|").split("|")]


@pytest.mark.parametrize(
    ("command", "main"), [("topics", "Summary"), ("commitments", "Commitment")]
)
def test_the_main_text_column_has_the_most_dashes(command: str, main: str) -> None:
    out = invoke(command, "--format", "markdown")
    widths = dict(zip(header(out), separator(out), strict=True))
    assert max(widths, key=lambda k: widths[k]) == main
    others = [w for k, w in widths.items() if k != main]
    assert widths[main] > 1.5 * max(others)
    # Each header word fits its column, so that no header breaks inside a word.
    for name, width in widths.items():
        assert width >= max(map(len, name.split())), name


def test_number_columns_align_right_and_keep_their_width() -> None:
    out = invoke("topics", "--format", "markdown")
    line = next(line for line in out.splitlines() if line.startswith("|-"))
    cells = dict(zip(header(out), line.strip("|").split("|"), strict=True))
    assert cells["Commitments"] == "-" * 10 + ":"
    assert not cells["Summary"].endswith(":")


def test_narrow_tables_keep_their_natural_widths() -> None:
    table = Table("T", (Column("Name"), Column("Count", "number")), (("Jo", "12345678"),))
    assert separator(markdown_of(table)) == [4, 8]


def test_wide_tables_of_single_words_keep_each_word_whole() -> None:
    words = tuple(f"{'x' * 11}{i}" for i in range(8))
    table = Table("T", tuple(Column(w) for w in words), (words,))
    assert separator(markdown_of(table)) == [12] * 8


@needs_pandoc
@pytest.mark.parametrize(
    ("command", "main"), [("topics", "Summary"), ("commitments", "Commitment")]
)
def test_pandoc_gives_the_main_text_column_the_most_width(command: str, main: str) -> None:
    out = invoke(command, "--format", "markdown")
    page = pandoc(out, "-f", "markdown", "-t", "html")
    # The first table's columns (commitments are followed by a table of interests).
    first = page.split("</table>")[0]
    widths = [int(w) for w in re.findall(r'<col style="width: (\d+)%" />', first)]
    names = header(out)
    assert len(widths) == len(names)
    assert names[widths.index(max(widths))] == main
    assert widths.count(max(widths)) == 1


def test_bundled_data_reads_back_through_markdown_it() -> None:
    d = load_knowledge(bundled_data(), use_cache=False).dialogues
    out = render(query.quotes_view(d), Format.MARKDOWN, Options())
    texts = markdown_it_texts(out)
    for q in d[0].quotes:
        assert f"\u201c{q.text}\u201d" in texts


def test_an_empty_table_says_so() -> None:
    out = markdown_of(Table("Commitments", (Column("Commitment"),), (), "No commitments match."))
    assert out == "## Commitments\n\n_No commitments match\\._\n"
    assert markdown_it_texts(out) == ["Commitments", "<em_open>No commitments match.<em_close>"]
