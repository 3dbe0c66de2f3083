"""Timelines read as date windows: real phrases with exact windows, the unread ones with their
reasons, every timeline in the real knowledge files, the rule table in the docs, and any text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from briefing.windows import RULES, Reading, Unread, describe, read_timeline

ROOT = Path(__file__).parent.parent
D = dt.date

# Meeting dates of the real files (data/dialogue.yaml and examples/).
SD18 = D(2026, 1, 16)  # 18th India-Japan Strategic Dialogue
SUMMIT15 = D(2025, 8, 29)  # 15th India-Japan Annual Summit
SUMMIT14 = D(2022, 3, 19)  # 14th India-Japan Annual Summit
TWO_PLUS_TWO_2 = D(2022, 9, 8)  # 2nd India-Japan 2+2
TWO_PLUS_TWO_3 = D(2024, 8, 20)  # 3rd India-Japan 2+2
SD15 = D(2023, 7, 27)  # 15th India-Japan Strategic Dialogue
US_JAPAN = D(2023, 1, 12)  # US-Japan defence ministers
PERTH = D(2022, 10, 22)  # Australia-Japan leaders, Perth
SYDNEY = D(2023, 5, 24)  # India-Australia, Sydney
MANILA = D(2023, 2, 9)  # Japan-Philippines summit
EU_JAPAN_28 = D(2022, 5, 12)  # 28th EU-Japan summit
EU_JAPAN_30 = D(2025, 7, 23)  # 30th EU-Japan summit

# (phrase, meeting, next round, start, end, rule)
READ: list[tuple[str, dt.date, dt.date | None, dt.date, dt.date, str]] = [
    # Every timeline in the knowledge files.
    ("early this year", SD18, None, D(2026, 1, 1), D(2026, 4, 30), "early-year"),
    ("in the first half of 2026", SD18, None, D(2026, 1, 1), D(2026, 6, 30), "half-year"),
    ("in the next 10 years", SUMMIT15, None, SUMMIT15, D(2035, 8, 29), "next-years"),
    ("over the next five years", SUMMIT14, None, SUMMIT14, D(2027, 3, 19), "next-years"),
    ("by 2025", US_JAPAN, None, US_JAPAN, D(2025, 12, 31), "by-year"),
    ("in the next 10 years", PERTH, None, PERTH, D(2032, 10, 22), "next-years"),
    ("later this year", SYDNEY, None, SYDNEY, D(2023, 12, 31), "later-year"),
    ("in September", SYDNEY, None, D(2023, 9, 1), D(2023, 9, 30), "month"),
    # Time phrases in the corpus articles, with the date of the meeting each reports.
    ("early 2026", SD18, None, D(2026, 1, 1), D(2026, 4, 30), "early-year"),
    ("first half of 2026", SD18, None, D(2026, 1, 1), D(2026, 6, 30), "half-year"),
    ("for the next 10 years", PERTH, None, PERTH, D(2032, 10, 22), "next-years"),
    ("in March this year", SD15, None, D(2023, 3, 1), D(2023, 3, 31), "month"),
    ("in September 2022", TWO_PLUS_TWO_3, None, D(2022, 9, 1), D(2022, 9, 30), "month"),
    ("in December 2022", MANILA, None, D(2022, 12, 1), D(2022, 12, 31), "month"),
    ("in July 2022", MANILA, None, D(2022, 7, 1), D(2022, 7, 31), "month"),
    ("in October 2022", MANILA, None, D(2022, 10, 1), D(2022, 10, 31), "month"),
    ("This year", SUMMIT14, None, SUMMIT14, D(2022, 12, 31), "year"),
    ("In 2014", SUMMIT14, None, D(2014, 1, 1), D(2014, 12, 31), "year"),
    ("last year", SUMMIT14, None, D(2021, 1, 1), D(2021, 12, 31), "year"),
    # Surrounding words, capitals, dashes and punctuation.
    ("to be convened early this year.", SD18, None, D(2026, 1, 1), D(2026, 4, 30), "early-year"),
    ("  EARLY\n2026,  ", SD18, None, D(2026, 1, 1), D(2026, 4, 30), "early-year"),
    ("by year\u2013end", EU_JAPAN_30, None, EU_JAPAN_30, D(2025, 12, 31), "year-end"),
    # Early, later and the end of a year.
    ("early next year", SUMMIT15, None, D(2026, 1, 1), D(2026, 4, 30), "early-year"),
    ("early in the year", SD18, None, D(2026, 1, 1), D(2026, 4, 30), "early-year"),
    ("by early 2027", SD18, None, SD18, D(2027, 4, 30), "early-year"),
    ("later in the year", SYDNEY, None, SYDNEY, D(2023, 12, 31), "later-year"),
    ("later in 2027", SD18, None, D(2027, 1, 1), D(2027, 12, 31), "later-year"),
    ("by the end of the year", TWO_PLUS_TWO_2, None, TWO_PLUS_TWO_2, D(2022, 12, 31), "year-end"),
    ("by the end of this year.", SD15, None, SD15, D(2023, 12, 31), "year-end"),
    ("by the end of 2027", SD18, None, SD18, D(2027, 12, 31), "year-end"),
    ("by end-2026", EU_JAPAN_30, None, EU_JAPAN_30, D(2026, 12, 31), "year-end"),
    ("within this year", SD18, None, SD18, D(2026, 12, 31), "year-end"),
    # Whole years.
    ("this year", SD18, None, SD18, D(2026, 12, 31), "year"),
    ("in 2026", SD18, None, SD18, D(2026, 12, 31), "year"),
    ("during 2027", SD18, None, D(2027, 1, 1), D(2027, 12, 31), "year"),
    ("in the year 2027", SD18, None, D(2027, 1, 1), D(2027, 12, 31), "year"),
    ("next year", SUMMIT15, None, D(2026, 1, 1), D(2026, 12, 31), "next-year"),
    ("by 2030", PERTH, None, PERTH, D(2030, 12, 31), "by-year"),
    ("by the year 2030", SD18, None, SD18, D(2030, 12, 31), "by-year"),
    ("by next year", EU_JAPAN_30, None, EU_JAPAN_30, D(2026, 12, 31), "by-year"),
    # Halves and quarters.
    ("in the first half of this year", SD18, None, D(2026, 1, 1), D(2026, 6, 30), "half-year"),
    ("H1 2026", SUMMIT15, None, D(2026, 1, 1), D(2026, 6, 30), "half-year"),
    ("in the second half of 2026", SD18, None, D(2026, 7, 1), D(2026, 12, 31), "half-year"),
    ("2H 2025", EU_JAPAN_30, None, D(2025, 7, 1), D(2025, 12, 31), "half-year"),
    ("in the first quarter of 2027", SD18, None, D(2027, 1, 1), D(2027, 3, 31), "quarter"),
    ("Q3 2026", SD18, None, D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    ("in the last quarter of next year", SD18, None, D(2027, 10, 1), D(2027, 12, 31), "quarter"),
    (
        "by the end of the third quarter of this year",
        SYDNEY,
        None,
        SYDNEY,
        D(2023, 9, 30),
        "quarter",
    ),
    # Months.
    ("by March", SD18, None, SD18, D(2026, 3, 31), "month"),
    ("by March", D(2026, 5, 10), None, D(2026, 5, 10), D(2027, 3, 31), "month"),
    ("by January", SD18, None, SD18, D(2026, 1, 31), "month"),
    ("by March 2027", SD18, None, SD18, D(2027, 3, 31), "month"),
    ("by the end of March", SD18, None, SD18, D(2026, 3, 31), "month"),
    ("in September 2026", SD18, None, D(2026, 9, 1), D(2026, 9, 30), "month"),
    ("in January", SD18, None, D(2026, 1, 1), D(2026, 1, 31), "month"),
    ("in February", SYDNEY, None, D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("in early March", SD18, None, D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("Sept. 2026", SD18, None, D(2026, 9, 1), D(2026, 9, 30), "month"),
    # Spans from the meeting.
    ("within six months", SD18, None, SD18, D(2026, 7, 16), "within"),
    ("within 6 months", SYDNEY, None, SYDNEY, D(2023, 11, 24), "within"),
    ("within a year", D(2024, 2, 29), None, D(2024, 2, 29), D(2025, 2, 28), "within"),
    ("within four years", D(2024, 2, 29), None, D(2024, 2, 29), D(2028, 2, 29), "within"),
    ("within two years", SUMMIT14, None, SUMMIT14, D(2024, 3, 19), "within"),
    ("within 100 days", SD18, None, SD18, D(2026, 4, 26), "within"),
    ("within three weeks", SD18, None, SD18, D(2026, 2, 6), "within"),
    ("within half a year", SUMMIT15, None, SUMMIT15, D(2026, 2, 28), "within"),
    ("within a year and a half", US_JAPAN, None, US_JAPAN, D(2024, 7, 12), "within"),
    ("within two and a half years", US_JAPAN, None, US_JAPAN, D(2025, 7, 12), "within"),
    ("within the next six months", EU_JAPAN_30, None, EU_JAPAN_30, D(2026, 1, 23), "within"),
    ("within a six-month period", EU_JAPAN_30, None, EU_JAPAN_30, D(2026, 1, 23), "within"),
    ("in five years", EU_JAPAN_28, None, EU_JAPAN_28, D(2027, 5, 12), "next-years"),
    ("in the next year", SD18, None, SD18, D(2027, 1, 16), "next-years"),
    ("two years from now", SD18, None, SD18, D(2028, 1, 16), "next-years"),
    ("in the coming months", SD18, None, SD18, D(2026, 7, 16), "coming"),
    ("in the coming weeks", SD18, None, SD18, D(2026, 3, 16), "coming"),
    ("over the next few months", MANILA, None, MANILA, D(2023, 8, 9), "coming"),
    # Fiscal years.
    ("this fiscal year", SD18, None, SD18, D(2026, 3, 31), "fiscal-year"),
    ("this fiscal year", SUMMIT15, None, SUMMIT15, D(2026, 3, 31), "fiscal-year"),
    ("next fiscal year", SD18, None, D(2026, 4, 1), D(2027, 3, 31), "fiscal-year"),
    ("in FY2026", SD18, None, D(2026, 4, 1), D(2027, 3, 31), "fiscal-year"),
    ("fiscal 2026", EU_JAPAN_30, None, D(2026, 4, 1), D(2027, 3, 31), "fiscal-year"),
    ("FY2025-26", EU_JAPAN_30, None, EU_JAPAN_30, D(2026, 3, 31), "fiscal-year"),
    ("the 2026-27 financial year", SD18, None, D(2026, 4, 1), D(2027, 3, 31), "fiscal-year"),
    ("by the end of this fiscal year", SUMMIT15, None, SUMMIT15, D(2026, 3, 31), "fiscal-year"),
    # The next round of a series: the 2nd and 3rd India-Japan 2+2, the 14th and 15th summits.
    (
        "at the next round",
        TWO_PLUS_TWO_2,
        TWO_PLUS_TWO_3,
        TWO_PLUS_TWO_2,
        TWO_PLUS_TWO_3,
        "next-round",
    ),
    ("at the next summit", SUMMIT14, SUMMIT15, SUMMIT14, SUMMIT15, "next-round"),
    (
        "to be held at the next meeting",
        TWO_PLUS_TWO_2,
        TWO_PLUS_TWO_3,
        TWO_PLUS_TWO_2,
        TWO_PLUS_TWO_3,
        "next-round",
    ),
]

HONESTLY = "names no date or period, so no window can be read into it honestly"

# (phrase, meeting, next round, reason, rule)
UNREAD: list[tuple[str, dt.date, dt.date | None, str, str | None]] = [
    # From the corpus: "the vision ... will be realised early" (2nd 2+2).
    ("realised early", TWO_PLUS_TWO_2, None, f'"realised early" {HONESTLY}', "vague"),
    # From the corpus: the 3rd 2+2 "on Tuesday", the day after the call on Modi.
    ("on Tuesday", D(2024, 8, 19), None, 'no rule reads "on Tuesday"', None),
    ("soon", SD18, None, f'"soon" {HONESTLY}', "vague"),
    ("as soon as possible", SD18, None, f'"as soon as possible" {HONESTLY}', "vague"),
    ("at an early date", SD18, None, f'"at an early date" {HONESTLY}', "vague"),
    ("in due course", SD18, None, f'"in due course" {HONESTLY}', "vague"),
    (
        "at the next meeting",
        TWO_PLUS_TWO_2,
        None,
        '"at the next meeting" needs the date of the next round',
        "next-round",
    ),
    (
        "next dialogue",
        SD18,
        SD15,
        '"next dialogue" needs a next round after the meeting, not on 2023-07-27',
        "next-round",
    ),
    (
        "by 2020",
        SD18,
        None,
        '"by 2020" ends before the meeting (2026-01-16), so it cannot be a deadline',
        "by-year",
    ),
    (
        "by March 2025",
        SD18,
        None,
        '"by March 2025" ends before the meeting (2026-01-16), so it cannot be a deadline',
        "month",
    ),
    (
        "by early 2025",
        SD18,
        None,
        '"by early 2025" ends before the meeting (2026-01-16), so it cannot be a deadline',
        "early-year",
    ),
    (
        "later in 2024",
        SD18,
        None,
        '"later in 2024" names a year before the meeting (2026-01-16)',
        "later-year",
    ),
    ("FY2026-28", SD18, None, '"FY2026-28" does not name two years in a row', "fiscal-year"),
    (
        "within half a month",
        SD18,
        None,
        '"within half a month" takes half a month, and only half a year is read',
        "within",
    ),
    (
        "next year",
        D(9999, 6, 1),
        None,
        '"next year" reaches beyond the years a calendar date can hold (1 to 9999)',
        "next-year",
    ),
    (
        "within 9000 years",
        SD18,
        None,
        '"within 9000 years" reaches beyond the years a calendar date can hold (1 to 9999)',
        "within",
    ),
    ("FY26", SD18, None, 'no rule reads "FY26"', None),
    ("by mid-2026", SD18, None, 'no rule reads "by mid-2026"', None),
    ("in the coming years", SD18, None, 'no rule reads "in the coming years"', None),
    ("", SD18, None, 'no rule reads ""', None),
]


def _label(case: tuple[Any, ...]) -> str:
    return f"{case[0]!r}@{case[1]}"


@pytest.mark.parametrize(
    ("phrase", "made_on", "next_round", "start", "end", "rule"), READ, ids=map(_label, READ)
)
def test_reads(
    phrase: str,
    made_on: dt.date,
    next_round: dt.date | None,
    start: dt.date,
    end: dt.date,
    rule: str,
) -> None:
    reading = read_timeline(phrase, made_on, next_round=next_round)
    assert isinstance(reading, Reading), reading
    assert (reading.start, reading.end, reading.rule) == (start, end, rule)


@pytest.mark.parametrize(
    ("phrase", "made_on", "next_round", "reason", "rule"), UNREAD, ids=map(_label, UNREAD)
)
def test_leaves_unread(
    phrase: str, made_on: dt.date, next_round: dt.date | None, reason: str, rule: str | None
) -> None:
    assert read_timeline(phrase, made_on, next_round=next_round) == Unread(phrase, reason, rule)


def test_enough_real_expressions() -> None:
    assert len({case[0] for case in READ} | {case[0] for case in UNREAD}) >= 40


def test_every_rule_has_a_case() -> None:
    used = {case[5] for case in READ} | {case[4] for case in UNREAD}
    assert {rule.name for rule in RULES} <= used


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


def test_note_quotes_the_phrase_and_meeting() -> None:
    reading = read_timeline("early  this year", SD18)
    assert isinstance(reading, Reading)
    assert reading.note == ('Read "early this year" (meeting 2026-01-16) as January to April 2026.')


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (D(2027, 1, 1), D(2027, 12, 31), "2027"),
        (D(2026, 1, 1), D(2026, 4, 30), "January to April 2026"),
        (D(2023, 9, 1), D(2023, 9, 30), "September 2023"),
        (D(2026, 4, 1), D(2027, 3, 31), "April 2026 to March 2027"),
        (D(2023, 5, 24), D(2023, 12, 31), "24 May to 31 December 2023"),
        (D(2022, 10, 22), D(2032, 10, 22), "22 October 2022 to 22 October 2032"),
        (D(2026, 1, 16), D(2026, 1, 16), "16 January 2026"),
    ],
)
def test_describe(start: dt.date, end: dt.date, words: str) -> None:
    assert describe(start, end) == words


def _knowledge_files() -> list[Path]:
    return [ROOT / "data" / "dialogue.yaml", *sorted((ROOT / "examples").glob("**/*.yaml"))]


def test_every_timeline_in_the_real_files_is_read() -> None:
    """Each is read, is one of the cases above, and agrees with any window the file gives."""
    cases = {(phrase, made_on): (start, end) for phrase, made_on, _, start, end, _ in READ}
    found = 0
    for path in _knowledge_files():
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        made_on = document["dialogue"]["date"]
        for commitment in document.get("commitments") or []:
            if "timeline" not in commitment:
                continue
            found += 1
            reading = read_timeline(commitment["timeline"], made_on)
            assert isinstance(reading, Reading), (path.name, reading)
            window = (reading.start, reading.end)
            assert cases[commitment["timeline"], made_on] == window
            if "window" in commitment:
                assert window == (commitment["window"]["start"], commitment["window"]["end"])
    assert found >= 8


def _doc_rules() -> list[list[str]]:
    text = (ROOT / "docs" / "windows.md").read_text(encoding="utf-8")
    table = text.split("<!-- rules -->")[1].split("<!-- end rules -->")[0]
    rows = [line for line in table.strip().splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def test_docs_table_matches_the_rules() -> None:
    rows = _doc_rules()
    assert [row[0].strip("`") for row in rows] == [rule.name for rule in RULES]
    for row, rule in zip(rows, RULES, strict=True):
        assert row[1:3] == [rule.phrases, rule.window], rule.name


@pytest.mark.parametrize("row", _doc_rules(), ids=lambda row: row[0])
def test_docs_examples_read_as_shown(row: list[str]) -> None:
    example = re.fullmatch(
        r'"(?P<phrase>[^"]+)" \((?P<made_on>[\d-]+)(?:; next round (?P<next>[\d-]+))?\)', row[3]
    )
    assert example is not None, row[3]
    next_round = D.fromisoformat(example["next"]) if example["next"] else None
    result = read_timeline(
        example["phrase"], D.fromisoformat(example["made_on"]), next_round=next_round
    )
    if row[4] == "unread":
        assert isinstance(result, Unread)
        assert result.rule == row[0].strip("`")
    else:
        assert isinstance(result, Reading)
        assert result.rule == row[0].strip("`")
        assert f"{result.start} to {result.end}" == row[4]


def _check(result: Reading | Unread, phrase: str) -> None:
    if isinstance(result, Reading):
        assert result.start <= result.end
        assert result.rule in {rule.name for rule in RULES}
        assert result.note.startswith('Read "')
    else:
        assert isinstance(result, Unread)
        assert result.phrase == phrase
        assert result.reason


_next_rounds = st.none() | st.dates()


@given(st.text(), st.dates(), _next_rounds)
def test_any_text_reads_or_says_why(
    phrase: str, made_on: dt.date, next_round: dt.date | None
) -> None:
    _check(read_timeline(phrase, made_on, next_round=next_round), phrase)


_WORDS = (
    "by",
    "the",
    "end",
    "of",
    "early",
    "later",
    "in",
    "during",
    "within",
    "over",
    "for",
    "next",
    "coming",
    "few",
    "this",
    "last",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "a",
    "an",
    "half",
    "and",
    "two",
    "10",
    "0",
    "9999",
    "0000",
    "0001",
    "2026",
    "2026-27",
    "fy2026",
    "fiscal",
    "financial",
    "first",
    "second",
    "third",
    "q1",
    "h2",
    "1h",
    "quarter",
    "march",
    "may",
    "sept.",
    "february",
    "of",
    "meeting",
    "round",
    "soon",
    "year-end",
    "end-",
    "mid-",
    "from",
    "now",
)


@given(st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join), st.dates(), _next_rounds)
def test_rule_words_in_any_order_read_or_say_why(
    phrase: str, made_on: dt.date, next_round: dt.date | None
) -> None:
    _check(read_timeline(phrase, made_on, next_round=next_round), phrase)
