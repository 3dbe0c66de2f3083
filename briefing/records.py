"""One record of the model as a view piece, a table row or a JSON object.

Shared by the views in `query`, `summary` and `search`, so that a commitment or
a quote reads the same, and has the same JSON shape, wherever it appears.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final, NamedTuple

from briefing.model import (
    KIND_LABELS,
    NO_DATE,
    Commitment,
    Dialogue,
    Discussion,
    Evidence,
    OtherName,
    Quote,
    day_json,
)
from briefing.views import Block, Bullets, Column, Heading, QuoteBlock, SourcePassage, Table


class Listing(NamedTuple):
    """What the list of dialogues shows of one meeting: read from it, or from the index."""

    id: str
    title: str
    date: dt.date | None
    date_note: str | None
    location: str
    n_participants: int
    n_topics: int
    n_commitments: int
    n_interests: int
    n_quotes: int
    path: str
    review: str | None


def listing(d: Dialogue) -> Listing:
    interests = sum(1 for c in d.commitments if is_interest(c))
    return Listing(
        d.id, d.title, d.date, d.date_note, d.location, len(d.participants), len(d.topics),
        len(d.commitments) - interests, interests, len(d.quotes), d.path, d.review,
    )  # fmt: skip


def meetings_json(dialogues: Iterable[Dialogue]) -> list[dict[str, Any]]:
    """The meetings a view covers: what a page's header names (id, title, place and date)."""
    return [
        {
            "id": d.id,
            "title": d.title,
            "location": d.location,
            "date": day_json(d.date),
            "review": d.review,
        }
        for d in dialogues
    ]


def review_notes(notes: Iterable[str | None]) -> tuple[str, ...]:
    """The review notes of a list's items, "" for each signed off; () when all are."""
    found = tuple(note or "" for note in notes)
    return found if any(found) else ()


def is_interest(c: Commitment) -> bool:
    """An expressed interest: shown and counted apart, never as a commitment."""
    return c.kind == "interest"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def data_table(
    title: str, items: list[dict[str, Any]], columns: tuple[tuple[Column | str, str], ...]
) -> Table:
    """The table that stands for a view in CSV: one row per JSON item, JSON's own values.

    Each column is (column, key): a `Column`, whose kind and role say how a layout
    treats it as the tables for reading do, or a bare header for a column of text;
    a key may reach into an object ("window.start").
    A cell holds one value; a list is its items joined by "; ".
    """

    return Table(
        title,
        tuple(c if isinstance(c, Column) else Column(c) for c, _ in columns),
        tuple(tuple(_cell(_lookup(item, key)) for _, key in columns) for item in items),
    )


def _lookup(value: Any, key: str) -> Any:
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def parties_text(d: Dialogue, ids: Iterable[str]) -> str:
    names = [d.party_name(i) for i in ids]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names)


def evidence_json(e: Evidence) -> dict[str, str]:
    return {"source_id": e.source, "text": e.text}


def window_json(c: Commitment) -> dict[str, Any] | None:
    if c.window is None:
        return None
    return {
        "start": c.window.start.isoformat(),
        "end": c.window.end.isoformat(),
        "note": c.window.note,
        "interpretation": True,
    }


def other_names_json(names: Iterable[OtherName]) -> list[dict[str, str]]:
    return [{"name": o.name, "note": o.note} for o in names]


def commitment_json(d: Dialogue, c: Commitment) -> dict[str, Any]:
    return {
        "dialogue_id": d.id,
        "id": c.id,
        "text": c.text,
        "by_ids": list(c.by),
        "by_names": [d.party_name(i) for i in c.by],
        "stated_by_id": c.stated_by,
        "stated_by_name": d.party_name(c.stated_by) if c.stated_by else None,
        "topic_ids": list(c.topics),
        "topic_names": [d.topic(t).name for t in c.topics],
        "kind": c.kind,
        "is_commitment": not is_interest(c),
        "timeline": c.timeline,
        "window": window_json(c),
        "status": c.status,
        "note": c.note,
        "names_not_in_source": other_names_json(c.other_names),
        "evidence": evidence_json(c.evidence),
        "review": c.review,
    }


def quote_json(d: Dialogue, q: Quote) -> dict[str, Any]:
    block = quote_block(d, q)
    return {
        "dialogue_id": d.id,
        "id": q.id,
        "speaker_id": q.speaker,
        "speaker_name": block.speaker,
        "speaker_is_person": block.speaker_is_person,
        # For words given to a side, the source's attribution stands where a role would.
        "role": block.role if block.speaker_is_person else None,
        "country": block.country or None,
        "attribution": q.attribution,
        "text": q.text,
        "topic_ids": list(q.topics),
        "topic_names": list(block.topics),
        "context": block.context,
        "source_id": q.source,
        "source_citation": block.source,
        "review": q.review,
    }


def discussion_json(d: Dialogue, x: Discussion) -> dict[str, Any]:
    return {
        "dialogue_id": d.id,
        "id": x.id,
        "text": x.text,
        "topic_ids": list(x.topics),
        "topic_names": [d.topic(t).name for t in x.topics],
        "evidence": evidence_json(x.evidence),
        "review": x.review,
    }


def quote_block(d: Dialogue, q: Quote) -> QuoteBlock:
    """The quote with its attribution (the view's headings name the meeting)."""
    p = d.find_participant(q.speaker)
    if p is not None:
        speaker, role, country = p.name, p.role, p.country
        context = f"{q.context} ({q.attribution})" if q.attribution else q.context
    else:
        # Words the source gives to a side (a joint statement, a readout), not a person.
        speaker, role, country = d.party_name(q.speaker), q.attribution or "", ""
        context = q.context
    return QuoteBlock(
        id=q.id,
        dialogue=d.id,
        speaker_id=q.speaker,
        speaker=speaker,
        role=role,
        country=country,
        text=q.text,
        topics=tuple(d.topic(t).name for t in q.topics),
        context=context,
        source=source_line(d, q.source),
        review=q.review or "",
    )


def cite_once(blocks: list[Block]) -> list[Block]:
    """BLOCKS with each quote's source cited once, in a list at the end.

    One source shared by every quote is named once; several are numbered and
    each quote refers to its number.
    """
    sources = list(dict.fromkeys(b.source for b in blocks if isinstance(b, QuoteBlock)))
    number = {s: f"[{n}]" for n, s in enumerate(sources, 1)}
    many = len(sources) > 1
    cited: list[Block] = [
        b._replace(source=number[b.source] if many else "") if isinstance(b, QuoteBlock) else b
        for b in blocks
    ]
    if many:
        return [
            *cited,
            Heading("Sources", 2),
            Bullets(tuple(f"{n} {s}" for s, n in number.items())),
        ]
    return [*cited, Heading("Source", 2), Bullets(tuple(sources))]


def source_line(d: Dialogue, source_id: str) -> str:
    s = d.source(source_id)
    parts = [s.title]
    if s.publisher:
        parts.append(s.publisher)
    if s.date:
        parts.append(s.date.isoformat())
    if s.url:
        parts.append(s.url)
    return ", ".join(parts)


def dialogue_line(d: Dialogue) -> str:
    """'New Delhi, Friday 16 January 2026'."""
    if d.date is None:
        return f"{d.location}, {NO_DATE}" + (f" ({d.date_as_written})" if d.date_as_written else "")
    return f"{d.location}, {d.date:%A} {d.date.day} {d.date:%B %Y}"


def timeline_text(c: Commitment) -> str:
    if c.timeline and c.window:
        return f"{c.timeline} (read as {c.window.start.isoformat()} to {c.window.end.isoformat()})"
    return c.timeline or ""


def _status(c: Commitment) -> str:
    if c.kind == "interest":
        return "not a commitment"
    return c.status or ""


def commitment_row(d: Dialogue, c: Commitment) -> tuple[str, ...]:
    by = parties_text(d, c.by)
    return (c.text, by, KIND_LABELS[c.kind], timeline_text(c), _status(c), c.review or "")


COMMITMENT_COLUMNS = (
    Column("Commitment", role="main"),
    Column("By", role="label"),
    Column("Kind", role="label"),
    Column("Timeline"),
    Column("Status", role="label"),
    Column("Review", "review"),
)


def passage_json(p: SourcePassage | None) -> dict[str, Any]:
    """A quote's check against its archived source, as `quotes --verify` gives it in JSON."""
    if p is None:
        p = SourcePassage("not archived", "", "", 0, "", "", "")
    return {
        "status": p.status,
        "file": p.file or None,
        "line": p.line or None,
        "before": p.before or None,
        "match": p.match or None,
        "after": p.after or None,
        "passage": (p.before + p.match + p.after) or None,
        "closest": p.closest or None,
    }


#: The columns `quotes --verify` adds to its table (CSV): what the check found, and where.
VERIFY_COLUMNS: Final = (
    (Column("Verified", role="label"), "verification.status"),
    (Column("Archived text", "key"), "verification.file"),
    (Column("Line", "key"), "verification.line"),
    (Column("Source passage"), "verification.passage"),
)
