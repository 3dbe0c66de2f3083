"""Pure functions from the model (plus filters) to views. No output code here.

The briefing note is built in `summary`, search in `search`, name matching in
`match`; their entry points are re-exported here, where the command line finds
every view.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from briefing.match import (
    NotFoundError,
    PersonMatch,
    match_party,
    match_person,
    match_topics,
    select_dialogues,
)
from briefing.model import Dialogue, Knowledge, Participant, day_json, day_key, day_text
from briefing.records import (
    COMMITMENT_COLUMNS,
    VERIFY_COLUMNS,
    Listing,
    cite_once,
    commitment_json,
    commitment_row,
    data_table,
    dialogue_line,
    discussion_json,
    is_interest,
    listing,
    meetings_json,
    other_names_json,
    parties_text,
    passage_json,
    quote_block,
    quote_json,
    review_notes,
    timeline_text,
)
from briefing.search import search_view
from briefing.sentences import first_sentence
from briefing.summary import summary_view
from briefing.views import (
    Block,
    Bullets,
    Column,
    Heading,
    Paragraph,
    QuoteBlock,
    SourcePassage,
    Table,
    View,
)

__all__ = [
    "NotFoundError",
    "commitments_view",
    "counts",
    "dialogues_view",
    "listing_view",
    "people_view",
    "quotes_view",
    "search_view",
    "select_dialogues",
    "summary_view",
    "topic_view",
    "topics_view",
    "validate_view",
]


def _with_dialogue(dialogue: Dialogue, row: tuple[str, ...]) -> tuple[str, ...]:
    return (dialogue.id, *row)


def _dialogue_column(columns: tuple[Column, ...]) -> tuple[Column, ...]:
    # Always present (stable CSV columns); displays hide it for a single dialogue.
    return (Column("Dialogue", "dialogue"), *columns)


# --------------------------------------------------------------------------
# Commands


def _topic_counts(d: Dialogue) -> dict[str, list[int]]:
    """Per topic id: commitments, interests, quotes and discussions."""
    counts = {t.id: [0, 0, 0, 0] for t in d.topics}
    for c in d.commitments:
        for t in c.topics:
            counts[t][1 if is_interest(c) else 0] += 1
    for q in d.quotes:
        for t in q.topics:
            counts[t][2] += 1
    for x in d.discussions:
        for t in x.topics:
            counts[t][3] += 1
    return counts


def topics_view(dialogues: tuple[Dialogue, ...]) -> View:
    entries = []
    for d in dialogues:
        counts = _topic_counts(d)
        for order, t in enumerate(d.topics):
            c, i, q, x = counts[t.id]
            # An expressed interest weighs like a quote, not like a commitment.
            entries.append((-(2 * c + i + q + x), day_key(d.date), d.id, order, d, t, c, i, q, x))
    entries.sort(key=lambda e: e[:4])
    rows = []
    data = []
    for weight, _date, _id, _order, d, t, c, i, q, x in entries:
        counted = (str(c), str(i), str(q), str(x))
        summary = first_sentence(t.summary)
        rows.append(
            _with_dialogue(d, (t.name, t.id, str(-weight), *counted, summary, t.review or ""))
        )
        data.append(
            {
                "dialogue_id": d.id,
                "id": t.id,
                "name": t.name,
                "weight": -weight,
                "n_commitments": c,
                "n_interests": i,
                "n_quotes": q,
                "n_discussions": x,
                "summary": t.summary,
                "review": t.review,
            }
        )
    table = Table(
        "Topics",
        _dialogue_column(
            (
                Column("Topic", role="label"),
                Column("Id", "key"),
                Column("Weight", "bar"),
                Column("Commitments", "number"),
                Column("Interests", "number"),
                Column("Quotes", "number"),
                Column("Discussed", "number"),
                Column("Summary", role="main"),
                Column("Review", "review"),
            ),
        ),
        tuple(rows),
        "No topics.",
    )
    note = Paragraph(
        "Weight counts each commitment twice and each expressed interest, quote and matter"
        " discussed once.",
        "note",
    )
    columns = (
        (Column("Dialogue", "dialogue"), "dialogue_id"),
        (Column("Id", "key"), "id"),
        (Column("Topic", role="label"), "name"),
        (Column("Weight", "number"), "weight"),
        (Column("Commitments", "number"), "n_commitments"),
        (Column("Interests", "number"), "n_interests"),
        (Column("Quotes", "number"), "n_quotes"),
        (Column("Discussed", "number"), "n_discussions"),
        (Column("Summary", role="main"), "summary"),
        (Column("Review", "review"), "review"),
    )
    return View(
        "topics",
        (table, note),
        {"topics": data, "dialogues": meetings_json(dialogues)},
        data_table("Topics", data, columns),
    )


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
    seen = (d.find_participant(i) for i in dict.fromkeys(ids))
    return [p for p in seen if p is not None]


def topic_view(dialogues: tuple[Dialogue, ...], name: str) -> View:
    blocks: list[Block] = []
    data = []
    for d, t in match_topics(dialogues, name):
        about = [c for c in d.commitments if t.id in c.topics]
        commitments = [c for c in about if not is_interest(c)]
        interests = [c for c in about if is_interest(c)]
        discussed = [x for x in d.discussions if t.id in x.topics]
        said = [q for q in d.quotes if t.id in q.topics]
        quotes = [quote_block(d, q) for q in said]
        people = _people_in(d, t.id)
        blocks.append(Heading(t.name, 1))
        blocks.append(Paragraph(f"{d.title}, {dialogue_line(d)}", "meta", d.review or ""))
        blocks.append(Paragraph(t.summary, review=t.review or ""))
        if commitments:
            blocks.append(
                Table(
                    "Commitments",
                    COMMITMENT_COLUMNS,
                    tuple(commitment_row(d, c) for c in commitments),
                )
            )
        if interests:
            blocks.append(Heading("Interest expressed (not a commitment)", 2))
            said_by = tuple(f"{parties_text(d, c.by)}: {c.text}" for c in interests)
            blocks.append(Bullets(said_by, review_notes(c.review for c in interests)))
        if discussed:
            blocks.append(Heading("Discussed", 2))
            notes = review_notes(x.review for x in discussed)
            blocks.append(Bullets(tuple(x.text for x in discussed), notes))
        if quotes:
            blocks.append(Heading("Quotes", 2))
            blocks.extend(quotes)
        if people:
            blocks.append(Heading("People", 2))
            who = tuple(f"{p.name}, {p.role}, {p.country}" for p in people)
            blocks.append(Bullets(who, review_notes(p.review for p in people)))
        data.append(
            {
                "dialogue_id": d.id,
                "id": t.id,
                "name": t.name,
                "summary": t.summary,
                "review": t.review,
                "commitments": [commitment_json(d, c) for c in commitments],
                "interests": [commitment_json(d, c) for c in interests],
                "discussions": [discussion_json(d, x) for x in discussed],
                "quotes": [quote_json(d, q) for q in said],
                "participant_ids": [p.id for p in people],
                "participant_names": [p.name for p in people],
            }
        )
    if any(isinstance(b, QuoteBlock) for b in blocks):
        blocks = cite_once(blocks)
    return View("topic", tuple(blocks), {"topics": data, "dialogues": meetings_json(dialogues)})


def quotes_view(
    dialogues: tuple[Dialogue, ...],
    *,
    speaker: str | None = None,
    topic: str | None = None,
    contains: str | None = None,
    passages: Mapping[tuple[str, str], SourcePassage] | None = None,
) -> View:
    """The quotes that match, verbatim; with PASSAGES (`--verify`), each one's source passage."""
    person = match_person(dialogues, speaker) if speaker else None
    topic_ids = {(d.id, t.id) for d, t in match_topics(dialogues, topic)} if topic else None
    needle = contains.casefold() if contains else None
    quotes: list[QuoteBlock] = []
    data: list[dict[str, Any]] = []
    blocks: list[Block] = []
    for d in dialogues:
        found = []
        for q in d.quotes:
            if person and (d.id, q.speaker) not in person.ids:
                continue
            if topic_ids is not None and not any((d.id, t) in topic_ids for t in q.topics):
                continue
            if needle and needle not in q.text.casefold():
                continue
            block, entry = quote_block(d, q), quote_json(d, q)
            if passages is not None:
                passage = passages.get((d.id, q.id))
                block = block._replace(passage=passage)
                entry["verification"] = passage_json(passage)
            found.append(block)
            data.append(entry)
        if found:
            # Titled at the level other commands title their tables (and the sources
            # cited after them): the page is the command's, one section per meeting.
            blocks.append(Heading(_quotes_heading(d, found, topic_ids, contains), 2))
            blocks.extend(found)
            quotes.extend(found)
    if quotes:
        blocks = cite_once(blocks)
    else:
        blocks.append(Paragraph(_no_quotes_message(person, topic, contains)))
    table = data_table(
        "Quotes",
        data,
        (
            (Column("Dialogue", "dialogue"), "dialogue_id"),
            (Column("Id", "id"), "id"),
            (Column("Speaker id", "key"), "speaker_id"),
            (Column("Speaker", role="label"), "speaker_name"),
            (Column("Role", role="label"), "role"),
            (Column("Country", role="label"), "country"),
            (Column("Quote", role="main"), "text"),
            (Column("Topics"), "topic_names"),
            (Column("Context"), "context"),
            (Column("Source id", "key"), "source_id"),
            (Column("Source"), "source_citation"),
            (Column("Review", "review"), "review"),
            *(VERIFY_COLUMNS if passages is not None else ()),
        ),
    )
    data_out = {"quotes": data, "dialogues": meetings_json(dialogues)}
    return View("quotes", tuple(blocks), data_out, table)


def _quotes_heading(
    d: Dialogue,
    quotes: list[QuoteBlock],
    topic_ids: set[tuple[str, str]] | None,
    contains: str | None,
) -> str:
    """'Quotes by S Jaishankar — 18th India-Japan Strategic Dialogue, New Delhi, 2026-01-16'."""
    what = "Quotes"
    speakers = list(dict.fromkeys(q.speaker for q in quotes))
    if len(speakers) <= 2:
        what += " by " + " and ".join(speakers)
    if topic_ids is not None:
        what += " on " + " and ".join(t.name for t in d.topics if (d.id, t.id) in topic_ids)
    if contains:
        what += f" containing '{contains}'"
    return f"{what} \u2014 {d.title}, {d.location}, {day_text(d.date)}"


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


def commitments_view(
    dialogues: tuple[Dialogue, ...],
    *,
    topic: str | None = None,
    party: str | None = None,
    kind: str | None = None,
    status: str | None = None,
) -> View:
    topic_ids = {(d.id, t.id) for d, t in match_topics(dialogues, topic)} if topic else None
    parties = match_party(dialogues, party) if party else None
    chosen = []
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
            chosen.append((d, c))
    made = [(d, c) for d, c in chosen if not is_interest(c)]
    interests = [(d, c) for d, c in chosen if is_interest(c)]
    blocks: list[Block] = []
    if made or not interests:
        blocks.append(
            Table(
                "Commitments",
                _dialogue_column(COMMITMENT_COLUMNS),
                tuple(_with_dialogue(d, commitment_row(d, c)) for d, c in made),
                "No commitments match.",
            )
        )
    if interests:
        blocks.append(
            Table(
                "Interest expressed (not a commitment)",
                _dialogue_column(
                    (
                        Column("Interest", role="main"),
                        Column("By", role="label"),
                        Column("Timeline"),
                        Column("Review", "review"),
                    )
                ),
                tuple(
                    (d.id, c.text, parties_text(d, c.by), timeline_text(c), c.review or "")
                    for d, c in interests
                ),
            )
        )
    if any(c.window for _, c in chosen):
        blocks.append(
            Paragraph(
                "Dates after 'read as' interpret a vague timeline; the source's words come first.",
                "note",
            )
        )
    listed = [commitment_json(d, c) for d, c in chosen]
    data = {
        "commitments": [c for c in listed if c["is_commitment"]],
        "interests": [c for c in listed if not c["is_commitment"]],
    }
    table = data_table(
        "Commitments",
        listed,
        (
            (Column("Dialogue", "dialogue"), "dialogue_id"),
            (Column("Id", "key"), "id"),
            (Column("Commitment", role="main"), "text"),
            (Column("By", role="label"), "by_names"),
            (Column("Kind", role="label"), "kind"),
            (Column("Timeline"), "timeline"),
            # A window's dates are short values kept whole; its note is secondary text.
            (Column("Window start", role="label"), "window.start"),
            (Column("Window end", role="label"), "window.end"),
            (Column("Window note"), "window.note"),
            (Column("Status", role="label"), "status"),
            (Column("Review", "review"), "review"),
        ),
    )
    return View(
        "commitments", tuple(blocks), {**data, "dialogues": meetings_json(dialogues)}, table
    )


def people_view(dialogues: tuple[Dialogue, ...]) -> View:
    rows = []
    data = []
    for d in dialogues:
        quotes: dict[str, int] = {}
        for q in d.quotes:
            quotes[q.speaker] = quotes.get(q.speaker, 0) + 1
        commits: dict[str, int] = {}
        interests: dict[str, int] = {}
        for c in d.commitments:
            tally = interests if is_interest(c) else commits
            for pid in {*c.by, c.stated_by} - {None}:
                tally[str(pid)] = tally.get(str(pid), 0) + 1
        for p in d.participants:
            role = p.role + (" (chair)" if p.id in d.chairs else "")
            counted = (quotes.get(p.id, 0), commits.get(p.id, 0), interests.get(p.id, 0))
            rows.append(
                _with_dialogue(d, (p.name, role, p.country, *map(str, counted), p.review or ""))
            )
            data.append(
                {
                    "dialogue_id": d.id,
                    "id": p.id,
                    "name": p.name,
                    "aliases": list(p.aliases),
                    "names_not_in_source": other_names_json(p.other_names),
                    "role": p.role,
                    "role_note": p.role_note,
                    "country": p.country,
                    "is_chair": p.id in d.chairs,
                    "n_quotes": quotes.get(p.id, 0),
                    "n_commitments": commits.get(p.id, 0),
                    "n_interests": interests.get(p.id, 0),
                    "review": p.review,
                }
            )
    table = Table(
        "People",
        _dialogue_column(
            (
                Column("Name", role="label"),
                Column("Role", role="label"),
                Column("Country", role="label"),
                Column("Quotes", "number"),
                Column("Commitments", "number"),
                Column("Interests", "number"),
                Column("Review", "review"),
            ),
        ),
        tuple(rows),
        "No participants.",
    )
    blocks: list[Block] = [table]
    notes = [f"{p.name}: {p.role_note}" for d in dialogues for p in d.participants if p.role_note]
    if notes:
        blocks.append(Paragraph(" ".join(notes), "note"))
    blocks.append(
        Paragraph(
            "Commitments and Interests count those a person made or stated in person;"
            " an expressed interest is not a commitment.",
            "note",
        )
    )
    columns = (
        (Column("Dialogue", "dialogue"), "dialogue_id"),
        (Column("Id", "key"), "id"),
        (Column("Name", role="label"), "name"),
        (Column("Role", role="label"), "role"),
        (Column("Chair", role="label"), "is_chair"),
        (Column("Country", role="label"), "country"),
        (Column("Quotes", "number"), "n_quotes"),
        (Column("Commitments", "number"), "n_commitments"),
        (Column("Interests", "number"), "n_interests"),
        (Column("Review", "review"), "review"),
    )
    return View(
        "people",
        tuple(blocks),
        {"people": data, "dialogues": meetings_json(dialogues)},
        data_table("People", data, columns),
    )


def dialogues_view(knowledge: Knowledge) -> View:
    return listing_view([listing(d) for d in knowledge.dialogues])


def listing_view(listings: Iterable[Listing]) -> View:
    """The list of dialogues, from what each meeting's `Listing` holds."""
    rows = []
    data = []
    for d in listings:
        counts = (d.n_participants, d.n_topics, d.n_commitments, d.n_interests, d.n_quotes)
        rows.append(
            (d.id, d.title, day_text(d.date), d.location, *map(str, counts), d.review or "")
        )
        data.append(
            {
                "id": d.id,
                "date": day_json(d.date),
                "date_note": d.date_note,
                "location": d.location,
                "title": d.title,
                "n_participants": counts[0],
                "n_topics": counts[1],
                "n_commitments": counts[2],
                "n_interests": counts[3],
                "n_quotes": counts[4],
                "path": d.path,
                "review": d.review,
            }
        )
    table = Table(
        "Dialogues",
        (
            Column("Id", "id"),
            Column("Title", role="label"),
            Column("Date", "id"),
            Column("Place", role="label"),
            Column("People", "number"),
            Column("Topics", "number"),
            Column("Commitments", "number"),
            Column("Interests", "number"),
            Column("Quotes", "number"),
            Column("Review", "review"),
        ),
        tuple(rows),
    )
    columns = (
        (Column("Id", "id"), "id"),
        (Column("Title", role="label"), "title"),
        (Column("Date", "id"), "date"),
        (Column("Place", role="label"), "location"),
        (Column("People", "number"), "n_participants"),
        (Column("Topics", "number"), "n_topics"),
        (Column("Commitments", "number"), "n_commitments"),
        (Column("Interests", "number"), "n_interests"),
        (Column("Quotes", "number"), "n_quotes"),
        (Column("Review", "review"), "review"),
    )
    machine = data_table("Dialogues", data, columns)
    return View("dialogues", (table,), {"dialogues": data}, machine)


def counts(knowledge: Knowledge) -> dict[str, int]:
    ds = knowledge.dialogues
    return {
        "dialogues": len(ds),
        "participants": sum(len(d.participants) for d in ds),
        "topics": sum(len(d.topics) for d in ds),
        "commitments": sum(1 for d in ds for c in d.commitments if not is_interest(c)),
        "interests": sum(1 for d in ds for c in d.commitments if is_interest(c)),
        "discussions": sum(len(d.discussions) for d in ds),
        "quotes": sum(len(d.quotes) for d in ds),
        "events": sum(len(d.events) for d in ds),
    }


def validate_view(knowledge: Knowledge, location: str) -> View:
    n = counts(knowledge)
    line = (
        f"{location}: ok: {n['dialogues']} dialogue{'s' if n['dialogues'] != 1 else ''},"
        f" {n['participants']} participants, {n['topics']} topics,"
        f" {n['commitments']} commitments, {n['interests']} interest"
        f"{'s' if n['interests'] != 1 else ''}, {n['quotes']} quotes"
    )
    return View("validate", (Paragraph(line),), {"ok": True, "errors": [], "counts": n})
