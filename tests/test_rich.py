"""Rich output at the widths of real terminals: goldens, whole words, whole short values."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from typer.testing import CliRunner

from briefing import query
from briefing.cli import app
from briefing.load import bundled_data, load_knowledge
from briefing.render import Format, Options, render, rich_view
from briefing.views import Column, Table, View
from tests.conftest import ROOT, Golden

runner = CliRunner()

WIDTHS = (80, 100, 140)
#: The widest line of prose (quotes, paragraphs) on a wide terminal.
PROSE = 100

COMMANDS: dict[str, list[str]] = {
    "topics": ["topics"],
    "quotes": ["quotes"],
    "commitments": ["commitments"],
    "people": ["people"],
    "search": ["search", "economic security"],
    "dialogues": ["dialogues"],
    "topic-ai": ["topic", "ai"],
    "summary": ["summary"],
}
TABULAR = ("topics", "commitments", "people", "search", "dialogues")
FIXTURES = Path(__file__).parent / "fixtures"
#: Other knowledge: many dialogues (a dialogue column, longer names), scripts beyond Latin,
#: and items awaiting review (a mark under each).
OTHER_DATA = {
    "india-japan": ROOT / "examples" / "india-japan",
    "unicode": FIXTURES / "unicode.yaml",
    "review": FIXTURES / "review.yaml",
}
OTHER_COMMANDS = ("topics", "quotes", "commitments", "people", "dialogues")
#: What a short value is in each table for reading (its headers): never wrapped.
SHORT = {
    "topics": ("Topic", "Commitments", "Interests", "Quotes", "Discussed"),
    "commitments": ("By", "Kind", "Status"),
    "people": ("Name", "Role", "Country", "Quotes", "Commitments", "Interests"),
    "search": ("Kind", "Id"),
    "dialogues": (
        "Id",
        "Title",
        "Date",
        "Place",
        "People",
        "Topics",
        "Commitments",
        "Interests",
        "Quotes",
    ),
}


def shown_view(name: str) -> View:
    """The view of the tabular command NAME, from the bundled data."""
    knowledge = load_knowledge(bundled_data(), use_cache=False)
    dialogues = knowledge.dialogues
    views: dict[str, Callable[[], View]] = {
        "topics": lambda: query.topics_view(dialogues),
        "commitments": lambda: query.commitments_view(dialogues),
        "people": lambda: query.people_view(dialogues),
        "search": lambda: query.search_view(dialogues, " ".join(COMMANDS["search"][1:])),
        "dialogues": lambda: query.dialogues_view(knowledge),
    }
    return views[name]()


def rich(args: list[str], width: int, data: Path | None = None) -> str:
    extra = ["--data", str(data)] if data else []
    result = runner.invoke(app, [*args, *extra, "--format", "rich", "--width", str(width)])
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _data_words() -> frozenset[str]:
    paths = [ROOT / "data" / "dialogue.yaml", *sorted((ROOT / "examples").rglob("*.yaml"))]
    paths += [FIXTURES / "unicode.yaml", FIXTURES / "review.yaml"]
    words: set[str] = set()
    for path in paths:
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            words.update(text.split())
    return frozenset(words)


WORDS = _data_words()
_PUNCTUATION = "\"'()[],.;:!?\u201c\u201d\u2018\u2019"
BARE = frozenset(w.strip(_PUNCTUATION).casefold() for w in WORDS) - {""}
#: The first characters of a table's or a panel's rules (no text in them).
_BORDERS = ("\u256d", "\u251c", "\u2570")


def _cells(line: str) -> tuple[tuple[int, ...], list[str]]:
    """Where the vertical rules of LINE are, and the text between them."""
    rules = tuple(i for i, ch in enumerate(line) if ch == "\u2502")
    if not rules:
        return (), [line]
    return rules, line.split("\u2502")


def _broken(first: str, second: str, room: int) -> bool:
    """Whether FIRST (a line's last token) and SECOND (the next one's first) are one data word.

    A word wider than ROOM, the widest line of prose, may be folded: nothing else fits.
    Numbers side by side are the counts of two rows, not one number.
    """
    if not first or not second or first.endswith(("-", "\u2014", "\u2013")):
        return False
    joined = first + second
    if cell_len(joined) > room or not any(ch.isalpha() for ch in joined):
        return False
    if joined not in WORDS and joined.strip(_PUNCTUATION).casefold() not in BARE:
        return False
    # Two words of their own that happen to make a third ("to" + "day") are not a break.
    return not (
        first.strip(_PUNCTUATION).casefold() in BARE
        and second.strip(_PUNCTUATION).casefold() in BARE
    )


def broken_words(out: str, width: int) -> list[str]:
    """Every data word that OUT splits across two lines of the same cell or paragraph."""
    found = []
    # Less the borders and padding of a panel.
    room = min(width, PROSE) - 4
    lines = [line for line in out.splitlines() if not line.lstrip().startswith(_BORDERS)]
    for upper, lower in pairwise(lines):
        rules_up, cells_up = _cells(upper)
        rules_low, cells_low = _cells(lower)
        # A table row next to a title or a paragraph is not one cell.
        if rules_up != rules_low:
            continue
        for a, b in zip(cells_up, cells_low, strict=True):
            end, start = a.split(), b.split()
            if end and start and _broken(end[-1], start[0], room):
                found.append(f"{end[-1]}|{start[0]}")
    return found


def test_broken_words_finds_a_split_word() -> None:
    table = "│ Multilatera │ 6 │\n│ l           │   │\n"
    assert broken_words(table, 80) == ["Multilatera|l"]
    assert broken_words("artificial intelligenc\ne technologies.\n", 80) == ["intelligenc|e"]
    assert broken_words("the Mumbai-\nAhmedabad line\n", 80) == []
    assert broken_words("leading\ndemocracies\n", 80) == []
    assert broken_words("│ 1 │\n│ 0 │\n", 80) == []
    # Folding is the last resort for a word wider than the line.
    assert broken_words("Multilat\neral\n", 8) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_golden(name: str, width: int, golden: Golden) -> None:
    golden.check(f"{name}.rich{width}.txt", rich(COMMANDS[name], width))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_word_is_broken(name: str, width: int) -> None:
    assert broken_words(rich(COMMANDS[name], width), width) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("data", list(OTHER_DATA))
@pytest.mark.parametrize("name", OTHER_COMMANDS)
def test_no_word_is_broken_in_other_knowledge(name: str, data: str, width: int) -> None:
    assert broken_words(rich(COMMANDS[name], width, OTHER_DATA[data]), width) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", TABULAR)
def test_short_values_are_never_wrapped(name: str, width: int) -> None:
    out = rich(COMMANDS[name], width)
    lines = out.splitlines()
    # The tables for reading that Rich lays out (CSV's table has JSON's values instead).
    tables = [b.for_display() for b in shown_view(name).blocks if isinstance(b, Table)]
    found = set()
    for table in tables:
        for i, column in enumerate(table.columns):
            if column.header not in SHORT[name]:
                continue
            found.add(column.header)
            # Marked as a short value, which is what keeps it whole.
            assert column.kind != "text" or column.role == "label", column
            for row in table.rows:
                value = " ".join(row[i].split())
                assert not value or any(value in line for line in lines), value
    assert found == set(SHORT[name])


@pytest.mark.parametrize("width", WIDTHS)
def test_an_initial_stays_with_its_name(width: int) -> None:
    assert "(S Jaishankar)" in rich(COMMANDS["search"], width)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_column_empty_in_every_row_is_left_out(width: int) -> None:
    out = rich(COMMANDS["topic-ai"], width)
    assert "Commitment" in out
    assert "Timeline" not in out


@pytest.mark.parametrize("name", ["quotes", "summary", "topic-ai", "people"])
def test_prose_is_capped_on_a_wide_terminal(name: str) -> None:
    out = rich(COMMANDS[name], 140)
    prose = [line for line in out.splitlines() if not line.startswith(("│", "├", "╭", "╰"))]
    # A web address is never split: one wider than the prose runs on, alone on its line.
    addresses = [line for line in prose if line.strip().startswith("https://")]
    assert all(" " not in line.strip() for line in addresses)
    assert max(cell_len(line) for line in prose if line not in addresses) <= PROSE
    panels = [line for line in out.splitlines() if line.startswith("╭─")]
    assert all(cell_len(line) <= PROSE for line in panels)


@pytest.mark.parametrize("width", [80, 100])
def test_the_main_text_takes_the_width_left_over(width: int) -> None:
    out = rich(COMMANDS["commitments"], width + 40)
    header = next(line for line in out.splitlines() if line.startswith("│ Commitment"))
    cells = header.split("│")[1:-1]
    main = len(cells[0])
    assert all(main > len(cell) for cell in cells[1:])


def test_the_weight_bar_gives_way_to_the_summary() -> None:
    wide = rich(COMMANDS["topics"], 140)
    assert "\u2588" * 10 in wide
    for width in (80, 100):
        narrow = rich(COMMANDS["topics"], width)
        assert max(cell_len(line) for line in narrow.splitlines()) <= width


# -- The renderer on its own -------------------------------------------------------------

PLACES = Table(
    "Places",
    (
        Column("Name", role="label"),
        Column("Where", role="note"),
        Column("Why", role="note"),
    ),
    (
        ("Delhi", "New Delhi, the capital of India", "Host of the eighteenth strategic dialogue"),
        ("Tokyo", "", ""),
    ),
)


def shown(table: Table, width: int) -> str:
    return render(View("test", (table,), {}, table), Format.RICH, Options(width=width))


def test_notes_without_main_text_share_the_room() -> None:
    out = shown(PLACES, 50)
    assert "\u256d" in out
    assert max(cell_len(line) for line in out.splitlines()) <= 50
    assert broken_words(out, 50) == []
    assert "New Delhi, the capital of India" not in out  # wrapped, between words


def test_a_row_with_only_its_head_is_one_line() -> None:
    out = shown(PLACES, 30)
    assert "\u256d" not in out
    assert out.split("Tokyo\n")[1] == ""


def test_an_empty_table_says_so() -> None:
    out = shown(PLACES._replace(rows=()), 80)
    assert out == "Places\nNothing to show.\n"


@given(
    st.lists(
        st.sampled_from(["a", "S", "(S", "Mumbai-Ahmedabad", "2026-01-16", "日本語", "de-risk"])
        | st.text(st.sampled_from("ab-("), min_size=1, max_size=12),
        max_size=30,
    ),
    st.integers(min_value=1, max_value=40),
)
def test_lines_break_only_at_spaces_and_hyphens(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = [text[a:b] for a, b in rich_view._lines(text, width)]
    # Nothing is lost: the lines are the text, less the spaces where they break.
    rest = text
    for line in lines:
        assert rest.startswith(line)
        rest = rest[len(line) :]
        assert not rest or rest[0] == " " or line.endswith("-")
        rest = rest.removeprefix(" ")
    assert rest == ""
    for line in lines:
        # A line wider than WIDTH is a single piece that no break may split.
        assert cell_len(line) <= width or cell_len(line) == rich_view._narrowest(line)
