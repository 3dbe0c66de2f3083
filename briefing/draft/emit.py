"""The draft as the text of a knowledge file: stable key order, block style, a header."""

from __future__ import annotations

from typing import Any

import yaml


def to_yaml(plain: dict[str, Any], names: list[str]) -> str:
    """PLAIN as a knowledge file, with a header naming the sources NAMES."""
    waiting = sum(
        1
        for key in (
            "parties",
            "participants",
            "topics",
            "commitments",
            "discussions",
            "quotes",
            "events",
        )
        for item in plain.get(key, ())
        if "review" in item
    ) + (1 if "review" in plain["dialogue"] else 0)
    header = [
        "# yaml-language-server: $schema=https://briefing.invalid/schemas/knowledge-1.json",
        "# Drafted by `briefing draft` from: " + ", ".join(names),
        f"# {waiting} items carry a `review` note: check each against its source, correct it,",
        "# and delete the note. `briefing validate --strict` fails while any remain.",
    ]
    body = yaml.safe_dump(
        plain, sort_keys=False, allow_unicode=True, width=88, default_flow_style=False
    )
    return "\n".join(header) + "\n" + body
