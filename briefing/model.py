"""The knowledge model: what a knowledge file says, as immutable, typed values.

NamedTuples rather than frozen dataclasses: they are as immutable and as well
typed, but a class costs a tenth of the time to create at import (this module
is on every command's start-up path) and an instance is smaller and faster
to build, which matters when a cached archive of thousands of dialogues loads.
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal, NamedTuple

SCHEMA_VERSION: Final = 1

Kind = Literal["decision", "plan", "reaffirmation", "confirmation", "interest"]
Status = Literal["agreed", "planned", "under way", "done", "lapsed"]

KINDS: Final[tuple[Kind, ...]] = (
    "decision",
    "plan",
    "reaffirmation",
    "confirmation",
    "interest",
)
STATUSES: Final[tuple[Status, ...]] = ("agreed", "planned", "under way", "done", "lapsed")

KIND_LABELS: Final[dict[str, str]] = {
    "decision": "new decision",
    "plan": "plan",
    "reaffirmation": "reaffirmation",
    "confirmation": "confirmed plan",
    "interest": "interest only",
}


class OtherName(NamedTuple):
    """A name for something that the source does not use, with a note saying so."""

    name: str
    note: str


class Evidence(NamedTuple):
    source: str
    text: str


class Window(NamedTuple):
    """A normalised date window; always an interpretation of a vaguer timeline."""

    start: dt.date
    end: dt.date
    note: str


class Source(NamedTuple):
    id: str
    title: str
    publisher: str | None
    url: str | None
    date: dt.date | None
    file: str | None


class Party(NamedTuple):
    id: str
    name: str


class Participant(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    other_names: tuple[OtherName, ...]
    role: str
    role_note: str | None
    country: str


class Topic(NamedTuple):
    id: str
    name: str
    summary: str


class Commitment(NamedTuple):
    id: str
    text: str
    by: tuple[str, ...]
    stated_by: str | None
    topics: tuple[str, ...]
    kind: Kind
    timeline: str | None
    window: Window | None
    status: Status | None
    note: str | None
    other_names: tuple[OtherName, ...]
    evidence: Evidence


class Discussion(NamedTuple):
    id: str
    text: str
    topics: tuple[str, ...]
    evidence: Evidence


class Quote(NamedTuple):
    id: str
    speaker: str
    text: str
    topics: tuple[str, ...]
    context: str
    source: str


class Event(NamedTuple):
    id: str
    text: str
    participants: tuple[str, ...]
    when: str | None
    topics: tuple[str, ...]
    evidence: Evidence


class Dialogue(NamedTuple):
    id: str
    title: str
    ordinal: int | None
    date: dt.date
    date_as_written: str | None
    date_note: str | None
    location: str
    chairs: tuple[str, ...]
    sources: tuple[Source, ...]
    parties: tuple[Party, ...]
    participants: tuple[Participant, ...]
    topics: tuple[Topic, ...]
    commitments: tuple[Commitment, ...]
    discussions: tuple[Discussion, ...]
    quotes: tuple[Quote, ...]
    events: tuple[Event, ...]
    path: str

    def participant(self, pid: str) -> Participant:
        return next(p for p in self.participants if p.id == pid)

    def party_name(self, pid: str) -> str:
        """The display name of a party id, or of a participant id used as a party."""
        for party in self.parties:
            if party.id == pid:
                return party.name
        for person in self.participants:
            if person.id == pid:
                return person.name
        return pid

    def topic(self, tid: str) -> Topic:
        return next(t for t in self.topics if t.id == tid)

    def source(self, sid: str) -> Source:
        return next(s for s in self.sources if s.id == sid)


class Knowledge(NamedTuple):
    """Every dialogue loaded from one data location, in date order."""

    dialogues: tuple[Dialogue, ...]
