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


def render(view: View, options: Options) -> str:  # noqa: ARG001 - one signature for all formats
    document = {"briefing": __version__, "shape": JSON_SHAPE, "command": view.command, **view.data}
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
