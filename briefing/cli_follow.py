"""The commands that follow commitments across meetings.

followups, dashboard, diff, timeline and scorecard: briefing.followups,
briefing.dashboard, briefing.history and briefing.scorecard are imported only
here, when one of these commands runs.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from briefing.app import command, output_format, run
from briefing.model import FOLLOW_UP_STATES, Knowledge
from briefing.options import PartyFilter, SeriesOpt, SharedOptionsButDialogue, TopicFilter, common
from briefing.output import EXIT_USAGE, fail
from briefing.render import Format

if TYPE_CHECKING:
    from briefing.followups import ItemsMaker


def _as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of: expected a date as YYYY-MM-DD, got '{value}'", EXIT_USAGE)


AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="The date to judge by, YYYY-MM-DD [default: today].",
        show_default=False,
    ),
]
StateOpt = Annotated[
    str | None,
    typer.Option(
        "--state",
        metavar="STATE",
        help="Only this state: " + ", ".join(FOLLOW_UP_STATES) + " (or its words).",
        show_default=False,
    ),
]


def _items_maker(fmt: Format) -> ItemsMaker:
    """What makes the follow-ups' items: JSON writes them straight from the tracks, not
    from objects built first."""
    if fmt is Format.JSON:
        from briefing.render import followups_json

        return followups_json.follow_ups
    from briefing.followups import tracks_json

    return tracks_json


@command()
def followups(
    as_of: AsOf = None,
    party: PartyFilter = None,
    topic: TopicFilter = None,
    series: SeriesOpt = None,
    state: StateOpt = None,
    *,
    ctx: typer.Context,
) -> None:
    """Follow every commitment to a date: where it stands, by whom, and since when.

    Most urgent first, with who made it, where, the timeline as written, the
    window read from it (an interpretation) and the latest progress recorded.
    A state says only what the files read record by the as-of date:

    \b
    passed       window passed, no progress recorded: its window has closed
                 and the files record no progress on it (this does not say
                 the promise was broken)
    open         window open: the as-of date is inside its window
    in progress  the latest progress recorded says it is under way
    upcoming     window not yet open: its window opens later
    undated      no window: none given, and none read from its timeline
    superseded   a later commitment follows it
    lapsed       the latest progress recorded (or the source) says it lapsed
    done         the latest progress recorded (or the source) says it is done

    \b
    Examples:
      briefing followups --data examples/india-japan
      briefing followups --as-of 2026-03-01 --state open
      briefing followups --data examples/india-japan -o followups.ics
    """
    from briefing import followups as tracker
    from briefing import query
    from briefing.views import View

    shared = common(ctx)
    day = _as_of(as_of)
    wanted = state.lower() if state is not None else None

    def build(k: Knowledge) -> View:
        if shared.dialogue is not None:
            query.select_dialogues(k, shared.dialogue)  # an unknown id is an error
        fmt = output_format(shared)
        return tracker.followups_view(
            k,
            day,
            fmt=fmt,
            items=_items_maker(fmt),
            party=party,
            topic=topic,
            series=series,
            state=wanted,
            dialogue=shared.dialogue,
        )

    run(shared, build)


@command(SharedOptionsButDialogue)
def dashboard(
    as_of: AsOf = None,
    party: PartyFilter = None,
    topic: TopicFilter = None,
    series: SeriesOpt = None,
    state: StateOpt = None,
    *,
    ctx: typer.Context,
) -> None:
    """Where the commitments stand, at a glance: counts, a picture, then the detail.

    First the commitments counted by state (each state with what it means) and
    by party, with each party's recorded follow-through; then the windows of
    those still to follow on a date axis with the as-of date marked (an SVG
    drawing in HTML, characters in the terminal); then the commitments grouped
    by state, most urgent first. States are those of `briefing followups
    --help`, in the same colours in every format that has colour. CSV is one
    row a commitment with one value a cell; JSON has the counts, the parties
    and the items of `followups`.

    \b
    Examples:
      briefing dashboard --data examples
      briefing dashboard --data examples --as-of 2026-03-01 --party japan
      briefing dashboard --data examples -o dashboard.html
    """
    from briefing import dashboard as board

    shared = common(ctx)
    day = _as_of(as_of)
    fmt = output_format(shared)
    if fmt is Format.ICS:
        fail(
            "--format ics is not available for dashboard: use 'briefing followups -o FILE.ics'",
            EXIT_USAGE,
        )
    run(
        shared,
        lambda k: board.dashboard_view(
            k,
            day,
            fmt=fmt,
            items=_items_maker(fmt),
            party=party,
            topic=topic,
            series=series,
            state=state,
        ),
    )


@command(SharedOptionsButDialogue)
def diff(
    old: Annotated[
        str | None,
        typer.Argument(metavar="[OLD]", help="The earlier dialogue id.", show_default=False),
    ] = None,
    new: Annotated[
        str | None,
        typer.Argument(metavar="[NEW]", help="The later dialogue id.", show_default=False),
    ] = None,
    series: SeriesOpt = None,
    *,
    ctx: typer.Context,
) -> None:
    """Compare two rounds: commitments new, continued and dropped; topics; who was quoted.

    Give two dialogue ids, or --series to compare its last two rounds. A pair
    matched only by wording is shown as 'probably the same', with both pieces
    of evidence, never merged. An earlier commitment with progress recorded by
    the later round is continued, never dropped; topics are compared by name
    and wording; expressions of interest are listed apart from commitments.

    \b
    Examples:
      briefing diff --data examples/india-japan --series india-japan-annual-summit
      briefing diff india-japan-sd-15 india-japan-sd-18 --data examples/india-japan
    """
    from briefing import history

    shared = common(ctx)
    if series is None and (old is None or new is None):
        fail("diff: give two dialogue ids (OLD NEW), or --series SERIES", EXIT_USAGE)
    run(shared, lambda k: history.diff_view(k, old, new, series))


@command(SharedOptionsButDialogue)
def timeline(
    topic: TopicFilter = None,
    party: PartyFilter = None,
    series: SeriesOpt = None,
    *,
    ctx: typer.Context,
) -> None:
    """List the meetings in date order with what each agreed, reaffirmed or reported.

    \b
    Examples:
      briefing timeline --data examples/india-japan --topic investment
      briefing timeline --data examples/india-japan --series india-japan-2plus2
    """
    from briefing import history

    shared = common(ctx)
    run(shared, lambda k: history.timeline_view(k, topic=topic, party=party, series=series))


@command(SharedOptionsButDialogue)
def scorecard(
    as_of: AsOf = None,
    party: PartyFilter = None,
    series: SeriesOpt = None,
    *,
    ctx: typer.Context,
) -> None:
    """Score each party and each series: commitments made and what the files record of them.

    Per party and per series: commitments made, how many are done, in
    progress, window passed with no progress recorded, window open, window
    not yet open, with no window, superseded or lapsed, and the recorded
    follow-through: of those whose window has closed, the share with progress
    recorded as done or under way. It counts only what the files read record.

    \b
    Examples:
      briefing scorecard --data examples
      briefing scorecard --data examples --as-of 2025-01-01 --party japan
      briefing scorecard --data examples --format csv > scorecard.csv
    """
    from briefing import scorecard as scoring

    shared = common(ctx)
    day = _as_of(as_of)
    run(shared, lambda k: scoring.scorecard_view(k, day, party=party, series=series))


__all__ = ["dashboard", "diff", "followups", "scorecard", "timeline"]
