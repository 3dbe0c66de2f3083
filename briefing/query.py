"""Pure functions from the model (plus filters) to views. No output code here."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, NamedTuple

from briefing.model import (
    KIND_LABELS,
    Commitment,
    Dialogue,
    Discussion,
    Evidence,
    Knowledge,
    Participant,
    Quote,
    Topic,
)
from briefing.views import (
    Block,
    Bullets,
    Column,
    Heading,
    Paragraph,
    QuoteBlock,
    Table,
    View,
)


class NotFoundError(Exception):
    """A name given on the command line matches nothing (exit 1)."""


# --------------------------------------------------------------------------
# Matching names


@cache
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "prof", "shri", "smt", "he", "hon", "pm"})


def _bare(folded: str) -> str:
    words = folded.split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


@cache
def person_names(p: Participant) -> frozenset[str]:
    """Every folded form a user may type for a participant."""
    forms = {p.id, p.name, *p.aliases, *(o.name for o in p.other_names)}
    folded = {fold(f) for f in forms}
    folded |= {_bare(f) for f in folded}
    folded |= {f.split()[-1] for f in folded if f}
    return frozenset(folded)


class PersonMatch(NamedTuple):
    ids: frozenset[tuple[str, str]]  # (dialogue id, participant id)
    names: tuple[str, ...]


def match_person(dialogues: Iterable[Dialogue], name: str) -> PersonMatch:
    """The participants NAME stands for, across dialogues; NotFoundError if none."""
    wanted = _bare(fold(name))
    ids: set[tuple[str, str]] = set()
    names: list[str] = []
    every: dict[str, str] = {}
    for d in dialogues:
        for p in d.participants:
            every.setdefault(p.name, p.id)
            if wanted and wanted in person_names(p):
                ids.add((d.id, p.id))
                if p.name not in names:
                    names.append(p.name)
    if not ids:
        raise NotFoundError(
            f"no participant matches '{name}'" + _suggest(name, list(every), "participants")
        )
    return PersonMatch(frozenset(ids), tuple(names))


def _suggest(word: str, known: list[str], what: str) -> str:
    from briefing.errors import close_matches

    close = close_matches(_bare(fold(word)), known, n=3, cutoff=0.5, key=fold)
    if close:
        return " (did you mean " + " or ".join(f"'{c}'" for c in close) + "?)"
    shown = ", ".join(sorted(known)[:8])
    return f" (known {what}: {shown})" if shown else ""


def match_topics(dialogues: Iterable[Dialogue], name: str) -> list[tuple[Dialogue, Topic]]:
    """Topics whose id or name is NAME, or starts with it when that is unambiguous."""
    wanted = fold(name)
    exact: list[tuple[Dialogue, Topic]] = []
    prefix: list[tuple[Dialogue, Topic]] = []
    known: set[str] = set()
    for d in dialogues:
        for t in d.topics:
            known.add(t.id)
            forms = {fold(t.id), fold(t.name)}
            if wanted in forms:
                exact.append((d, t))
            elif wanted and any(
                f.startswith(wanted) or any(w.startswith(wanted) for w in f.split()) for f in forms
            ):
                prefix.append((d, t))
    if exact:
        return exact
    ids = sorted({t.id for _, t in prefix})
    if len(ids) == 1:
        return prefix
    if len(ids) > 1:
        raise NotFoundError(
            f"'{name}' matches several topics: {', '.join(ids)} (type more of the name)"
        )
    raise NotFoundError(f"no topic matches '{name}'" + _suggest(name, sorted(known), "topics"))


def select_dialogues(knowledge: Knowledge, dialogue_id: str | None) -> tuple[Dialogue, ...]:
    if dialogue_id is None:
        return knowledge.dialogues
    chosen = tuple(d for d in knowledge.dialogues if d.id == dialogue_id)
    if not chosen:
        known = [d.id for d in knowledge.dialogues]
        raise NotFoundError(
            f"no dialogue with id '{dialogue_id}'" + _suggest(dialogue_id, known, "dialogues")
        )
    return chosen


# --------------------------------------------------------------------------
# Small shared pieces


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip(), re.S)
    return " ".join((match.group(1) if match else text).split())


def _with_dialogue(dialogue: Dialogue, row: tuple[str, ...]) -> tuple[str, ...]:
    return (dialogue.id, *row)


def _dialogue_column(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    # Always present (stable CSV columns); displays hide it for a single dialogue.
    return (Column("Dialogue", "dialogue"), *columns)


def parties_text(d: Dialogue, ids: Iterable[str]) -> str:
    names = [d.party_name(i) for i in ids]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names)


def _evidence_json(e: Evidence) -> dict[str, str]:
    return {"source": e.source, "text": e.text}


def commitment_json(d: Dialogue, c: Commitment) -> dict[str, Any]:
    return {
        "dialogue": d.id,
        "id": c.id,
        "text": c.text,
        "by": list(c.by),
        "by_names": [d.party_name(i) for i in c.by],
        "stated_by": c.stated_by,
        "topics": list(c.topics),
        "kind": c.kind,
        "is_commitment": c.kind != "interest",
        "timeline": c.timeline,
        "window": {
            "start": c.window.start.isoformat(),
            "end": c.window.end.isoformat(),
            "note": c.window.note,
            "interpretation": True,
        }
        if c.window
        else None,
        "status": c.status,
        "note": c.note,
        "other_names": [{"name": o.name, "note": o.note} for o in c.other_names],
        "evidence": _evidence_json(c.evidence),
    }


def quote_json(q: QuoteBlock) -> dict[str, Any]:
    return {
        "dialogue": q.dialogue,
        "id": q.id,
        "speaker": q.speaker_id,
        "speaker_name": q.speaker,
        "role": q.role,
        "country": q.country,
        "text": q.text,
        "topics": list(q.topics),
        "context": q.context,
        "source": q.source,
    }


def discussion_json(d: Dialogue, x: Discussion) -> dict[str, Any]:
    return {
        "dialogue": d.id,
        "id": x.id,
        "text": x.text,
        "topics": list(x.topics),
        "evidence": _evidence_json(x.evidence),
    }


def quote_block(d: Dialogue, q: Quote, *, many: bool = False) -> QuoteBlock:
    """The quote with its attribution; MANY names the meeting too (quotes from several)."""
    p = d.participant(q.speaker)
    return QuoteBlock(
        id=q.id,
        dialogue=d.id,
        speaker_id=p.id,
        speaker=p.name,
        role=p.role,
        country=p.country,
        text=q.text,
        topics=tuple(d.topic(t).name for t in q.topics),
        context=q.context,
        source=source_line(d, q.source),
        occasion=f"{d.title}, {d.date.isoformat()}" if many else "",
    )


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
    when = f"{d.date.day} {d.date:%B %Y}"
    weekday = f"{d.date:%A}"
    return f"{d.location}, {weekday} {when}"


def _timeline(c: Commitment) -> str:
    if c.timeline and c.window:
        return f"{c.timeline} (read as {c.window.start.isoformat()} to {c.window.end.isoformat()})"
    return c.timeline or ""


def _status(c: Commitment) -> str:
    if c.kind == "interest":
        return "not a commitment"
    return c.status or ""


def commitment_row(d: Dialogue, c: Commitment) -> tuple[str, ...]:
    return (c.text, parties_text(d, c.by), KIND_LABELS[c.kind], _timeline(c), _status(c))


COMMITMENT_COLUMNS = (
    Column("Commitment"),
    Column("By"),
    Column("Kind"),
    Column("Timeline"),
    Column("Status"),
)


# --------------------------------------------------------------------------
# Commands


def _topic_counts(d: Dialogue) -> dict[str, list[int]]:
    counts = {t.id: [0, 0, 0] for t in d.topics}
    for c in d.commitments:
        for t in c.topics:
            counts[t][0] += 1
    for q in d.quotes:
        for t in q.topics:
            counts[t][1] += 1
    for x in d.discussions:
        for t in x.topics:
            counts[t][2] += 1
    return counts


def topics_view(dialogues: tuple[Dialogue, ...]) -> View:
    entries = []
    for d in dialogues:
        counts = _topic_counts(d)
        for order, t in enumerate(d.topics):
            c, q, x = counts[t.id]
            entries.append((-(2 * c + q + x), d.date, d.id, order, d, t, c, q, x))
    entries.sort(key=lambda e: e[:4])
    rows = []
    data = []
    for weight, _date, _id, _order, d, t, c, q, x in entries:
        rows.append(
            _with_dialogue(
                d,
                (t.name, t.id, str(-weight), str(c), str(q), str(x), _first_sentence(t.summary)),
            )
        )
        data.append(
            {
                "dialogue": d.id,
                "id": t.id,
                "name": t.name,
                "weight": -weight,
                "commitments": c,
                "quotes": q,
                "discussions": x,
                "summary": t.summary,
            }
        )
    table = Table(
        "Topics",
        _dialogue_column(
            (
                Column("Topic"),
                Column("Id", "key"),
                Column("Weight", "bar"),
                Column("Commitments", "number"),
                Column("Quotes", "number"),
                Column("Discussed", "number"),
                Column("Summary"),
            ),
        ),
        tuple(rows),
        "No topics.",
    )
    note = Paragraph(
        "Weight counts each commitment twice and each quote and matter discussed once.", "note"
    )
    return View("topics", (table, note), {"topics": data}, table)


def _people_in(d: Dialogue, topic_id: str) -> list[Participant]:
    people = {p.id for p in d.participants}
    ids: list[str] = []
    for c in d.commitments:
        if topic_id in c.topics and c.stated_by:
            ids.append(c.stated_by)
        if topic_id in c.topics:
            ids.extend(i for i in c.by if i in people)
    ids.extend(q.speaker for q in d.quotes if topic_id in q.topics)
    for e in d.events:
        if topic_id in e.topics:
            ids.extend(e.participants)
    seen = dict.fromkeys(ids)
    return [d.participant(i) for i in seen]


def topic_view(dialogues: tuple[Dialogue, ...], name: str) -> View:
    blocks: list[Block] = []
    data = []
    for d, t in match_topics(dialogues, name):
        commitments = [c for c in d.commitments if t.id in c.topics]
        discussed = [x for x in d.discussions if t.id in x.topics]
        quotes = [quote_block(d, q, many=len(dialogues) > 1) for q in d.quotes if t.id in q.topics]
        people = _people_in(d, t.id)
        blocks.append(Heading(t.name, 1))
        blocks.append(Paragraph(f"{d.title}, {dialogue_line(d)}", "meta"))
        blocks.append(Paragraph(t.summary))
        if commitments:
            blocks.append(
                Table(
                    "Commitments",
                    COMMITMENT_COLUMNS,
                    tuple(commitment_row(d, c) for c in commitments),
                )
            )
        if discussed:
            blocks.append(Heading("Discussed", 2))
            blocks.append(Bullets(tuple(x.text for x in discussed)))
        if quotes:
            blocks.append(Heading("Quotes", 2))
            blocks.extend(quotes)
        if people:
            blocks.append(Heading("People", 2))
            blocks.append(Bullets(tuple(f"{p.name}, {p.role}, {p.country}" for p in people)))
        data.append(
            {
                "dialogue": d.id,
                "id": t.id,
                "name": t.name,
                "summary": t.summary,
                "commitments": [commitment_json(d, c) for c in commitments],
                "discussions": [discussion_json(d, x) for x in discussed],
                "quotes": [quote_json(q) for q in quotes],
                "people": [p.id for p in people],
            }
        )
    return View("topic", tuple(blocks), {"topics": data})


def quotes_view(
    dialogues: tuple[Dialogue, ...],
    *,
    speaker: str | None = None,
    topic: str | None = None,
    contains: str | None = None,
) -> View:
    person = match_person(dialogues, speaker) if speaker else None
    topic_ids = {(d.id, t.id) for d, t in match_topics(dialogues, topic)} if topic else None
    needle = contains.casefold() if contains else None
    quotes: list[QuoteBlock] = []
    for d in dialogues:
        for q in d.quotes:
            if person and (d.id, q.speaker) not in person.ids:
                continue
            if topic_ids is not None and not any((d.id, t) in topic_ids for t in q.topics):
                continue
            if needle and needle not in q.text.casefold():
                continue
            quotes.append(quote_block(d, q, many=len(dialogues) > 1))
    blocks: list[Block] = list(quotes)
    if not quotes:
        blocks.append(Paragraph(_no_quotes_message(person, topic, contains)))
    table = Table(
        "Quotes",
        (
            Column("Dialogue", "dialogue"),
            Column("Id", "id"),
            Column("Speaker"),
            Column("Role"),
            Column("Country"),
            Column("Quote"),
            Column("Topics"),
            Column("Context"),
            Column("Source"),
        ),
        tuple(
            (
                q.dialogue,
                q.id,
                q.speaker,
                q.role,
                q.country,
                q.text,
                "; ".join(q.topics),
                q.context,
                q.source,
            )
            for q in quotes
        ),
    )
    return View("quotes", tuple(blocks), {"quotes": [quote_json(q) for q in quotes]}, table)


def _no_quotes_message(person: PersonMatch | None, topic: str | None, contains: str | None) -> str:
    filters = []
    if topic:
        filters.append(f"on topic '{topic}'")
    if contains:
        filters.append(f"containing '{contains}'")
    if person is not None:
        who = " or ".join(person.names)
        return f"{who} is not quoted " + (" ".join(filters) or "in the source") + "."
    return "No quotes " + (" ".join(filters) or "in the data") + "."


def _match_party(dialogues: tuple[Dialogue, ...], party: str) -> set[tuple[str, str]]:
    wanted = fold(party)
    found: set[tuple[str, str]] = set()
    known: set[str] = set()
    for d in dialogues:
        for p in d.parties:
            known.add(p.name)
            if wanted in (fold(p.id), fold(p.name)):
                found.add((d.id, p.id))
        for person in d.participants:
            if wanted and wanted in person_names(person):
                found.add((d.id, person.id))
    if not found:
        raise NotFoundError(
            f"no party matches '{party}'" + _suggest(party, sorted(known), "parties")
        )
    return found


def commitments_view(
    dialogues: tuple[Dialogue, ...],
    *,
    topic: str | None = None,
    party: str | None = None,
    kind: str | None = None,
    status: str | None = None,
) -> View:
    topic_ids = {(d.id, t.id) for d, t in match_topics(dialogues, topic)} if topic else None
    parties = _match_party(dialogues, party) if party else None
    rows = []
    data = []
    for d in dialogues:
        for c in d.commitments:
            if topic_ids is not None and not any((d.id, t) in topic_ids for t in c.topics):
                continue
            if parties is not None and not any(
                (d.id, i) in parties for i in (*c.by, c.stated_by or "")
            ):
                continue
            if kind and c.kind != kind:
                continue
            if status and c.status != status:
                continue
            rows.append(_with_dialogue(d, commitment_row(d, c)))
            data.append(commitment_json(d, c))
    table = Table(
        "Commitments",
        _dialogue_column(COMMITMENT_COLUMNS),
        tuple(rows),
        "No commitments match.",
    )
    blocks: list[Block] = [table]
    if any(c["kind"] == "interest" for c in data):
        blocks.append(
            Paragraph(
                "'interest only' rows record an expressed interest, not a commitment.", "note"
            )
        )
    if any(c["window"] for c in data):
        blocks.append(
            Paragraph(
                "Dates after 'read as' interpret a vague timeline; the source's words come first.",
                "note",
            )
        )
    return View("commitments", tuple(blocks), {"commitments": data}, table)


def people_view(dialogues: tuple[Dialogue, ...]) -> View:
    rows = []
    data = []
    for d in dialogues:
        quotes: dict[str, int] = {}
        for q in d.quotes:
            quotes[q.speaker] = quotes.get(q.speaker, 0) + 1
        commits: dict[str, int] = {}
        for c in d.commitments:
            for pid in {*c.by, c.stated_by} - {None}:
                commits[str(pid)] = commits.get(str(pid), 0) + 1
        for p in d.participants:
            role = p.role + (" (chair)" if p.id in d.chairs else "")
            rows.append(
                _with_dialogue(
                    d,
                    (p.name, role, p.country, str(quotes.get(p.id, 0)), str(commits.get(p.id, 0))),
                )
            )
            data.append(
                {
                    "dialogue": d.id,
                    "id": p.id,
                    "name": p.name,
                    "aliases": list(p.aliases),
                    "other_names": [{"name": o.name, "note": o.note} for o in p.other_names],
                    "role": p.role,
                    "role_note": p.role_note,
                    "country": p.country,
                    "chair": p.id in d.chairs,
                    "quotes": quotes.get(p.id, 0),
                    "commitments": commits.get(p.id, 0),
                }
            )
    table = Table(
        "People",
        _dialogue_column(
            (
                Column("Name"),
                Column("Role"),
                Column("Country"),
                Column("Quotes", "number"),
                Column("Commitments", "number"),
            ),
        ),
        tuple(rows),
        "No participants.",
    )
    blocks: list[Block] = [table]
    notes = [f"{p.name}: {p.role_note}" for d in dialogues for p in d.participants if p.role_note]
    if notes:
        blocks.append(Paragraph(" ".join(notes), "note"))
    blocks.append(Paragraph("Commitments counts those a person made or stated in person.", "note"))
    return View("people", tuple(blocks), {"people": data}, table)


def _chairs(d: Dialogue) -> str:
    people = [d.participant(c) for c in d.chairs]
    parts = [f"{p.name} ({p.role}, {p.country})" for p in people]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _who(d: Dialogue, c: Commitment) -> str:
    who = parties_text(d, c.by)
    if c.stated_by:
        who += f", stated by {d.participant(c.stated_by).name}"
    return who


def _outcome(d: Dialogue, c: Commitment, *, with_kind: bool) -> str:
    """One outcome as a briefing line: 'Plan (India and Japan; early this year): Convene ...'."""
    label = KIND_LABELS[c.kind]
    lead = f"{label[0].upper()}{label[1:]} ({_who(d, c)}" if with_kind else f"{_who(d, c)}"
    if with_kind and c.timeline:
        lead += f"; {c.timeline}"
    lead += ")" if with_kind else ""
    return f"{lead}: {c.text}"


def _follow_up(d: Dialogue, c: Commitment) -> str:
    when = _timeline(c) if c.timeline else "No timeline given"
    return f"{when[0].upper()}{when[1:]}: {c.text} ({parties_text(d, c.by)})"


def summary_view(dialogues: tuple[Dialogue, ...], topic: str | None = None) -> View:
    chosen = {(d.id, t.id) for d, t in match_topics(dialogues, topic)} if topic else None
    blocks: list[Block] = []
    data = []
    for d in dialogues:
        topics = [t for t in d.topics if chosen is None or (d.id, t.id) in chosen]
        if not topics:
            continue
        ids = {t.id for t in topics}

        def about(topic_ids: tuple[str, ...], ids: set[str] = ids) -> bool:
            return bool(ids.intersection(topic_ids))

        blocks.append(Heading(d.title, 1))
        blocks.append(Paragraph(dialogue_line(d), "meta"))
        if d.date_note:
            blocks.append(Paragraph(d.date_note, "note"))
        blocks.append(Paragraph(f"Led by {_chairs(d)}."))
        commitments = [c for c in d.commitments if about(c.topics)]
        new = [c for c in commitments if c.kind in ("decision", "plan", "confirmation")]
        reaffirmed = [c for c in commitments if c.kind == "reaffirmation"]
        interest = [c for c in commitments if c.kind == "interest"]
        if new:
            blocks.append(Heading("Key outcomes", 2))
            for t in topics:
                # Each outcome once, under the first of its topics being shown.
                items = tuple(
                    _outcome(d, c, with_kind=True)
                    for c in new
                    if next(x for x in c.topics if x in ids) == t.id
                )
                if items:
                    blocks.append(Heading(t.name, 3))
                    blocks.append(Paragraph(t.summary))
                    blocks.append(Bullets(items))
        if reaffirmed:
            blocks.append(Heading("Reaffirmed", 2))
            blocks.append(Bullets(tuple(_outcome(d, c, with_kind=False) for c in reaffirmed)))
        if interest:
            blocks.append(Heading("Interest expressed (not a commitment)", 2))
            blocks.append(Bullets(tuple(_outcome(d, c, with_kind=False) for c in interest)))
        discussed = [x for x in d.discussions if about(x.topics)]
        if discussed:
            blocks.append(Heading("Also discussed", 2))
            blocks.append(Bullets(tuple(x.text for x in discussed)))
        # The sources are cited once, at the end, rather than under every quote.
        cited = [quote_block(d, q) for q in d.quotes if about(q.topics)]
        if cited:
            blocks.append(Heading("Notable quotes", 2))
            blocks.extend(q._replace(source="") for q in cited)
        follow = [c for c in commitments if c.timeline or c.status == "planned"]
        if follow:
            blocks.append(Heading("Follow-ups", 2))
            blocks.append(Bullets(tuple(_follow_up(d, c) for c in follow)))
        events = [e for e in d.events if chosen is None or about(e.topics)]
        if events:
            blocks.append(Heading("Around the meeting", 2))
            blocks.append(Bullets(tuple(e.text for e in events)))
        blocks.append(Heading("Sources", 2))
        blocks.append(Bullets(tuple(source_line(d, s.id) for s in d.sources)))
        data.append(
            {
                "dialogue": {
                    "id": d.id,
                    "title": d.title,
                    "ordinal": d.ordinal,
                    "date": d.date.isoformat(),
                    "date_as_written": d.date_as_written,
                    "date_note": d.date_note,
                    "location": d.location,
                    "chairs": list(d.chairs),
                },
                "topics": [t.id for t in topics],
                "decisions": [commitment_json(d, c) for c in new],
                "reaffirmations": [commitment_json(d, c) for c in reaffirmed],
                "interests": [commitment_json(d, c) for c in interest],
                "discussions": [discussion_json(d, x) for x in discussed],
                "quotes": [quote_json(q) for q in cited],
                "follow_ups": [c.id for c in follow],
                "events": [
                    {
                        "id": e.id,
                        "text": e.text,
                        "participants": list(e.participants),
                        "when": e.when,
                        "evidence": _evidence_json(e.evidence),
                    }
                    for e in events
                ],
                "sources": [
                    {
                        "id": s.id,
                        "title": s.title,
                        "publisher": s.publisher,
                        "url": s.url,
                        "date": s.date.isoformat() if s.date else None,
                    }
                    for s in d.sources
                ],
            }
        )
    return View("summary", tuple(blocks), {"briefings": data})


class _Hit(NamedTuple):
    kind: str
    dialogue: Dialogue
    id: str
    text: str
    haystack: str


def _searchable(d: Dialogue) -> Iterator[_Hit]:
    for t in d.topics:
        yield _Hit("topic", d, t.id, t.name, f"{t.name} {t.summary}")
    for c in d.commitments:
        names = " ".join(o.name for o in c.other_names)
        kind = "interest" if c.kind == "interest" else "commitment"
        yield _Hit(kind, d, c.id, c.text, f"{c.text} {c.evidence.text} {names}")
    for x in d.discussions:
        yield _Hit("discussion", d, x.id, x.text, f"{x.text} {x.evidence.text}")
    for q in d.quotes:
        p = d.participant(q.speaker)
        yield _Hit("quote", d, q.id, f"{q.text} ({p.name})", f"{q.text} {_names_of(p)}")
    for e in d.events:
        yield _Hit("event", d, e.id, e.text, f"{e.text} {e.evidence.text}")
    for p in d.participants:
        yield _Hit(
            "person", d, p.id, f"{p.name}, {p.role}, {p.country}", f"{_names_of(p)} {p.role}"
        )


def _names_of(p: Participant) -> str:
    return " ".join([p.name, *p.aliases, *(o.name for o in p.other_names)])


def word_patterns(query: str) -> list[re.Pattern[str]]:
    """One pattern per word of QUERY, matching where a word starts, ignoring case."""
    return [re.compile(r"(?<!\w)" + re.escape(w), re.IGNORECASE) for w in query.split()]


def search_view(dialogues: tuple[Dialogue, ...], query: str) -> View:
    patterns = word_patterns(query)
    hits = [
        h
        for d in dialogues
        for h in _searchable(d)
        if patterns and all(p.search(h.haystack) for p in patterns)
    ]
    table = Table(
        f"Search: {query}",
        (
            Column("Dialogue", "dialogue"),
            Column("Kind"),
            Column("Id", "id"),
            Column("Text"),
        ),
        tuple((h.dialogue.id, h.kind, h.id, " ".join(h.text.split())) for h in hits),
        f"Nothing matches '{query}'.",
    )
    data = {
        "query": query,
        "hits": [
            {"dialogue": h.dialogue.id, "kind": h.kind, "id": h.id, "text": h.text} for h in hits
        ],
    }
    return View("search", (table,), data, table, tuple(query.split()))


def dialogues_view(knowledge: Knowledge) -> View:
    rows = []
    data = []
    for d in knowledge.dialogues:
        counts = (len(d.participants), len(d.topics), len(d.commitments), len(d.quotes))
        rows.append((d.id, d.title, d.date.isoformat(), d.location, *map(str, counts)))
        data.append(
            {
                "id": d.id,
                "date": d.date.isoformat(),
                "date_note": d.date_note,
                "location": d.location,
                "title": d.title,
                "participants": counts[0],
                "topics": counts[1],
                "commitments": counts[2],
                "quotes": counts[3],
                "path": d.path,
            }
        )
    table = Table(
        "Dialogues",
        (
            Column("Id", "id"),
            Column("Title"),
            Column("Date", "id"),
            Column("Place"),
            Column("People", "number"),
            Column("Topics", "number"),
            Column("Commitments", "number"),
            Column("Quotes", "number"),
        ),
        tuple(rows),
    )
    return View("dialogues", (table,), {"dialogues": data}, table)


def counts(knowledge: Knowledge) -> dict[str, int]:
    ds = knowledge.dialogues
    return {
        "dialogues": len(ds),
        "participants": sum(len(d.participants) for d in ds),
        "topics": sum(len(d.topics) for d in ds),
        "commitments": sum(len(d.commitments) for d in ds),
        "discussions": sum(len(d.discussions) for d in ds),
        "quotes": sum(len(d.quotes) for d in ds),
        "events": sum(len(d.events) for d in ds),
    }


def validate_view(knowledge: Knowledge, location: str) -> View:
    n = counts(knowledge)
    line = (
        f"{location}: ok: {n['dialogues']} dialogue{'s' if n['dialogues'] != 1 else ''},"
        f" {n['participants']} participants, {n['topics']} topics,"
        f" {n['commitments']} commitments, {n['quotes']} quotes"
    )
    return View("validate", (Paragraph(line),), {"ok": True, "errors": [], "counts": n})
