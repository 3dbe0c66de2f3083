"""The briefing note: one dialogue's outcomes, discussions, quotes, follow-ups and sources."""

from __future__ import annotations

from typing import Any

from briefing.match import match_topics
from briefing.model import KIND_LABELS, Commitment, Dialogue, Knowledge, day_json
from briefing.records import (
    commitment_json,
    dialogue_line,
    discussion_json,
    evidence_json,
    parties_text,
    quote_block,
    quote_json,
    review_notes,
    source_line,
    timeline_text,
)
from briefing.views import Block, Bullets, Heading, Paragraph, View


def _led_by(d: Dialogue) -> Paragraph:
    people = [d.participant(c) for c in d.chairs]
    parts = [f"{p.name} ({p.role}, {p.country})" for p in people]
    who = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    review = "; ".join(f"{p.name}: {p.review}" for p in people if p.review)
    return Paragraph(f"Led by {who}.", review=review)


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


def _outcomes(d: Dialogue, commitments: list[Commitment], *, with_kind: bool) -> Bullets:
    items = tuple(_outcome(d, c, with_kind=with_kind) for c in commitments)
    return Bullets(items, review_notes(c.review for c in commitments))


def _follow_up(d: Dialogue, c: Commitment) -> str:
    when = timeline_text(c) if c.timeline else "No timeline given"
    return f"{when[0].upper()}{when[1:]}: {c.text} ({parties_text(d, c.by)})"


def summary_view(
    dialogues: tuple[Dialogue, ...],
    topic: str | None = None,
    *,
    knowledge: Knowledge | None = None,
) -> View:
    """The briefing note of each dialogue; with KNOWLEDGE (every dialogue read), a round of a
    series also says what changed since the last round and where earlier commitments stand."""
    chosen = {(d.id, t.id) for d, t in match_topics(dialogues, topic)} if topic else None
    blocks: list[Block] = []
    data = []
    for d in dialogues:
        topics = [t for t in d.topics if chosen is None or (d.id, t.id) in chosen]
        if chosen is not None and not topics:
            continue
        ids = {t.id for t in topics}

        def about(topic_ids: tuple[str, ...], ids: set[str] = ids) -> bool:
            # Unfiltered, the note holds everything, records without a topic too.
            return chosen is None or bool(ids.intersection(topic_ids))

        blocks.append(Heading(d.title, 1))
        blocks.append(Paragraph(dialogue_line(d), "meta", d.review or ""))
        if d.date_note:
            blocks.append(Paragraph(d.date_note, "note"))
        blocks.append(_led_by(d))
        commitments = [c for c in d.commitments if about(c.topics)]
        new = [c for c in commitments if c.kind in ("decision", "plan", "confirmation")]
        reaffirmed = [c for c in commitments if c.kind == "reaffirmation"]
        interest = [c for c in commitments if c.kind == "interest"]
        if new:
            blocks.append(Heading("Key outcomes", 2))
            # Each outcome once, under the first of its topics being shown.
            first = {c.id: next((x for x in c.topics if x in ids), None) for c in new}
            for t in topics:
                under = [c for c in new if first[c.id] == t.id]
                if under:
                    blocks.append(Heading(t.name, 3))
                    blocks.append(Paragraph(t.summary, review=t.review or ""))
                    blocks.append(_outcomes(d, under, with_kind=True))
            other = [c for c in new if first[c.id] is None]
            if other:
                blocks.append(Heading("Other outcomes", 3))
                blocks.append(_outcomes(d, other, with_kind=True))
        if reaffirmed:
            blocks.append(Heading("Reaffirmed", 2))
            blocks.append(_outcomes(d, reaffirmed, with_kind=False))
        if interest:
            blocks.append(Heading("Interest expressed (not a commitment)", 2))
            blocks.append(_outcomes(d, interest, with_kind=False))
        discussed = [x for x in d.discussions if about(x.topics)]
        if discussed:
            blocks.append(Heading("Also discussed", 2))
            notes = review_notes(x.review for x in discussed)
            blocks.append(Bullets(tuple(x.text for x in discussed), notes))
        # The sources are cited once, at the end, rather than under every quote.
        said = [q for q in d.quotes if about(q.topics)]
        cited = [quote_block(d, q) for q in said]
        if cited:
            blocks.append(Heading("Notable quotes", 2))
            blocks.extend(q._replace(source="") for q in cited)
        follow = [c for c in commitments if c.timeline or c.status == "planned"]
        if follow:
            blocks.append(Heading("Follow-ups", 2))
            notes = review_notes(c.review for c in follow)
            blocks.append(Bullets(tuple(_follow_up(d, c) for c in follow), notes))
        rounds: dict[str, Any] = {}
        if knowledge is not None and d.series and chosen is None:
            from briefing.history import round_sections  # only a round of a series needs it

            round_blocks, rounds = round_sections(knowledge, d)
            blocks.extend(round_blocks)
        events = [e for e in d.events if about(e.topics)]
        if events:
            blocks.append(Heading("Around the meeting", 2))
            notes = review_notes(e.review for e in events)
            blocks.append(Bullets(tuple(e.text for e in events), notes))
        blocks.append(Heading("Sources", 2))
        blocks.append(Bullets(tuple(source_line(d, s.id) for s in d.sources)))
        data.append(
            {
                "dialogue": {
                    "id": d.id,
                    "title": d.title,
                    "ordinal": d.ordinal,
                    "date": day_json(d.date),
                    "date_as_written": d.date_as_written,
                    "date_note": d.date_note,
                    "location": d.location,
                    "chair_ids": list(d.chairs),
                    "chair_names": [d.participant(c).name for c in d.chairs],
                    "review": d.review,
                },
                "topic_ids": [t.id for t in topics],
                "decisions": [commitment_json(d, c) for c in new],
                "reaffirmations": [commitment_json(d, c) for c in reaffirmed],
                "interests": [commitment_json(d, c) for c in interest],
                "discussions": [discussion_json(d, x) for x in discussed],
                "quotes": [quote_json(d, q) for q in said],
                "follow_up_ids": [c.id for c in follow],
                "events": [
                    {
                        "dialogue_id": d.id,
                        "id": e.id,
                        "text": e.text,
                        "participant_ids": list(e.participants),
                        "participant_names": [d.party_name(p) for p in e.participants],
                        "when": e.when,
                        "topic_ids": list(e.topics),
                        "topic_names": [d.topic(t).name for t in e.topics],
                        "evidence": evidence_json(e.evidence),
                        "review": e.review,
                    }
                    for e in events
                ],
                "sources": [
                    {
                        "dialogue_id": d.id,
                        "id": s.id,
                        "title": s.title,
                        "publisher": s.publisher,
                        "url": s.url,
                        "date": s.date.isoformat() if s.date else None,
                    }
                    for s in d.sources
                ],
                **rounds,
            }
        )
    return View("summary", tuple(blocks), {"briefings": data})
