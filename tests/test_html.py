"""The HTML page: its structure (parsed with the standard library), and its layout in Chromium."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.render import Format, Options, render
from briefing.render.html import meetings
from briefing.views import Column, Heading, Paragraph, QuoteBlock, Table, View

runner = CliRunner()

COMMANDS = {
    "topics": ["topics"],
    "topic": ["topic", "minerals"],
    "quotes": ["quotes"],
    "commitments": ["commitments"],
    "people": ["people"],
    "summary": ["summary"],
    "search": ["search", "shinkansen"],
    "dialogues": ["dialogues"],
}
MEETING = {
    "id": "india-japan-sd-18",
    "title": "18th India-Japan Strategic Dialogue",
    "location": "New Delhi",
    "date": "2026-01-16",
}
HOSTILE = '<script>alert(1)</script> "quoted" & <b>bold</b> </style><img src=x>'


class Page(HTMLParser):
    """What a test needs of a page: its elements in order, with their text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        #: (tag, attributes) of every start tag.
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        #: The text inside each element, by tag.
        self.text: dict[str, list[str]] = {}
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in {"meta", "br", "img", "link", "input", "hr"}:
            self.open.append(tag)
            self.text.setdefault(tag, []).append("")

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        for tag in set(self.open):
            self.text[tag][-1] += data

    def one(self, tag: str) -> str:
        [text] = self.text[tag]
        return " ".join(text.split())

    def names(self) -> list[str]:
        return [tag for tag, _ in self.tags]


def page_of(*args: str) -> tuple[str, Page]:
    result = runner.invoke(app, [*args, "--format", "html"])
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout, Page(result.stdout)


def render_html(view: View) -> Page:
    return Page(render(view, Format.HTML, Options()))


def topics_table(rows: tuple[tuple[str, ...], ...]) -> Table:
    return Table(
        "Topics",
        (
            Column("Dialogue", "dialogue"),
            Column("Topic"),
            Column("Weight", "bar"),
            Column("Commitments", "number"),
            Column("Summary"),
        ),
        rows,
    )


# -- Structure of every command's page -----------------------------------------------


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_page_is_one_well_formed_document(name: str) -> None:
    out, page = page_of(*COMMANDS[name])
    assert out.startswith("<!DOCTYPE html>\n")
    assert page.names()[:2] == ["html", "head"]
    assert page.names().count("header") == 1
    assert page.names().count("main") == 1
    assert page.names().count("h1") == 1
    assert not page.open


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_page_names_its_meeting_in_the_header_and_title(name: str) -> None:
    _, page = page_of(*COMMANDS[name])
    header = page.one("header")
    title = page.one("title")
    # The page's name, a dash, then the meeting as far as the view's data names it.
    page_name, meeting = title.split(" \u2014 ")
    assert page_name == page.one("h1")
    assert meeting in header
    assert meeting in {MEETING["title"], MEETING["id"]}


def test_page_titles_have_one_form() -> None:
    titles = {name: page_of(*args)[1].one("title") for name, args in COMMANDS.items()}
    assert titles["summary"] == "Briefing \u2014 18th India-Japan Strategic Dialogue"
    assert titles["dialogues"] == "Dialogues \u2014 18th India-Japan Strategic Dialogue"
    assert titles["topics"].startswith("Topics \u2014 ")
    assert titles["quotes"].startswith("Quotes \u2014 ")
    assert titles["topic"].startswith("Critical minerals \u2014 ")
    assert titles["search"].startswith("Search: shinkansen \u2014 ")


def test_summary_header_has_meeting_place_and_date_once() -> None:
    _, page = page_of("summary")
    assert page.one("header") == (
        "18th India-Japan Strategic Dialogue New Delhi, Friday 16 January 2026"
    )
    assert page.one("h1") == "Briefing"
    # The view's own title and place line are not repeated under the header.
    assert page.one("main").count("New Delhi, Friday 16 January 2026") == 0
    assert [tag for tag in page.names() if re.fullmatch("h[1-6]", tag)][:3] == ["h1", "h2", "h3"]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_page_is_standalone_and_script_free(name: str) -> None:
    out, page = page_of(*COMMANDS[name])
    assert {"script", "link", "img", "iframe", "object", "embed"}.isdisjoint(page.names())
    for tag, attrs in page.tags:
        for attr in ("src", "srcset", "data", "poster", "action"):
            assert attr not in attrs, tag
        if tag != "a":
            assert "href" not in attrs, tag
    assert "url(" not in out
    assert "@import" not in out
    policies = [a for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert policies == [
        {
            "http-equiv": "Content-Security-Policy",
            "content": "default-src 'none'; style-src 'unsafe-inline'",
        }
    ]


def test_style_has_themes_print_and_a_phone_layout() -> None:
    _, page = page_of("topics")
    css = page.one("style")
    assert "@media (prefers-color-scheme: dark)" in css
    assert "@media print" in css
    assert "break-inside: avoid" in css
    assert "@media (max-width: 600px)" in css
    assert "overflow-wrap: anywhere" in css
    assert "monospace" not in css
    assert "system-ui" in css


def test_table_columns_say_how_wide_they_are() -> None:
    _, page = page_of("topics")
    classes = [attrs.get("class") for tag, attrs in page.tags if tag == "th"]
    heads = list(zip(classes, page.text["th"], strict=True))
    assert heads == [
        ("text", "Topic"),
        ("number", "Weight"),
        ("number", "Commitments"),
        ("number", "Interests"),
        ("number", "Quotes"),
        ("number", "Discussed"),
        ("main", "Summary"),
    ]
    cells = [attrs for tag, attrs in page.tags if tag == "td"]
    assert all(c.get("data-label") for c in cells)


def test_quotes_page_has_a_heading_and_each_quote_its_source() -> None:
    _, page = page_of("quotes")
    assert page.one("h1") == "Quotes"
    # Under it, who is quoted at which meeting, where and when.
    assert page.text["h2"][0] == (
        "Quotes by S Jaishankar and Toshihiro Kitamura \u2014 "
        "18th India-Japan Strategic Dialogue, New Delhi, 2026-01-16"
    )
    assert page.names().count("figure") == 8
    assert all("Source: " in text for text in page.text["figcaption"])


# -- Meetings from the view's data ---------------------------------------------------


def test_header_names_meeting_place_and_date_from_the_data() -> None:
    table = topics_table((("india-japan-sd-18", "AI", "2", "1", "A dialogue."),))
    view = View("topics", (table,), {"dialogues": [MEETING], "topics": []}, table)
    page = render_html(view)
    assert page.one("header") == (
        "18th India-Japan Strategic Dialogue New Delhi, Friday 16 January 2026"
    )
    assert page.one("title") == "Topics \u2014 18th India-Japan Strategic Dialogue"


def test_several_dialogues_are_said_to_be_several() -> None:
    later = {**MEETING, "id": "sd-19", "title": "19th Dialogue", "date": "2027-01-15"}
    table = topics_table(
        (("india-japan-sd-18", "AI", "2", "1", "One."), ("sd-19", "AI", "2", "1", "Two."))
    )
    page = render_html(View("topics", (table,), {"dialogues": [MEETING, later]}, table))
    assert page.one("title") == "Topics \u2014 2 dialogues"
    assert page.text["li"] == [
        "18th India-Japan Strategic Dialogue, New Delhi, Friday 16 January 2026",
        "19th Dialogue, New Delhi, Friday 15 January 2027",
    ]
    # With more than one dialogue, the rows say which one they come from.
    assert "Dialogue" in page.text["th"]


def test_meetings_prefer_the_fullest_description() -> None:
    data = {
        "topics": [{"dialogue": "a"}, {"dialogue": "b"}, {"dialogue": "a"}, {"id": "t"}],
        "briefings": [{"dialogue": {**MEETING, "id": "b"}}],
        "query": "words",
        "other": ["not a record"],
    }
    assert [(m.id, m.title) for m in meetings(data)] == [("a", ""), ("b", MEETING["title"])]


def test_a_date_that_is_not_iso_is_shown_as_given() -> None:
    view = View("dialogues", (), {"dialogues": [{**MEETING, "date": "early 2026"}]})
    assert render_html(view).one("header").endswith("New Delhi, early 2026")


def test_a_view_without_dialogues_has_no_header() -> None:
    view = View("quotes", (Paragraph("Nobody is quoted."),), {"quotes": []})
    page = render_html(view)
    assert "header" not in page.names()
    assert page.one("title") == "Quotes"


def test_several_summaries_keep_their_headings_under_the_page_heading() -> None:
    blocks = (Heading("First", 1), Heading("Outcomes", 2), Heading("Second", 1))
    page = render_html(View("summary", blocks, {"briefings": []}))
    assert page.text["h1"] == ["Briefing"]
    assert page.text["h2"] == ["First", "Second"]
    assert page.text["h3"] == ["Outcomes"]


def test_a_table_of_numbers_has_no_main_column() -> None:
    table = Table("Counts", (Column("Quotes", "number"),), (("3",),))
    page = render_html(View("counts", (table,), {}, table))
    assert [a.get("class") for t, a in page.tags if t in {"th", "td"}] == ["number", "number"]


def test_an_empty_table_under_a_heading_says_so() -> None:
    table = Table("Commitments", (Column("Commitment"),), (), "No commitments.")
    page = render_html(View("topic", (Heading("AI"), table), {}))
    assert page.text["h2"] == ["Commitments"]
    assert page.one("p") == "No commitments."


# -- Text from the knowledge file ----------------------------------------------------


def test_hostile_text_is_escaped_everywhere() -> None:
    hostile = {**MEETING, "title": HOSTILE, "location": HOSTILE, "date": HOSTILE}
    table = topics_table(((MEETING["id"], HOSTILE, "3", "1", HOSTILE),))
    quote = QuoteBlock("q", "d", "s", HOSTILE, HOSTILE, HOSTILE, HOSTILE, (HOSTILE,), "", HOSTILE)
    view = View(
        "topics",
        (Heading(f"AI {HOSTILE}"), Paragraph(HOSTILE), table, quote),
        {"dialogues": [hostile]},
        table,
        (HOSTILE,),
    )
    out = render(view, Format.HTML, Options())
    page = Page(out)
    assert "<script" not in out
    assert "<img" not in out
    assert "<b>" not in out
    assert out.count("</style>") == 1
    assert HOSTILE in page.one("header")
    assert page.one("h1") == f"AI {HOSTILE}"
    assert page.one("caption") == "Topics"
    assert HOSTILE in page.text["p"]
    assert HOSTILE in page.one("figure")


def test_urls_become_links_that_cannot_leave_their_attribute() -> None:
    url = "https://example.org/a?b=1&c=2"
    text = f'See {url}, and https://evil.example/"onmouseover="x and javascript:alert(1).'
    page = render_html(View("summary", (Paragraph(text),), {}))
    links = [attrs for tag, attrs in page.tags if tag == "a"]
    assert links == [{"href": url}, {"href": "https://evil.example/"}]
    assert "javascript:alert(1)" in page.one("p")


def test_highlight_skips_urls_and_entities() -> None:
    table = Table("Search: amp", (Column("Text"),), (("amp & https://amp.example/amp",),))
    out = render(View("search", (table,), {}, table, ("amp",)), Format.HTML, Options())
    assert '<mark>amp</mark> &amp; <a href="https://amp.example/amp">' in out


# -- In a browser ----------------------------------------------------------------------

CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium to lay the page out")


def chromium(tmp_path: Path, *args: str) -> str:
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


@needs_chromium
@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_horizontal_scrolling_on_a_phone(name: str, tmp_path: Path) -> None:
    out, _ = page_of(*COMMANDS[name])
    scroll, client = on_a_phone(out, tmp_path)
    assert 300 < client <= 400
    assert scroll <= client


def on_a_phone(out: str, tmp_path: Path) -> tuple[int, int]:
    """The page OUT laid out on a phone's width: how wide it is, and how wide it is shown."""
    # The page itself stays untouched and script-free: a test-only frame of a
    # phone's width holds it and writes what it measures into its own title.
    probe = tmp_path / "probe.html"
    probe.write_text(
        "<!DOCTYPE html><title>probe</title>"
        f'<iframe id="page" width="400" height="800" srcdoc="{html.escape(out)}"></iframe>'
        "<script>const f = document.getElementById('page');"
        "f.onload = () => { const e = f.contentDocument.documentElement;"
        " document.title = e.scrollWidth + ' ' + e.clientWidth; };</script>",
        encoding="utf-8",
    )
    dom = chromium(tmp_path, "--dump-dom", probe.as_uri())
    match = re.search(r"<title>(\d+) (\d+)</title>", dom)
    assert match, dom[:500]
    scroll, client = map(int, match.groups())
    return scroll, client


@needs_chromium
@pytest.mark.parametrize(("name", "most"), [("summary", 4), ("topics", 2), ("quotes", 2)])
def test_printed_pages_are_few(name: str, most: int, tmp_path: Path) -> None:
    out, _ = page_of(*COMMANDS[name])
    source = tmp_path / "page.html"
    source.write_text(out, encoding="utf-8")
    pdf = tmp_path / "page.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri())
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))
    assert 1 <= pages <= most
