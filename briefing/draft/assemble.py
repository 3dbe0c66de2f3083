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
from typing import Any

from briefing.draft.document import Ids, read_document, slug
from briefing.draft.gather import People, Read, SourceLike, read_one, source_id
from briefing.draft.items import country_names, country_names_all
from briefing.draft.meeting import read_meeting
from briefing.draft.plain import build_plain
from briefing.draft.topics import Grouping, group_topics


def _parties(people: People, reads: list[Read]) -> list[str]:
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


def _infer_countries(people: People, sides: list[str]) -> None:
    """Someone's counterpart from one side of a two-sided meeting is from the other side
    ("S Jaishankar and his Japanese counterpart Toshimitsu Motegi")."""
    if len(sides) != 2:
        return
    by_id = {e["id"]: e for e in people.entries}
    for entry in people.entries:
        anchor = by_id.get(entry.get("counterpart_of") or "")
        if anchor is None or anchor["country"] is not None or entry["country"] not in sides:
            continue
        anchor["country"] = next(s for s in sides if s != entry["country"])
        anchor["notes"].append("country inferred: the other side from this person's counterpart")


def draft_plain(
    sources: Sequence[SourceLike], *, date: dt.date | None = None, ident: str | None = None
) -> dict[str, Any]:
    """The knowledge file for the meeting SOURCES report, as plain data."""
    taken = Ids()
    reads = [read_one(s, source_id(s, taken)) for s in sources]
    people = People()
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
    return f"{dialogue.get('date', 'undated')}-{dialogue['id']}.yaml"


__all__ = ["SourceLike", "draft_plain", "file_name", "meeting_key", "slug"]
