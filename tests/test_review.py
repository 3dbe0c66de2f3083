"""Items awaiting review: the `review` note on every kind of item, from the file to each format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.load import load_knowledge, parse_file
from briefing.model import Dialogue
from tests.conftest import Golden
from tests.test_html import CHROMIUM, Page, on_a_phone

FIXTURE = Path(__file__).parent / "fixtures" / "review.yaml"


def load(*, use_cache: bool = False) -> Dialogue:
    [d] = load_knowledge(FIXTURE, use_cache=use_cache).dialogues
    return d


# -- The format and the model ----------------------------------------------------------


def test_every_kind_of_item_keeps_its_note() -> None:
    d = load()
    assert d.review is not None
    assert d.review.startswith("calendar date taken")
    assert d.path == str(FIXTURE)
    assert [p.review for p in d.parties] == [None, 'party named from "Tokyo" in the source']
    assert [p.review for p in d.participants] == [None, "role taken from a photo caption"]
    assert [t.review for t in d.topics] == ["topic summary generated", None]
    assert [c.review is not None for c in d.commitments] == [True, False, True]
    assert [x.review for x in d.discussions] == ["two paragraphs condensed into one"]
    assert [q.review is not None for q in d.quotes] == [True, False]
    assert [e.review for e in d.events] == ["order of the calls inferred"]
    assert [p.review for p in d.progress] == ["date of the report, not of the meeting"]


def test_a_cached_load_keeps_the_notes() -> None:
    assert load(use_cache=True) == load(use_cache=True) == load()


def test_each_note_is_located_at_its_line() -> None:
    _, marks = parse_file(FIXTURE.read_bytes(), str(FIXTURE))
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    located = {path: at for path, at in marks.items() if path.endswith(".review")}
    assert len(located) == 10
    for line, column in located.values():
        assert lines[line - 1][: column - 1].strip() == "review:"


# -- validate ----------------------------------------------------------------------------

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def signed_off(tmp_path: Path, name: str = "review.yaml") -> Path:
    """The fixture with every review line deleted, as a person signs each item off."""
    lines = FIXTURE.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / name
    path.write_text("".join(x for x in lines if not x.lstrip().startswith("review:")), "utf-8")
    return path


NOTICE = (
    f"briefing: {FIXTURE}: 10 items await review (the dialogue, 1 party, 1 participant,"
    " 1 topic, 2 commitments, 1 discussion, 1 quote, 1 event, 1 progress entry); list them"
    " with --strict, and delete each review line once checked\n"
)


def test_validate_counts_the_items_awaiting_review_and_succeeds() -> None:
    code, out, err = invoke("validate", str(FIXTURE))
    assert code == 0
    assert out == (
        f"{FIXTURE}: ok: 1 dialogue, 2 participants, 2 topics, 2 commitments, 1 interest,"
        " 2 quotes; 0 of 1 source archived (1 cited by URL or name only)\n"
    )
    assert err == NOTICE
    # JSON keeps its documented result, the empty list; the count is said the same way.
    assert invoke("validate", str(FIXTURE), "--format", "json") == (0, "[]\n", NOTICE)


def archived(path: Path) -> Path:
    """PATH with its source archived: a text holding every quote and evidence sentence."""
    from briefing import archive, provenance

    [d] = load_knowledge(path, use_cache=False).dialogues
    [source] = d.sources
    text = "\n\n".join(item.text for item in provenance.items(d)) + "\n"
    relative = archive.default_path(d.id, source.id)
    digest, _ = archive.write(path.parent / "sources", relative, text)
    record = archive.record(relative, digest, None)
    updated = archive.with_record(path.read_text("utf-8"), str(path), source.id, record)
    path.write_text(updated, "utf-8")
    return path


def test_validate_says_nothing_of_review_once_every_item_is_signed_off(tmp_path: Path) -> None:
    clean = archived(signed_off(tmp_path))
    for args in ((), ("--strict",)):
        code, out, err = invoke("validate", str(clean), *args)
        assert (code, err) == (0, "")
        assert out.startswith(f"{clean}: ok: ")


def test_validate_counts_review_file_by_file(tmp_path: Path) -> None:
    signed_off(tmp_path, "a-signed-off.yaml")
    text = FIXTURE.read_text(encoding="utf-8").replace("review-talks-1", "review-talks-2")
    drafted = tmp_path / "b-drafted.yaml"
    drafted.write_text(text.replace("2026-02-10", "2026-02-11"), encoding="utf-8")
    code, _, err = invoke("validate", str(tmp_path))
    assert code == 0
    assert err == NOTICE.replace(str(FIXTURE), str(drafted))


def test_one_item_awaiting_review_is_counted_in_the_singular(tmp_path: Path) -> None:
    path = signed_off(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    status: agreed\n", "    status: agreed\n    review: x\n"), "utf-8"
    )
    _, _, err = invoke("validate", str(path))
    assert err.startswith(f"briefing: {path}: 1 item awaits review (1 commitment); list")


def test_validate_strict_fails_and_locates_each_item_awaiting_review() -> None:
    code, out, err = invoke("validate", str(FIXTURE), "--strict")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 11
    # The last: its source has no archived text, so nothing citing it is proved.
    assert lines.pop() == (
        f"{FIXTURE}:16:7: dialogue.sources[0]: source 'article' has no archived text, so what"
        " cites it is not proved (archive it: briefing archive FILE_OR_URL --id article"
        f" --data {FIXTURE})"
    )
    assert lines[0] == (
        f"{FIXTURE}:19:11: dialogue.review: dialogue 'review-talks-1' awaits review: calendar"
        ' date taken from the week of publication; the source says only "Tuesday"'
        " (check it, then delete its review line)"
    )
    assert lines[7] == (
        f"{FIXTURE}:96:13: quotes[0].review: quote 'minerals-matter' awaits review: speaker"
        ' resolved from "he" across a paragraph (check it, then delete its review line)'
    )
    assert lines[9].startswith(
        f"{FIXTURE}:123:13: progress[0].review: progress entry of 2026-03-20 on"
        " review-talks-1/minerals-group awaits review: date of the report"
    )
    # Each points at the line to delete.
    text = FIXTURE.read_text(encoding="utf-8").splitlines()
    for line in lines:
        number = int(line.removeprefix(f"{FIXTURE}:").split(":")[0])
        assert text[number - 1].lstrip().startswith("review:")


def test_validate_strict_json_lists_each_item_awaiting_review() -> None:
    code, out, err = invoke("validate", str(FIXTURE), "--strict", "--format", "json")
    assert (code, err) == (1, "")
    found = json.loads(out)
    assert [p["path"] for p in found] == [
        "dialogue.review",
        "parties[1].review",
        "participants[1].review",
        "topics[0].review",
        "commitments[0].review",
        "commitments[2].review",
        "discussions[0].review",
        "quotes[0].review",
        "events[0].review",
        "progress[0].review",
        "dialogue.sources[0]",
    ]
    assert found[4] == {
        "file": str(FIXTURE),
        "line": 60,
        "column": 13,
        "path": "commitments[0].review",
        "message": "commitment 'minerals-group' awaits review: kind chosen between plan and"
        " decision",
        "hint": "check it, then delete its review line",
    }


def test_validate_strict_reports_bad_data_as_without_it() -> None:
    broken = Path(__file__).parent / "bad" / "several-problems.yaml"
    assert invoke("validate", str(broken), "--strict") == invoke("validate", str(broken))


def test_validate_strict_from_the_cache_locates_as_a_fresh_load() -> None:
    fresh = invoke("validate", str(FIXTURE), "--strict", "--no-cache")
    assert invoke("validate", str(FIXTURE), "--strict") == fresh
    assert invoke("validate", str(FIXTURE), "--strict") == fresh


# -- Every format marks each item awaiting review --------------------------------------

#: The command lines whose output is kept in tests/golden/review/, and the formats kept.
GOLDEN: dict[str, tuple[list[str], tuple[str, ...]]] = {
    "summary": (["summary"], ("rich", "text", "markdown", "html", "json")),
    "topic": (["topic", "minerals"], ("rich", "text", "markdown", "html", "json")),
    "quotes": (["quotes"], ("rich", "text", "markdown", "html", "json", "csv")),
    "commitments": (["commitments"], ("rich", "text", "markdown", "html", "json", "csv")),
    "people": (["people"], ("rich", "text", "markdown", "html", "json", "csv")),
    "topics": (["topics"], ("rich", "text", "markdown", "html", "json", "csv")),
    "search": (["search", "minerals"], ("rich", "text", "markdown", "html", "json", "csv")),
    "dialogues": (["dialogues"], ("rich", "text", "html", "json", "csv")),
    "followups": (
        ["followups", "--as-of", "2026-04-01"],
        ("rich", "text", "markdown", "html", "json", "csv", "ics"),
    ),
    "timeline": (["timeline"], ("rich", "text", "markdown", "html", "json")),
}
EXTENSIONS = {
    "rich": "rich.txt",
    "text": "txt",
    "markdown": "md",
    "json": "json",
    "csv": "csv",
    "html": "html",
    "ics": "ics",
}


def output(args: list[str], fmt: str, data: Path = FIXTURE, *more: str) -> str:
    code, out, err = invoke(*args, "--data", str(data), "--format", fmt, *more)
    assert (code, err) == (0, "")
    return out


@pytest.mark.parametrize(
    ("name", "fmt"), [(name, fmt) for name, (_, formats) in GOLDEN.items() for fmt in formats]
)
def test_golden(name: str, fmt: str, golden: Golden) -> None:
    out = output(GOLDEN[name][0], fmt).replace(str(FIXTURE), "{FIXTURE}")
    golden.check(f"review/{name}.{EXTENSIONS[fmt]}", out)


#: What each mark looks like, and how many marks the summary holds: the meeting, a chair,
#: the topic, a plan, an interest, a discussion, a quote, a follow-up and an event.
MARKS = {
    "text": "[review:",
    "rich": "\u26a0 review: ",
    "markdown": "**\u26a0 review:** ",
    "html": '<span class="review"><b>\u26a0 review:</b> ',
}
IN_SUMMARY = 9


def marks(out: str, fmt: str) -> int:
    """How many items OUT marks as awaiting review."""
    return out.count(MARKS[fmt])


def words(out: str) -> str:
    """OUT with its lines joined, as wrapped text reads."""
    return " ".join(out.split())


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture with every item signed off."""
    return signed_off(tmp_path_factory.mktemp("signed-off"))


@pytest.mark.parametrize("fmt", list(MARKS))
def test_the_summary_marks_every_item_awaiting_review(fmt: str, clean: Path) -> None:
    out = output(["summary"], fmt)
    # An HTML page says the meeting's note in its header, in place of the place and date.
    assert marks(out, fmt) == IN_SUMMARY
    assert "topic summary generated" in words(out)
    assert "order of the calls inferred" in words(out)
    # A signed-off item has no mark.
    signed = output(["summary"], fmt, clean)
    assert "review" not in signed.casefold().replace("review talks", "")


@pytest.mark.parametrize("fmt", ["text", "rich", "markdown", "html"])
def test_each_table_row_awaiting_review_is_marked(fmt: str) -> None:
    for args, marked in (
        (["commitments"], 2),
        (["people"], 1),
        (["topics"], 1),
        (["dialogues"], 1),
        (["search", "minerals"], 3),
        (["followups", "--as-of", "2026-04-01"], 1),
    ):
        # An HTML page also marks the meeting, in its header.
        header = 1 if fmt == "html" else 0
        assert marks(output(args, fmt), fmt) == marked + header, (args, fmt)


@pytest.mark.parametrize(("fmt", "width"), [("text", 0), ("text", 40), ("rich", 60), ("rich", 140)])
def test_rows_are_marked_in_every_layout(fmt: str, width: int) -> None:
    # Narrow, a table becomes one block per row; the mark goes with the row's item.
    for args, item, marked in (
        (["commitments"], "Convene a working group", 2),
        (["people"], "Toshimitsu Motegi", 1),
        (["topics"], "critical minerals &", 1),
        (["followups", "--as-of", "2026-04-01"], "Convene a working group", 1),
    ):
        out = output(args, fmt, FIXTURE, "--width", str(width))
        assert marks(out, fmt) == marked, (args, fmt, width)
        assert out.index(item) < out.index(MARKS[fmt]), (args, fmt, width)


@pytest.mark.parametrize("fmt", ["text", "rich", "markdown", "html"])
def test_a_quote_awaiting_review_is_marked_inside_it(fmt: str) -> None:
    out = output(["quotes"], fmt)
    assert marks(out, fmt) == (2 if fmt == "html" else 1)
    mark = out.rindex(MARKS[fmt])
    # Under the quote it belongs to, before the next one.
    assert out.index("Minerals matter") < mark < out.index("The rail line is on track")


def test_rich_marks_in_words_that_survive_without_colour() -> None:
    plain = output(["quotes"], "rich")
    coloured = output(["quotes"], "rich", FIXTURE, "--color")
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert "\u26a0 review: speaker resolved" in plain
    assert "\u26a0 review:" in coloured


def test_markdown_marks_are_strong_and_the_note_stays_text() -> None:
    from markdown_it import MarkdownIt

    out = output(["commitments"], "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    inline = [t for t in tokens if t.type == "inline"]
    strong = [
        c.content
        for t in inline
        for n, c in enumerate(t.children or [])
        if c.type == "text" and n and (t.children or [])[n - 1].type == "strong_open"
    ]
    assert strong.count("\u26a0 review:") == 2
    # The note's own markup (<b>, *...*) is escaped: no HTML, no emphasis comes of it.
    kinds = {c.type for t in inline for c in t.children or []}
    assert "html_inline" not in kinds
    assert "em_open" not in kinds
    assert "<b>not</b> sure the interest is Japan's & not *India's*" in "".join(
        c.content for t in inline for c in t.children or [] if c.type == "text"
    )


def test_html_marks_are_escaped_styled_and_kept_in_print() -> None:
    out = output(["commitments"], "html")
    # The two commitments, and the meeting in the page's header.
    assert out.count('<span class="review">') == 3
    assert (
        "&lt;b&gt;not&lt;/b&gt; sure the interest is Japan&#x27;s &amp; not *India&#x27;s*" in out
    )
    assert "<b>not</b>" not in out
    # The page still fetches and runs nothing; its marks are styled, on screen and in print.
    assert "default-src 'none'; style-src 'unsafe-inline'" in out
    style = out[out.index("<style>") : out.index("</style>")]
    assert ".review {" in style
    assert "@media print" in style.split(".review {", 1)[1]
    # The meeting's own note is in the page header.
    header = out[out.index('<header class="meeting">') : out.index("</header>")]
    assert "calendar date taken from the week of publication" in header


@pytest.mark.parametrize("name", ["summary", "topic", "commitments", "people", "search"])
def test_html_pages_with_marks_are_well_formed_and_fit_a_phone(name: str, tmp_path: Path) -> None:
    out = output(GOLDEN[name][0], "html")
    Page(out)  # every element closed where it opened
    if CHROMIUM is not None:
        scroll, client = on_a_phone(out, tmp_path)
        assert scroll <= client


def test_html_pages_without_marks_keep_their_style_sheet_as_it_was(clean: Path) -> None:
    out = output(["commitments"], "html", clean)
    assert "review" not in out.casefold().replace("review talks", "")


def test_json_gives_each_item_its_note_or_null() -> None:
    document = json.loads(output(["summary"], "json"))
    [brief] = document["briefings"]
    assert brief["dialogue"]["review"].startswith("calendar date")
    assert [c["review"] for c in brief["decisions"]] == ["kind chosen between plan and decision"]
    assert [c["review"] for c in brief["reaffirmations"]] == [None]
    assert [q["review"] for q in brief["quotes"]] == [
        'speaker resolved from "he" across a paragraph',
        None,
    ]
    assert [e["review"] for e in brief["events"]] == ["order of the calls inferred"]
    assert [x["review"] for x in brief["discussions"]] == ["two paragraphs condensed into one"]
    people = json.loads(output(["people"], "json"))["people"]
    assert [p["review"] for p in people] == [None, "role taken from a photo caption"]
    [track, _] = json.loads(output(["followups", "--as-of", "2026-04-01"], "json"))["followups"]
    assert track["review"] == "kind chosen between plan and decision"
    assert track["latest_progress"]["review"] == "date of the report, not of the meeting"
    [meeting] = json.loads(output(["quotes"], "json"))["dialogues"]
    assert meeting["review"].startswith("calendar date")


def test_csv_has_a_review_column_empty_once_signed_off(clean: Path) -> None:
    rows = list(csv.reader(io.StringIO(output(["commitments"], "csv"))))
    assert rows[0][-1] == "Review"
    assert [row[-1] for row in rows[1:]] == [
        "kind chosen between plan and decision",
        "",
        "<b>not</b> sure the interest is Japan's & not *India's*",
    ]
    signed = list(csv.reader(io.StringIO(output(["commitments"], "csv", clean))))
    assert signed[0][-1] == "Review"
    assert {row[-1] for row in signed[1:]} == {""}


def test_the_calendar_says_which_windows_await_review() -> None:
    out = output(["followups", "--as-of", "2026-04-01"], "ics")
    out = out.replace("\r\n", "\n").replace("\n ", "")
    assert (
        "SUMMARY:India\\, Japan: in progress\\; awaiting review: closes: Convene a working group"
        in out
    )
    assert "DESCRIPTION:[review: kind chosen between plan and decision\\; progress: date" in out


def test_diff_marks_commitments_awaiting_review(tmp_path: Path) -> None:
    signed_off(tmp_path, "a.yaml")
    text = FIXTURE.read_text(encoding="utf-8").replace("review-talks-1", "review-talks-2")
    text = text.replace("2026-02-10", "2026-06-10").replace("2026-03-20", "2026-07-20")
    (tmp_path / "b.yaml").write_text(text, "utf-8")
    out = words(output(["diff", "--series", "review-talks"], "text", tmp_path))
    assert out.count("[review: ") == 2
    assert "[review: kind chosen between plan and decision]" in out
    items = json.loads(output(["diff", "--series", "review-talks"], "json", tmp_path))
    assert items["continued"][0]["review"] == "kind chosen between plan and decision"
    assert [x["continues"]["review"] for x in items["continued"]] == [None, None, None]
