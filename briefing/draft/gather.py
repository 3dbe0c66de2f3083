"""Each source read on its own, and the people of all of them merged by name.

A source becomes its document, people, quotations with speakers, items, the
meeting it reports and who chaired it. People are one participant when one
name's words are all in the other's ("S Jaishankar" and "S. Jaishankar",
"Kamikawa Yoko" and "Yoko Kamikawa"); the other forms become aliases.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple, Protocol

from briefing.draft.document import Document, Ids, read_document
from briefing.draft.items import Found, find_items
from briefing.draft.meeting import Meeting, read_meeting
from briefing.draft.people import Cast, Person, find_chairs, find_people
from briefing.draft.quotes import find_quotations
from briefing.draft.speakers import Attributed, attribute_all


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


class Read(NamedTuple):
    source_id: str
    doc: Document
    cast: Cast
    quotes: list[Attributed]
    items: list[Found]
    meeting: Meeting
    #: Who chaired, as the people of this source (see people.find_chairs).
    chairs: list[str]


def source_id(source: SourceLike, taken: Ids) -> str:
    parts = re.split(r"/+", source.url or "")
    if source.url and len(parts) > 1:
        host = re.sub(r"^(?:www\.|amp\.|m\.)", "", parts[1]).split(".")[0]
        base = _id_part(host)
    elif source.file or source.name not in ("-", ""):
        stem = re.sub(r"\.[A-Za-z]+$", "", (source.file or source.name).rsplit("/", 1)[-1])
        base = _id_part("-".join(stem.split("_")[:4]))
    else:
        base = "article"
    return taken.add(base or "source")


def _id_part(words: str) -> str:
    """WORDS as a piece of an id: lower case, dashes, at most 30 characters."""
    return re.sub(r"[^a-z0-9]+", "-", words.casefold()).strip("-")[:30].strip("-")


def read_one(source: SourceLike, source_id: str) -> Read:
    doc = read_document(source.text)
    cast = find_people(doc)
    quotes = attribute_all(doc, cast, find_quotations(doc))
    spans = sorted((a.quote.start, a.quote.end) for a in quotes)
    items = find_items(doc, cast, spans)
    meeting = read_meeting(doc, source.date, source.title or doc.title)
    return Read(source_id, doc, cast, quotes, items, meeting, find_chairs(doc, cast))


class People:
    """Participants across sources, merged by name."""

    def __init__(self) -> None:
        self.keys = Ids()
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
        key = self.keys.add(person.key)
        self.entries.append(
            {
                "id": key,
                "name": person.name,
                "aliases": list(cast.forms.get(person.key, ())),
                "role": person.role,
                "country": person.country,
                "notes": list(person.notes),
                "counterpart_of": (
                    self.local.get((source_id, person.counterpart_of))
                    if person.counterpart_of
                    else None
                ),
            }
        )
        self.words.append(words)
        self.local[(source_id, person.key)] = key
