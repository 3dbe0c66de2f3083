"""Date windows read from timelines: "early this year" at a meeting in January 2026 reads as
January to April 2026.

A window is an interpretation of the source's words, shown as such next to them and never
written back into a knowledge file. A phrase that no rule reads honestly stays without a window,
with the reason. Each rule is one entry in `RULES`, in the order they are tried; the first that
finds its words in the phrase reads it. docs/windows.md explains every rule.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Final, NamedTuple


class Reading(NamedTuple):
    """A window read into a timeline, with the rule that read it and a sentence for output."""

    start: dt.date
    end: dt.date
    rule: str
    note: str


class Unread(NamedTuple):
    """A timeline given no window, and why. `rule` names the rule that declined, if any."""

    phrase: str
    reason: str
    rule: str | None = None


Span = tuple[dt.date, dt.date]
# A reader returns the window, or why there is none (words that follow the quoted phrase).
Reader = Callable[[re.Match[str], dt.date, dt.date | None], Span | str]


class Rule(NamedTuple):
    name: str
    phrases: str  # the phrases it reads, in words, as docs/windows.md shows them
    window: str  # the window it gives, in words
    patterns: tuple[str, ...]  # regular expressions, tried on the phrase in lower case
    read: Reader


MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Written out rather than taken from calendar.month_name, which follows the locale.
_MONTH_NUMBERS: Final = {name.lower(): i for i, name in enumerate(MONTHS, 1)} | {
    name.lower()[:3]: i for i, name in enumerate(MONTHS, 1) if name != "May"
}
_MONTH_NUMBERS["sept"] = 9
_NUMBER_WORDS: Final = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_ORDINALS: Final = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "final": 4,
}

# Pieces of the patterns, which match the phrase lower-cased with its spaces collapsed.
# A year: "2026", "the year 2026", "this year", "next year", "the year" (the current one).
_YEAR = (
    r"(?:(?:the year )?(?P<year>\d{4})\b(?!-\d)"
    r"|(?P<rel>this|the current|the|next|the next|last) year\b)"
)
# "by", "by the end of" and the like turn a period into a deadline.
_BY = (
    r"(?P<by>\b(?:by|before|no later than|not later than|until|till) "
    r"(?:the end of |end-|end )?(?:the )?)?"
)
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\b\.?"
_PART = r"(?:(?:early|mid|late)[ -])?"  # "early March" reads as the whole of March
_NUMBER = "|".join((r"\d{1,4}", *sorted(_NUMBER_WORDS, key=len, reverse=True)))
_SPAN = (
    rf"(?P<qty>half an?|(?:{_NUMBER})(?: and a half)?)[ -]"
    r"(?P<unit>day|week|month|year)s?\b(?P<half> and a half)?"
)


def _patterns(*sources: str) -> tuple[str, ...]:
    # Kept as text and compiled on first use (re caches them): compiling all of them at
    # import would cost more than the rest of the module's import together.
    return sources


def _group(match: re.Match[str], name: str) -> str | None:
    # Not match.groupdict(), which builds a dictionary of every group on each call.
    return match.group(name) if name in match.re.groupindex else None


def _year_of(match: re.Match[str], made_on: dt.date) -> int:
    """The year a pattern's `_YEAR` names; the meeting's year when it names none."""
    number = _group(match, "year")
    if number is not None:
        return int(number)
    rel = _group(match, "rel")
    if rel in ("next", "the next"):
        return made_on.year + 1
    if rel == "last":
        return made_on.year - 1
    return made_on.year


# Month lengths by hand: `calendar` would import `locale`, which doubles this module's import time.
_DAYS_IN_MONTH: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS_IN_MONTH[month - 1]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _days_in(year, month))


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it is shorter (29 Feb + 12)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(day.day, _days_in(year, month0 + 1)))


def _before_meeting(made_on: dt.date) -> str:
    return f"ends before the meeting ({made_on.isoformat()}), so it cannot be a deadline"


def _period(start: dt.date, end: dt.date, match: re.Match[str], made_on: dt.date) -> Span | str:
    """A named period as written; after "by", from the meeting to the period's end."""
    if _group(match, "by") is None:
        return start, end
    if end < made_on:
        return _before_meeting(made_on)
    return made_on, end


def _whole_year(start: dt.date, end: dt.date, made_on: dt.date) -> Span:
    """A year-long period that holds the meeting starts at the meeting."""
    return (made_on if start <= made_on <= end else start), end


def _read_fiscal(match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span | str:
    numbers = [_group(match, name) for name in ("fy1", "fy2", "fy3", "fy4")]
    given = next((int(n) for n in numbers if n is not None), None)
    if given is None:
        # The fiscal year holding the meeting starts on the last 1 April on or before it.
        given = made_on.year if made_on.month >= 4 else made_on.year - 1
        if _group(match, "rel") in ("next", "the next", "the coming"):
            given += 1
    to = _group(match, "to")
    if to is not None and int(to) != (given + 1) % 10 ** len(to):
        return "does not name two years in a row"
    start, end = dt.date(given, 4, 1), dt.date(given + 1, 3, 31)
    if _group(match, "by") is not None:
        return _period(start, end, match, made_on)
    return _whole_year(start, end, made_on)


def _read_early(match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span | str:
    year = _year_of(match, made_on)
    return _period(dt.date(year, 1, 1), dt.date(year, 4, 30), match, made_on)


def _read_half(match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span | str:
    word = _group(match, "nth")
    half = (
        _ORDINALS[word] if word is not None else int(_group(match, "h") or _group(match, "hh") or 1)
    )
    year = _year_of(match, made_on)
    first = 6 * half - 5
    return _period(dt.date(year, first, 1), _month_end(year, first + 5), match, made_on)


def _read_quarter(match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span | str:
    word = _group(match, "nth")
    quarter = (
        _ORDINALS[word] if word is not None else int(_group(match, "q") or _group(match, "qq") or 1)
    )
    year = _year_of(match, made_on)
    first = 3 * quarter - 2
    return _period(dt.date(year, first, 1), _month_end(year, first + 2), match, made_on)


def _read_later(match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span | str:
    year = _year_of(match, made_on)
    if year < made_on.year:
        return f"names a year before the meeting ({made_on.isoformat()})"
    return max(made_on, dt.date(year, 1, 1)), dt.date(year, 12, 31)


def _read_by_year(match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span | str:
    end = dt.date(_year_of(match, made_on), 12, 31)
    return _before_meeting(made_on) if end < made_on else (made_on, end)


def _read_month(match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span | str:
    month = _MONTH_NUMBERS[_group(match, "month") or "january"]
    if _group(match, "year") is not None or _group(match, "rel") is not None:
        year = _year_of(match, made_on)
    else:
        # The next such month, counting the meeting's own month.
        year = made_on.year if month >= made_on.month else made_on.year + 1
    return _period(dt.date(year, month, 1), _month_end(year, month), match, made_on)


def _read_span(match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span | str:
    qty = _group(match, "qty")
    unit = _group(match, "unit") or "year"
    if qty is None:
        halves = 2
    elif qty.startswith("half"):
        halves = 1
    else:
        number = qty.split()[0]
        halves = 2 * (_NUMBER_WORDS.get(number) or int(number)) + qty.endswith("half")
    halves += _group(match, "half") is not None
    if unit == "year":
        return made_on, _add_months(made_on, 6 * halves)
    if halves % 2:
        return f"takes half a {unit}, and only half a year is read"
    count = halves // 2
    if unit == "month":
        return made_on, _add_months(made_on, count)
    return made_on, made_on + dt.timedelta(days=count * (7 if unit == "week" else 1))


def _read_coming(match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span | str:
    return made_on, _add_months(made_on, 6 if _group(match, "unit") == "months" else 2)


def _read_next_year(_match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span:
    return dt.date(made_on.year + 1, 1, 1), dt.date(made_on.year + 1, 12, 31)


def _read_year(match: re.Match[str], made_on: dt.date, _next: dt.date | None) -> Span:
    year = _year_of(match, made_on)
    return _whole_year(dt.date(year, 1, 1), dt.date(year, 12, 31), made_on)


def _read_next_round(
    _match: re.Match[str], made_on: dt.date, next_round: dt.date | None
) -> Span | str:
    if next_round is None:
        return "needs the date of the next round"
    if next_round < made_on:
        return f"needs a next round after the meeting, not on {next_round.isoformat()}"
    return made_on, next_round


def _read_vague(_match: re.Match[str], _made_on: dt.date, _next: dt.date | None) -> str:
    return "names no date or period, so no window can be read into it honestly"


RULES: Final[tuple[Rule, ...]] = (
    Rule(
        "fiscal-year",
        "this fiscal year, next fiscal year, FY2026, fiscal 2026, fiscal year 2026, FY2026-27",
        "1 April to 31 March, named by the year it starts in; from the meeting if it falls inside",
        _patterns(
            _BY + r"\b(?P<rel>this|the current|current|next|the next|the coming) "
            r"(?:fiscal|financial) year\b",
            _BY + r"\b(?:(?:fiscal|financial) year (?P<fy1>\d{4})|fiscal (?P<fy2>\d{4})"
            r"|fy ?(?P<fy3>\d{4})"
            r"|(?P<fy4>\d{4})(?=(?:-\d{2}(?:\d{2})?)? (?:fiscal|financial) year))"
            r"(?:-(?P<to>\d{4}|\d{2}))?\b",
        ),
        _read_fiscal,
    ),
    Rule(
        "early-year",
        "early this year, early in the year, early next year, early 2026",
        "1 January to 30 April",
        _patterns(_BY + r"\bearly (?:in )?" + _YEAR),
        _read_early,
    ),
    Rule(
        "half-year",
        "the first half of 2026, the second half of this year, H1 2026, 2H 2026",
        "1 January to 30 June, or 1 July to 31 December",
        _patterns(
            _BY + r"\b(?:(?P<nth>first|second|1st|2nd) half of|h(?P<h>[12])|(?P<hh>[12])h)"
            r"(?: of)? " + _YEAR
        ),
        _read_half,
    ),
    Rule(
        "quarter",
        "the first quarter of 2027, the last quarter of this year, Q3 2026, 3Q 2026",
        "the three months of the quarter",
        _patterns(
            _BY + r"\b(?:(?P<nth>" + "|".join(_ORDINALS) + r") quarter of"
            r"|q(?P<q>[1-4])|(?P<qq>[1-4])q)(?: of)? " + _YEAR
        ),
        _read_quarter,
    ),
    Rule(
        "later-year",
        "later this year, later in the year, later in 2027, later next year",
        "from the meeting, or 1 January of a later year, to 31 December",
        _patterns(r"\blater (?:in )?" + _YEAR),
        _read_later,
    ),
    Rule(
        "year-end",
        "by the end of the year, by the end of this year, by the end of 2027, by year-end, "
        "within this year",
        "from the meeting to 31 December of that year",
        _patterns(
            r"\b(?:by|before|no later than|not later than|until) (?:the )?(?:end of |end-|end )"
            + _YEAR,
            r"\bby (?:the )?year(?:-| |'s )end\b",
            r"\bwithin (?:this|the|the current) year\b",
        ),
        _read_by_year,
    ),
    Rule(
        "month",
        "in September, in September 2026, by March, by the end of March 2027, March this year",
        "in: the whole month, the next one on or after the meeting's month unless a year is "
        "given; by: from the meeting to the end of that month",
        _patterns(
            r"(?:"
            + _BY[:-1]
            + r"|\b(?:in|during) )"
            + _PART
            + _MONTH
            + r"(?: (?:of )?"
            + _YEAR
            + ")?",
            r"\b" + _PART + _MONTH + r",? (?:of )?" + _YEAR,
        ),
        _read_month,
    ),
    Rule(
        "within",
        "within six months, within 6 months, within a year, within two years, within 100 days",
        "from the meeting to the same day that long after it",
        _patterns(r"\bwithin (?:the |an? )?(?:next |coming |following )?" + _SPAN),
        _read_span,
    ),
    Rule(
        "next-years",
        "over the next five years, in the next 10 years, for the next 10 years, in five years, "
        "the next year",
        "from the meeting to the same day that long after it",
        _patterns(
            r"\b(?:next|coming|following|over|for|in) " + _SPAN,
            r"\bthe (?:next|coming) (?P<unit>day|week|month|year)\b",
            _SPAN + r"(?:'s)? from (?:now|today)",
        ),
        _read_span,
    ),
    Rule(
        "coming",
        "in the coming months, in the coming weeks, over the next few months",
        "from the meeting to six months after it (months) or two months after it (weeks)",
        _patterns(r"\b(?:coming|next few|next several|few) (?P<unit>weeks|months)\b"),
        _read_coming,
    ),
    Rule(
        "by-year",
        "by 2030, by 2025, by the year 2030, by next year",
        "from the meeting to 31 December of that year",
        _patterns(r"\b(?:by|no later than|not later than|until|till) " + _YEAR),
        _read_by_year,
    ),
    Rule(
        "next-year",
        "next year",
        "1 January to 31 December of the year after the meeting",
        _patterns(r"\bnext year\b"),
        _read_next_year,
    ),
    Rule(
        "year",
        "this year, the current year, last year, in 2026, during 2026, in the year 2026",
        "1 January to 31 December; from the meeting if it falls in that year",
        _patterns(
            r"\b(?P<rel>this|the current|last) (?:calendar )?year\b",
            r"\b(?:in|during|throughout) (?:the (?:calendar )?year )?(?P<year>\d{4})\b(?!-\d)",
        ),
        _read_year,
    ),
    Rule(
        "next-round",
        "at the next meeting, at the next round, at the next summit, next dialogue",
        "from the meeting to the date of the next round, when it is given; else unread",
        _patterns(r"\bnext (?:meeting|round|summit|dialogue|session|edition|2\+2)\b"),
        _read_next_round,
    ),
    Rule(
        "vague",
        "soon, as soon as possible, at an early date, early, at the earliest, in due course, "
        "in the near future, without delay",
        "none: unread",
        _patterns(
            r"\b(?:soon|early date|earliest|in due course|near future|without delay)\b",
            r"\bearly\b(?! ?[a-z0-9])",
        ),
        _read_vague,
    ),
)

_DASHES: Final = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


def read_timeline(
    phrase: str, made_on: dt.date, *, next_round: dt.date | None = None
) -> Reading | Unread:
    """Read a timeline said at a meeting on `made_on` as a window, or say why it cannot be read.

    `next_round` is the date of the following meeting of the series, when it is known.
    """
    shown, found = _read_phrase(phrase)
    if found is not None:
        rule, match = found
        try:
            result = rule.read(match, made_on, next_round)
        except (ValueError, OverflowError):
            # Date arithmetic past year 9999 or before year 1: not a window anyone can use.
            result = "reaches beyond the years a calendar date can hold (1 to 9999)"
        if isinstance(result, str):
            return Unread(phrase, f'"{shown}" {result}', rule.name)
        start, end = result
        note = f'Read "{shown}" (meeting {made_on.isoformat()}) as {describe(start, end)}.'
        return Reading(start, end, rule.name, note)
    return Unread(phrase, f'no rule reads "{shown}"')


@functools.lru_cache(maxsize=4096)
def _read_phrase(phrase: str) -> tuple[str, tuple[Rule, re.Match[str]] | None]:
    """PHRASE as shown (spaces collapsed), and the first rule that reads it, with its match.

    The same for every meeting the phrase is said at, so each phrase is read once a run.
    """
    text = " ".join(phrase.translate(_DASHES).replace("\u2019", "'").lower().split())
    return " ".join(phrase.split()), _first_rule(text)


@functools.lru_cache(maxsize=4096)
def _first_rule(text: str) -> tuple[Rule, re.Match[str]] | None:
    """The first rule whose words are in TEXT, and its match (the same for every meeting date)."""
    for rule in RULES:
        match = next((m for p in rule.patterns if (m := re.search(p, text, re.ASCII))), None)
        if match is not None:
            return rule, match
    return None


def describe(start: dt.date, end: dt.date) -> str:
    """A window in words: "2027", "January to April 2026", "24 May to 31 December 2023"."""
    if start.day == 1 and end == _month_end(end.year, end.month):
        first, last = MONTHS[start.month - 1], MONTHS[end.month - 1]
        if start.year != end.year:
            return f"{first} {start.year} to {last} {end.year}"
        if (start.month, end.month) == (1, 12):
            return str(start.year)
        if start.month == end.month:
            return f"{first} {start.year}"
        return f"{first} to {last} {start.year}"
    if start == end:
        return _day(start)
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} to {_day(end)}"
    return f"{_day(start)} to {_day(end)}"


def _day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
