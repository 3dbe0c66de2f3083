"""The meeting itself: its name, round, place and date, read from the article's words.

- Name and round: the first "18th India-Japan strategic dialogue" (an ordinal,
  capitalised words, and a word for a meeting); else the headline.
- Place: "in New Delhi" beside the meeting's verb, or the dateline
  ("NEW DELHI:", "Tokyo, July 23 (Jiji Press)--").
- Date: a date printed in the text ("(Aug 29)", "16 January 2026") with the
  year from the publication date; a weekday ("on Friday") counted back from
  the publication date; "today" is the publication date; the publication date
  comes from the page's metadata or the dateline, or from a date in the URL
  ("/2022/mar/20/", "20240820"). Every date not printed in full is noted.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final, NamedTuple

from briefing.draft.document import Document, lazy

_ORDINAL_WORDS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_MEETING_WORDS: Final = (
    r"(?:summit|dialogue|meeting|talks|consultations?|forum|conference|"
    r"ministerial|2\+2|two-plus-two|commission|council)"
)
#: An ordinal, then a name with at least one capitalised word ("India-Japan", "2+2" counts
#: as a name), then a word for a meeting: "18th India-Japan strategic dialogue".
_TITLE: Final = re.compile(
    r"\b(?P<ord>\d{1,3}(?:st|nd|rd|th)|(?i:" + "|".join(_ORDINAL_WORDS) + r"))\s+"
    r"(?P<name>(?:(?:[a-z][\w'+-]*\s+){0,2}(?:[A-Z][\w'\u2019.+-]*|2\+2)\s+)+"
    r"(?:(?:and|of|[a-z][\w'+-]*)\s+){0,2}?(?i:" + _MEETING_WORDS + r")"
    r"(?:\s+(?i:dialogue|meeting|summit))?)\b"
)
#: A meeting named without its round: "the 2+2 Ministerial Dialogue", "the EU-Japan Summit".
_NAMED: Final = lazy(
    r"\b(?:(?:[A-Z][\w'\u2019.+-]*|2\+2)\s+){1,5}"
    r"(?:Summit|Dialogue|Meeting|Talks|Forum|Consultations|Ministerial)\b"
)
_MONTHS: Final = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")]
    )
    for m in names
}  # fmt: skip
_MONTH: Final = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH: Final = re.compile(
    r"\b(?:(?P<d1>\d{1,2}) "
    + _MONTH
    + r"(?:,? (?P<y1>\d{4}))?|"
    + _MONTH.replace("month", "m2")
    + r" (?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:, (?P<y2>\d{4}))?)\b",
    re.IGNORECASE,
)
#: A date printed as numbers, year first: "2023-07-09" (a page's metadata), "2023.04.27".
_ISO: Final = re.compile(
    r"(?<![\d.-])(?P<y>(?:19|20)\d{2})([-./])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?![\d.-]?\d)"
)
#: A page's date as a stored copy gives it before the text: "date 2023-07-09".
_DATE_LINE: Final = re.compile(r"^\s*date (?:19|20)\d{2}-\d{2}-\d{2}\s+")
#: Words that put the meeting on the day of publication, or the day before.
_SAME_DAY: Final = re.compile(
    r"\b(?:today|this (?:morning|afternoon|evening)|tonight|earlier today)\b", re.IGNORECASE
)
_YESTERDAY: Final = re.compile(r"\byesterday\b", re.IGNORECASE)
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: "on Friday", or a capitalised weekday alone as wires write it ("called Friday").
_ON_WEEKDAY: Final = re.compile(
    r"\b(?:(?i:on) (?i:("
    + "|".join(_WEEKDAYS)
    + r"))|(?<=[a-z] )("
    + "|".join(w.capitalize() for w in _WEEKDAYS)
    + r"))\b(?!['\u2019]s)(?! [A-Z])"
)
_DATELINE: Final = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,30}?)(?:,\s*(?P<date>(?:[A-Z][a-z]+,? )?(?:[A-Z][a-z]{2,8}\.?"
    r" \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?))?"
    r"\s*(?:\([^)]*\))?\s*(?::|\u2014|\u2013|--| -|\|)",
)
_PLACE: Final = re.compile(
    r"\b(?:in|at) (?P<place>(?:the )?[A-Z][\w'-]+(?: (?:(?:de|da|do|del|la|al|el) )?[A-Z][\w'-]+)?)"
    r"(?= on\b|,| where\b| for\b|\.|$| to\b| and\b| today\b| after\b| during\b| this\b)"
)
#: A place the text names as such: "the Russian city of Sochi", "travelled to Sydney".
_CITY: Final = re.compile(
    r"\b(?:(?:city|capital|town|resort) of|(?:travel(?:l)?ed|flew|arrived) (?:to|in)) "
    r"(?P<place>[A-Z][\w'-]+(?: (?:(?:de|da|do|del|la|al|el) )?[A-Z][\w'-]+)?)"
)
_URL_DATE: Final = lazy(
    r"/(?P<y>20\d{2})/(?P<m>\d{1,2}|[a-z]{3})/(?P<d>\d{1,2})/|/(?P<y2>20\d{2})(?P<m2>\d{2})(?P<d2>\d{2})[-/]"
)


class Meeting(NamedTuple):
    title: str | None
    ordinal: int | None
    location: str | None
    date: dt.date | None
    date_as_written: str | None
    date_note: str | None
    #: The publication date found, if any.
    published: dt.date | None
    #: Whether the title is the article's headline rather than a meeting's name.
    headline: bool = False


def _ordinal(word: str) -> int | None:
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    return _ORDINAL_WORDS.get(word.casefold())


#: After a meeting's name: words that make "first" no round number ("the first summit in
#: five years") or the meeting another one ("to be held").
_NOT_A_ROUND_AFTER: Final = re.compile(
    r"\s+(?:in (?:\w+ ){0,2}(?:years?|decades?)|since\b|to be held\b)"
)
_NOT_THIS_MEETING_BEFORE: Final = re.compile(
    r"\b(?:invit\w*|next|upcoming|forthcoming|ahead of|attend|host)\b[^.]{0,30}$", re.IGNORECASE
)


def _not_this_round(text: str, match: re.Match[str]) -> bool:
    """Whether MATCH names another meeting, or a meeting without giving its round."""
    return bool(
        _NOT_A_ROUND_AFTER.match(text, match.end())
        or _NOT_THIS_MEETING_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
    )


def _url_date(url: str | None) -> dt.date | None:
    if not url:
        return None
    match = _URL_DATE().search(url)
    if not match:
        return None
    try:
        if match.group("y"):
            month_word = match.group("m")
            month = int(month_word) if month_word.isdigit() else _MONTHS.get(month_word, 0)
            return dt.date(int(match.group("y")), month, int(match.group("d")))
        return dt.date(int(match.group("y2")), int(match.group("m2")), int(match.group("d2")))
    except ValueError:
        return None


def _month_day(match: re.Match[str]) -> tuple[int, int, int | None]:
    month = _MONTHS[(match.group("month") or match.group("m2")).casefold().rstrip(".")]
    day = int(match.group("d1") or match.group("d2"))
    year = match.group("y1") or match.group("y2")
    return month, day, int(year) if year else None


def _publication(doc: Document, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    if published:
        return published, "the page's publication date"
    head = doc.text[doc.paragraphs[0].start : doc.paragraphs[0].end] if doc.paragraphs else ""
    from_url = _url_date(doc.url)
    top = doc.text[: doc.paragraphs[0].start if doc.paragraphs else 0].splitlines()
    # A date line of its own near the top ("2023.04.27", "Time:2024-05-21 16:31").
    near = [
        line
        for p in doc.paragraphs[1:8]
        for line in doc.text[p.start : p.end].splitlines()
        if len(line.strip()) <= 60
    ]
    for line in [*top, head, *near]:
        iso = _ISO.search(line)
        if iso:
            try:
                return dt.date(
                    int(iso["y"]), int(iso["m"]), int(iso["d"])
                ), "the date printed at the top"
            except ValueError:
                pass
        match = _DAY_MONTH.search(line)
        if match:
            month, day, year = _month_day(match)
            year = year or (from_url.year if from_url else None)
            if year:
                try:
                    return dt.date(year, month, day), "the dateline"
                except ValueError:
                    pass
    if from_url:
        return from_url, "the date in the page's URL"
    return None, None


#: Where a sentence says the meeting was: "a rare meeting in Athens", "talks in Cairo",
#: "met in the South Korean port of Busan", "signed in Samarkand".
_MET_IN: Final = re.compile(
    r"\b(?:met|meet(?:s|ing)?|talks|summit|signed|gathered|convened)\b(?: [\w'-]+){0,3}? "
    r"(?:in|at) (?:the (?:[\w-]+ ){0,3}(?:city|port|capital|town|resort) of )?"
    r"(?P<place>[A-Z][\w'-]+(?: (?:(?:de|da|do|del|la|al|el) )?[A-Z][\w'-]+)?)"
)
_NOT_A_PLACE: Final = re.compile(
    r"(?:" + "|".join(m.capitalize() for m in _MONTHS if len(m) > 3) + r"|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|May|The|This|Which|His|Her|Their)\b"
)


def _met_in(sentences: list[str]) -> str | None:
    """The place a sentence of meeting names; it beats a dateline, which may be only where
    the report was filed."""
    for sentence in sentences:
        for match in _MET_IN.finditer(sentence):
            if not _NOT_A_PLACE.match(match.group("place")):
                return match.group("place")
    return None


#: Before a date: a span of days ("16-18 December"), or another event's time ("after
#: assuming office on 17 November", "since 2019").
_NOT_THE_DAY: Final = re.compile(
    r"(?:\d{1,2}\s*[-\u2013]\s*|\b(?:after|since|before|following|until)\b[^,.;]*)$",
    re.IGNORECASE,
)


def _meeting_day(sentence: str) -> re.Match[str] | None:
    """The first date in SENTENCE that can be the meeting's day."""
    for match in _DAY_MONTH.finditer(sentence):
        if not _NOT_THE_DAY.search(sentence, 0, match.start()):
            return match
    return None


def _printed(sentences: list[str]) -> tuple[dt.date | None, str | None]:
    """A full date printed in SENTENCES ("Istanbul/Athens, 7 December 2023 (dpa) -"), as
    the date to count "on Thursday" back from when the page gives none."""
    for sentence in sentences:
        for match in _DAY_MONTH.finditer(sentence):
            month, day, year = _month_day(match)
            if year:
                try:
                    return dt.date(year, month, day), "the date printed in the text"
                except ValueError:
                    continue
    return None, None


def read_meeting(doc: Document, published: dt.date | None, headline: str | None) -> Meeting:
    body = [doc.slice(s) for s in doc.sentences]
    # The meeting is named near the top; a long article's tail is not searched.
    first = " ".join(body[:15])
    title = ordinal = None
    from_headline = False
    match = _TITLE.search(first)
    while match and _not_this_round(first, match):
        match = _TITLE.search(first, match.end())
    if match:
        title = " ".join(match.group().split())
        ordinal = _ordinal(match.group("ord"))
    else:
        named = _NAMED().search(first)
        if named and not re.match(r"(?:The|In|During|At|After|Before)\b", named.group()):
            title = named.group()
        elif headline:
            title = headline
            from_headline = True
    location = _met_in(body[:6])
    if location is None and doc.sentences:
        lead = _DATE_LINE.sub("", doc.slice(doc.sentences[0]))
        dateline = _DATELINE.match(lead)
        if dateline:
            place = dateline.group("place").strip()
            location = place.title() if place.isupper() else place
    if location is None:
        for sentence in body[:6]:
            found = _PLACE.search(sentence)
            if found and not found.group("place").startswith("the "):
                location = found.group("place")
                break
    if location is None:
        # Only where nothing says "in X": "travelled to Moscow last year" is no meeting place.
        for sentence in body[:6]:
            found = _CITY.search(sentence)
            if found:
                location = found.group("place")
                break
    anchor, anchor_source = _publication(doc, published)
    if anchor is None:
        anchor, anchor_source = _printed(body[:10])
    date = written = note = None
    for sentence in body[:10]:
        explicit = _meeting_day(sentence)
        if explicit:
            month, day, year = _month_day(explicit)
            year = year or (anchor.year if anchor else None)
            if year:
                try:
                    date = dt.date(year, month, day)
                except ValueError:
                    date = None
                if date:
                    written = explicit.group()
                    note = (
                        None
                        if explicit.group("y1") or explicit.group("y2")
                        else (f'The source says "{written}"; the year is that of {anchor_source}.')
                    )
                    break
        weekday = _ON_WEEKDAY.search(sentence)
        if weekday:
            written = weekday.group(1) or weekday.group(2)
            if anchor:
                back = (anchor.weekday() - _WEEKDAYS.index(written.casefold())) % 7
                date = anchor - dt.timedelta(days=back)
                note = (
                    f'The source says only "on {written}"; the calendar date is the {written}'
                    f" on or before {anchor.isoformat()}, {anchor_source}."
                )
            break
        same_day = _SAME_DAY.search(sentence)
        if same_day and anchor:
            date, written = anchor, same_day.group()
            note = f'The source says "{written}"; the date is {anchor_source}.'
            break
        if _YESTERDAY.search(sentence) and anchor:
            date, written = anchor - dt.timedelta(days=1), "yesterday"
            note = f'The source says "yesterday"; the date is the day before {anchor_source}.'
            break
    if date is None and anchor is not None:
        date = anchor
        note = f"The source gives no date for the meeting; this is {anchor_source}."
    return Meeting(title, ordinal, location, date, written, note, anchor, from_headline)
