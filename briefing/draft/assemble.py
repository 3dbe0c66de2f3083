"""Several reports of one meeting to one knowledge file, in the plain form YAML holds.

Each source is read on its own (people, quotations and speakers, commitments,
discussions, events); then the people are merged by name ("S Jaishankar" and
"S. Jaishankar" are one participant, with the other form as an alias), a
quotation printed identically by two sources is kept once, and every item
cites the source it came from. Whatever the drafter wrote in its own words,
or had to choose, carries a `review` note.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any, Final, NamedTuple, Protocol

from briefing.draft.document import Document, read_document
from briefing.draft.items import Found, country_names, country_names_all, find_items
from briefing.draft.meeting import Meeting, read_meeting
from briefing.draft.people import Cast, Person, find_chairs, find_people
from briefing.draft.plain import build_plain
from briefing.draft.quotes import find_quotations
from briefing.draft.speakers import Attributed, Speaker, attribute_all
from briefing.draft.topics import Grouping, group_topics

_SLUG_SKIP: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "this",
        "that",
        "it",
        "its",
        "their",
        "our",
        "we",
        "i",
    ]
)
#: Where a date nobody printed would go: an obvious placeholder, never a guess.
PLACEHOLDER_DATE: Final = dt.date(1970, 1, 1)


class SourceLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def publisher(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def file(self) -> str | None: ...


class _Read(NamedTuple):
    source_id: str
    doc: Document
    cast: Cast
    quotes: list[Attributed]
    items: list[Found]
    meeting: Meeting
    #: Who chaired, as the people of this source (see people.find_chairs).
    chairs: list[str]


def slug(words: str, *, limit: int = 5) -> str:
    tokens = [t for t in re.findall(r"[a-z0-9]+", words.casefold()) if t not in _SLUG_SKIP]
    return "-".join(tokens[:limit]) or "item"


def _unique(base: str, taken: set[str]) -> str:
    key, n = base, 2
    while key in taken:
        key = f"{base}-{n}"
        n += 1
    taken.add(key)
    return key


def _source_id(source: SourceLike, taken: set[str]) -> str:
    if source.url:
        host = re.sub(r"^(?:www\.|amp\.|m\.)", "", re.split(r"/+", source.url)[1]).split(".")[0]
        base = slug(host, limit=2)
    elif source.file or source.name not in ("-", ""):
        stem = re.sub(r"\.[A-Za-z]+$", "", (source.file or source.name).rsplit("/", 1)[-1])
        base = slug(stem, limit=3)
    else:
        base = "article"
    return _unique(base, taken)


def _read(source: SourceLike, source_id: str) -> _Read:
    doc = read_document(source.text)
    cast = find_people(doc)
    quotes = attribute_all(doc, cast, find_quotations(doc))
    spans = [(a.quote.start, a.quote.end) for a in quotes]
    items = find_items(doc, cast, spans)
    meeting = read_meeting(doc, source.date, source.title or doc.title)
    return _Read(source_id, doc, cast, quotes, items, meeting, find_chairs(doc, cast))


class _People:
    """Participants across sources, merged by name."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []
        self.words: list[set[str]] = []
        self.local: dict[tuple[str, str], str] = {}

    @staticmethod
    def _words(name: str) -> set[str]:
        return {w.casefold().rstrip(".") for w in name.split() if len(w.rstrip(".")) > 1}

    def add(self, source_id: str, cast: Cast, person: Person) -> None:
        words = self._words(person.name)
        for index, known in enumerate(self.words):
            if words and (words <= known or known <= words):
                entry = self.entries[index]
                if person.name != entry["name"]:
                    entry["aliases"].append(person.name)
                entry["aliases"].extend(cast.forms.get(person.key, ()))
                self.local[(source_id, person.key)] = entry["id"]
                if entry["role"] is None and person.role:
                    entry["role"] = person.role
                if entry["country"] is None and person.country:
                    entry["country"] = person.country
                return
        key = _unique(person.key, {e["id"] for e in self.entries})
        self.entries.append(
            {
                "id": key,
                "name": person.name,
                "aliases": list(cast.forms.get(person.key, ())),
                "role": person.role,
                "country": person.country,
                "notes": list(person.notes),
            }
        )
        self.words.append(words)
        self.local[(source_id, person.key)] = key


def _parties(people: _People, reads: list[_Read]) -> list[str]:
    """The sides: countries the meeting's name joins ("India-Japan"), those of the people
    named, and those that commit, in that order."""
    found: list[str] = []
    for read in reads:
        for name in country_names(read.meeting.title or ""):
            if name not in found:
                found.append(name)
    for entry in people.entries:
        if entry["country"] and entry["country"] not in found:
            found.append(entry["country"])
    if len(found) < 2:
        for read in reads:
            for item in read.items:
                if item.what != "commitment":
                    continue
                for name in country_names(item.subject):
                    if name not in found:
                        found.append(name)
    text = reads[0].doc.text if reads else ""
    first = {n: i for i, n in reversed(list(enumerate(country_names_all(text))))}
    found.sort(key=lambda n: first.get(n, len(text)))
    if len(found) < 2:
        # The country the article names most often, besides those found.
        counts: dict[str, int] = {}
        for read in reads:
            for name in country_names_all(read.doc.text):
                counts[name] = counts.get(name, 0) + 1
        ranked = sorted((n for n in counts if n not in found), key=lambda n: -counts[n])
        found.extend(ranked[: 2 - len(found)])
    return found


def _infer_countries(people: _People, sides: list[str]) -> None:
    """A counterpart's country is the other side of a two-sided meeting."""
    others = {p["country"] for p in people.entries if p["country"]}
    for entry in people.entries:
        if entry["country"] is None and len(sides) == 2 and len(others) == 1:
            missing = [s for s in sides if s not in others]
            if len(missing) == 1:
                entry["country"] = missing[0]
                entry["notes"].append("country inferred: the other side of a two-sided meeting")


def draft_plain(
    sources: Sequence[SourceLike], *, date: dt.date | None = None, ident: str | None = None
) -> dict[str, Any]:
    """The knowledge file for the meeting SOURCES report, as plain data."""
    taken: set[str] = set()
    reads = [_read(s, _source_id(s, taken)) for s in sources]
    people = _People()
    for read in reads:
        for person in read.cast.people:
            people.add(read.source_id, read.cast, person)
    sides = _parties(people, reads)
    _infer_countries(people, sides)
    topics: Grouping = group_topics([(r.source_id, r.doc, r.items, r.quotes) for r in reads])
    return build_plain(
        sources=sources,
        reads=reads,
        people=people,
        sides=sides,
        topics=topics,
        date=date,
        ident=ident,
    )


def meeting_key(source: SourceLike) -> str:
    """What tells one meeting from another: its name and date as the article gives them."""
    doc = read_document(source.text)
    meeting = read_meeting(doc, source.date, source.title or doc.title)
    named = meeting.ordinal is not None and meeting.date is not None and meeting.title
    title = " ".join(re.findall(r"[a-z0-9]+", (meeting.title or "").casefold()))
    return f"{title}|{meeting.date}" if named else f"source|{source.name}"


def file_name(plain: dict[str, Any]) -> str:
    """The file a draft is written to in a directory: its date and id."""
    dialogue = plain["dialogue"]
    return f"{dialogue['date']}-{dialogue['id']}.yaml"


__all__ = ["PLACEHOLDER_DATE", "SourceLike", "Speaker", "draft_plain", "slug"]
