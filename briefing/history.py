"""What each round of a meeting changed, and what meetings agreed over time.

`diff` sets two rounds side by side: commitments that are new, continued (the
later one follows the earlier, or says the same thing: shown as "probably the
same" with the evidence of both, never merged) and dropped (not taken up in
the later round's report); topics gained and lost; who was quoted.
`timeline` lists, meeting by meeting, what was agreed, reaffirmed or reported
as progress. Imported only by those commands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final, NamedTuple

from briefing.followups import (
    Index,
    in_series,
    progress_text,
    round_order,
    state_text,
    track_json,
    tracks,
)
from briefing.match import NotFoundError, fold, match_party, match_topics, select_dialogues
from briefing.model import (
    STATE_LABELS,
    STATE_MEANINGS,
    Commitment,
    Dialogue,
    Knowledge,
    day_json,
    day_text,
)
from briefing.records import meetings_json, parties_text, review_notes
from briefing.views import Block, Bullets, Heading, Paragraph, View

_WORD = re.compile(r"\w+")
#: Words too common to tell two commitments apart.
_COMMON: Final = frozenset(
    (
        "a", "an", "and", "as", "at", "be", "by", "for", "from", "in", "into", "its", "of",
        "on", "or", "that", "the", "their", "this", "to", "will", "with",
    )
)  # fmt: skip


# --------------------------------------------------------------------------
# diff


class Continued(NamedTuple):
    old: Commitment
    new: Commitment
    #: "follows" when NEW says so; "probably the same" when only their words agree.
    how: str


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in _COMMON)


def _alike(a: Commitment, b: Commitment) -> bool:
    wa, wb = _words(a.text), _words(b.text)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= 0.5


def compare(
    old: Dialogue, new: Dialogue
) -> tuple[list[Commitment], list[Continued], list[Commitment]]:
    """NEW's new commitments, those continued from OLD, and OLD's that NEW does not take up."""
    continued: list[Continued] = []
    taken: set[str] = set()
    fresh: list[Commitment] = []
    for c in new.commitments:
        # Links are DIALOGUE_ID/COMMITMENT_ID; keep the ids of OLD's commitments.
        followed = [cid for did, _, cid in (t.partition("/") for t in c.follows) if did == old.id]
        if followed:
            for cid in followed:
                match = next((o for o in old.commitments if o.id == cid), None)
                if match is not None:
                    continued.append(Continued(match, c, "follows"))
                    taken.add(match.id)
            continue
        alike = next((o for o in old.commitments if o.id not in taken and _alike(o, c)), None)
        if alike is not None:
            continued.append(Continued(alike, c, "probably the same"))
            taken.add(alike.id)
        else:
            fresh.append(c)
    dropped = [o for o in old.commitments if o.id not in taken]
    return fresh, continued, dropped


def _pair(
    knowledge: Knowledge, old: str | None, new: str | None, series: str | None
) -> tuple[Dialogue, Dialogue]:
    if series is not None:
        rounds = [d for d in knowledge.dialogues if d.series == series]
        if len(rounds) < 2:
            known = sorted({d.series for d in knowledge.dialogues if d.series})
            raise NotFoundError(
                f"series '{series}' has {len(rounds)} round(s) in the data; diff needs two"
                + (f" (series: {', '.join(known)})" if known else "")
            )
        rounds.sort(key=round_order)
        return rounds[-2], rounds[-1]
    if old is None or new is None:
        raise NotFoundError("diff needs two dialogue ids, or a series")
    # Each id picks its one dialogue; an unknown id is an error with did-you-mean.
    return select_dialogues(knowledge, old)[0], select_dialogues(knowledge, new)[0]


def _line(d: Dialogue, c: Commitment) -> str:
    return f"{c.text} ({parties_text(d, c.by)}; {c.kind})"


def _reviews(*commitments: Commitment) -> str:
    """The review notes of COMMITMENTS shown on one line, joined."""
    return "; ".join(c.review for c in commitments if c.review)


def diff_view(
    knowledge: Knowledge, old: str | None, new: str | None, series: str | None = None
) -> View:
    a, b = _pair(knowledge, old, new, series)
    fresh, continued, dropped = compare(a, b)
    topics_a = {t.name for t in a.topics}
    topics_b = {t.name for t in b.topics}
    speakers_a = sorted(
        {a.participant(q.speaker).name for q in a.quotes if a.find_participant(q.speaker)}
    )
    speakers_b = sorted(
        {b.participant(q.speaker).name for q in b.quotes if b.find_participant(q.speaker)}
    )
    title = f"{b.title} ({day_text(b.date)}) against {a.title} ({day_text(a.date)})"
    blocks: list[Block] = [Heading(title, 2)]

    def section(name: str, items: list[str], reviews: tuple[str, ...] = ()) -> None:
        blocks.append(Heading(name, 3))
        blocks.append(Bullets(tuple(items), reviews) if items else Paragraph("None.", "meta"))

    section("New", [_line(b, c) for c in fresh], review_notes(c.review for c in fresh))
    section(
        "Continued",
        [
            f"{_line(b, x.new)}, {x.how}: {_line(a, x.old)}"
            + (
                f" (evidence: \u201c{x.old.evidence.text}\u201d"
                f" / \u201c{x.new.evidence.text}\u201d)"
                if x.how == "probably the same"
                else ""
            )
            for x in continued
        ],
        review_notes(_reviews(x.new, x.old) for x in continued),
    )
    section(
        "Dropped (not taken up in the later round)",
        [_line(a, c) for c in dropped],
        review_notes(c.review for c in dropped),
    )
    section("Topics gained", sorted(topics_b - topics_a))
    section("Topics no longer discussed", sorted(topics_a - topics_b))
    section(
        "Who was quoted",
        [
            f"{a.title}: {', '.join(speakers_a) or 'nobody'}",
            f"{b.title}: {', '.join(speakers_b) or 'nobody'}",
        ],
    )
    blocks.append(
        Paragraph(
            "'Probably the same' pairs are matched by their wording only; check the evidence"
            " of both. 'Dropped' means not taken up in the later round's report, not abandoned.",
            "note",
        )
    )

    def item(d: Dialogue, c: Commitment) -> dict[str, Any]:
        return {"dialogue_id": d.id, "id": c.id, "text": c.text, "kind": c.kind, "review": c.review}

    data = {
        "old_id": a.id,
        "new_id": b.id,
        "new_commitments": [item(b, c) for c in fresh],
        "continued": [
            {**item(b, x.new), "continues": item(a, x.old), "how": x.how} for x in continued
        ],
        "dropped": [item(a, c) for c in dropped],
        "topics_gained": sorted(topics_b - topics_a),
        "topics_lost": sorted(topics_a - topics_b),
        "speakers": [
            {"dialogue_id": a.id, "speaker_names": speakers_a},
            {"dialogue_id": b.id, "speaker_names": speakers_b},
        ],
        "dialogues": meetings_json((a, b)),
    }
    return View("diff", tuple(blocks), data)


# --------------------------------------------------------------------------
# timeline


def _events(
    knowledge: Knowledge,
    topic_ids: set[tuple[str, str]] | None,
    parties: set[tuple[str, str]] | None,
) -> Iterator[tuple[Dialogue, str, str, str | None, tuple[str, ...]]]:
    """(meeting, label, text, review, who) for what each meeting agreed, reaffirmed or
    reported; WHO are the parties of the commitment (for progress, of the one it is on)."""
    index = Index(knowledge)
    for d in knowledge.dialogues:
        for c in d.commitments:
            if topic_ids is not None and not any((d.id, t) in topic_ids for t in c.topics):
                continue
            if parties is not None and not any((d.id, who) in parties for who in c.by):
                continue
            label = {
                "reaffirmation": "reaffirmed",
                "confirmation": "confirmed",
                "interest": "interest (not a commitment)",
            }.get(c.kind, "agreed" if c.kind == "decision" else "planned")
            follows = "".join(
                f" [follows {index.commitments[k][0].title}: {index.commitments[k][1].text}]"
                for k in c.follows
                if k in index.commitments
            )
            text = c.text + (f" ({c.timeline})" if c.timeline else "") + follows
            yield d, f"{label} by {parties_text(d, c.by)}", text, c.review, c.by
        for p in d.progress:
            target = index.commitments.get(p.commitment)
            if target is None:
                continue
            td, tc = target
            if topic_ids is not None and not any((td.id, t) in topic_ids for t in tc.topics):
                continue
            if parties is not None and not any((td.id, who) in parties for who in tc.by):
                continue
            on = f"{p.text} [on {parties_text(td, tc.by)}'s: {tc.text}, {td.title}]"
            yield d, f"progress ({p.status})", on, p.review, tc.by


def timeline_view(
    knowledge: Knowledge,
    *,
    topic: str | None = None,
    party: str | None = None,
    series: str | None = None,
) -> View:
    dialogues = in_series(knowledge, series)
    chosen = Knowledge(dialogues)
    topic_ids = {(d.id, t.id) for d, t in match_topics(dialogues, topic)} if topic else None
    parties = match_party(dialogues, party) if party else None
    by_meeting: dict[str, list[tuple[str, str, str | None, tuple[str, ...]]]] = {}
    for d, label, text, review, who in _events(chosen, topic_ids, parties):
        by_meeting.setdefault(d.id, []).append((label, text, review, who))
    blocks: list[Block] = [Heading("Timeline" + (f": {topic}" if topic else ""), 2)]
    rows = []
    for d in dialogues:
        items = by_meeting.get(d.id)
        if not items:
            continue
        blocks.append(Heading(f"{day_text(d.date)} \u2014 {d.title}, {d.location}", 3))
        lines = tuple(f"{label}: {text}" for label, text, _, _ in items)
        blocks.append(Bullets(lines, review_notes(review for _, _, review, _ in items)))
        rows += [
            {
                "dialogue_id": d.id,
                "date": day_json(d.date),
                "what": label,
                "by_ids": list(who),
                "text": text,
                "review": review,
            }
            for label, text, review, who in items
        ]
    if not rows:
        blocks.append(Paragraph("Nothing recorded for this selection.", "meta"))
    data = {"timeline": rows, "dialogues": meetings_json(dialogues)}
    return View("timeline", tuple(blocks), data)


# --------------------------------------------------------------------------
# The briefing note's view of the series


def round_sections(knowledge: Knowledge, d: Dialogue) -> tuple[list[Block], dict[str, Any]]:
    """What a round changed since the last one, and the earlier rounds' commitments as of it.

    Empty when D is not a round of a series with an earlier round in the data read.
    """
    index = Index(knowledge)
    before = index.previous_round(d)
    if before is None:
        return [], {}
    fresh, continued, dropped = compare(before, d)
    blocks: list[Block] = [
        Heading("Since the last round", 2),
        Paragraph(
            f"Against the {before.title} ({day_text(before.date)}):"
            f" {len(fresh)} new, {len(continued)} continued, {len(dropped)} not taken up.",
        ),
    ]
    if continued:
        lines = tuple(f"{x.new.text} ({x.how}: {x.old.text})" for x in continued)
        blocks.append(Bullets(lines, review_notes(_reviews(x.new, x.old) for x in continued)))
    # Earlier rounds' commitments as of this round's date: none to show without one.
    made_on = d.date
    earlier = (
        []
        if made_on is None
        else [
            t
            for t in tracks(knowledge, made_on, series=d.series, index=index)
            if t.dialogue.date is not None and t.dialogue.date < made_on
        ]
    )
    if made_on is not None and earlier:
        blocks.append(Heading(f"Earlier commitments as of {made_on.isoformat()}", 2))
        blocks.append(
            Bullets(
                tuple(
                    f"{t.commitment.text} ({parties_text(t.dialogue, t.commitment.by)},"
                    f" {t.dialogue.title}): {state_text(t, made_on)}"
                    + (f"; {progress_text(t)}" if t.latest else "")
                    for t in earlier
                ),
                review_notes(t.commitment.review for t in earlier),
            )
        )
        shown = dict.fromkeys(t.state for t in earlier)
        blocks.append(
            Paragraph(" ".join(f"'{STATE_LABELS[s]}': {STATE_MEANINGS[s]}." for s in shown), "note")
        )
    data = {
        "since_last_round": {
            "previous_id": before.id,
            "new_ids": [c.id for c in fresh],
            "continued": [
                {"id": x.new.id, "continues_id": x.old.id, "how": x.how} for x in continued
            ],
            "dropped_ids": [c.id for c in dropped],
        },
        "earlier_follow_ups": [track_json(t, made_on) for t in earlier] if made_on else [],
    }
    return blocks, data
