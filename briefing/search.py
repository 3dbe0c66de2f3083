"""Search: every record whose text holds each of the words, where a word starts.

A query is words and "quoted phrases": a word matches where a word of the text starts with it
("secur" finds "security"), a phrase where its words follow one another in that way
("maritime sec" finds "maritime security"), and a record is found when every word and phrase
matches. Hits come in the order of the meetings, or with `relevance` most matches first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from briefing.match import names_of
from briefing.model import Dialogue
from briefing.records import data_table, meetings_json
from briefing.views import Column, Table, View


class _Hit(NamedTuple):
    kind: str
    dialogue: Dialogue
    id: str
    text: str
    haystack: str
    #: For a quote: who said it (a participant or a party).
    speaker_id: str | None = None
    speaker_name: str | None = None
    #: What a person should still check in the record.
    review: str | None = None

    @property
    def shown(self) -> str:
        """The text as a table shows it: a quote followed by its speaker."""
        text = " ".join(self.text.split())
        return f"{text} ({self.speaker_name})" if self.speaker_name else text


def searchable(d: Dialogue) -> Iterator[_Hit]:
    """Every record of D that search looks in, with the text it looks in (its haystack)."""
    for t in d.topics:
        yield _Hit("topic", d, t.id, t.name, f"{t.name} {t.summary}", review=t.review)
    for c in d.commitments:
        names = " ".join(o.name for o in c.other_names)
        kind = "interest" if c.kind == "interest" else "commitment"
        haystack = f"{c.text} {c.evidence.text} {names}"
        yield _Hit(kind, d, c.id, c.text, haystack, review=c.review)
    for x in d.discussions:
        haystack = f"{x.text} {x.evidence.text}"
        yield _Hit("discussion", d, x.id, x.text, haystack, review=x.review)
    for q in d.quotes:
        p = d.find_participant(q.speaker)
        who, names = (p.name, names_of(p)) if p else (d.party_name(q.speaker), q.speaker)
        yield _Hit("quote", d, q.id, q.text, f"{q.text} {names}", q.speaker, who, q.review)
    for e in d.events:
        yield _Hit("event", d, e.id, e.text, f"{e.text} {e.evidence.text}", review=e.review)
    for p in d.participants:
        shown = f"{p.name}, {p.role}, {p.country}"
        yield _Hit("person", d, p.id, shown, f"{names_of(p)} {p.role}", review=p.review)


#: A phrase in straight or curly double quotation marks.
_PHRASE = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]*)[\"\u201c\u201d]?")


def query_terms(query: str) -> list[tuple[str, ...]]:
    """The words and phrases of QUERY, each as its words: 'trade "maritime security"' gives
    [("trade",), ("maritime", "security")]. A mark left open runs to the end."""
    terms: list[tuple[str, ...]] = []
    at = 0
    for phrase in _PHRASE.finditer(query):
        terms += [(w,) for w in query[at : phrase.start()].split()]
        words = tuple(phrase.group(1).split())
        if words:
            terms.append(words)
        at = phrase.end()
    terms += [(w,) for w in query[at:].split()]
    return terms


def word_patterns(query: str) -> list[re.Pattern[str]]:
    """One pattern per word or phrase of QUERY, matching where a word starts (a phrase's
    words each where the next word starts), ignoring case."""
    return [
        re.compile(r"(?<!\w)" + r"\w*\W+".join(re.escape(w) for w in words), re.IGNORECASE)
        for words in query_terms(query)
    ]


def _relevance(hit: _Hit, patterns: list[re.Pattern[str]]) -> int:
    """How well a hit answers: each match in the record's own text counts twice, each in
    what else it is searched in (evidence, names) once."""
    return sum(len(p.findall(hit.text)) + len(p.findall(hit.haystack)) for p in patterns)


def search_view(dialogues: tuple[Dialogue, ...], query: str, order: str = "meeting") -> View:
    patterns = word_patterns(query)
    hits = [
        h
        for d in dialogues
        for h in searchable(d)
        if patterns and all(p.search(h.haystack) for p in patterns)
    ]
    if order == "relevance":
        # Most matches first; equal ones in the order of the meetings.
        hits.sort(key=lambda h: -_relevance(h, patterns))
    table = Table(
        f"Search: {query}",
        (
            Column("Dialogue", "dialogue"),
            Column("Kind", role="label"),
            Column("Id", "id"),
            Column("Text", role="main"),
            Column("Review", "review"),
        ),
        tuple((h.dialogue.id, h.kind, h.id, h.shown, h.review or "") for h in hits),
        f"Nothing matches '{query}'.",
    )
    found: list[dict[str, Any]] = [
        {
            "dialogue_id": h.dialogue.id,
            "record": h.kind,
            "id": h.id,
            "text": h.text,
            "speaker_id": h.speaker_id,
            "speaker_name": h.speaker_name,
            "review": h.review,
        }
        for h in hits
    ]
    columns = (
        (Column("Dialogue", "dialogue"), "dialogue_id"),
        (Column("Record", role="label"), "record"),
        (Column("Id", "id"), "id"),
        (Column("Text", role="main"), "text"),
        (Column("Speaker", role="label"), "speaker_name"),
        (Column("Review", "review"), "review"),
    )
    machine = data_table(f"Search: {query}", found, columns)
    data: dict[str, Any] = {"query": query, "hits": found, "dialogues": meetings_json(dialogues)}
    if order != "meeting":
        data["order"] = order
    shown = tuple(w for words in query_terms(query) for w in words)
    return View("search", (table,), data, machine, shown)
