"""One JSON document per run, in the shape documented in docs/json.md."""

from __future__ import annotations

import json
import re

from briefing import __version__
from briefing.render import Options
from briefing.views import ProblemsView, View

#: Bumped only when a documented field changes meaning or disappears.
JSON_SHAPE = 3

# JSON escapes C0 controls itself; these pass through raw with ensure_ascii off,
# so escape them too (line and paragraph separators break some JavaScript tools).
_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


class Encoded(list[str]):
    """A list in a view's data whose items are already JSON, written as they are.

    Made where a view has many items (`briefing.render.followups_json`): writing
    each straight from the values it shows costs less than building an object
    and encoding it. Each text must be what JSON would write for its item.
    """


# Compact, so that the C encoder does the work (indentation forces the slow one); one
# encoder for the run, as json.dumps with options makes a new one on every call.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def render(view: View, options: Options) -> str:  # noqa: ARG001 - one signature for all formats
    """The document, with each item of a top-level list on a line of its own.

    That keeps the output readable and friendly to grep and diff while every
    item is encoded in one call to the fast encoder.
    """
    document = {"briefing": __version__, "shape": JSON_SHAPE, "command": view.command, **view.data}
    fields = [f"  {_dumps(key)}: {_value(value, '  ')}" for key, value in document.items()]
    return _finish("{\n" + ",\n".join(fields) + "\n}")


def render_problems(view: ProblemsView, options: Options) -> str:  # noqa: ARG001 - one signature
    """The bare list of problems documented for `validate` (empty when the data is valid)."""
    return _finish(_value([p._asdict() for p in view.problems], ""))


def _value(value: object, indent: str) -> str:
    """VALUE, a non-empty list with one item per line, indented one step past INDENT."""
    if isinstance(value, list) and value:
        texts = value if type(value) is Encoded else map(_dumps, value)
        lead = f"{indent}  "
        items = f",\n{lead}".join(texts)
        return f"[\n{lead}{items}\n{indent}]"
    return _dumps(value)


def _finish(text: str) -> str:
    if _may_hold_raw(text):
        text = _RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text + "\n"


#: The characters of `_RAW` that Latin-1 holds: DEL and the C1 controls.
_C1 = bytes(range(0x7F, 0xA0))


def _may_hold_raw(text: str) -> bool:
    """Whether TEXT may hold a character of `_RAW`: a quick look before the expression,
    which takes some 3 ns a character, 30 ms on a large document that (as most) has none.
    """
    if text.isascii():
        return "\x7f" in text
    try:
        latin = text.encode("latin-1")
    except UnicodeEncodeError:
        return True  # characters past U+00FF: the expression looks
    return len(latin.translate(None, _C1)) != len(latin)
