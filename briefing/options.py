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
from pathlib import Path
from typing import Annotated, Any, ClassVar, NamedTuple

import typer
from typer.core import TyperCommand

from briefing import load
from briefing.errors import DEFAULT_MAX_FILE_MIB, DataError
from briefing.model import Knowledge
from briefing.output import EXIT_USAGE, fail
from briefing.render import Format


class Common(NamedTuple):
    data: Path | None
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


def _complete_knowledge(ctx: typer.Context) -> Knowledge | None:
    # While completing, values are as typed: --data is text, not yet a Path.
    data = ctx.params.get("data")
    try:
        return load.load_knowledge(load.resolve_data(Path(data) if data else None))
    except (DataError, OSError):
        return None


def complete_speaker(ctx: typer.Context, incomplete: str) -> list[str]:
    k = _complete_knowledge(ctx)
    names = (
        {p.aliases[0] if p.aliases else p.id for d in k.dialogues for p in d.participants}
        if k
        else set()
    )
    return sorted(n for n in names if n.lower().startswith(incomplete.lower()))


def complete_topic(ctx: typer.Context, incomplete: str) -> list[str]:
    k = _complete_knowledge(ctx)
    ids = {t.id for d in k.dialogues for t in d.topics} if k else set()
    return sorted(i for i in ids if i.startswith(incomplete.lower()))


def complete_dialogue(ctx: typer.Context, incomplete: str) -> list[str]:
    k = _complete_knowledge(ctx)
    ids = {d.id for d in k.dialogues} if k else set()
    return sorted(i for i in ids if i.startswith(incomplete))


# --------------------------------------------------------------------------
# The options

DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        "-d",
        metavar="PATH",
        help="Knowledge file or directory of *.yaml files [default: $BRIEFING_DATA, else bundled].",
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
        min=0,
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
        autocompletion=complete_dialogue,
        show_default=False,
    ),
]
MaxSizeOpt = Annotated[
    float | None,
    typer.Option(
        "--max-file-size",
        metavar="MIB",
        min=0,
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
        autocompletion=complete_topic,
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
        return str(param.metavar or param.name.upper())
    return str(next((o for o in param.opts if o.startswith("--")), param.opts[0]))


_META_KEY = "briefing.common"


class SharedOptions(TyperCommand):
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
