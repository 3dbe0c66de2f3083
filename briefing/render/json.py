"""One JSON document per run, in the shape documented in docs/json.md."""

from __future__ import annotations

import json
import re

from briefing import __version__
from briefing.render import Options
from briefing.views import View

#: Bumped only when a documented field changes meaning or disappears.
JSON_SHAPE = 1

# JSON escapes C0 controls itself; these pass through raw with ensure_ascii off,
# so escape them too (line and paragraph separators break some JavaScript tools).
_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _dumps(value: object) -> str:
    # Compact, so that the C encoder does the work (indentation forces the slow one).
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def render(view: View, options: Options) -> str:  # noqa: ARG001 - one signature for all formats
    """The document, with each item of a top-level list on a line of its own.

    That keeps the output readable and friendly to grep and diff while every
    item is encoded in one call to the fast encoder.
    """
    document = {"briefing": __version__, "shape": JSON_SHAPE, "command": view.command, **view.data}
    fields = []
    for key, value in document.items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {_dumps(item)}" for item in value)
            fields.append(f"  {_dumps(key)}: [\n{items}\n  ]")
        else:
            fields.append(f"  {_dumps(key)}: {_dumps(value)}")
    text = "{\n" + ",\n".join(fields) + "\n}"
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
