"""What each round of a meeting changed, and what meetings agreed over time.

`diff` sets two rounds side by side, and says what the later one did with the
earlier one's commitments the way `followups` does:

- new commitments, and apart from them new expressions of interest (`kind:
  interest`), which are never commitments nor counted as such;
- continued: the later commitment follows the earlier one (its file says so), or
  says the same thing (shown as "probably the same" with the evidence of both,
  never merged); or progress on the earlier one is recorded, in any file read, by
  the later round's date ("continued (progress recorded)", with that progress);
- dropped: none of these (not taken up in the later round's report);
- topics gained, continued and no longer discussed, matched by name and wording
  across the two files (never by id: each file picks its own ids);
- who was quoted.

The wording rules (`_alike`, `_topic_words`) compare content words: folded (case
and accents), a hyphenated word kept whole, without common words and words naming
the meetings' parties. `timeline` lists, meeting by meeting, what was agreed,
reaffirmed or reported as progress. Imported only by those commands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final, NamedTuple

from briefing.followups import (
    Index,
    Reported,
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
    Topic,
    day_json,
    day_key,
    day_text,
)
from briefing.records import is_interest, meetings_json, parties_text, review_notes
from briefing.views import Block, Bullets, Heading, Paragraph, View

#: A hyphen inside a word ("high-speed", "Indo-Pacific"): the word is compared whole.
_HYPHEN = re.compile(r"(?<=\w)[-\u2010\u2011](?=\w)")
#: Words too common to tell two commitments or topics apart.
_COMMON: Final = frozenset(
    (
        "a", "an", "and", "are", "as", "at", "be", "between", "both", "by", "each", "for",
        "from", "in", "into", "is", "it", "its", "of", "on", "or", "other", "over", "s",
        "that", "the", "their", "these", "this", "those", "to", "two", "was", "will", "with",
    )
)  # fmt: skip
#: How "continued (progress recorded)" is written, in every format.
PROGRESS_RECORDED: Final = "progress recorded"


# --------------------------------------------------------------------------
# diff


class Continued(NamedTuple):
    old: Commitment
    new: Commitment
    #: "follows" when NEW says so; "probably the same" when only their words agree.
    how: str
    #: The latest progress on OLD recorded by NEW's round's date, if any.
    progress: Reported | None = None


class Progressed(NamedTuple):
    """An earlier commitment no later one takes up, with progress recorded on it by then."""

    old: Commitment
    progress: Reported


class Changes(NamedTuple):
    """What a later round did with an earlier one's commitments (`compare`)."""

    new: list[Commitment]
    #: New expressions of interest: not commitments, so apart from NEW.
    interests: list[Commitment]
    continued: list[Continued]
    progressed: list[Progressed]
    dropped: list[Commitment]
    #: The earlier round's expressions of interest that nothing takes up.
    dropped_interests: list[Commitment]


class TopicPair(NamedTuple):
    old: Topic
    new: Topic
    #: "same name" (once case and accents are folded), or "probably the same".
    how: str
    #: The content words the pair shares, when matched by wording.
    shared: tuple[str, ...]


def _parties(*dialogues: Dialogue) -> tuple[str, ...]:
    """Words naming the meetings' parties ("india", "japan"; of four letters or more): a word
    starting with one ("indian", "japanese") says nothing about what their meetings did."""
    return tuple(
        {w for d in dialogues for p in d.parties for w in fold(p.name).split() if len(w) >= 4}
    )


def _content(text: str, parties: tuple[str, ...]) -> tuple[str, ...]:
    """TEXT's content words, in order (a hyphenated word whole, as "high_speed")."""
    words = fold(_HYPHEN.sub("_", text)).split()
    return tuple(w for w in words if w not in _COMMON and not w.startswith(parties))


def _shown(words: tuple[str, ...]) -> str:
    return ", ".join(w.replace("_", "-") for w in words)


def _alike(a: frozenset[str], b: frozenset[str]) -> int:
    """How many content words A and B share if that makes them probably the same, else 0.

    The rule: at least two shared words, and at least two thirds of the shorter one's.
    "Further enhance security and defence cooperation" and "Enhance security cooperation
    between India and Japan" share enhance, security, cooperation: all of the shorter's
    three. "Japan to invest 5 trillion yen over the next five years" and "A goal of 10
    trillion yen of investment in the next 10 years" share 5 of 9: too few.
    """
    shared = len(a & b)
    return shared if shared >= 2 and 3 * shared >= 2 * min(len(a), len(b)) else 0


def compare(old: Dialogue, new: Dialogue, index: Index) -> Changes:
    """What NEW did with OLD's commitments; INDEX finds the progress recorded on them.

    A `follows` link pairs first; then each later commitment not linked to OLD takes the
    earlier one, not yet taken and of its class (commitment or expression of interest),
    that `_alike` finds most alike. An earlier commitment still not taken up is
    continued when progress on it is recorded by NEW's date, else dropped.
    """
    cutoff = day_key(new.date)
    linked = index.linked.get(old.id, {})

    def latest(c: Commitment) -> Reported | None:
        found = linked.get(c.id)
        reports = found[0] if found is not None else []
        return next((r for r in reversed(reports) if r.progress.date <= cutoff), None)

    by_id = {c.id: c for c in old.commitments}
    continued: list[Continued] = []
    taken: set[str] = set()
    unlinked: list[Commitment] = []
    for c in new.commitments:
        # Links are DIALOGUE_ID/COMMITMENT_ID; keep the ids of OLD's commitments.
        followed = [cid for did, _, cid in (t.partition("/") for t in c.follows) if did == old.id]
        if not followed:
            unlinked.append(c)
        for cid in followed:
            if cid in by_id:
                continued.append(Continued(by_id[cid], c, "follows", latest(by_id[cid])))
                taken.add(cid)
    parties = _parties(old, new)
    old_words = {o.id: frozenset(_content(o.text, parties)) for o in old.commitments}
    fresh: list[Commitment] = []
    for c in unlinked:
        mine = frozenset(_content(c.text, parties))
        score, match = max(
            (
                (_alike(old_words[o.id], mine), o)
                for o in old.commitments
                if o.id not in taken and is_interest(o) == is_interest(c)
            ),
            key=lambda found: found[0],
            default=(0, None),
        )
        if score and match is not None:
            continued.append(Continued(match, c, "probably the same", latest(match)))
            taken.add(match.id)
        else:
            fresh.append(c)
    progressed: list[Progressed] = []
    dropped: list[Commitment] = []
    for o in old.commitments:
        if o.id not in taken:
            report = latest(o)
            if report is not None:
                progressed.append(Progressed(o, report))
            else:
                dropped.append(o)
    return Changes(
        [c for c in fresh if not is_interest(c)],
        [c for c in fresh if is_interest(c)],
        continued,
        progressed,
        [c for c in dropped if not is_interest(c)],
        [c for c in dropped if is_interest(c)],
    )


def _topic_words(name: tuple[str, ...], other: Topic, parties: tuple[str, ...]) -> tuple[str, ...]:
    """The words an earlier topic's NAME (its content words) shares with OTHER, a later topic,
    when that makes them probably the same; () when it does not.

    The rule: every content word of the shorter name is in the other name ("Indo-Pacific",
    "Indo-Pacific and regional issues"); or NAME shares two consecutive content words with
    OTHER's name or summary ("high-speed rail" in "working on high-speed rail, ports ...";
    for a name of one content word, that word). Only NAME is looked for in OTHER's summary,
    not the other way round: an earlier summary naming a later topic in passing proves little.
    """
    theirs = _content(other.name, parties)
    short, long = sorted((name, theirs), key=len)
    if short and set(short) <= set(long):
        return short
    # "|" keeps a pair of words from spanning the name and the summary.
    text = (*theirs, "|", *_content(other.summary, parties))
    if len(name) == 1:
        return name if name[0] in text else ()
    pairs = {name[i : i + 2] for i in range(len(name) - 1)}
    found = [w for i in range(len(text) - 1) if text[i : i + 2] in pairs for w in text[i : i + 2]]
    return tuple(dict.fromkeys(found))


def compare_topics(
    old: Dialogue, new: Dialogue
) -> tuple[list[TopicPair], list[Topic], list[Topic]]:
    """OLD's topics that NEW continues (each with its likeliest match), NEW's gained, OLD's lost.

    Matched by name and wording, never by id: the same name once folded, else
    `_topic_words`, the match sharing the most words first.
    """
    parties = _parties(old, new)
    pairs: list[TopicPair] = []
    lost: list[Topic] = []
    for t in old.topics:
        same = next((u for u in new.topics if fold(u.name) == fold(t.name)), None)
        if same is not None:
            pairs.append(TopicPair(t, same, "same name", ()))
            continue
        name = _content(t.name, parties)
        best = max(
            ((_topic_words(name, u, parties), u) for u in new.topics),
            key=lambda found: len(found[0]),
            default=((), t),
        )
        if best[0]:
            pairs.append(TopicPair(t, best[1], "probably the same", best[0]))
        else:
            lost.append(t)
    continuing = {id(p.new) for p in pairs}
    return pairs, [u for u in new.topics if id(u) not in continuing], lost


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


def _reviews(*commitments: Commitment, progress: Reported | None = None) -> str:
    """The review notes of COMMITMENTS (and of PROGRESS on them) shown on one line, joined."""
    notes = [c.review for c in commitments if c.review]
    if progress is not None and progress.progress.review:
        notes.append(f"progress: {progress.progress.review}")
    return "; ".join(notes)


def _progress(r: Reported) -> str:
    """Progress as `followups` writes it: "2024-08-20: under way: Singh said ..."."""
    return f"{r.progress.date.isoformat()}: {r.progress.status}: {r.progress.text}"


def _progress_json(r: Reported | None) -> dict[str, Any] | None:
    """Progress as `followups` writes its `latest_progress`."""
    if r is None:
        return None
    p = r.progress
    return {
        "dialogue_id": r.dialogue.id,
        "date": p.date.isoformat(),
        "status": p.status,
        "text": p.text,
        "evidence": {"source_id": p.evidence.source, "text": p.evidence.text},
        "review": p.review,
    }


def _continued_line(a: Dialogue, b: Dialogue, x: Continued) -> str:
    line = f"{_line(b, x.new)}, {x.how}: {_line(a, x.old)}"
    if x.how == "probably the same":
        line += (
            f" (evidence: \u201c{x.old.evidence.text}\u201d / \u201c{x.new.evidence.text}\u201d)"
        )
    if x.progress is not None:
        line += f"; the earlier one continued ({PROGRESS_RECORDED}): {_progress(x.progress)}"
    return line


def diff_view(
    knowledge: Knowledge, old: str | None, new: str | None, series: str | None = None
) -> View:
    a, b = _pair(knowledge, old, new, series)
    ch = compare(a, b, Index(knowledge))
    topic_pairs, gained, lost = compare_topics(a, b)
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

    def listed(name: str, d: Dialogue, found: list[Commitment]) -> None:
        section(name, [_line(d, c) for c in found], review_notes(c.review for c in found))

    listed("New commitments", b, ch.new)
    listed("New expressions of interest (not commitments)", b, ch.interests)
    section(
        "Continued",
        [_continued_line(a, b, x) for x in ch.continued]
        + [
            f"{_line(a, x.old)}, continued ({PROGRESS_RECORDED}): {_progress(x.progress)}"
            for x in ch.progressed
        ],
        review_notes(
            [_reviews(x.new, x.old, progress=x.progress) for x in ch.continued]
            + [_reviews(x.old, progress=x.progress) for x in ch.progressed]
        ),
    )
    listed("Dropped (not taken up in the later round)", a, ch.dropped)
    listed(
        "Earlier expressions of interest not taken up (not commitments)", a, ch.dropped_interests
    )
    section("Topics gained", sorted(t.name for t in gained))
    section(
        "Topics continued",
        [
            p.new.name
            if p.how == "same name"
            else f"{p.new.name}, {p.how}: {p.old.name} (shared words: {_shown(p.shared)})"
            for p in topic_pairs
        ],
    )
    section("Topics no longer discussed", sorted(t.name for t in lost))
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
            " of both. 'Continued (progress recorded)': progress on the earlier commitment is"
            " recorded, in a file read, by the later round's date. 'Dropped' means not taken"
            " up in the later round's report, not abandoned. Expressions of interest are not"
            " commitments.",
            "note",
        )
    )

    def item(d: Dialogue, c: Commitment) -> dict[str, Any]:
        return {"dialogue_id": d.id, "id": c.id, "text": c.text, "kind": c.kind, "review": c.review}

    def topic(d: Dialogue, t: Topic) -> dict[str, Any]:
        return {"dialogue_id": d.id, "id": t.id, "name": t.name}

    data = {
        "old_id": a.id,
        "new_id": b.id,
        "new_commitments": [item(b, c) for c in ch.new],
        "new_interests": [item(b, c) for c in ch.interests],
        "continued": [
            {
                **item(b, x.new),
                "continues": {**item(a, x.old), "latest_progress": _progress_json(x.progress)},
                "how": x.how,
            }
            for x in ch.continued
        ],
        "continued_by_progress": [
            {
                **item(a, x.old),
                "how": PROGRESS_RECORDED,
                "latest_progress": _progress_json(x.progress),
            }
            for x in ch.progressed
        ],
        "dropped": [item(a, c) for c in ch.dropped],
        "dropped_interests": [item(a, c) for c in ch.dropped_interests],
        "topics_gained": sorted(t.name for t in gained),
        "topics_continued": [
            {
                **topic(b, p.new),
                "continues": topic(a, p.old),
                "how": p.how,
                "shared_words": [w.replace("_", "-") for w in p.shared],
            }
            for p in topic_pairs
        ],
        "topics_lost": sorted(t.name for t in lost),
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
    ch = compare(before, d, index)
    n = len(ch.interests)
    blocks: list[Block] = [
        Heading("Since the last round", 2),
        Paragraph(
            f"Against the {before.title} ({day_text(before.date)}): {len(ch.new)} new,"
            f" {len(ch.continued) + len(ch.progressed)} continued,"
            f" {len(ch.dropped)} not taken up"
            + (
                f"; {n} new expression{'s' * (n != 1)} of interest (not commitments)." if n else "."
            ),
        ),
    ]
    lines = [f"{x.new.text} ({x.how}: {x.old.text})" for x in ch.continued] + [
        f"{x.old.text} (continued ({PROGRESS_RECORDED}): {_progress(x.progress)})"
        for x in ch.progressed
    ]
    if lines:
        notes = [_reviews(x.new, x.old, progress=x.progress) for x in ch.continued]
        notes += [_reviews(x.old, progress=x.progress) for x in ch.progressed]
        blocks.append(Bullets(tuple(lines), review_notes(notes)))
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
            "new_ids": [c.id for c in ch.new],
            "new_interest_ids": [c.id for c in ch.interests],
            "continued": [
                {"id": x.new.id, "continues_id": x.old.id, "how": x.how} for x in ch.continued
            ],
            "continued_by_progress_ids": [x.old.id for x in ch.progressed],
            "dropped_ids": [c.id for c in ch.dropped],
            "dropped_interest_ids": [c.id for c in ch.dropped_interests],
        },
        "earlier_follow_ups": [track_json(t, made_on) for t in earlier] if made_on else [],
    }
    return blocks, data
