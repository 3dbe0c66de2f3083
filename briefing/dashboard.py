"""The follow-ups dashboard: what stands where at a glance, then the detail by state.

First the counts: commitments by state (with what each state means) and by
party; then a picture of the windows on a date axis with the as-of date marked;
then the commitments grouped by state, most urgent first. Everything comes from
the tracks of `briefing.followups` and the tallies of `briefing.scorecard`, so
the dashboard, `followups` and `scorecard` never disagree. Imported only by the
`dashboard` command.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from briefing.followups import (
    COLUMNS,
    STATES,
    Index,
    ItemsMaker,
    Track,
    row,
    state_id,
    track_json,
    tracks,
    tracks_json,
)
from briefing.model import STATE_LABELS, STATE_MEANINGS, Knowledge, day_text
from briefing.records import meetings_json
from briefing.scorecard import Tally, party_tallies
from briefing.views import Block, Chart, Column, Heading, Paragraph, Table, View

#: The states whose commitments need no one's attention: drawn last and not charted.
_SETTLED = ("superseded", "done")


def _counts(found: list[Track], as_of: dt.date) -> Table:
    counts = Counter(t.state for t in found)
    return Table(
        f"By state as of {as_of.isoformat()}",
        (
            Column("State id", "key"),
            Column("State", "state"),
            Column("Commitments", "bar"),
            Column("What it means", role="main"),
        ),
        tuple(
            (s, STATE_LABELS[s], str(counts[s]), STATE_MEANINGS[s] + ".")
            for s in STATES
            if counts[s]
        ),
        empty="No commitments.",
    )


#: Each state in a column header: short, so that the counts fit side by side.
_SHORT = {
    "passed": "Window passed",
    "open": "Window open",
    "in progress": "In progress",
    "upcoming": "Not yet open",
    "undated": "No window",
    "superseded": "Superseded",
    "lapsed": "Lapsed",
    "done": "Done",
}


def _parties(ordered: list[Tally]) -> Table:
    shown = [s for s in STATES if any(t.states.get(s) for t in ordered)]
    return Table(
        "By party",
        (
            Column("Party id", "key"),
            Column("Party", role="main"),
            Column("Made", "number"),
            *(Column(_SHORT[s], "number") for s in shown),
            Column("Recorded follow-through", role="label"),
        ),
        tuple(
            (t.key, t.name, str(t.made), *(str(t.states.get(s, 0)) for s in shown), t.share_text())
            for t in ordered
        ),
        empty="No commitments.",
    )


#: The columns of a group of one state: the follow-ups' columns but the state's own.
_GROUPED = tuple(i for i, c in enumerate(COLUMNS) if c.header not in ("State id", "State"))


def _group(found: list[Track], as_of: dt.date, made_at: dict[str, str]) -> Table:
    """The commitments of one state, as `followups` shows them, less the state."""
    rows = (row(t, as_of, made_at[t.dialogue.id]) for t in found)
    return Table(
        "",
        tuple(COLUMNS[i] for i in _GROUPED),
        tuple(tuple(r[i] for i in _GROUPED) for r in rows),
    )


def _all(found: list[Track], as_of: dt.date, made_at: dict[str, str]) -> Table:
    """Every commitment in one table, as `followups` has it: the dashboard's CSV."""
    return Table(
        f"Follow-ups as of {as_of.isoformat()}",
        COLUMNS,
        tuple(row(t, as_of, made_at[t.dialogue.id]) for t in found),
        empty="No commitments.",
    )


def _chart(found: list[Track], as_of: dt.date) -> Chart:
    charted = [t for t in found if t.state not in _SETTLED]
    items = tuple(track_json(t, as_of) for t in charted if t.window is not None)
    unseen = len(charted) - len(items)
    summary = (
        f"The windows of {len(items)} commitment{'' if len(items) == 1 else 's'} still to"
        f" follow, most urgent first, with {as_of.isoformat()} marked"
        + (f"; {unseen} without a window are not drawn" if unseen else "")
        + " (windows are interpretations of the sources' words)."
    )
    return Chart("Windows", items, as_of.isoformat(), summary)


def dashboard_view(
    knowledge: Knowledge,
    as_of: dt.date,
    *,
    fmt: str | None = None,
    items: ItemsMaker = tracks_json,
    party: str | None = None,
    topic: str | None = None,
    series: str | None = None,
    state: str | None = None,
) -> View:
    """The dashboard of the commitments made by AS_OF (filtered as `followups` filters).

    FMT, the format the view is written in, lets the view leave out what that format
    does not show: the blocks for JSON and CSV, the follow-ups' items for the others
    (ITEMS makes them, as for `followups_view`); without FMT the view has every part.
    """
    index = Index(knowledge)
    every = tracks(knowledge, as_of, party=party, topic=topic, series=series, index=index)
    wanted = state_id(state) if state is not None else None
    found = every if wanted is None else [t for t in every if t.state == wanted]
    tallies = party_tallies(found, as_of, party)
    counts = Counter(t.state for t in found)
    data: dict[str, Any] = {
        "as_of": as_of.isoformat(),
        "state": wanted,
        "counts": {s: counts[s] for s in STATES},
        "parties": [t.json("party_id") for t in tallies],
        **({"followups": items(found, as_of)} if fmt in (None, "json") else {}),
        "dialogues": meetings_json(knowledge.dialogues),
    }
    if fmt == "json":
        return View("dashboard", (), data)
    made_at = {d.id: f"{d.title}, {day_text(d.date)}" for d in knowledge.dialogues}
    table = _all(found, as_of, made_at) if fmt in (None, "csv") else None
    if fmt == "csv":
        return View("dashboard", (), data, table)
    meetings = len({t.dialogue.id for t in found})
    blocks: list[Block] = [
        Heading(f"Follow-ups dashboard as of {as_of.isoformat()}"),
        Paragraph(
            f"{len(found)} commitment{'' if len(found) == 1 else 's'} made at {meetings}"
            f" meeting{'' if meetings == 1 else 's'}"
            + (f", in the state '{STATE_LABELS[wanted]}'" if wanted else "")
            + ". A state says only what the files read record by the as-of date.",
            "meta",
        ),
        _counts(found, as_of),
        _parties(tallies),
        Paragraph(
            "A party's counts by state, the states as in the table above. Recorded"
            " follow-through: of its commitments whose window has closed, the share with"
            " progress recorded as done or under way.",
            "note",
        ),
        _chart(found, as_of),
    ]
    for s in STATES:
        group = [t for t in found if t.state == s]
        if group:
            blocks += [
                Heading(f"{STATE_LABELS[s].capitalize()} ({len(group)})", 2, s),
                Paragraph(f"{STATE_MEANINGS[s].capitalize()}.", "note"),
                _group(group, as_of, made_at),
            ]
    blocks.append(
        Paragraph(
            "Windows are interpretations of the source's words, which are shown beside them.",
            "note",
        )
    )
    return View("dashboard", tuple(blocks), data, table)
