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

from briefing.render.json import Encoded

if TYPE_CHECKING:
    from briefing.followups import Track


def follow_ups(found: Sequence[Track], as_of: dt.date) -> Encoded:
    """The items of `followups` in the data, each as JSON writes its `track_json`."""
    # Each meeting's id and date encoded once, not once per commitment it made.
    meetings: dict[str, tuple[str, str]] = {}
    out = Encoded()
    for t in found:
        d = t.dialogue
        meeting = meetings.get(d.id)
        if meeting is None:
            meeting = meetings[d.id] = (_string(d.id), f'"{d.date.isoformat()}"')
        out.append(_follow_up(t, as_of, meeting))
    return out


def _follow_up(t: Track, as_of: dt.date, meeting: tuple[str, str]) -> str:
    c, w, latest, state = t.commitment, t.window, t.latest, t.state
    if w is None:
        window = "null"
    else:
        window = (
            f'{{"start": "{w.start.isoformat()}", "end": "{w.end.isoformat()}",'
            f' "note": {_string(w.note)}, "interpretation": true,'
            f' "read_from_timeline": {"true" if t.derived else "false"}}}'
        )
    if latest is None:
        progress = "null"
    else:
        p = latest.progress
        progress = (
            f'{{"dialogue_id": {_string(latest.dialogue.id)}, "date": "{p.date.isoformat()}",'
            f' "status": {_string(p.status)}, "text": {_string(p.text)}, "evidence":'
            f' {{"source_id": {_string(p.evidence.source)}, "text": {_string(p.evidence.text)}}},'
            f' "review": {"null" if p.review is None else _string(p.review)}}}'
        )
    superseded = ", ".join(
        f'{{"dialogue_id": {_string(fd.id)}, "id": {_string(fc.id)},'
        f' "date": "{fd.date.isoformat()}"}}'
        for fd, fc in t.superseded_by
    )
    days = (as_of - w.end).days if state == "overdue" and w is not None else None
    return (
        f'{{"dialogue_id": {meeting[0]}, "id": {_string(c.id)}, "text": {_string(c.text)},'
        f' "by_ids": [{", ".join(map(_string, c.by))}], "made_on": {meeting[1]},'
        f' "kind": {_string(c.kind)}, "state": {_string(state)},'
        f' "days_overdue": {"null" if days is None else days},'
        f' "timeline": {"null" if c.timeline is None else _string(c.timeline)},'
        f' "window": {window},'
        f' "no_window_because": {_string(t.unread) if t.unread else "null"},'
        f' "latest_progress": {progress}, "superseded_by": [{superseded}],'
        f' "review": {"null" if c.review is None else _string(c.review)}}}'
    )
