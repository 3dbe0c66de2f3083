"""The command line: options, one small function per command, and the process policy.

Every command takes the same path: parse, load, query, render, write. main()
owns what belongs to the process: the garbage collector while loading, Ctrl-C,
and the exit status.
"""

import contextlib
import gc
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Annotated, NoReturn, TypeVar

import typer
from typer.core import TyperCommand

from briefing import __version__, load, query
from briefing.errors import DataError
from briefing.model import KINDS, STATUSES, Knowledge
from briefing.options import (
    Common,
    DataOpt,
    MaxSizeOpt,
    NoCacheOpt,
    SharedOptions,
    SharedOptionsButDialogue,
    TopicFilter,
    common,
    complete_speaker,
    complete_topic,
)
from briefing.output import (
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_IOERR,
    EXIT_OK,
    EXIT_SOFTWARE,
    EXIT_USAGE,
    color_enabled,
    fail,
    progress,
    refuse_knowledge_file,
    report,
    write_output,
)
from briefing.render import (
    SUFFIXES,
    Format,
    Options,
    UnsupportedFormatError,
    render,
    render_problems,
    resolve_format,
)
from briefing.views import ProblemsView, View

#: Narrower text cannot hold a word and its indentation.
MIN_WIDTH = 20

EPILOG = (
    "\b\n"
    "Exit status:\n"
    f"  {EXIT_OK}    success\n"
    f"  {EXIT_DATA}    bad data, or a name that matches nothing\n"
    f"  {EXIT_USAGE}    bad usage\n"
    f"  {EXIT_SOFTWARE}   internal error (a bug; please report it)\n"
    f"  {EXIT_IOERR}   the output could not be written\n"
    f"  {EXIT_INTERRUPTED}  interrupted (Ctrl-C)"
)


def new_app() -> typer.Typer:
    return typer.Typer(
        name="briefing",
        help=(
            "Briefings on diplomatic meetings from a human-edited knowledge file.\n\n"
            "Data comes from --data PATH (a file or a directory of *.yaml files), else\n"
            "$BRIEFING_DATA, else the bundled 18th India-Japan Strategic Dialogue.\n\n"
            "Output is Rich in a terminal and plain text in a pipe; choose with --format."
        ),
        epilog=EPILOG,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


app = new_app()
#: Every command's function and command class by name, for a one-command app at start-up.
COMMANDS: dict[str, tuple[Callable[..., None], type[TyperCommand]]] = {}
F = TypeVar("F", bound=Callable[..., None])


def command(cls: type[TyperCommand] = SharedOptions) -> Callable[[F], F]:
    """Register a command of `app`; by default it takes the shared options (see options.py)."""

    def register(func: F) -> F:
        COMMANDS[func.__name__] = (func, cls)
        app.command(cls=cls)(func)
        return func

    return register


# --------------------------------------------------------------------------
# The path every command takes


@contextlib.contextmanager
def _collecting_after_load() -> Iterator[None]:
    """No cyclic garbage collection while loading; what was loaded is frozen after.

    Loading builds many objects and frees none of them in cycles, so the cyclic
    collector would only rescan a growing heap: on a large archive that costs a
    third of the load time. Reference counting still frees the rest. What was
    loaded lives until the command ends; freezing it keeps later collections
    (while querying and rendering) from scanning it again and again.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if collecting:
            gc.enable()


def load_data(path: Path, *, no_cache: bool, max_file_size: float | None) -> Knowledge:
    """Load for a command (completion loads without this policy); DataError on bad data."""
    with progress() as bar, _collecting_after_load():
        return load.load_knowledge(
            path,
            use_cache=not no_cache,
            max_bytes=load.max_file_bytes(max_file_size),
            progress=bar,
        )


def _show_problems(exc: DataError) -> NoReturn:
    view = ProblemsView("", tuple(exc.problems), {})
    report(render_problems(view, Format.TEXT, Options(width=0)))
    raise typer.Exit(EXIT_DATA)


def _check_output_options(shared: Common) -> None:
    if shared.width is not None and 0 < shared.width < MIN_WIDTH:
        fail(f"--width: use 0 (no wrapping) or at least {MIN_WIDTH} columns", EXIT_USAGE)


def _check_output_target(shared: Common, protected: tuple[str, ...]) -> None:
    output = shared.output
    if output is None:
        return
    refuse_knowledge_file(output, protected)
    if not output.name:
        fail("--output: expected a file name", EXIT_USAGE)
    if shared.fmt is Format.AUTO and output.suffix.lower() not in SUFFIXES:
        known = " ".join(sorted(SUFFIXES))
        fail(
            f"--output: cannot tell the format from '{output.name}'"
            f" (give --format, or a file ending in one of: {known})",
            EXIT_USAGE,
        )


def run(shared: Common, build: Callable[[Knowledge], View]) -> None:
    """Load, build the view, render it, write it: the path every command takes."""
    _check_output_options(shared)
    is_tty = shared.output is None and sys.stdout.isatty()
    fmt = resolve_format(shared.fmt, is_tty=is_tty, output=shared.output)
    try:
        knowledge = load_data(
            load.resolve_data(shared.data),
            no_cache=shared.no_cache,
            max_file_size=shared.max_file_size,
        )
    except DataError as exc:
        _show_problems(exc)
    protected = tuple(d.path for d in knowledge.dialogues)
    _check_output_target(shared, protected)
    try:
        view = build(knowledge)
    except query.NotFoundError as exc:
        fail(str(exc))
    if fmt is Format.RICH:
        width = shared.width or shutil.get_terminal_size((100, 24)).columns
    else:
        width = 80 if shared.width is None else shared.width
    color = color_enabled(shared.color, is_tty=is_tty)
    options = Options(width=width, color=color, bom=shared.csv_bom)
    try:
        text = render(view, fmt, options)
    except UnsupportedFormatError as exc:
        supported = ", ".join(f for f in Format if f not in (Format.AUTO, Format.CSV))
        fail(f"{exc}; --format csv is not available here (use one of: {supported})", EXIT_USAGE)
    write_output(text, shared.output, protected)


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
def topics(ctx: typer.Context) -> None:
    """List the topics, most material first, with counts and a one-line summary.

    \b
    Examples:
      briefing topics
      briefing topics --format csv > topics.csv
    """
    shared = common(ctx)
    run(shared, lambda k: query.topics_view(query.select_dialogues(k, shared.dialogue)))


@command()
def topic(
    name: Annotated[
        str,
        typer.Argument(
            help="Topic id or name; a unique prefix is enough.", autocompletion=complete_topic
        ),
    ],
    *,
    ctx: typer.Context,
) -> None:
    """Show one topic: its summary, commitments, what was discussed, quotes and people.

    \b
    Examples:
      briefing topic minerals
      briefing topic ai --format markdown
    """
    shared = common(ctx)
    run(shared, lambda k: query.topic_view(query.select_dialogues(k, shared.dialogue), name))


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
    ctx: typer.Context,
) -> None:
    """Show quotes verbatim, with speaker, role, topic, context and source.

    \b
    Examples:
      briefing quotes --speaker Jaishankar
      briefing quotes --topic quad --format markdown >> report.md
    """
    shared = common(ctx)

    def build(k: Knowledge) -> View:
        chosen = query.select_dialogues(k, shared.dialogue)
        return query.quotes_view(chosen, speaker=speaker, topic=topic, contains=contains)

    run(shared, build)


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
    ctx: typer.Context,
) -> None:
    """List commitments with who made them, their kind, timeline and status.

    \b
    Examples:
      briefing commitments --party japan
      briefing commitments --kind plan --format csv
    """
    shared = common(ctx)
    kind = kind.lower() if kind is not None else None
    status = status.lower() if status is not None else None
    if kind is not None and kind not in KINDS:
        fail(f"--kind: '{kind}' is not one of: {', '.join(KINDS)}", EXIT_USAGE)
    if status is not None and status not in STATUSES:
        fail(f"--status: '{status}' is not one of: {', '.join(STATUSES)}", EXIT_USAGE)

    def build(k: Knowledge) -> View:
        chosen = query.select_dialogues(k, shared.dialogue)
        return query.commitments_view(chosen, topic=topic, party=party, kind=kind, status=status)

    run(shared, build)


@command()
def people(ctx: typer.Context) -> None:
    """List participants with role, country, and how many quotes and commitments each has.

    \b
    Example:
      briefing people
    """
    shared = common(ctx)
    run(shared, lambda k: query.people_view(query.select_dialogues(k, shared.dialogue)))


@command()
def summary(
    topic: TopicFilter = None,
    *,
    ctx: typer.Context,
) -> None:
    """Write the whole briefing note: outcomes, discussions, quotes, follow-ups, sources.

    \b
    Examples:
      briefing summary > brief.txt
      briefing summary --format markdown | pandoc -o brief.docx
      briefing summary -o brief.html
    """
    shared = common(ctx)
    run(shared, lambda k: query.summary_view(query.select_dialogues(k, shared.dialogue), topic))


@command()
def search(
    words: Annotated[
        str, typer.Argument(metavar="QUERY", help="Words to find; every word must match.")
    ],
    *,
    ctx: typer.Context,
) -> None:
    """Find topics, commitments, discussions, quotes and events containing every word.

    \b
    Examples:
      briefing search shinkansen
      briefing search "economic security" --format json
    """
    shared = common(ctx)
    run(shared, lambda k: query.search_view(query.select_dialogues(k, shared.dialogue), words))


@command(SharedOptionsButDialogue)
def dialogues(ctx: typer.Context) -> None:
    """List the dialogues in the data: id, date, place, title and counts.

    \b
    Example:
      briefing dialogues --data archive/
    """
    shared = common(ctx)
    run(shared, query.dialogues_view)


@command(TyperCommand)
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
        knowledge = load_data(location, no_cache=no_cache, max_file_size=max_file_size)
        view = ProblemsView(str(location), (), query.counts(knowledge))
    except DataError as exc:
        view = ProblemsView(str(location), tuple(exc.problems), {})
    text = render_problems(view, Format(fmt), Options(width=0))
    if view.ok:
        write_output(text, None)
        return
    # Problems are errors: on stderr as text; as JSON they are the result itself.
    if fmt == "json":
        write_output(text, None)
    else:
        report(text)
    raise typer.Exit(EXIT_DATA)


@command(TyperCommand)
def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE atomically instead of standard output.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of knowledge files, for editors and other validators.

    Point yaml-language-server at it for completion and inline errors: put
    '# yaml-language-server: $schema=PATH' at the top of a knowledge file.
    'briefing validate' checks more (references, dates, YAML 1.1 readings).

    \b
    Examples:
      briefing schema -o knowledge-1.json
      briefing schema | jq '.["$defs"].commitment.required'
    """
    from briefing.schema_export import json_schema_text

    write_output(json_schema_text(), output)


def app_for(argv: list[str]) -> typer.Typer:
    """The app to run ARGV with: one holding just the command named, when it names one.

    Typer builds the parser of every registered command before running any;
    a run needs only one, and building the other eight would cost more than
    everything else the command does.
    """
    found = COMMANDS.get(argv[0]) if argv else None
    if found is None or any(k.endswith("_COMPLETE") for k in os.environ):
        return app
    func, cls = found
    single = new_app()
    single.callback()(_root)
    single.command(cls=cls)(func)
    return single


# --------------------------------------------------------------------------
# The process: interrupts and exit statuses


class Interrupted(BaseException):
    """Ctrl-C, wherever it lands.

    Not a KeyboardInterrupt, which Typer turns into a silent exit inside a
    command; not an Exception, so that no `except Exception` swallows it.
    """


def _on_sigint(_signum: int, _frame: FrameType | None) -> NoReturn:
    raise Interrupted


def main() -> None:
    """Entry point of the `briefing` script."""
    # A shell starts background jobs with SIGINT ignored; keep it that way.
    handle = signal.getsignal(signal.SIGINT) is not signal.SIG_IGN
    previous = signal.signal(signal.SIGINT, _on_sigint) if handle else None
    try:
        app_for(sys.argv[1:])(prog_name="briefing")
    except (Interrupted, KeyboardInterrupt):
        report("briefing: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:
        report(
            f"briefing: internal error ({type(exc).__name__}); this is a bug,"
            " please report it with the command you ran\n"
        )
        sys.exit(EXIT_SOFTWARE)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
