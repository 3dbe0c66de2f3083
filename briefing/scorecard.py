"""The scorecard: per party and per series, what was promised and what the files record of it.

Each commitment followed to the as-of date (`briefing.followups`) is counted
under every party that made it, and under its meeting's series. Recorded
follow-through is the share, among the commitments whose window has closed by
the as-of date (superseded ones left out), of those with progress recorded as
done or under way. Like the compliance reports of the G7 and G20 Research
Group, which score each member on each commitment, it is a count per party and
per commitment; unlike them, it counts only what the files read record, so a
low share may mean that nothing was written down, not that nothing was done.
Imported only by the `scorecard` command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final

from briefing.followups import Index, Track, tracks
from briefing.match import fold
from briefing.model import STATE_LABELS, Knowledge
from briefing.records import meetings_json
from briefing.views import Block, Bullets, Column, Paragraph, Table, View

#: The states counted, in the order of the columns.
_COUNTED: Final = (
    "done",
    "in progress",
    "passed",
    "open",
    "upcoming",
    "undated",
    "superseded",
    "lapsed",
)
FOLLOW_THROUGH_MEANING: Final = (
    "Recorded follow-through: of the commitments whose window has closed by the as-of date"
    " (superseded ones left out), the share with progress recorded as done or under way. It"
    " counts only what the files read record, as the G7 and G20 Research Group's compliance"
    " reports count each member's action on each commitment; a low share may mean that"
    " nothing was written down, not that nothing was done."
)


class Tally:
    """The counts of one party or series."""

    def __init__(self, key: str, name: str) -> None:
        self.key = key
        self.name = name
        self.states = dict.fromkeys(_COUNTED, 0)
        self.made = 0
        self.closed = 0
        self.followed = 0

    def add(self, t: Track, as_of: dt.date) -> None:
        self.made += 1
        self.states[t.state] = self.states.get(t.state, 0) + 1
        w = t.window
        if t.state != "superseded" and w is not None and w.end < as_of:
            self.closed += 1
            if t.state in ("done", "in progress"):
                self.followed += 1

    @property
    def share(self) -> float | None:
        return self.followed / self.closed if self.closed else None

    def share_text(self) -> str:
        share = self.share
        if share is None:
            return "no window closed"
        return f"{round(100 * share)}% ({self.followed} of {self.closed})"

    def row(self) -> tuple[str, ...]:
        return (
            self.key,
            self.name,
            str(self.made),
            *(str(self.states[s]) for s in _COUNTED),
            str(self.closed),
            str(self.followed),
            "" if self.share is None else f"{self.share:.4f}",
            self.share_text(),
        )

    def json(self, key_name: str) -> dict[str, Any]:
        return {
            key_name: self.key or None,
            "name": self.name,
            "made": self.made,
            **{s.replace(" ", "_"): self.states[s] for s in _COUNTED},
            "windows_closed": self.closed,
            "followed_through": self.followed,
            "recorded_follow_through": None if self.share is None else round(self.share, 4),
        }


def _columns(first: str) -> tuple[Column, ...]:
    return (
        Column(f"{first} id", "key"),
        Column(first, role="label"),
        Column("Made", "number"),
        *(Column(STATE_LABELS[s].capitalize(), "number") for s in _COUNTED),
        Column("Windows closed", "number"),
        Column("Followed through", "number"),
        Column("Follow-through share", "key"),
        Column("Recorded follow-through", role="label"),
    )


def _sorted(tallies: Iterable[Tally]) -> list[Tally]:
    return sorted(tallies, key=lambda t: (-t.made, fold(t.name)))


def party_tallies(found: Iterable[Track], as_of: dt.date, party: str | None) -> list[Tally]:
    """Each party's counts over FOUND, most commitments first (PARTY alone when given)."""
    wanted = fold(party) if party else None
    parties: dict[str, Tally] = {}
    for t in found:
        for who in t.commitment.by:
            name = t.dialogue.name_of(who)
            key = fold(name)
            if wanted is not None and wanted not in (fold(who), key):
                continue  # the other parties of a commitment made jointly with PARTY
            tally = parties.get(key)
            if tally is None:
                tally = parties[key] = Tally(who, name)
            tally.add(t, as_of)
    return _sorted(parties.values())


def scorecard_view(
    knowledge: Knowledge,
    as_of: dt.date,
    *,
    party: str | None = None,
    series: str | None = None,
) -> View:
    """Per party and per series: commitments made, by state, and recorded follow-through."""
    found = tracks(knowledge, as_of, party=party, series=series, index=Index(knowledge))
    rounds: dict[str, Tally] = {}
    for t in found:
        d = t.dialogue
        key = d.series or ""
        tally = rounds.get(key)
        if tally is None:
            tally = rounds[key] = Tally(key, d.series or "(no series)")
        tally.add(t, as_of)
    by_party = party_tallies(found, as_of, party)
    by_series = _sorted(rounds.values())
    party_table = Table(
        f"Scorecard by party as of {as_of.isoformat()}",
        _columns("Party"),
        tuple(t.row() for t in by_party),
        empty=f"No commitments made by {as_of.isoformat()} in the data read.",
    )
    series_table = Table(
        f"By series as of {as_of.isoformat()}",
        _columns("Series"),
        tuple(t.row() for t in by_series),
        empty="No commitments.",
    )
    blocks: list[Block] = [
        party_table,
        series_table,
        Paragraph(FOLLOW_THROUGH_MEANING, "note"),
        Bullets(
            (
                "A commitment made jointly counts for each party that made it.",
                "States are those of `briefing followups` (see its --help): window passed,"
                " no progress recorded says only that the files record none.",
            )
        ),
    ]
    data = {
        "as_of": as_of.isoformat(),
        "parties": [t.json("party_id") for t in by_party],
        "series": [t.json("series_id") for t in by_series],
        "dialogues": meetings_json(knowledge.dialogues),
    }
    return View("scorecard", tuple(blocks), data, party_table)
