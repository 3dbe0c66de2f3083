"""Rules that span several fields, named in the spec (`Record.checks`) and run by the walker.

Each check gets the record's `Scope`: the reader (to report problems), the ids
registered so far, the record's nodes by key, its plain values and its path.
It reports what it finds and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, NamedTuple

if TYPE_CHECKING:
    from yaml.nodes import Node

    from briefing.parse.values import NodeReader

#: table -> id -> (the node that defines it, its path)
Ids = dict[str, dict[str, tuple["Node", str]]]


class Scope(NamedTuple):
    reader: NodeReader
    ids: Ids
    nodes: dict[str, Node]
    values: dict[str, Any]
    path: str


Check = Callable[[Scope], None]


def window_order(scope: Scope) -> None:
    """A window ends on or after the day it starts."""
    start, end = scope.values.get("start"), scope.values.get("end")
    # ISO dates compare as text.
    if start and end and end < start:
        scope.reader.problem(
            scope.nodes["end"],
            f"{scope.path}.end",
            f"expected an end on or after the start ({start}), got {end}",
            "swap start and end",
        )


def shared_ids(scope: Scope) -> None:
    """Parties and participants share one namespace: a `by` list names either."""
    parties = scope.ids.get("parties", {})
    for pid, (pnode, ppath) in scope.ids.get("participants", {}).items():
        if pid in parties:
            first = parties[pid][0].start_mark
            scope.reader.problem(
                pnode,
                ppath,
                f"id '{pid}' is used by both a party ({parties[pid][1]}, line"
                f" {first.line + 1}) and a participant",
                "a 'by' list can name either, so give them different ids",
            )


CHECKS: Final[dict[str, Check]] = {
    "window-order": window_order,
    "shared-ids": shared_ids,
}
