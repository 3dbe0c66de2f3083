"""iCalendar (RFC 5545) for `followups`: one all-day event per commitment window.

Import it into any calendar to see when commitments fall due. Only commitments
with a window get an event; every event says the window is an interpretation
of the source's words, and what "overdue" means. The output is deterministic:
DTSTAMP is the as-of date, and each UID is the commitment's link, so importing
a newer file updates the same events.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.render import Options, UnsupportedFormatError, inert
from briefing.views import View

_MAX_OCTETS = 75


def _escape(text: str) -> str:
    """TEXT as an iCalendar TEXT value: backslash, semicolon, comma and newline escaped."""
    text = inert(" ".join(text.split()))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def _fold(line: str) -> list[str]:
    """One content line folded at 75 octets, never inside a UTF-8 character."""
    out: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = _MAX_OCTETS if not out else _MAX_OCTETS - 1  # continuations start with a space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def _date(iso: str) -> str:
    return iso.replace("-", "")


def _event(item: dict[str, Any], stamp: str) -> list[str]:
    window = item["window"]
    end = dt.date.fromisoformat(window["end"]) + dt.timedelta(days=1)  # DTEND is exclusive
    lines = [
        f"Made at {item['dialogue_id']} on {item['made_on']}.",
        f"Timeline as written: {item['timeline']}." if item["timeline"] else "",
        f"Window (an interpretation): {window['note']}",
        f"State as of {stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}: {item['state']}.",
    ]
    progress = item["latest_progress"]
    if progress:
        lines.append(
            f"Latest progress ({progress['date']}, {progress['status']}): {progress['text']}"
        )
    # An item awaiting review says so first, and in its title.
    notes = [item["review"]] if item["review"] else []
    if progress and progress["review"]:
        notes.append(f"progress: {progress['review']}")
    review = "; ".join(notes)
    if review:
        lines.insert(0, f"[review: {review}]")
    description = " ".join(line for line in lines if line)
    state = f"{item['state']}; awaiting review" if review else item["state"]
    return [
        "BEGIN:VEVENT",
        f"UID:{_escape(item['dialogue_id'])}/{_escape(item['id'])}@briefing",
        f"DTSTAMP:{stamp}T000000Z",
        f"DTSTART;VALUE=DATE:{_date(window['start'])}",
        f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
        f"SUMMARY:{_escape(item['text'])} [{_escape(state)}]",
        f"DESCRIPTION:{_escape(description)}",
        f"CATEGORIES:{_escape(item['state'])}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def render(view: View, options: Options) -> str:  # noqa: ARG001 - one signature for all
    if view.command != "followups":
        raise UnsupportedFormatError(f"'{view.command}' has no calendar form")
    stamp = _date(view.data["as_of"])
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//briefing//followups//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape('Follow-ups as of ' + view.data['as_of'])}",
    ]
    for item in view.data["followups"]:
        if item["window"] is not None:
            lines += _event(item, stamp)
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
