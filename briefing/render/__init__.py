"""Output formats: the Format enum, the one registry of renderers, and format resolution.

Every renderer is a module with `render(view, options) -> str`. Adding a format
is one module plus one entry in `_MODULES`. Modules are imported on first use,
so piped text output never imports Rich. What `validate` found (a ProblemsView)
has a text and a JSON form only: `render_problems` in those two modules.
"""

from __future__ import annotations

import enum
import importlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple, Protocol

if TYPE_CHECKING:
    from briefing.views import ProblemsView, View


class Format(enum.StrEnum):
    AUTO = "auto"
    RICH = "rich"
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    HTML = "html"
    ICS = "ics"


_MODULES: Final = {
    Format.RICH: "briefing.render.rich_view",
    Format.TEXT: "briefing.render.text",
    Format.MARKDOWN: "briefing.render.markdown",
    Format.JSON: "briefing.render.json",
    Format.CSV: "briefing.render.csv",
    Format.HTML: "briefing.render.html",
    Format.ICS: "briefing.render.ics",
}

SUFFIXES: Final = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".json": Format.JSON,
    ".csv": Format.CSV,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".ics": Format.ICS,
}
#: The colour of each follow-up state, most urgent first: Okabe-Ito hues, told apart by
#: people with the common colour-vision deficiencies, with 3:1 contrast on white and on
#: a dark page (#17181c). The state's words go with the colour wherever it is shown.
STATE_COLOURS: Final[dict[str, str]] = {
    "passed": "#D55E00",
    "open": "#0072B2",
    "in progress": "#009E73",
    "upcoming": "#8E6BC9",
    "undated": "#B07A00",
    "superseded": "#8C8C8C",
    "lapsed": "#B8609A",
    "done": "#4E8F2A",
}

#: A web address in running text: up to white space or a character that cannot end one.
URL: Final = re.compile(r"https?://[^\s<>\"'\]]+[^\s<>\"'\].,;:!?)]")


def state_of(label: str) -> str:
    """The follow-up state whose words LABEL is, "" for none (a table cell of kind "state")."""
    from briefing.model import STATE_LABELS

    return next((state for state, words in STATE_LABELS.items() if words == label), "")


#: Formats only some views have (a table for CSV; dated follow-ups for iCalendar).
PARTIAL: Final = (Format.CSV, Format.ICS)


class Options(NamedTuple):
    #: Wrap width for text; 0 means no wrapping. Rich uses it as the console width.
    width: int = 80
    color: bool = False
    #: Start CSV with a byte order mark (Excel on Windows reads UTF-8 only then).
    bom: bool = False


class Renderer(Protocol):
    def __call__(self, view: View, options: Options) -> str: ...


class ProblemsRenderer(Protocol):
    def __call__(self, view: ProblemsView, options: Options) -> str: ...


#: The formats a ProblemsView has.
PROBLEM_FORMATS: Final = (Format.TEXT, Format.JSON)


class UnsupportedFormatError(Exception):
    """The view cannot be shown in the requested format (a usage error)."""


def resolve_format(requested: Format, *, is_tty: bool, output: Path | None = None) -> Format:
    """The concrete format: `auto` is rich on a terminal, else taken from -o's suffix, else text."""
    if requested is not Format.AUTO:
        return requested
    if output is not None:
        return SUFFIXES.get(output.suffix.lower(), Format.TEXT)
    return Format.RICH if is_tty else Format.TEXT


def renderer(fmt: Format) -> Renderer:
    module = importlib.import_module(_MODULES[fmt])
    render: Renderer = module.render
    return render


def render(view: View, fmt: Format, options: Options) -> str:
    return renderer(fmt)(view, options)


def render_problems(view: ProblemsView, fmt: Format, options: Options) -> str:
    if fmt not in PROBLEM_FORMATS:
        raise UnsupportedFormatError(f"problems are shown as text or json, not {fmt}")
    module = importlib.import_module(_MODULES[fmt])
    render: ProblemsRenderer = module.render_problems
    return render(view, options)


# Characters that must never reach a terminal raw: C0 and C1 controls (ESC
# sequences, OSC hyperlinks and clipboard writes, CSI) and bidi overrides and
# isolates, which can reorder what a reader sees.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """TEXT with every control character shown as a visible escape such as \\x1b."""
    return _UNSAFE.sub(_visible, text)


def oneline(text: str) -> str:
    """TEXT made safe and folded to one line of single spaces."""
    return " ".join(inert(text).split())
