"""Checks across knowledge files: links between commitments, progress, and series of rounds.

A commitment may follow commitments of earlier meetings, and a progress entry
may report on a commitment of any meeting; both name it as
DIALOGUE_ID/COMMITMENT_ID. These links are checked once every file is loaded:

- a link must name a commitment that exists; a link into a dialogue that was
  not read is checked only when several dialogues are read together (a single
  file may point at files it is read without);
- following may not go round in a circle;
- progress cannot be dated before the meeting that made the commitment;
- two rounds of one series cannot have the same ordinal.

Each problem is located at the field that causes it, as every other problem is.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefing.errors import Problem, close_matches
from briefing.model import Dialogue, day_key

Marks = dict[str, tuple[int, int]]


def _problem(d: Dialogue, marks: Marks, path: str, message: str, hint: str) -> Problem:
    line, column = marks.get(path, (0, 0))
    return Problem(d.path, line, column, path, message, hint)


def _links(d: Dialogue) -> Iterator[tuple[str, str]]:
    """(path, DIALOGUE_ID/COMMITMENT_ID) for every link in D."""
    for i, c in enumerate(d.commitments):
        for j, target in enumerate(c.follows):
            yield f"commitments[{i}].follows[{j}]", target
    for i, p in enumerate(d.progress):
        yield f"progress[{i}].commitment", p.commitment


def problems(dialogues: list[Dialogue], located: dict[str, Marks]) -> list[Problem]:
    """Every problem of the links between DIALOGUES (LOCATED: each one's marks by id)."""
    by_id = {d.id: d for d in dialogues}
    commitments = {d.id: {c.id for c in d.commitments} for d in dialogues}
    several = len(dialogues) > 1
    found: list[Problem] = []
    for d in dialogues:
        marks = located[d.id]
        for path, target in _links(d):
            did, _, cid = target.partition("/")
            if did not in by_id:
                if several:
                    close = close_matches(did, by_id)
                    hint = (
                        f"did you mean '{close[0]}/{cid}'?"
                        if close
                        else "read the file that holds it together with this one (--data DIR)"
                    )
                    found.append(_problem(d, marks, path, f"unknown dialogue '{did}'", hint))
                continue
            if cid not in commitments[did]:
                close = close_matches(cid, commitments[did])
                hint = (
                    f"did you mean '{did}/{close[0]}'?"
                    if close
                    else f"see 'briefing commitments --dialogue {did}' for its commitment ids"
                )
                found.append(
                    _problem(
                        d, marks, path, f"unknown commitment '{cid}' in dialogue '{did}'", hint
                    )
                )
        for i, p in enumerate(d.progress):
            did = p.commitment.partition("/")[0]
            made = by_id.get(did)
            if made is not None and made.date is not None and p.date < made.date:
                found.append(
                    _problem(
                        d,
                        marks,
                        f"progress[{i}].date",
                        f"expected a date on or after {made.date} (the meeting that made the"
                        f" commitment), got {p.date}",
                        "progress comes after the promise; check the date or the commitment",
                    )
                )
    found += _cycles(dialogues, located)
    found += _series(dialogues, located)
    return sorted(found, key=lambda p: (p.file, p.line, p.column))


def _cycles(dialogues: list[Dialogue], located: dict[str, Marks]) -> list[Problem]:
    # Only commitments that follow others can be on a circle: the graph holds just those.
    follows: dict[str, list[tuple[str, Dialogue, str]]] = {}
    for d in dialogues:
        for i, c in enumerate(d.commitments):
            if c.follows:
                follows[f"{d.id}/{c.id}"] = [
                    (target, d, f"commitments[{i}].follows[{j}]")
                    for j, target in enumerate(c.follows)
                ]
    found: list[Problem] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in follows:
        if start in state:
            continue
        # Depth first without recursion: (key, index of the next link to follow).
        stack: list[tuple[str, int]] = [(start, 0)]
        state[start] = 1
        while stack:
            key, n = stack[-1]
            links = follows.get(key, [])
            if n == len(links):
                stack.pop()
                state[key] = 2
                continue
            stack[-1] = (key, n + 1)
            target, d, path = links[n]
            if state.get(target) == 1:
                ring = [k for k, _ in stack[[k for k, _ in stack].index(target) :]]
                shown = " -> ".join([*ring, target])
                found.append(
                    _problem(
                        d,
                        located[d.id],
                        path,
                        f"'follows' goes round in a circle: {shown}",
                        "a commitment follows only earlier ones; remove one of these links",
                    )
                )
            elif target not in state and target in follows:
                state[target] = 1
                stack.append((target, 0))
    return found


def _series(dialogues: list[Dialogue], located: dict[str, Marks]) -> list[Problem]:
    rounds: dict[tuple[str, int], Dialogue] = {}
    found: list[Problem] = []
    for d in sorted(dialogues, key=lambda d: (day_key(d.date), d.id)):
        if d.series is None or d.ordinal is None:
            continue
        first = rounds.setdefault((d.series, d.ordinal), d)
        if first is not d:
            found.append(
                _problem(
                    d,
                    located[d.id],
                    "dialogue.ordinal",
                    f"round {d.ordinal} of series '{d.series}' is also dialogue '{first.id}'"
                    f" ({first.path})",
                    "each round of a series has its own ordinal; check the number or the series",
                )
            )
    return found
