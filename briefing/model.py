"""The knowledge model: what a knowledge file says, as immutable, typed values.

NamedTuples rather than frozen dataclasses: they are as immutable and as well
typed, but a class costs a tenth of the time to create at import (this module
is on every command's start-up path) and an instance is smaller and faster
to build, which matters when a cached archive of thousands of dialogues loads.
"""

import datetime as dt
from typing import Final, Literal, NamedTuple

SCHEMA_VERSION: Final = 1

#: How a meeting whose date was not found reads, in every format but JSON (which says null).
NO_DATE: Final = "date not found"


def day_text(day: dt.date | None) -> str:
    """DAY as YYYY-MM-DD, or NO_DATE: a missing date is never shown as a real one."""
    return day.isoformat() if day is not None else NO_DATE


def day_json(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def day_key(day: dt.date | None) -> dt.date:
    """A sort key that puts a meeting whose date was not found after every dated one."""
    return day if day is not None else dt.date.max


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

#: Where a commitment stands when followed to a date (briefing.followups), most urgent first:
#: each state's id, the words every format shows, and what it means. A state says only
#: what the files read record by that date, never that a promise was kept or broken.
FOLLOW_UP_STATES: Final = (
    "passed",
    "open",
    "in progress",
    "upcoming",
    "undated",
    "superseded",
    "lapsed",
    "done",
)
STATE_LABELS: Final[dict[str, str]] = {
    "passed": "window passed, no progress recorded",
    "open": "window open",
    "in progress": "in progress",
    "upcoming": "window not yet open",
    "undated": "no window",
    "superseded": "superseded",
    "lapsed": "lapsed",
    "done": "done",
}
STATE_MEANINGS: Final[dict[str, str]] = {
    "passed": "its window has closed and the files read record no progress on it by the"
    " as-of date; this does not say the promise was broken, only that nothing is recorded",
    "open": "the as-of date is inside its window, and no progress is recorded yet",
    "in progress": "the latest progress recorded by the as-of date says it is under way",
    "upcoming": "its window opens after the as-of date",
    "undated": "it has no window: the file gives none and none could be read from its timeline",
    "superseded": "a later commitment, made by the as-of date, follows it",
    "lapsed": "the latest progress recorded (or the source) says it lapsed",
    "done": "the latest progress recorded (or the source) says it is done",
}
#: Names the states had before, still accepted by `--state`.
STATE_ALIASES: Final[dict[str, str]] = {"overdue": "passed", "due": "open"}

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


class Archive(NamedTuple):
    """Where a source's text is archived, and the hash that pins it."""

    path: str
    sha256: str
    retrieved: str | None


class Source(NamedTuple):
    id: str
    title: str
    publisher: str | None
    url: str | None
    date: dt.date | None
    file: str | None
    archive: Archive | None = None


class Party(NamedTuple):
    id: str
    name: str
    #: What a person should still check; None once the item is signed off.
    review: str | None = None


class Participant(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    other_names: tuple[OtherName, ...]
    role: str
    role_note: str | None
    country: str
    #: What a person should still check; None once the item is signed off.
    review: str | None = None


class Topic(NamedTuple):
    id: str
    name: str
    summary: str
    #: What a person should still check; None once the item is signed off.
    review: str | None = None


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
    #: Earlier commitments this one continues, as DIALOGUE_ID/COMMITMENT_ID.
    follows: tuple[str, ...] = ()
    #: What a person should still check; None once the item is signed off.
    review: str | None = None


class Progress(NamedTuple):
    """What later happened to a commitment, which may have been made in another dialogue."""

    #: DIALOGUE_ID/COMMITMENT_ID
    commitment: str
    date: dt.date
    status: Status
    text: str
    evidence: Evidence
    #: What a person should still check; None once the item is signed off.
    review: str | None = None


class Discussion(NamedTuple):
    id: str
    text: str
    topics: tuple[str, ...]
    evidence: Evidence
    #: What a person should still check; None once the item is signed off.
    review: str | None = None


class Quote(NamedTuple):
    id: str
    speaker: str
    text: str
    topics: tuple[str, ...]
    context: str
    source: str
    attribution: str | None = None
    #: What a person should still check; None once the item is signed off.
    review: str | None = None


class Event(NamedTuple):
    id: str
    text: str
    participants: tuple[str, ...]
    when: str | None
    topics: tuple[str, ...]
    evidence: Evidence
    #: What a person should still check; None once the item is signed off.
    review: str | None = None


class Dialogue(NamedTuple):
    id: str
    title: str
    ordinal: int | None
    series: str | None
    date: dt.date | None
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
    progress: tuple[Progress, ...]
    path: str
    #: What a person should still check about the meeting itself (its date, place, chairs).
    #: Written under `dialogue:` in the file, but last here: a field with a default must be.
    review: str | None = None

    def participant(self, pid: str) -> Participant:
        return _index(self).people[pid]

    def find_participant(self, pid: str) -> Participant | None:
        """The participant PID, or None when it names something else (a party)."""
        return _index(self).people.get(pid)

    def party_name(self, pid: str) -> str:
        """The display name of a party id, or of a participant id used as a party."""
        index = _index(self)
        party = index.parties.get(pid)
        if party is not None:
            return party.name
        person = index.people.get(pid)
        return person.name if person is not None else pid

    def name_of(self, pid: str) -> str:
        """Who PID names in a 'by' list: a participant first, else a party, else PID itself."""
        index = _index(self)
        person = index.people.get(pid)
        if person is not None:
            return person.name
        party = index.parties.get(pid)
        return party.name if party is not None else pid

    def topic(self, tid: str) -> Topic:
        return _index(self).topics[tid]

    def source(self, sid: str) -> Source:
        return _index(self).sources[sid]


class _Index(NamedTuple):
    dialogue: "Dialogue"
    people: dict[str, Participant]
    parties: dict[str, Party]
    topics: dict[str, Topic]
    sources: dict[str, Source]


# Lookups by id are dictionary lookups, built once per dialogue on first use.
# Keyed by identity (the entry keeps its dialogue alive, so the id stays valid),
# and bounded: a process that loads knowledge again and again (a test run, an
# editor's language server) starts afresh rather than keeping every dialogue.
_INDEXES: dict[int, _Index] = {}
_MAX_INDEXES: Final = 4096


def _index(d: Dialogue) -> _Index:
    entry = _INDEXES.get(id(d))
    if entry is None or entry.dialogue is not d:
        if len(_INDEXES) >= _MAX_INDEXES:
            _INDEXES.clear()
        entry = _Index(
            d,
            {p.id: p for p in d.participants},
            {p.id: p for p in d.parties},
            {t.id: t for t in d.topics},
            {s.id: s for s in d.sources},
        )
        _INDEXES[id(d)] = entry
    return entry


def forget(d: Dialogue) -> None:
    """Drop D's lookups: for a process that reads dialogues one at a time and keeps none
    (the index reads a whole archive), so that the lookups do not keep them alive."""
    entry = _INDEXES.get(id(d))
    if entry is not None and entry.dialogue is d:
        del _INDEXES[id(d)]


class Knowledge(NamedTuple):
    """Every dialogue loaded from one data location, in date order."""

    dialogues: tuple[Dialogue, ...]
