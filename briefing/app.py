"""The Typer application, and the path every command takes: load, build a view, render, write.

Commands (in `briefing.cli`) register themselves with `command()`; `run` loads
the data (with the collector off while loading), builds the command's view,
renders it in the chosen format and writes it. Errors become one line on
stderr and a documented exit status.
"""

import contextlib
import gc
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer
from typer.core import TyperCommand

from briefing import __version__
from briefing.errors import DataError
from briefing.model import Knowledge
from briefing.options import (
    Commands,
    Common,
    SharedOptions,
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
    PARTIAL,
    SUFFIXES,
    Format,
    Options,
    UnsupportedFormatError,
    render,
    render_problems,
    resolve_format,
)

if TYPE_CHECKING:
    # Imported where used: `briefing draft` needs neither loading nor views.
    from briefing import index, load
    from briefing.records import Listing
    from briefing.views import View

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
        cls=Commands,
    )


app = new_app()
#: Every command's function and command class by name, for a one-command app at start-up.
COMMANDS: dict[str, tuple[Callable[..., None], type[TyperCommand]]] = {}
F = TypeVar("F", bound=Callable[..., None])


def _first_sentence(doc: str) -> str:
    """The first sentence of DOC: the command list shows it whole (wrapped), never cut off."""
    words = " ".join(doc.split("\n\n", maxsplit=1)[0].split())
    return words.split(". ")[0].removesuffix(".") + "." if words else ""


def command(cls: type[TyperCommand] = SharedOptions) -> Callable[[F], F]:
    """Register a command of `app`; by default it takes the shared options (see options.py)."""

    def register(func: F) -> F:
        COMMANDS[func.__name__] = (func, cls)
        app.command(cls=cls, short_help=_first_sentence(func.__doc__ or ""))(func)
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
    with _collector_off():
        yield
        gc.freeze()


@contextlib.contextmanager
def _collector_off() -> Iterator[None]:
    """No cyclic garbage collection inside; the collector is back as it was after."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def load_data(
    path: "Path | list[Path]",
    *,
    no_cache: bool,
    max_file_size: float | None,
    located: "dict[str, load.Marks] | None" = None,
    keys: dict[str, str] | None = None,
) -> Knowledge:
    """Load for a command (completion loads without this policy); DataError on bad data.

    LOCATED, when given, receives where each dialogue's located fields are (`validate`).
    """
    from briefing import load

    # Checked here rather than by a range type, whose '[x>=0]' would clutter --help.
    if max_file_size is not None and not max_file_size >= 0:
        fail("--max-file-size: expected a number of MiB, 0 or more", EXIT_USAGE)
    with progress() as bar, _collecting_after_load():
        return load.load_knowledge(
            path,
            use_cache=not no_cache,
            max_bytes=load.max_file_bytes(max_file_size),
            progress=bar,
            located=located,
            keys=keys,
        )


def _index_limit(shared: Common) -> int | None:
    """The largest file the index may read for this run; None when the index is not to be
    asked (--no-cache, or a --max-file-size that the full load reports as bad)."""
    from briefing import load

    size = shared.max_file_size
    if shared.no_cache or (size is not None and not size >= 0):
        return None
    return load.max_file_bytes(size)


def _narrowed(shared: Common, narrow: "index.Narrow") -> Knowledge | None:
    """What a narrowed question needs, from the index (see `briefing.index`); None when the
    index cannot answer it, and everything is loaded."""
    from briefing import index, load

    limit = _index_limit(shared)
    if limit is None:
        return None
    with _collecting_after_load():
        return index.knowledge_for(
            load.resolve_data(shared.data), narrow, limit=limit, dialogue=shared.dialogue
        )


def _show_problems(exc: DataError) -> NoReturn:
    from briefing.views import ProblemsView

    view = ProblemsView("", tuple(exc.problems), {})
    report(render_problems(view, Format.TEXT, Options(width=0)))
    raise typer.Exit(EXIT_DATA)


def _check_output_options(shared: Common) -> None:
    if shared.width is not None and (shared.width < 0 or 0 < shared.width < MIN_WIDTH):
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


def output_format(shared: Common) -> Format:
    """The format the run writes in: `auto` resolved from the output and the terminal."""
    is_tty = shared.output is None and sys.stdout.isatty()
    return resolve_format(shared.fmt, is_tty=is_tty, output=shared.output)


def narrowed_by(shared: Common, narrow: "index.Narrow | None") -> "index.Narrow | None":
    """What to ask the index for a view that reads only the dialogues it selects: with
    --dialogue, nothing besides the one named (built in full); else NARROW."""
    return (lambda _: set()) if shared.dialogue is not None else narrow


def either(*narrows: "index.Narrow | None") -> "index.Narrow | None":
    """A question asking for what any of NARROWS finds (those given); None when none is."""
    given = [n for n in narrows if n is not None]
    if not given:
        return None

    def union(ix: "index.Index") -> set[int] | None:
        found: set[int] = set()
        for narrow in given:
            part = narrow(ix)
            if part is None:
                return None
            found |= part
        return found

    return union


def listed(shared: Common) -> "list[Listing] | None":
    """What `dialogues` shows of every meeting, from the index; None when it cannot say."""
    from briefing import index, load

    limit = _index_limit(shared)
    if limit is None:
        return None
    return index.listings_for(load.resolve_data(shared.data), limit=limit)


def run(
    shared: Common,
    build: "Callable[[Knowledge], View]",
    narrow: "index.Narrow | None" = None,
    *,
    ready: "tuple[View, tuple[str, ...]] | None" = None,
) -> None:
    """Load, build the view, render it, write it: the path every command takes.

    NARROW, when given, asks the index which dialogues the view can find anything in;
    only those are loaded in full (the view's output is the same either way). READY is
    a view already made (from the index alone) with the files it was made from.
    """
    _check_output_options(shared)
    is_tty = shared.output is None and sys.stdout.isatty()
    fmt = output_format(shared)
    if ready is not None:
        view, protected = ready
        _check_output_target(shared, protected)
    else:
        view, protected = _built(shared, build, narrow)
    if fmt is Format.RICH:
        width = shared.width or shutil.get_terminal_size((100, 24)).columns
    else:
        width = 80 if shared.width is None else shared.width
    color = color_enabled(shared.color, is_tty=is_tty)
    options = Options(width=width, color=color, bom=shared.csv_bom)
    try:
        text = render(view, fmt, options)
    except UnsupportedFormatError as exc:
        supported = ", ".join(f for f in Format if f is not Format.AUTO and f not in PARTIAL)
        fail(f"{exc}; --format {fmt} is not available here (use one of: {supported})", EXIT_USAGE)
    write_output(text, shared.output, protected)


def _built(
    shared: Common, build: "Callable[[Knowledge], View]", narrow: "index.Narrow | None"
) -> "tuple[View, tuple[str, ...]]":
    from briefing import load, query

    knowledge = _narrowed(shared, narrow) if narrow is not None else None
    try:
        if knowledge is None:
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
        # Building a view, like loading, makes many objects and no cycles (tens of
        # thousands of follow-ups): the collector would only rescan them as they come.
        with _collector_off():
            view = build(knowledge)
    except query.NotFoundError as exc:
        fail(str(exc))
    return view, protected


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
