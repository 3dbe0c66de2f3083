"""Following commitments across meetings: where each stands as of a date, and what rounds changed.

Everything here is computed from the loaded knowledge files and an as-of date;
nothing is written back. A commitment's window is the one its file gives, else
one read from its timeline by `briefing.windows` and always marked as an
interpretation. Its state, as of a date (ids, words and meanings are declared
with the model, `briefing.model.STATE_LABELS` and `STATE_MEANINGS`):

- done / lapsed / in progress: the latest progress recorded by then says so
  (or the source already did, in the commitment's own status);
- superseded: a later commitment, made by then, follows it;
- passed ("window passed, no progress recorded"): the window has ended;
- open ("window open"): the as-of date is inside the window;
- upcoming ("window not yet open"): the window starts later;
- undated ("no window"): there is no window.

A state says only what the files read record by the as-of date: "window
passed, no progress recorded" never says that a promise was broken, and its
words say so wherever it is shown, in every format.

The cross-meeting indexes (which commitment follows which, progress by
commitment, rounds of each series) are built once per run (`Index`), never
per row. Imported only by the commands that follow commitments.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, Final, NamedTuple

from briefing.match import NotFoundError, match_party, match_topics
from briefing.model import (
    FOLLOW_UP_STATES,
    STATE_ALIASES,
    STATE_LABELS,
    STATE_MEANINGS,
    Commitment,
    Dialogue,
    Knowledge,
    Progress,
    Window,
    day_json,
    day_key,
    day_text,
)
from briefing.records import meetings_json
from briefing.views import Block, Bullets, Column, Paragraph, Table, View
from briefing.windows import Unread, describe, read_timeline

#: The states, most urgent first (declared with the model, for the command line's help).
STATES: Final = FOLLOW_UP_STATES


class Reported(NamedTuple):
    """A progress entry and the dialogue whose file records it."""

    dialogue: Dialogue
    progress: Progress


class Track(NamedTuple):
    """One commitment followed to the as-of date."""

    dialogue: Dialogue
    commitment: Commitment
    window: Window | None
    #: Whether the window is read from the timeline here rather than given by the file.
    derived: bool
    #: Why there is no window, when there is none.
    unread: str
    latest: Reported | None
    #: Later commitments, made by the as-of date, that follow this one.
    superseded_by: tuple[tuple[Dialogue, Commitment], ...]
    state: str

    def days_since_closed(self, as_of: dt.date) -> int | None:
        """For a window that has passed, the days since it closed."""
        if self.state != "passed" or self.window is None:
            return None
        return (as_of - self.window.end).days

    def days_until_opens(self, as_of: dt.date) -> int | None:
        """For a window not yet open, the days until it opens."""
        if self.state != "upcoming" or self.window is None:
            return None
        return (self.window.start - as_of).days

    def days_until_closes(self, as_of: dt.date) -> int | None:
        """For an open window, the days until it closes."""
        if self.state != "open" or self.window is None:
            return None
        return (self.window.end - as_of).days


#: What is linked to one commitment: progress on it, in date order, and the later
#: commitments that follow it.
Linked = tuple[list[Reported], list[tuple[Dialogue, Commitment]]]


class Index:
    """The links between the loaded dialogues, built once."""

    def __init__(self, knowledge: Knowledge) -> None:
        self._dialogues = knowledge.dialogues
        # Links, which files write as DIALOGUE_ID/COMMITMENT_ID, by dialogue id and then
        # commitment id: a dialogue is looked up once, and each of its commitments (most
        # have no links) without building its key.
        self.linked: dict[str, dict[str, Linked]] = {}
        self.rounds: dict[str, list[Dialogue]] = {}
        for d in knowledge.dialogues:
            for c in d.commitments:
                if c.follows:
                    for target in c.follows:
                        self._links(target)[1].append((d, c))
            for p in d.progress:
                self._links(p.commitment)[0].append(Reported(d, p))
            if d.series:
                self.rounds.setdefault(d.series, []).append(d)
        self.next: dict[str, Dialogue] = {}
        self.previous: dict[str, Dialogue] = {}
        for rounds in self.rounds.values():
            rounds.sort(key=round_order)
            for earlier, later in itertools.pairwise(rounds):
                self.next[earlier.id] = later
                self.previous[later.id] = earlier
        for by_commitment in self.linked.values():
            for reports, _ in by_commitment.values():
                if len(reports) > 1:
                    reports.sort(key=lambda r: r.progress.date)

    def _links(self, target: str) -> Linked:
        did, _, cid = target.partition("/")
        by_commitment = self.linked.get(did)
        if by_commitment is None:
            by_commitment = self.linked[did] = {}
        found = by_commitment.get(cid)
        if found is None:
            found = by_commitment[cid] = ([], [])
        return found

    @functools.cached_property
    def commitments(self) -> dict[str, tuple[Dialogue, Commitment]]:
        """Every commitment by its link, DIALOGUE_ID/COMMITMENT_ID (built when first asked)."""
        return {f"{d.id}/{c.id}": (d, c) for d in self._dialogues for c in d.commitments}

    def next_round(self, d: Dialogue) -> Dialogue | None:
        return self.next.get(d.id)

    def previous_round(self, d: Dialogue) -> Dialogue | None:
        return self.previous.get(d.id)

    def track(
        self, d: Dialogue, c: Commitment, as_of: dt.date, linked: dict[str, Linked] | None = None
    ) -> Track:
        """C, made at D, followed to AS_OF; LINKED is `self.linked` of D, when already found."""
        # The commonest cases inline: a window in the file, or no timeline at all.
        window = c.window
        if window is not None:
            derived, unread = False, ""
        elif not c.timeline:
            derived, unread = False, "no timeline"
        else:
            window, derived, unread = self._read_window(d, c.timeline)
        if linked is None:
            linked = self.linked.get(d.id)
        # Most commitments have neither progress nor followers: nothing built for them.
        latest = None
        followers: tuple[tuple[Dialogue, Commitment], ...] = ()
        status = c.status
        found = linked.get(c.id) if linked is not None else None
        if found is not None:
            reports, after = found
            for r in reversed(reports):
                if r.progress.date <= as_of:
                    latest = r
                    status = r.progress.status
                    break
            if after:
                followers = tuple((fd, fc) for fd, fc in after if day_key(fd.date) <= as_of)
        # The state: what the latest progress (else the source) says, then what follows.
        if status == "done":
            state = "done"
        elif status == "lapsed":
            state = "lapsed"
        elif followers:
            state = "superseded"
        elif status == "under way":
            state = "in progress"
        elif window is None:
            state = "undated"
        elif as_of > window.end:
            state = "passed"
        elif as_of >= window.start:
            state = "open"
        else:
            state = "upcoming"
        return Track(d, c, window, derived, unread, latest, followers, state)

    def _read_window(self, d: Dialogue, timeline: str) -> tuple[Window | None, bool, str]:
        """A window read from TIMELINE, said at meeting D; or why there is none."""
        if d.date is None:
            return None, False, "the meeting's date was not found"
        nxt = self.next.get(d.id)
        read = read_timeline(timeline, d.date, next_round=nxt.date if nxt else None)
        if isinstance(read, Unread):
            return None, False, read.reason
        return Window(read.start, read.end, read.note), True, ""


def round_order(d: Dialogue) -> tuple[dt.date, int, str]:
    """Rounds in date order, a round whose date was not found last."""
    return (day_key(d.date), d.ordinal or 0, d.id)


_RANK: Final = {s: n for n, s in enumerate(STATES)}
_NEVER: Final = dt.date.max


# --------------------------------------------------------------------------
# Selecting


def tracks(
    knowledge: Knowledge,
    as_of: dt.date,
    *,
    party: str | None = None,
    topic: str | None = None,
    series: str | None = None,
    state: str | None = None,
    dialogue: str | None = None,
    index: Index | None = None,
) -> list[Track]:
    """Every commitment made by AS_OF that is not an expression of interest, most urgent first.

    Most urgent first: by state (in the order of STATES), then by the end of the
    window and its start (undated last), then by dialogue id and commitment id.
    """
    index = index or Index(knowledge)
    dialogues = in_series(knowledge, series)
    wanted_parties = match_party(dialogues, party) if party else None
    wanted_topics = {(d.id, t.id) for d, t in match_topics(dialogues, topic)} if topic else None
    state = state_id(state) if state is not None else None
    # Each track with its place in the order, which the sort compares as made (no key
    # function to call for each); the count keeps two tracks from ever being compared.
    found: list[tuple[int, dt.date, dt.date, str, str, int, Track]] = []
    track = index.track
    for d in dialogues:
        # A meeting whose date was not found is kept: nothing says it is after AS_OF.
        if (d.date is not None and d.date > as_of) or (dialogue is not None and d.id != dialogue):
            continue
        linked = index.linked.get(d.id)
        for c in d.commitments:
            if c.kind == "interest":
                continue
            if wanted_parties is not None and not any(
                (d.id, who) in wanted_parties for who in c.by
            ):
                continue
            if wanted_topics is not None and not any((d.id, t) in wanted_topics for t in c.topics):
                continue
            t = track(d, c, as_of, linked)
            if state is None or t.state == state:
                w = t.window
                if w is None:
                    found.append((_RANK[t.state], _NEVER, _NEVER, d.id, c.id, len(found), t))
                else:
                    found.append((_RANK[t.state], w.end, w.start, d.id, c.id, len(found), t))
    found.sort()
    return [f[-1] for f in found]


def state_id(name: str) -> str:
    """The state NAME means: an id, its words ("window open") or a former name ("due")."""
    wanted = " ".join(name.lower().replace("-", " ").split())
    for state in STATES:
        if wanted in (state, STATE_LABELS[state]):
            return state
    if wanted in STATE_ALIASES:
        return STATE_ALIASES[wanted]
    raise NotFoundError(f"no state '{name}' (states: {', '.join(STATES)})")


def in_series(knowledge: Knowledge, series: str | None) -> tuple[Dialogue, ...]:
    if series is None:
        return knowledge.dialogues
    chosen = tuple(d for d in knowledge.dialogues if d.series == series)
    if not chosen:
        known = sorted({d.series for d in knowledge.dialogues if d.series})
        hint = f" (series: {', '.join(known)})" if known else " (no dialogue names a series)"
        raise NotFoundError(f"no series '{series}'{hint}")
    return chosen


# --------------------------------------------------------------------------
# Words for people and machines


def span_text(days: int) -> str:
    """A number of days as people say it: "12 days", "about 7 months", "about 3 years"."""
    if days < 45:
        return f"{days} day{'s' if days != 1 else ''}"
    months = round(days / 30.44)
    if months < 18:
        return f"about {months} months"
    return f"about {round(days / 365.25)} years"


def timing_text(t: Track, as_of: dt.date) -> str:
    """How long since the window closed, or until it opens or closes ("" for other states)."""
    since = t.days_since_closed(as_of)
    if since is not None:
        return f"closed {span_text(since)} ago" if since else "closed today"
    opens = t.days_until_opens(as_of)
    if opens is not None:
        return f"opens in {span_text(opens)}"
    closes = t.days_until_closes(as_of)
    if closes is not None:
        return f"closes in {span_text(closes)}" if closes else "closes today"
    return ""


def state_text(t: Track, as_of: dt.date) -> str:
    """The state in words, with its timing: "window passed, no progress recorded (closed
    about 7 months ago)"."""
    timing = timing_text(t, as_of)
    return f"{STATE_LABELS[t.state]} ({timing})" if timing else STATE_LABELS[t.state]


def parties_text(t: Track) -> str:
    """Who made the commitment: the names of its parties (or people)."""
    return ", ".join(t.dialogue.name_of(who) for who in t.commitment.by)


def window_text(t: Track) -> str:
    """The window and that it is an interpretation, the same words wherever it comes from."""
    if t.window is None:
        return ""
    w = t.window
    return f"{describe(w.start, w.end)} (interpretation)"


def progress_text(t: Track) -> str:
    if t.latest is None:
        return ""
    p = t.latest.progress
    return f"{p.date.isoformat()}: {p.status}: {p.text}"


def review_text(t: Track) -> str:
    """What a person should still check in the commitment, and in its latest progress."""
    notes = [t.commitment.review] if t.commitment.review else []
    if t.latest is not None and t.latest.progress.review:
        notes.append(f"progress: {t.latest.progress.review}")
    return "; ".join(notes)


def superseded_text(t: Track) -> str:
    return "; ".join(f"{d.title}, {day_text(d.date)}: {c.text}" for d, c in t.superseded_by)


def track_json(t: Track, as_of: dt.date) -> dict[str, Any]:
    """T's item in JSON. `briefing.render.followups_json` writes the same item as text,
    straight from the track; a test keeps the two in step, so change both together."""
    d, c, w, latest = t.dialogue, t.commitment, t.window, t.latest
    if latest is None:
        progress = None
    else:
        p = latest.progress
        progress = {
            "dialogue_id": latest.dialogue.id,
            "date": p.date.isoformat(),
            "status": p.status,
            "text": p.text,
            "evidence": {"source_id": p.evidence.source, "text": p.evidence.text},
            "review": p.review,
        }
    return {
        "dialogue_id": d.id,
        "id": c.id,
        "text": c.text,
        "by_ids": c.by,  # a tuple: JSON writes it as a list
        "by_names": [d.name_of(who) for who in c.by],
        "made_on": day_json(d.date),
        "kind": c.kind,
        "state": t.state,
        "state_label": STATE_LABELS[t.state],
        "days_since_window_closed": t.days_since_closed(as_of),
        "days_until_window_opens": t.days_until_opens(as_of),
        "days_until_window_closes": t.days_until_closes(as_of),
        "timeline": c.timeline,
        "window": None
        if w is None
        else {
            "start": w.start.isoformat(),
            "end": w.end.isoformat(),
            "note": w.note,
            "interpretation": True,
            "read_from_timeline": t.derived,
        },
        "no_window_because": t.unread or None,
        "latest_progress": progress,
        "superseded_by": [
            {"dialogue_id": fd.id, "id": fc.id, "date": day_json(fd.date)}
            for fd, fc in t.superseded_by
        ]
        if t.superseded_by
        else [],
        "review": c.review,
    }


#: The follow-ups table, one value a cell (the columns of `row`).
COLUMNS = (
    Column("Dialogue", "dialogue"),
    Column("Id", "key"),
    Column("State id", "key"),
    Column("State", "state"),
    Column("When", role="label"),
    Column("By ids", "key"),
    Column("By", role="label"),
    Column("Commitment", role="main"),
    Column("Made at"),
    Column("Timeline"),
    Column("Window"),
    Column("Window start", "key"),
    Column("Window end", "key"),
    Column("Days past window", "key"),
    Column("Followed by"),
    Column("Latest progress"),
    Column("Review", "review"),
)


def row(t: Track, as_of: dt.date, made_at: str) -> tuple[str, ...]:
    """T as a row of the follow-ups table (`COLUMNS`): one value per cell."""
    c, w = t.commitment, t.window
    days = t.days_since_closed(as_of)
    if days is None:
        days = t.days_until_opens(as_of)
        days = -days if days is not None else t.days_until_closes(as_of)
    return (
        t.dialogue.id,
        c.id,
        t.state,
        STATE_LABELS[t.state],
        timing_text(t, as_of),
        "; ".join(c.by),
        parties_text(t),
        c.text,
        made_at,
        c.timeline or "",
        window_text(t),
        w.start.isoformat() if w is not None else "",
        w.end.isoformat() if w is not None else "",
        str(days) if days is not None else "",
        superseded_text(t),
        progress_text(t) if t.latest is not None else "",
        review_text(t),
    )


def tracks_json(found: Sequence[Track], as_of: dt.date) -> list[dict[str, Any]]:
    """The follow-ups' items of the data: `track_json` of each."""
    return [track_json(t, as_of) for t in found]


# --------------------------------------------------------------------------
# followups

#: What makes the follow-ups' items of the view's data from their tracks.
ItemsMaker = Callable[[Sequence[Track], dt.date], list[Any]]

#: The formats that write the follow-ups' items (JSON, and the calendar made from
#: them); the others show the table.
_ITEM_FORMATS: Final = ("json", "ics")


def followups_view(
    knowledge: Knowledge,
    as_of: dt.date,
    *,
    fmt: str | None = None,
    items: ItemsMaker = tracks_json,
    **filters: str | None,
) -> View:
    """The follow-ups view; FILTERS are the filters of `tracks` (party, topic, series, ...).

    FMT, the format the view is written in (a `briefing.render.Format`), lets the view
    leave out what that format does not show: the table and the blocks around it for
    JSON and iCalendar, the follow-ups' items for the others; without FMT the view has
    every part. ITEMS makes the items of the data from the tracks: their JSON objects
    (`tracks_json`), unless the JSON writer gives its own, which writes them directly.
    """
    # FILTERS hold text only; `tracks` also takes an index, which this view never passes.
    asked = filters.pop("state", None)
    every = tracks(knowledge, as_of, **filters)  # type: ignore[arg-type]
    state = state_id(asked) if asked is not None else None
    found = every if state is None else [t for t in every if t.state == state]
    with_items = fmt is None or fmt in _ITEM_FORMATS
    data = {
        "as_of": as_of.isoformat(),
        "state": state,
        **({"followups": items(found, as_of)} if with_items else {}),
        "dialogues": meetings_json(knowledge.dialogues),
    }
    if fmt in _ITEM_FORMATS:
        return View("followups", (), data)
    # Each meeting named once, not once per commitment it made.
    made_at = {d.id: f"{d.title}, {day_text(d.date)}" for d in knowledge.dialogues}
    table = Table(
        f"Follow-ups as of {as_of.isoformat()}",
        COLUMNS,
        tuple([row(t, as_of, made_at[t.dialogue.id]) for t in found]),
        empty=_nothing(state, as_of, filters, len(every)),
    )
    counts = Counter(t.state for t in found)
    tally = "; ".join(f"{counts[s]} {STATE_LABELS[s]}" for s in STATES if counts[s])
    blocks: list[Block] = [table]
    if tally:
        blocks += [
            Paragraph(f"{tally}.", "meta"),
            Paragraph("What the states mean (as of " + as_of.isoformat() + "):", "note"),
            Bullets(tuple(f"{STATE_LABELS[s]}: {STATE_MEANINGS[s]}." for s in STATES if counts[s])),
            Paragraph(
                "Windows are interpretations of the source's words, which are shown beside them.",
                "note",
            ),
        ]
    return View("followups", tuple(blocks), data, table)


def _nothing(state: str | None, as_of: dt.date, filters: dict[str, str | None], n: int) -> str:
    """What an empty result says: the filter that left nothing, and how many were followed."""
    what = f"No commitments in the state '{STATE_LABELS[state]}'" if state else "No commitments"
    named = [f"{k} '{v}'" for k, v in filters.items() if v is not None and k != "dialogue"]
    if filters.get("dialogue"):
        named.append(f"dialogue '{filters['dialogue']}'")
    if named:
        what += " for " + " and ".join(named)
    followed = f"{n} followed" if state else "none made by then in the data read"
    return f"{what} as of {as_of.isoformat()} ({followed})."
