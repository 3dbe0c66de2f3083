"""The options every command shares, their completion from the data, and blank-text checks.

Shared options are added the way Typer supports: each command is registered
with `cls=SharedOptions` (Typer's documented `cls` argument of
`app.command()`). That class appends the shared parameters to the command's
own and, when the command runs, takes their values out of the parsed
parameters into one `Common`, which the command reads with `common(ctx)`.

The shared parameters themselves are declared once, as the signature of
`_shared`, and turned into parameters by `typer.main.get_command`, Typer's
public way to get the Click command of an app. So they get Typer's own types,
metavars, help, completion and value conversion, with no import of Click
(which Typer 0.28 vendors privately) and no rewriting of signatures.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, ClassVar, Final, NamedTuple, NoReturn, cast

import typer
from typer.core import TyperCommand, TyperGroup

from briefing.errors import DEFAULT_MAX_FILE_MIB, DataError
from briefing.model import KINDS, STATUSES, Knowledge
from briefing.output import EXIT_USAGE, fail
from briefing.render import Format


class Common(NamedTuple):
    data: list[Path] | None
    fmt: Format
    output: Path | None
    width: int | None
    color: bool | None
    no_cache: bool
    dialogue: str | None
    max_file_size: float | None
    csv_bom: bool = False


# --------------------------------------------------------------------------
# Shell completion from the loaded data
#
# Each complete_* function returns the values, as the data writes them, that
# start with the typed text whatever its case. `for_shell` makes them what the
# shell gets: never an error, and in the case the user typed.


def _complete_knowledge(ctx: typer.Context) -> Knowledge | None:
    # While completing, values are as typed: --data is text, not yet a Path.
    data = ctx.params.get("data")
    given = [Path(d) for d in (data if isinstance(data, list | tuple) else [data]) if d]
    try:
        from briefing import load

        return load.load_knowledge(load.resolve_data(given or None))
    except (DataError, OSError):
        return None


def _starting(incomplete: str, values: Iterable[str]) -> list[str]:
    """VALUES that start with INCOMPLETE ignoring case, sorted, one of each."""
    wanted = incomplete.casefold()
    found: dict[str, str] = {}
    for value in values:
        if value.casefold().startswith(wanted):
            found.setdefault(value.casefold(), value)
    return sorted(found.values())


def _single_words(names: Iterable[str]) -> list[str]:
    # A value with a space would need quoting on the command line.
    return [n for n in names if n and not any(c.isspace() for c in n)]


def complete_speaker(ctx: typer.Context, incomplete: str) -> list[str]:
    """One name a speaker goes by (an alias, the id or the surname), once per person."""
    k = _complete_knowledge(ctx)
    wanted = incomplete.casefold()
    chosen: dict[str, str] = {}
    for d in k.dialogues if k else ():
        for p in d.participants:
            forms = _single_words([*p.aliases, p.id, p.name.split()[-1] if p.name else ""])
            form = next((f for f in forms if f.casefold().startswith(wanted)), None)
            if form is not None:
                chosen.setdefault(p.id, form)
    return _starting(incomplete, chosen.values())


def complete_topic(ctx: typer.Context, incomplete: str) -> list[str]:
    k = _complete_knowledge(ctx)
    return _starting(incomplete, (t.id for d in k.dialogues for t in d.topics) if k else ())


def complete_dialogue(ctx: typer.Context, incomplete: str) -> list[str]:
    # --dialogue takes the exact id, so the case typed must be the id's.
    k = _complete_knowledge(ctx)
    ids = {d.id for d in k.dialogues} if k else set()
    return sorted(i for i in ids if i.startswith(incomplete))


def complete_party(ctx: typer.Context, incomplete: str) -> list[str]:
    k = _complete_knowledge(ctx)
    parties = [p for d in k.dialogues for p in d.parties] if k else []
    # The name first, so that 'india' and 'India' are offered once, as the name.
    return _starting(incomplete, [*(p.name for p in parties), *(p.id for p in parties)])


def complete_kind(_ctx: typer.Context, incomplete: str) -> list[str]:
    return _starting(incomplete, KINDS)


def complete_status(_ctx: typer.Context, incomplete: str) -> list[str]:
    return _starting(incomplete, STATUSES)


#: How `search` may order its hits (see `briefing.search`).
SEARCH_ORDERS: Final = ("meeting", "relevance")


def complete_order(_ctx: typer.Context, incomplete: str) -> list[str]:
    return _starting(incomplete, SEARCH_ORDERS)


def for_shell(
    complete: Callable[[typer.Context, str], list[str]], *, any_case: bool = True
) -> Callable[[typer.Context, str], list[str]]:
    """COMPLETE as a completion callback: whatever goes wrong, no values and no message.

    Typer offers only values that start with the typed text as typed, and so
    do shells by default; the commands ignore case (ANY_CASE), so a value
    keeps the typed text and completes the rest. Bash inserts a value
    unquoted: spaces in it are escaped.
    """

    def complete_in_shell(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            values = complete(ctx, incomplete)
            if any_case:
                n = len(incomplete)
                values = [
                    incomplete + v[n:] if v[:n].casefold() == incomplete.casefold() else v
                    for v in values
                ]
            if os.environ.get("_BRIEFING_COMPLETE") == "complete_bash":
                values = [re.sub(r"([^\w@%+=:,./-])", r"\\\1", v) for v in values]
        except Exception:  # a completion that fails offers nothing, and says nothing
            return []
        return values

    return complete_in_shell


# --------------------------------------------------------------------------
# The options

DataOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        "-d",
        metavar="PATH",
        help="Knowledge file, or directory read with its subdirectories; may be given"
        " several times [default: $BRIEFING_DATA, else bundled].",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="auto: rich on a terminal, text otherwise (or from the -o file's extension).",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE atomically; its suffix picks the format (.md .txt .json .csv .html).",
        show_default=False,
    ),
]
WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        metavar="N",
        help=(
            "Wrap text at N columns (at least 20); 0 means no wrapping, or the terminal's"
            " width for rich [default: 80; rich: the terminal]."
        ),
        show_default=False,
    ),
]
ColorOpt = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color",
        help="Force colour on or off [default: on in a terminal unless NO_COLOR or TERM=dumb].",
        show_default=False,
    ),
]
ArchiveOpt = Annotated[
    Path | None,
    typer.Option(
        "--archive",
        metavar="DIR",
        help="Where the archived source texts are [default: $BRIEFING_ARCHIVE, else sources/"
        " beside each knowledge file].",
        show_default=False,
    ),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option("--no-cache", help="Parse the knowledge files; neither read nor write the cache."),
]
DialogueOpt = Annotated[
    str | None,
    typer.Option(
        "--dialogue",
        metavar="ID",
        help="Only this dialogue (see 'briefing dialogues').",
        autocompletion=for_shell(complete_dialogue, any_case=False),
        show_default=False,
    ),
]
MaxSizeOpt = Annotated[
    float | None,
    typer.Option(
        "--max-file-size",
        metavar="MIB",
        help=f"Refuse knowledge files larger than this [default: {DEFAULT_MAX_FILE_MIB}].",
        show_default=False,
    ),
]
CsvBomOpt = Annotated[
    bool,
    typer.Option(
        "--csv-bom",
        envvar="BRIEFING_CSV_BOM",
        help="Start CSV with a UTF-8 byte order mark, so that Excel reads non-ASCII text.",
    ),
]
TopicFilter = Annotated[
    str | None,
    typer.Option(
        "--topic",
        "-t",
        metavar="TOPIC",
        help="Topic id or name (a unique prefix is enough).",
        autocompletion=for_shell(complete_topic),
        show_default=False,
    ),
]
PartyFilter = Annotated[
    str | None,
    typer.Option("--party", "-p", metavar="PARTY", help="Party id or name.", show_default=False),
]
SeriesOpt = Annotated[
    str | None,
    typer.Option(
        "--series",
        metavar="SERIES",
        help="Only the rounds of this series (dialogue.series, e.g. india-japan-2plus2).",
        show_default=False,
    ),
]


def _shared(
    data: DataOpt = None,
    fmt: FormatOpt = Format.AUTO,
    output: OutputOpt = None,
    width: WidthOpt = None,
    color: ColorOpt = None,
    no_cache: NoCacheOpt = False,
    dialogue: DialogueOpt = None,
    max_file_size: MaxSizeOpt = None,
    csv_bom: CsvBomOpt = False,
) -> Common:
    """The options every command shares, in the order --help lists them."""
    return Common(data, fmt, output, width, color, no_cache, dialogue, max_file_size, csv_bom)


@functools.cache
def _shared_command() -> TyperCommand:
    holder = typer.Typer(add_completion=False)
    holder.command(cls=TyperCommand)(_shared)
    command = typer.main.get_command(holder)
    assert isinstance(command, TyperCommand)
    return command


def _shown_name(param: Any) -> str:
    """How the user wrote PARAM: its metavar or name for an argument, its long option."""
    if param.param_type_name == "argument":
        return str(param.metavar or param.name.upper()).removesuffix("...")
    return str(next((o for o in param.opts if o.startswith("--")), param.opts[0]))


_META_KEY = "briefing.common"


class PlainUsage(TyperCommand):
    """A command whose usage line names its arguments as Click's do."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        # Typer writes a required argument as {NAME}; usage lines say NAME, as Click's do.
        pieces: list[str] = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


class SharedOptions(PlainUsage):
    """A command that also takes the shared options; give it as `cls=` to `app.command()`."""

    #: Whether the command takes --dialogue (`dialogues` lists them all).
    dialogue: ClassVar[bool] = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shared = [
            p for p in _shared_command().params if self.dialogue or p.name != "dialogue"
        ]
        self.params.extend(self._shared)

    # Click passes its own Context, which Typer does not export under a public name.
    def invoke(self, ctx: Any) -> Any:
        # What Typer makes of `str` (--dialogue's type), as opposed to paths and choices,
        # whose values are also strings at this point.
        text = type(next(p.type for p in _shared_command().params if p.name == "dialogue"))
        for param in self.params:
            value = ctx.params.get(param.name)
            # Words of an argument that takes several are one text.
            if isinstance(value, tuple | list) and all(isinstance(v, str) for v in value):
                value = " ".join(value) if value else None
            # A name or filter given as blank text is a usage error, not "no filter".
            if type(param.type) is text and isinstance(value, str) and not value.strip():
                fail(f"{_shown_name(param)}: expected a value, got an empty string", EXIT_USAGE)
        # Every shared name is given, so nothing is left from an earlier call.
        values = {str(p.name): ctx.params.pop(p.name, p.default) for p in _shared_command().params}
        callback = _shared_command().callback
        assert callback is not None
        # Typer's callback of `_shared` converts the values (paths, the format) as for any command.
        ctx.meta[_META_KEY] = callback(**values)
        return super().invoke(ctx)


class SharedOptionsButDialogue(SharedOptions):
    dialogue = False


def common(ctx: typer.Context) -> Common:
    """The shared options of the running command."""
    value = ctx.meta[_META_KEY]
    assert isinstance(value, Common)
    return value


# --------------------------------------------------------------------------
# Usage errors, in the shape of every other error

#: Click's usage error, which Typer raises but does not export (its BadParameter is one).
_USAGE_ERROR = cast("type[Exception]", typer.BadParameter.__mro__[1])


class Commands(TyperGroup):
    """The command group; give it as `cls=` to `typer.Typer()`.

    A usage error reads like every other error ("briefing: error: ..."),
    followed by the usage line, and still exits 2. An option of a command given
    before the command gets a hint that options follow the command.
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        given = list(args)  # parsing consumes ARGS
        try:
            return super().make_context(info_name, args, parent, **extra)
        except _USAGE_ERROR as exc:
            # Completion parses leniently and says nothing; no arguments means help.
            if extra.get("resilient_parsing") or (not given and self.no_args_is_help):
                raise
            _usage_failed(exc, self._options_first(exc, given))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _USAGE_ERROR as exc:
            _usage_failed(exc, "")

    def _options_first(self, exc: Exception, args: list[str]) -> str:
        """'options go after the command: ...' when the unknown option is a command's."""
        option = getattr(exc, "option_name", None)
        taking = [
            name
            for name, command in self.commands.items()
            if any(option in (*p.opts, *p.secondary_opts) for p in command.params)
        ]
        if not taking:
            return ""
        import shlex  # only for this message

        name = next((a for a in args if a in self.commands), None)
        rest = list(args)
        if name is not None:
            rest.remove(name)
        elif len(taking) == 1:
            name = taking[0]
        line = shlex.join(["briefing", name or "COMMAND", *rest])
        return f" (options go after the command: {line})"


def _usage_failed(exc: Exception, hint: str) -> NoReturn:
    ctx = getattr(exc, "ctx", None)
    lines = [str(getattr(exc, "format_message", exc.__str__)()) + hint]
    if ctx is not None:
        lines.append(ctx.get_usage())
        lines.append(f"Try '{ctx.command_path} {ctx.help_option_names[0]}' for help.")
    fail("\n".join(lines), EXIT_USAGE)
