"""Items awaiting review: what a person should still check before an item is trusted.

Any item of a knowledge file may carry a `review` note ("speaker resolved from
'he' across a paragraph"); deleting the line signs the item off. `validate`
counts the items that still carry one, per file, and with --strict reports each
as a problem located at its note. The renderers mark such items wherever they
show them.
"""

from __future__ import annotations

from collections import Counter
from typing import Final, NamedTuple

from briefing.errors import Problem
from briefing.model import (
    Commitment,
    Dialogue,
    Discussion,
    Event,
    Knowledge,
    Participant,
    Party,
    Progress,
    Quote,
    Topic,
)

Item = Party | Participant | Topic | Commitment | Discussion | Quote | Event | Progress

#: What the hint of a problem says to do.
SIGN_OFF: Final = "check it, then delete its review line"
#: A meeting whose date was not found awaits review until a person adds it.
NO_DATE_NOTE: Final = "the meeting's date was not found"
_ADD_DATE: Final = "add `date: YYYY-MM-DD` under `dialogue:` once the date is known"

_PLURALS: Final = {"party": "parties", "progress entry": "progress entries"}


class Pending(NamedTuple):
    """One item awaiting review."""

    #: Where its note is written, as problems name a field ("quotes[2].review").
    path: str
    #: What it is: "quote", "progress entry", "dialogue".
    kind: str
    #: Which one: "quote 'paramount'", "progress entry of 2026-03-12 on DIALOGUE/COMMITMENT".
    name: str
    note: str


def _name(kind: str, item: Item) -> str:
    if isinstance(item, Progress):
        return f"{kind} of {item.date.isoformat()} on {item.commitment}"
    return f"{kind} '{item.id}'"


def pending(d: Dialogue) -> list[Pending]:
    """The items of D that await review, in the order of the file's sections."""
    found = []
    if d.review:
        found.append(Pending("dialogue.review", "dialogue", f"dialogue '{d.id}'", d.review))
    if d.date is None:
        found.append(Pending("dialogue.date", "date", f"dialogue '{d.id}'", NO_DATE_NOTE))
    sections: tuple[tuple[str, str, tuple[Item, ...]], ...] = (
        ("parties", "party", d.parties),
        ("participants", "participant", d.participants),
        ("topics", "topic", d.topics),
        ("commitments", "commitment", d.commitments),
        ("discussions", "discussion", d.discussions),
        ("quotes", "quote", d.quotes),
        ("events", "event", d.events),
        ("progress", "progress entry", d.progress),
    )
    for key, kind, items in sections:
        for i, item in enumerate(items):
            if item.review:
                found.append(Pending(f"{key}[{i}].review", kind, _name(kind, item), item.review))
    return found


def _count(kind: str, n: int) -> str:
    if kind == "dialogue":
        return "the dialogue"
    if kind == "date":
        return "the date"
    return f"{n} {kind if n == 1 else _PLURALS.get(kind, kind + 's')}"


def notices(knowledge: Knowledge) -> list[str]:
    """One line per file with items awaiting review: how many, of which kinds, what to do.

    'data/x.yaml: 7 items await review (3 commitments, 4 quotes); list them with
    --strict, and delete each review line once checked'
    """
    lines = []
    for d in sorted(knowledge.dialogues, key=lambda d: d.path):
        found = pending(d)
        if not found:
            continue
        kinds = ", ".join(_count(k, n) for k, n in Counter(p.kind for p in found).items())
        n = len(found)
        lines.append(
            f"{d.path}: {n} {'item awaits' if n == 1 else 'items await'} review ({kinds});"
            " list them with --strict, and delete each review line once checked"
        )
    return lines


def problems(knowledge: Knowledge, located: dict[str, dict[str, tuple[int, int]]]) -> list[Problem]:
    """Each item awaiting review as a problem located at its note, file by file.

    LOCATED holds where each dialogue's located fields are, by dialogue id
    (`briefing.load.load_located`).
    """
    found = []
    for d in sorted(knowledge.dialogues, key=lambda d: d.path):
        marks = located.get(d.id, {})
        here = []
        for p in pending(d):
            if p.kind == "date":
                # Nothing to point at in the file but the meeting's record.
                line, column = marks.get("dialogue", marks.get("dialogue.review", (0, 0)))
                message, hint = f"{p.name}: {p.note}", _ADD_DATE
            else:
                line, column = marks.get(p.path, (0, 0))
                message, hint = f"{p.name} awaits review: {p.note}", SIGN_OFF
            here.append(Problem(d.path, line, column, p.path, message, hint))
        found += sorted(here, key=lambda p: (p.line, p.column))
    return found
