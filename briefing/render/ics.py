"""iCalendar (RFC 5545) for `followups`: one all-day event per commitment window.

Import it into any calendar to see when commitments' windows open and close.
Only commitments with a window get an event: one spanning a short window, or
one at the start and one at the end of a long one. Titles start with who made
the commitment and its state; every event says the window is an interpretation
of the source's words, and what its state means. Done and superseded
commitments are left out unless `--state` asks for them. The output is
deterministic: DTSTAMP is the as-of date, and each UID is the commitment's
link, so importing a newer file updates the same events.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from briefing.model import STATE_MEANINGS
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


#: A window longer than this many days gets two one-day events, at its start and its end,
#: rather than a banner across every day of it.
_LONG: Final = 31
#: Titles are cut to about this many characters, at a word.
_TITLE: Final = 50


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _TITLE:
        return text
    return text[:_TITLE].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def _event(item: dict[str, Any], stamp: str) -> list[str]:
    window = item["window"]
    start = dt.date.fromisoformat(window["start"])
    last = dt.date.fromisoformat(window["end"])
    lines = [
        f"By {', '.join(item['by_names'])}.",
        f"Made at {item['dialogue_id']} on {item['made_on'] or 'a date not found'}.",
        f"Commitment: {item['text']}",
        f"Timeline as written: {item['timeline']}." if item["timeline"] else "",
        f"Window (an interpretation): {window['note']}",
        f"State as of {stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}: {item['state_label']}"
        f" ({STATE_MEANINGS[item['state']]}).",
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
    state = item["state_label"] + ("; awaiting review" if review else "")
    title = f"{', '.join(item['by_names'])}: {state}: "
    uid = f"{_escape(item['dialogue_id'])}/{_escape(item['id'])}"
    if (last - start).days < _LONG:
        spans = [("", start, last)]
    else:
        spans = [("opens: ", start, start), ("closes: ", last, last)]
    events = []
    for n, (marker, first, final) in enumerate(spans):
        events += [
            "BEGIN:VEVENT",
            f"UID:{uid}{'' if len(spans) == 1 else ('/opens', '/closes')[n]}@briefing",
            f"DTSTAMP:{stamp}T000000Z",
            f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
            # DTEND is exclusive.
            f"DTEND;VALUE=DATE:{(final + dt.timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(title + marker + _short(item['text']))}",
            f"DESCRIPTION:{_escape(description)}",
            f"CATEGORIES:{_escape(item['state_label'])}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    return events


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
    # A calendar is for what is still to come or to chase: done and superseded commitments
    # are left out unless the view asked for that state.
    skipped = () if view.data.get("state") else ("done", "superseded")
    for item in view.data["followups"]:
        if item["window"] is not None and item["state"] not in skipped:
            lines += _event(item, stamp)
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
