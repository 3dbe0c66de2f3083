"""Anchors and aliases: refused, with every use of each anchor named in its message."""

from __future__ import annotations

from typing import Any

from briefing.errors import Problem
from briefing.parse.compose import loader_class


def may_share(text: str) -> bool:
    """Whether TEXT might hold an anchor or an alias (cheap; no false negatives).

    A '&' or '*' can start a token only after a non-alphanumeric character.
    """
    for sign in "&*":
        i = text.find(sign)
        while i != -1:
            if i == 0 or not text[i - 1].isalnum():
                return True
            i = text.find(sign, i + 1)
    return False


def sharing_problems(text: str, file: str) -> tuple[list[Problem], bool]:
    """One problem per anchor, naming its aliases; and whether any alias exists."""
    import yaml

    anchors: dict[str, tuple[Any, str]] = {}
    uses: dict[str, list[Any]] = {}
    # Each frame: [path, is_mapping, next index, expecting a key, current key]
    stack: list[list[Any]] = []
    loader = loader_class()(text)
    try:
        while True:
            event = loader.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                break
            if isinstance(event, yaml.CollectionEndEvent):
                stack.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            path = ""
            if stack:
                frame = stack[-1]
                if not frame[1]:
                    path = f"{frame[0]}[{frame[2]}]"
                    frame[2] += 1
                elif frame[3]:
                    path = frame[0]
                    frame[4] = event.value if isinstance(event, yaml.ScalarEvent) else "?"
                    frame[3] = False
                else:
                    path = f"{frame[0]}.{frame[4]}" if frame[0] else str(frame[4])
                    frame[3] = True
            if isinstance(event, yaml.AliasEvent):
                uses.setdefault(str(event.anchor), []).append(event.start_mark)
            elif event.anchor is not None:
                anchors.setdefault(event.anchor, (event.start_mark, path))
            if isinstance(event, yaml.CollectionStartEvent):
                stack.append([path, isinstance(event, yaml.MappingStartEvent), 0, True, ""])
    except yaml.YAMLError:  # pragma: no cover - the composer has already accepted the text
        pass
    finally:
        loader.dispose()
    problems = []
    for name, (mark, path) in anchors.items():
        marks = uses.get(name, [])
        if not marks:
            hint = f"remove '&{name}'"
        elif len(marks) == 1:
            hint = (
                f"remove '&{name}' and write the value out in place of '*{name}'"
                f" at line {marks[0].line + 1}, column {marks[0].column + 1}"
            )
        else:
            lines = sorted({m.line + 1 for m in marks})
            shown = [str(n) for n in lines[:3]]
            if len(lines) > 3:
                shown.append(f"{len(lines) - 3} more")
            where = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
            hint = (
                f"remove '&{name}' and write the value out in place of the {len(marks)}"
                f" uses of '*{name}', on line{'s' if len(lines) > 1 else ''} {where}"
            )
        problems.append(
            Problem(
                file,
                mark.line + 1,
                mark.column + 1,
                path,
                f"expected a plain value, found the anchor '&{name}';"
                " anchors and aliases are not allowed",
                hint,
            )
        )
    return problems, bool(uses)
