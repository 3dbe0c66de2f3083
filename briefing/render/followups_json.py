"""The follow-ups' items as JSON text, written straight from their tracks.

A run can follow tens of thousands of commitments; building each item's object
(`briefing.followups.track_json`) and then encoding it costs more than writing
the text from the values it shows. Only the values are encoded here; keys and
punctuation are written as `briefing.render.json` writes them, and a test
checks that the two agree on every item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from json.encoder import encode_basestring as _string
from typing import TYPE_CHECKING

from briefing.model import STATE_LABELS
from briefing.render.json import Encoded

if TYPE_CHECKING:
    from briefing.followups import Track


def _day(day: dt.date | None) -> str:
    """A meeting's date as a JSON value: a string, or null where it was not found."""
    return f'"{day.isoformat()}"' if day is not None else "null"


def follow_ups(found: Sequence[Track], as_of: dt.date) -> Encoded:
    """The items of `followups` in the data, each as JSON writes its `track_json`."""
    # Values that many items share (a meeting's id and date, who made a commitment,
    # its kind, the days that windows start and end on) are encoded once.
    meetings: dict[str, tuple[str, str]] = {}
    shared: dict[object, str] = {}
    days_of: dict[dt.date, str] = {}
    out = Encoded()
    append = out.append
    for t in found:
        d, c, w, latest, state = t.dialogue, t.commitment, t.window, t.latest, t.state
        meeting = meetings.get(d.id)
        if meeting is None:
            meeting = meetings[d.id] = (_string(d.id), _day(d.date))
        by = shared.get((d.id, c.by))
        if by is None:
            names = ", ".join(_string(d.name_of(who)) for who in c.by)
            by = shared[(d.id, c.by)] = f'[{", ".join(map(_string, c.by))}], "by_names": [{names}]'

        kind = shared.get(c.kind)
        if kind is None:
            kind = shared[c.kind] = _string(c.kind)
        if w is None:
            window = "null"
        else:
            start = days_of.get(w.start)
            if start is None:
                start = days_of[w.start] = w.start.isoformat()
            end = days_of.get(w.end)
            if end is None:
                end = days_of[w.end] = w.end.isoformat()
            window = (
                f'{{"start": "{start}", "end": "{end}",'
                f' "note": {_string(w.note)}, "interpretation": true,'
                f' "read_from_timeline": {"true" if t.derived else "false"}}}'
            )
        if latest is None:
            progress = "null"
        else:
            p = latest.progress
            progress = (
                f'{{"dialogue_id": {_string(latest.dialogue.id)},'
                f' "date": "{p.date.isoformat()}", "status": {_string(p.status)},'
                f' "text": {_string(p.text)}, "evidence": {{"source_id":'
                f' {_string(p.evidence.source)}, "text": {_string(p.evidence.text)}}},'
                f' "review": {"null" if p.review is None else _string(p.review)}}}'
            )
        superseded = (
            ", ".join(
                f'{{"dialogue_id": {_string(fd.id)}, "id": {_string(fc.id)},'
                f' "date": {_day(fd.date)}}}'
                for fd, fc in t.superseded_by
            )
            if t.superseded_by
            else ""
        )
        # The days since the window closed, or until it opens or closes: for one state each.
        since = opens = closes = "null"
        if w is not None:
            if state == "passed":
                since = str((as_of - w.end).days)
            elif state == "upcoming":
                opens = str((w.start - as_of).days)
            elif state == "open":
                closes = str((w.end - as_of).days)
        timeline = c.timeline
        # Dates in ISO form and the states (plain words) are written as they are: JSON
        # has nothing to escape in them.
        append(
            f'{{"dialogue_id": {meeting[0]}, "id": {_string(c.id)}, "text": {_string(c.text)},'
            f' "by_ids": {by}, "made_on": {meeting[1]},'
            f' "kind": {kind}, "state": "{state}", "state_label": "{STATE_LABELS[state]}",'
            f' "days_since_window_closed": {since}, "days_until_window_opens": {opens},'
            f' "days_until_window_closes": {closes},'
            f' "timeline": {"null" if timeline is None else _string(timeline)},'
            f' "window": {window},'
            f' "no_window_because": {_string(t.unread) if t.unread else "null"},'
            f' "latest_progress": {progress}, "superseded_by": [{superseded}],'
            f' "review": {"null" if c.review is None else _string(c.review)}}}'
        )
    return out
