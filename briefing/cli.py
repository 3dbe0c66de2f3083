"""The command line: parse, load, query, render, write. No formatting here."""

import contextlib
import functools
import inspect
import os
import shutil
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NamedTuple, NoReturn

import typer

from briefing import __version__, load, query
from briefing.errors import DataError
from briefing.model import KINDS, STATUSES, Knowledge
from briefing.render import (
    SUFFIXES,
    Format,
    Options,
    UnsupportedFormatError,
    render,
    resolve_format,
)
from briefing.views import View

EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
#: Narrower text cannot hold a word and its indentation.
MIN_WIDTH = 20


def new_app() -> typer.Typer:
    return typer.Typer(
        name="briefing",
        help=(
            "Briefings on diplomatic meetings from a human-edited knowledge file.\n\n"
            "Data comes from --data PATH (a file or a directory of *.yaml files), else\n"
            "$BRIEFING_DATA, else the bundled 18th India-Japan Strategic Dialogue.\n\n"
            "Output is Rich in a terminal and plain text in a pipe; choose with --format."
        ),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


app = new_app()
#: Every command's function by name, for building a one-command app at start-up.
COMMANDS: dict[str, Callable[..., None]] = {}


def _require_text(param: inspect.Parameter, value: object) -> None:
    """A name or filter given as blank text is a usage error, not "no filter"."""
    if isinstance(value, str) and not value.strip():
        if param.default is inspect.Parameter.empty:
            metadata = getattr(param.annotation, "__metadata__", ())
            metavars = [getattr(m, "metavar", None) for m in metadata]
            shown = next((m for m in metavars if m), param.name.upper())
        else:
            shown = "--" + param.name.replace("_", "-")
        fail(f"{shown}: expected a value, got an empty string", EXIT_USAGE)


def command(*, dialogue: bool = True) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command of `app` that takes the options every command shares.

    The function declares its own arguments and options, then `*, common: Common`;
    the command gets --data, --format, --output, --width, --color, --no-cache,
    --max-file-size (and --dialogue unless DIALOGUE is false), gathered in COMMON.
    """

    def decorate(func: Callable[..., None]) -> Callable[..., None]:
        own = [p for p in inspect.signature(func).parameters.values() if p.name != "common"]
        shared = [p for p in SHARED if dialogue or p.name != "dialogue"]
        names = [p.name for p in shared]

        @functools.wraps(func)
        def wrapper(**kwargs: Any) -> None:
            values = {name: kwargs.pop(name) for name in names}
            for param in own:
                _require_text(param, kwargs[param.name])
            if values.get("dialogue") is not None:
                _require_text(DIALOGUE_PARAM, values["dialogue"])
            func(**kwargs, common=Common(**{"dialogue": None, **values}))

        params = own + shared
        # Typer reads the signature and the annotations of what it is given.
        wrapper.__signature__ = inspect.Signature(params, return_annotation=None)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        COMMANDS[func.__name__] = wrapper
        return app.command()(wrapper)

    return decorate


# --------------------------------------------------------------------------
# Errors and output


def fail(message: str, code: int = EXIT_DATA) -> NoReturn:
    sys.stderr.write(f"briefing: error: {message}\n")
    raise typer.Exit(code)


def _show_problems(exc: DataError) -> NoReturn:
    sys.stderr.write("".join(f"{p}\n" for p in exc.problems))
    raise typer.Exit(EXIT_DATA)


def color_enabled(flag: bool | None, *, is_tty: bool) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return is_tty


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_output(text: str, output: Path | None, protected: tuple[str, ...]) -> None:
    """Write TEXT to stdout, or atomically to OUTPUT (never onto a knowledge file)."""
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (| head): stop quietly, and keep Python from
            # complaining when it flushes stdout at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(0) from None
        except OSError as exc:
            fail(f"standard output: {exc.strerror or exc}")
        return
    _refuse_knowledge_file(output, protected)
    # Through a symlink, replace the file it points to, not the link.
    target = Path(os.path.realpath(output))
    try:
        info = os.stat(target)
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_special(text, output, info.st_mode)
        return
    _write_atomically(text, output, target, info.st_mode & 0o777 if info else None)


def _refuse_knowledge_file(output: Path, protected: tuple[str, ...]) -> None:
    for known in protected:
        if _same_file(output, Path(known)) or os.path.realpath(output) == os.path.realpath(known):
            fail(f"{output}: refusing to overwrite the knowledge file {known}", EXIT_USAGE)


def _write_special(text: str, output: Path, mode: int) -> None:
    """Write to a device or FIFO in place: renaming over it would destroy it."""
    if stat.S_ISDIR(mode):
        fail(f"{output}: is a directory; give a file name", EXIT_USAGE)
    try:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror or exc}")


def _write_atomically(text: str, output: Path, target: Path, mode: int | None) -> None:
    """A temporary file beside TARGET, flushed and synced, then renamed over it."""
    import tempfile  # only writes need it; it is slow to import

    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror or exc}")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            fail(f"{output}: cannot write: {exc.strerror or exc}")
        raise


class _ProgressBar:
    """A bar on stderr for cold loads that take more than a second (terminals only)."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.shown and time.monotonic() - self.start < 1.0:
            return
        self.shown = True
        filled = 30 * done // max(total, 1)
        sys.stderr.write(f"\rloading [{'#' * filled}{'.' * (30 - filled)}] {done}/{total} files")
        if done == total:
            sys.stderr.write("\r" + " " * 60 + "\r")
        sys.stderr.flush()


class Common(NamedTuple):
    data: Path | None
    fmt: Format
    output: Path | None
    width: int | None
    color: bool | None
    no_cache: bool
    dialogue: str | None
    max_file_size: float | None


def load_data(common: Common) -> Knowledge:
    path = load.resolve_data(common.data)
    progress = _ProgressBar() if sys.stderr.isatty() else None
    try:
        return load.load_knowledge(
            path,
            use_cache=not common.no_cache,
            max_bytes=load.max_file_bytes(common.max_file_size),
            progress=progress,
        )
    except DataError as exc:
        _show_problems(exc)


def _check_output_options(common: Common) -> None:
    if common.width is not None and 0 < common.width < MIN_WIDTH:
        fail(f"--width: use 0 (no wrapping) or at least {MIN_WIDTH} columns", EXIT_USAGE)


def _check_output_target(common: Common, protected: tuple[str, ...]) -> None:
    output = common.output
    if output is None:
        return
    _refuse_knowledge_file(output, protected)
    if not output.name:
        fail("--output: expected a file name", EXIT_USAGE)
    if common.fmt is Format.AUTO and output.suffix.lower() not in SUFFIXES:
        known = " ".join(sorted(SUFFIXES))
        fail(
            f"--output: cannot tell the format from '{output.name}'"
            f" (give --format, or a file ending in one of: {known})",
            EXIT_USAGE,
        )


def run(common: Common, build: Callable[[Knowledge], View]) -> None:
    """Load, build the view, render it, write it: the path every command takes."""
    _check_output_options(common)
    is_tty = common.output is None and sys.stdout.isatty()
    fmt = resolve_format(common.fmt, is_tty=is_tty, output=common.output)
    try:
        knowledge = load_data(common)
    except KeyboardInterrupt:
        sys.stderr.write("\nbriefing: interrupted\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    protected = tuple(d.path for d in knowledge.dialogues)
    _check_output_target(common, protected)
    try:
        view = build(knowledge)
    except query.NotFoundError as exc:
        fail(str(exc))
    if fmt is Format.RICH:
        width = common.width or shutil.get_terminal_size((100, 24)).columns
    else:
        width = 80 if common.width is None else common.width
    options = Options(width=width, color=color_enabled(common.color, is_tty=is_tty))
    try:
        text = render(view, fmt, options)
    except UnsupportedFormatError as exc:
        supported = ", ".join(f for f in Format if f not in (Format.AUTO, Format.CSV))
        fail(f"{exc}; --format csv is not available here (use one of: {supported})", EXIT_USAGE)
    write_output(text, common.output, protected)


# --------------------------------------------------------------------------
# Shell completion from the loaded data


def _complete_knowledge(ctx: typer.Context) -> Knowledge | None:
    data = ctx.params.get("data")
    try:
        return load.load_knowledge(load.resolve_data(data))
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
# Options shared by every command

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
        help=f"Refuse knowledge files larger than this [default: {load.DEFAULT_MAX_FILE_MIB}].",
        show_default=False,
    ),
]
#: The options every command takes, in the order --help lists them.
SHARED = [
    inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
    for name, kind, default in (
        ("data", DataOpt, None),
        ("fmt", FormatOpt, Format.AUTO),
        ("output", OutputOpt, None),
        ("width", WidthOpt, None),
        ("color", ColorOpt, None),
        ("no_cache", NoCacheOpt, False),
        ("dialogue", DialogueOpt, None),
        ("max_file_size", MaxSizeOpt, None),
    )
]
DIALOGUE_PARAM = next(p for p in SHARED if p.name == "dialogue")
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


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"briefing {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Briefings on diplomatic meetings."""


# --------------------------------------------------------------------------
# Commands


@command()
def topics(*, common: Common) -> None:
    """List the topics, most material first, with counts and a one-line summary.

    \b
    Examples:
      briefing topics
      briefing topics --format csv > topics.csv
    """
    run(common, lambda k: query.topics_view(query.select_dialogues(k, common.dialogue)))


@command()
def topic(
    name: Annotated[
        str,
        typer.Argument(
            help="Topic id or name; a unique prefix is enough.", autocompletion=complete_topic
        ),
    ],
    *,
    common: Common,
) -> None:
    """Show one topic: its summary, commitments, what was discussed, quotes and people.

    \b
    Examples:
      briefing topic minerals
      briefing topic ai --format markdown
    """
    run(common, lambda k: query.topic_view(query.select_dialogues(k, common.dialogue), name))


@command()
def quotes(
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            "-s",
            metavar="NAME",
            help="Id, name, surname or alias; case and accents do not matter.",
            autocompletion=complete_speaker,
            show_default=False,
        ),
    ] = None,
    topic: TopicFilter = None,
    contains: Annotated[
        str | None,
        typer.Option(
            "--contains",
            "-c",
            metavar="TEXT",
            help="Only quotes containing TEXT.",
            show_default=False,
        ),
    ] = None,
    *,
    common: Common,
) -> None:
    """Show quotes verbatim, with speaker, role, topic, context and source.

    \b
    Examples:
      briefing quotes --speaker Jaishankar
      briefing quotes --topic quad --format markdown >> report.md
    """

    def build(k: Knowledge) -> View:
        chosen = query.select_dialogues(k, common.dialogue)
        return query.quotes_view(chosen, speaker=speaker, topic=topic, contains=contains)

    run(common, build)


@command()
def commitments(
    topic: TopicFilter = None,
    party: Annotated[
        str | None,
        typer.Option(
            "--party",
            "-p",
            metavar="PARTY",
            help="Party id or name (india, Japan, ...).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="One of: " + ", ".join(KINDS) + " ('interest' is not a commitment).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="One of: " + ", ".join(STATUSES) + ".",
            show_default=False,
        ),
    ] = None,
    *,
    common: Common,
) -> None:
    """List commitments with who made them, their kind, timeline and status.

    \b
    Examples:
      briefing commitments --party japan
      briefing commitments --kind plan --format csv
    """
    kind = kind.lower() if kind is not None else None
    status = status.lower() if status is not None else None
    if kind is not None and kind not in KINDS:
        fail(f"--kind: '{kind}' is not one of: {', '.join(KINDS)}", EXIT_USAGE)
    if status is not None and status not in STATUSES:
        fail(f"--status: '{status}' is not one of: {', '.join(STATUSES)}", EXIT_USAGE)

    def build(k: Knowledge) -> View:
        chosen = query.select_dialogues(k, common.dialogue)
        return query.commitments_view(chosen, topic=topic, party=party, kind=kind, status=status)

    run(common, build)


@command()
def people(*, common: Common) -> None:
    """List participants with role, country, and how many quotes and commitments each has.

    \b
    Example:
      briefing people
    """
    run(common, lambda k: query.people_view(query.select_dialogues(k, common.dialogue)))


@command()
def summary(
    topic: TopicFilter = None,
    *,
    common: Common,
) -> None:
    """Write the whole briefing note: outcomes, discussions, quotes, follow-ups, sources.

    \b
    Examples:
      briefing summary > brief.txt
      briefing summary --format markdown | pandoc -o brief.docx
      briefing summary -o brief.html
    """
    run(common, lambda k: query.summary_view(query.select_dialogues(k, common.dialogue), topic))


@command()
def search(
    words: Annotated[
        str, typer.Argument(metavar="QUERY", help="Words to find; every word must match.")
    ],
    *,
    common: Common,
) -> None:
    """Find topics, commitments, discussions, quotes and events containing every word.

    \b
    Examples:
      briefing search shinkansen
      briefing search "economic security" --format json
    """
    run(common, lambda k: query.search_view(query.select_dialogues(k, common.dialogue), words))


@command(dialogue=False)
def dialogues(*, common: Common) -> None:
    """List the dialogues in the data: id, date, place, title and counts.

    \b
    Example:
      briefing dialogues --data archive/
    """
    run(common, query.dialogues_view)


@app.command()
def validate(
    path: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]",
            help="File or directory to check [default: as for --data].",
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="text, or json for a list of errors (editors, CI)."),
    ] = "text",
    no_cache: NoCacheOpt = False,
    max_file_size: MaxSizeOpt = None,
) -> None:
    """Check knowledge files and report every problem as FILE:LINE:COL.

    Exits 0 and prints the counts when the data is valid; otherwise prints every
    problem on stderr and exits 1.

    \b
    Examples:
      briefing validate
      briefing validate data/ --format json
    """
    if fmt not in ("text", "json"):
        fail(f"--format: validate writes 'text' or 'json', not '{fmt}'", EXIT_USAGE)
    location = load.resolve_data(path or data)
    try:
        knowledge = load.load_knowledge(
            location, use_cache=not no_cache, max_bytes=load.max_file_bytes(max_file_size)
        )
    except DataError as exc:
        if fmt == "json":
            import json

            errors = [
                {
                    "file": p.file,
                    "line": p.line,
                    "column": p.column,
                    "path": p.path,
                    "message": p.message,
                    "hint": p.hint,
                }
                for p in exc.problems
            ]
            sys.stdout.write(json.dumps(errors, ensure_ascii=False, indent=2) + "\n")
            raise typer.Exit(EXIT_DATA) from None
        _show_problems(exc)
    if fmt == "json":
        write_output("[]\n", None, ())
    else:
        view = query.validate_view(knowledge, str(location))
        write_output(render(view, Format.TEXT, Options(width=0)), None, ())


COMMANDS["validate"] = validate


def app_for(argv: list[str]) -> typer.Typer:
    """The app to run ARGV with: one holding just the command named, when it names one.

    Typer builds the parser of every registered command before running any;
    a run needs only one, and building the other eight would cost more than
    everything else the command does.
    """
    func = COMMANDS.get(argv[0]) if argv else None
    if func is None or any(k.endswith("_COMPLETE") for k in os.environ):
        return app
    single = new_app()
    single.callback()(_root)
    single.command()(func)
    return single


def main() -> None:
    """Entry point of the `briefing` script."""
    try:
        app_for(sys.argv[1:])(prog_name="briefing")
    except KeyboardInterrupt:
        sys.stderr.write("briefing: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:
        sys.stderr.write(
            f"briefing: internal error ({type(exc).__name__}); this is a bug,"
            " please report it with the command you ran\n"
        )
        sys.exit(EXIT_DATA)
