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

import contextlib
import datetime as dt
import re
from typing import Final, NamedTuple

from briefing.draft.document import Document, lazy
from briefing.draft.lexicon import country_of
from briefing.draft.regex import Pattern

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
_TITLE: Final = Pattern(
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
_DAY_MONTH: Final = Pattern(
    r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)? (?:of )?"
    + _MONTH
    + r"(?:,? (?P<y1>\d{4}))?|"
    + _MONTH.replace("month", "m2")
    + r" (?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:, (?P<y2>\d{4}))?)\b",
    re.IGNORECASE,
)
#: A date printed as numbers, year first: "2023-07-09" (a page's metadata), "2023.04.27".
_ISO: Final = Pattern(
    r"(?<![\d.-])(?P<y>(?:19|20)\d{2})([-./])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?![\d.-]?\d)"
)
#: A line that is a date and nothing else, as pages print their date under the headline:
#: "Tuesday, 2 July 2024", "  • Friday, June 27, 2025", "March 11, 2024 3:20 PM GMT+7",
#: "Published: 7/6/2019" (numbers in either order: see _numeric_day).
_DATE_LINE: Final = Pattern(
    r"^\s*(?:[\u2022*\u00b7-]\s*)?(?P<label>(?i:published|posted|updated|date)\s*:?\s*)?"
    r"(?:(?i:mon|tues|wednes|thurs|fri|satur|sun)(?i:day),?\s+)?"
    r"(?:(?P<text>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+(?:19|20)\d{2}"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})"
    r"|(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d{2}))"
    r"(?:\s*[,|\u2013-]?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?)?"
    r"\s*$"
)
#: How many lines from the top a date line of its own may be (below, a "Published:" one).
_DATE_LINE_TOP: Final = 40
#: Words that put the meeting on the day of publication, or the day before.
_SAME_DAY: Final = Pattern(
    r"\b(?:today|this (?:morning|afternoon|evening)|tonight|earlier today)\b", re.IGNORECASE
)
_YESTERDAY: Final = Pattern(r"\byesterday\b", re.IGNORECASE)
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: "on Friday", or a capitalised weekday alone as wires write it ("called Friday").
_ON_WEEKDAY: Final = Pattern(
    r"\b(?:(?i:on) (?i:("
    + "|".join(_WEEKDAYS)
    + r"))|(?<=[a-z] )("
    + "|".join(w.capitalize() for w in _WEEKDAYS)
    + r"))\b(?!['\u2019]s)(?! [A-Z])"
    # "Monday's summit": the day of this meeting.
    + r"|\b(?i:("
    + "|".join(_WEEKDAYS)
    + r"))['\u2019]s (?i:summit|meeting|talks|visit|call)\b"
)
#: A dateline: a place, perhaps its country ("APIA, Samoa", "Brasilia [Brazil]"), perhaps a
#: date, perhaps the agency, then a dash, colon or full stop: "BEIJING, May 5 (Xinhua) --",
#: "MOSCOW, November 28. /TASS/.", "Lima, July 6 (ANDINA).".
_DATELINE: Final = Pattern(
    r"^(?P<place>[A-Z][A-Za-z .'/-]{1,30}?)(?:\s*\[[^\]]{1,30}\]|\s*\([A-Z][a-z]+\)(?=,))?"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?)(?=\s*[,(/\u2014\u2013-]))?"
    r"(?:,\s*(?P<date>(?:[A-Z][a-z]+,? )?(?:[A-Z][a-z]{2,8}\.?"
    r" \d{1,2}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8}\.?)(?:,? \d{4})?))?"
    r"(?:,\s*[A-Z][\w-]+(?= --| -))?"  # "DUSHANBE, June 11, 2018, Asia-Plus --"
    r"\.?,?\s*(?P<agency>\([^)]*\)|/[A-Z]+/)?"
    r"(?:\s*(?::|\u2014|\u2013|--| -|\||\.(?= [A-Z]))|(?<=\))(?= [A-Z]))",
)
#: Before a dateline: a stored page's date, an aggregator's credit ("(MENAFN- KUNA)").
_BEFORE_DATELINE: Final = Pattern(r"^\s*(?:date \d{4}-\d{2}-\d{2}\s+)?(?:\(.*?\)\)?\s+)?")
#: An agency's or outlet's initials where a dateline's place would be ("VGP -", "AA -").
_AGENCY: Final = Pattern(
    r"(?:[B-DF-HJ-NP-TV-Z]{2,5}|AFP|AP|AA|ANI|IANS|ENA|SIS|SPA|WAM|KUNA|TASS|IRNA|APA|MENA|QNA|"
    r"BNA|ONA|UNB|APP|BSS|VNA|KPL|IPS|AKI|ANSA|EFE|DPA|RIA|PNA|FNA|SANA|NNA|TAP|MAP|APS)"
)


class Dateline(NamedTuple):
    place: str | None
    #: The date it prints, as a match of _DAY_MONTH in TEXT, and that text.
    date: re.Match[str] | None
    text: str
    #: Where the dateline starts and ends in the document.
    start: int
    end: int


def _dateline(doc: Document) -> Dateline | None:
    """The dateline at the start of one of the first paragraphs: any form in the first,
    one in capitals or with a date or an agency in the next five."""
    for n, paragraph in enumerate(doc.paragraphs[:6]):
        text = doc.text[paragraph.start : paragraph.end]
        lead = _BEFORE_DATELINE.match(text)
        skip = lead.end() if lead else 0
        found = _DATELINE.match(text[skip:])
        if found is None:
            continue
        place = found.group("place").strip()
        agency = found.group("agency") or ""
        if _NOT_A_DATELINE.match(place):
            continue
        if found.group().endswith(")") and not _DAY_MONTH.search(agency):
            continue  # "India-Brazil-South Africa (IBSA) Dialogue": a name, no dateline
        if n and not (place.isupper() or found.group("date") or found.group("agency")):
            continue
        if _AGENCY.fullmatch(place):
            place = None
        elif place.isupper():
            place = place.title()
        date = _DAY_MONTH.search(found.group("date") or agency)
        start = paragraph.start + skip
        return Dateline(place, date, found.group("date") or "", start, start + found.end())
    return None


_PLACE: Final = Pattern(
    r"\b(?:in|at) (?P<place>(?:the )?[A-Z][\w'-]+(?: (?:(?:de|da|do|del|la|al|el) )?[A-Z][\w'-]+)?)"
    r"(?= on\b|,| where\b| for\b|\.|$| to\b| and\b| today\b| after\b| during\b| this\b)"
)
#: A place the text names as such: "the Russian city of Sochi", "travelled to Sydney".
_CITY: Final = Pattern(
    r"\b(?:(?:city|capital|town|resort) of|(?:travel(?:l)?ed|flew|arrived) (?:to|in)) "
    r"(?P<place>[A-Z][\w'-]+(?: (?:(?:de|da|do|del|la|al|el) )?[A-Z][\w'-]+)?)"
)
_URL_DATE: Final = lazy(
    r"/(?P<y>20\d{2})/(?P<m>\d{1,2}|[a-z]{3})/(?P<d>\d{1,2})/"
    # "/20240820-", "/2023-03-10/", a story's number that opens with its day ("/AEN20230314004")
    r"|(?:/|(?<=[A-Za-z_]))(?P<y2>20\d{2})(?P<sep>-?)(?P<m2>[01]\d)(?P=sep)(?P<d2>[0-3]\d)"
    r"(?=[-/_.]|\d|$)"
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
_NOT_A_ROUND_AFTER: Final = Pattern(
    r"\s+(?:in (?:\w+ ){0,2}(?:years?|decades?)|since\b|to be held\b)"
)
_NOT_THIS_MEETING_BEFORE: Final = Pattern(
    # A meeting to be convened or held is a later one ("agreed to convene the Ninth ...").
    r"\b(?:invit\w*|next|upcoming|forthcoming|ahead of|attend|host|convene|to hold)\b[^.]{0,30}$",
    re.IGNORECASE,
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


def _publication(
    doc: Document, published: dt.date | None, printed: tuple[dt.date, str] | None
) -> tuple[dt.date | None, str | None]:
    if published:
        return published, "the page's publication date"
    # The first paragraph's opening, where a dateline prints its date; not its sentences.
    head = doc.text[doc.paragraphs[0].start : doc.paragraphs[0].end][:70] if doc.paragraphs else ""
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
        if match and not _NOT_THE_DAY.search(line, 0, match.start()):
            month, day, year = _month_day(match)
            year = year or (from_url.year if from_url else None)
            if year:
                try:
                    return dt.date(year, month, day), "the dateline"
                except ValueError:
                    pass
    if printed is not None:
        return printed[0], _PRINTED_ON_PAGE
    if from_url:
        return from_url, "the date in the page's URL"
    return None, None


_PRINTED_ON_PAGE: Final = "the date printed on the page"


def _date_line(doc: Document) -> tuple[dt.date, str] | None:
    """The first line near the top that is a full date and nothing else, or a "Published:"
    line anywhere, with its words."""
    for number, line in enumerate(doc.text.splitlines()):
        if len(line) > 60:
            continue
        match = _DATE_LINE.match(line)
        if match is None or (number > _DATE_LINE_TOP and not re.search(r"(?i)publish", line)):
            continue
        if match["text"]:
            words = _DAY_MONTH.search(match["text"])
            if words is None:
                continue
            month, day, year = _month_day(words)
            with contextlib.suppress(ValueError, TypeError):
                return dt.date(year or 0, month, day), _written(line, match)
            continue
        found = _numeric_day(doc, int(match["a"]), int(match["b"]), int(match["y"]))
        if found is not None:
            return found, _written(line, match)
    return None


def _written(line: str, match: re.Match[str]) -> str:
    """A date line's words, without its bullet and label ("Published:")."""
    return line[match.end("label") if match["label"] else 0 :].strip(" \u2022*\u00b7-")


def _numeric_day(doc: Document, a: int, b: int, year: int) -> dt.date | None:
    """The date "A/B/YEAR" stands for: day and month as only one order allows, or, where
    both do, the order that falls on the weekday the opening names ("on Saturday"); None
    when nothing settles it."""
    readings = []
    for month, day in ((a, b), (b, a)):
        with contextlib.suppress(ValueError):
            readings.append(dt.date(year, month, day))
    readings = list(dict.fromkeys(readings))
    if len(readings) == 1:
        return readings[0]
    opening = " ".join([doc.title or "", *(doc.slice(s) for s in doc.sentences[:5])])
    named = {m.group(1) or m.group(2) or m.group(3) for m in _ON_WEEKDAY.finditer(opening)}
    days = {_WEEKDAYS.index(w.casefold()) for w in named if w}
    fitting = [r for r in readings if r.weekday() in days]
    return fitting[0] if len(fitting) == 1 else None


#: Where a sentence says the meeting was: "a rare meeting in Athens", "talks in Cairo",
#: "met in the South Korean port of Busan", "signed in Samarkand".
_MET_IN: Final = Pattern(
    r"\b(?:met|meet(?:s|ing)?|talks|summit|signed|gathered|convened|hosted|received|welcomed|"
    r"held|took place)"
    r"\b(?: (?!(?:whose|which|who|that|where|when|after|before|while)\b)[\w'\u2019-]+){0,12}?"
    r" (?:in|at) (?:the (?:[\w-]+ ){0,3}(?:city|port|capital|town|"
    r"resort)(?: of|,)? )?(?P<place>[A-Z][\w'-]+(?: (?:(?:de|da|do|del|la|al|el) )?[A-Z][\w'-]+)?)"
    r"(?! (?:office|headquarters|building|compound|premises)\b)"
)
_NOT_A_PLACE: Final = Pattern(
    r"(?:" + "|".join(m.capitalize() for m in _MONTHS if len(m) > 3) + r"|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|May|The|This|Which|His|Her|Their)\b"
)
#: "in X" after a topic names where the topic is, not where they met: "the war in Ukraine".
_TOPIC_IN: Final = Pattern(
    r"\b(?:war|conflict|crisis|situation|peace|security|stability|investment|trade|"
    r"attack|violence|fighting|elections?|developments|invest(?:ing)?)\s+$",
    re.IGNORECASE,
)
#: Words at a paragraph's start, before a colon or dash, that are no dateline's place.
_NOT_A_DATELINE: Final = Pattern(
    r"(?i:watch|listen|video|photo|updated?|read|time|date|source|home|published|posted|"
    r"breaking|exclusive|opinion|analysis|editorial|press release|by|news|world|nation)$"
)
#: A venue the meeting is held at: "at the Malacanang Palace", "in the Kremlin", "at
#: Downing Street", "at the Taumeasina Island Resort".
_VENUE: Final = Pattern(
    r"\b(?:at|in) (?:the )?(?P<venue>(?:[A-Z][\w'\u2019.-]*\s+){0,4}(?:Palace|House|Hall|"
    r"Complex|Villa|Castle|Hotel|Centre|Center|Buildings?|Residence|Auditorium|Street|Resort|"
    r"Kremlin|Chancellery|Manor|Estate)(?: of the (?:[A-Z][\w'\u2019]*\s?){1,4})?|Kremlin|"
    r"\u00c9lys\u00e9e|Elysee)\b(?:, (?P<city>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)(?=[.;,]| on\b|$))?"
)


def _met_in(sentences: list[str]) -> str | None:
    """The place a sentence of meeting names; it beats a dateline, which may be only where
    the report was filed."""
    for sentence in sentences:
        for match in _MET_IN.finditer(_unquoted(sentence)):
            place = re.sub(r"['\u2019]s\b.*", "", match.group("place"))  # "Beijing's Great Hall"
            if not _NOT_A_PLACE.match(place) and not re.fullmatch(r"[A-Z]{2,5}", place):
                return place
    return None


def _unquoted(sentence: str) -> str:
    """SENTENCE with what is inside quotation marks blanked: a speaker's "in Kerman"."""
    return re.sub(
        r"[\"\u201c][^\"\u201d]*(?:[\"\u201d]|$)", lambda m: " " * len(m.group()), sentence
    )


def _location(body: list[str], dateline: Dateline | None) -> str | None:
    """Where the meeting was: the place a sentence of meeting names, else the dateline's,
    else "in X"; with the venue before it where one is named ("Malacanang Palace, Manila"),
    and the dateline's city before a country ("Apia, Samoa")."""
    location = _met_in(body[:6])
    city = dateline.place if dateline else None
    if location and city and country_of(location) and not country_of(city):
        location = f"{city}, {location}"
    if location is None and dateline:
        location = dateline.place
    if location is None:
        for sentence in body[:6]:
            plain = _unquoted(sentence)
            found = next(
                (f for f in _PLACE.finditer(plain) if not _TOPIC_IN.search(plain, 0, f.start())),
                None,
            )
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
    venue = next((v for s in body[:6] for v in _VENUE.finditer(_unquoted(s))), None)
    if venue is None:
        return location
    place = venue.group("venue").strip()
    location = location or venue.group("city")
    return place if location is None or location in place else f"{place}, {location}"


#: Before a date: a span of days ("16-18 December"), or another event's time ("after
#: assuming office on 17 November", "since 2019").
_NOT_THE_DAY: Final = Pattern(
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
            if year and not _NOT_THE_DAY.search(sentence, 0, match.start()):
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
    dateline = _dateline(doc)
    location = _location(body, dateline)
    line = _date_line(doc)  # a date printed on a line of its own, if any
    anchor, anchor_source = _publication(doc, published, line)
    if anchor is None:
        anchor, anchor_source = _printed(body[:10])
    filed = _filed(dateline, anchor)
    if filed:  # "on Friday" counts back from the day the report was filed
        anchor, anchor_source = filed, "the dateline"
    date, written, note = _day(doc, dateline, anchor, anchor_source)
    if note == SPANNED:
        note = None
    elif date is None and line is not None and line[0] == anchor:
        # A date printed under the headline, and no day in the opening: that date, to check.
        date, written = line
        note = f'The page prints "{written}" as its date; check that the meeting was that day.'
    if date is None and filed and dateline and dateline.date:
        date, written = filed, dateline.date.group()
        note = f'The dateline says "{written}", the day of the report; check the meeting\'s day.'
    return Meeting(title, ordinal, location, date, written, note, anchor, from_headline)


def _filed(dateline: Dateline | None, anchor: dt.date | None) -> dt.date | None:
    """The date a dateline prints, its year from the page's date where it gives none."""
    if dateline is None or dateline.date is None:
        return None
    month, day, year = _month_day(dateline.date)
    year = year or (anchor.year if anchor else None)
    try:
        return dt.date(year, month, day) if year else None
    except ValueError:
        return None


#: After a date: the end of a span of days ("from March 6 to 10", "July 17 and 18").
#: The note of a meeting whose opening gives a span of days ("from March 10-11").
SPANNED: Final = "spanned"
_SPAN_AFTER: Final = Pattern(r"\s*(?:-|\u2013|to|and|until)\s*\d{1,2}\b")


def _day(
    doc: Document, dateline: Dateline | None, anchor: dt.date | None, anchor_source: str | None
) -> tuple[dt.date | None, str | None, str | None]:
    """The meeting's day from the first sentences' words, past the dateline: a printed date,
    "on Friday", "today" or "yesterday"; none where the text fixes no day. The note is
    SPANNED when the opening gives a span of days and no one day."""
    spanned = False
    for span in doc.sentences[:10]:
        start = span.start
        if dateline and span.start < dateline.end and dateline.start < span.end:
            start = min(span.end, dateline.end)  # its own date is the report's day
        sentence = doc.text[start : span.end]
        explicit = _meeting_day(sentence)
        if explicit and _SPAN_AFTER.match(sentence, explicit.end()):
            # "a visit from March 10-11": no one day, unless a later sentence names it.
            spanned = True
            continue
        if explicit:
            month, day, printed = _month_day(explicit)
            year = printed or (anchor.year if anchor else None)
            try:
                date = dt.date(year, month, day) if year else None
                if date and anchor and not printed and date > anchor + dt.timedelta(days=1):
                    date = dt.date(anchor.year - 1, month, day)  # "Dec 30" in a January report
            except ValueError:
                date = None
            if date and not _elsewhen(date, anchor, 365 if printed else 60):
                written = explicit.group()
                if printed:
                    return date, written, None
                return (
                    date,
                    written,
                    f'The source says "{written}"; the year is that of {anchor_source}.',
                )
        weekday = _ON_WEEKDAY.search(sentence)
        if weekday:
            written = weekday.group(1) or weekday.group(2) or weekday.group(3)
            if anchor is None:
                return None, written, None
            back = (anchor.weekday() - _WEEKDAYS.index(written.casefold())) % 7
            note = (
                f'The source says only "on {written}"; the calendar date is the {written}'
                f" on or before {anchor.isoformat()}, {anchor_source}."
            )
            return anchor - dt.timedelta(days=back), written, note
        same_day = _SAME_DAY.search(sentence)
        if same_day and anchor:
            written = same_day.group()
            return anchor, written, f'The source says "{written}"; the date is {anchor_source}.'
        if _YESTERDAY.search(sentence) and anchor:
            note = f'The source says "yesterday"; the date is the day before {anchor_source}.'
            return anchor - dt.timedelta(days=1), "yesterday", note
    return None, None, SPANNED if spanned else None


def _elsewhen(date: dt.date, anchor: dt.date | None, days: int) -> bool:
    """Whether DATE is another event's: after the report, or DAYS or more before it."""
    return anchor is not None and not (
        anchor - dt.timedelta(days=days) <= date <= anchor + dt.timedelta(days=1)
    )
