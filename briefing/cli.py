"""The command line: options, one small function per command, and the process policy.

Every command takes the same path: parse, load, query, render, write. main()
owns what belongs to the process: the garbage collector while loading, Ctrl-C,
and the exit status.
"""

import os
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from typer.core import TyperCommand

__all__ = [
    "COMMANDS",
    "app",
    "app_for",
    "cli_archive",
    "cli_draft",
    "cli_export",
    "cli_follow",
    "cli_validate",
    "main",
]

from briefing.app import (
    COMMANDS,
    _root,
    app,
    command,
    either,
    listed,
    narrowed_by,
    new_app,
    run,
)
from briefing.model import KINDS, STATUSES, Knowledge
from briefing.options import (
    SEARCH_ORDERS,
    ArchiveOpt,
    SharedOptionsButDialogue,
    TopicFilter,
    common,
    complete_kind,
    complete_order,
    complete_party,
    complete_speaker,
    complete_status,
    complete_topic,
    for_shell,
)

if TYPE_CHECKING:
    from briefing import index
from briefing.output import (
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_SOFTWARE,
    EXIT_USAGE,
    fail,
    report,
    write_output,
)

# --------------------------------------------------------------------------
# Commands


@command()
def topics(ctx: typer.Context) -> None:
    """List the topics, most material first.

    Each has counts of commitments, quotes and discussions, and a one-line summary.

    \b
    Examples:
      briefing topics
      briefing topics --format csv > topics.csv
    """
    from briefing import query

    shared = common(ctx)
    run(
        shared,
        lambda k: query.topics_view(query.select_dialogues(k, shared.dialogue)),
        narrowed_by(shared, None),
    )


@command()
def topic(
    name: Annotated[
        str | None,
        typer.Argument(
            metavar="NAME",
            help="Topic id or name; a unique prefix is enough. Without it, list the topics.",
            autocompletion=for_shell(complete_topic),
            show_default=False,
        ),
    ] = None,
    *,
    ctx: typer.Context,
) -> None:
    """Show one topic in full.

    Its summary, commitments, what was discussed, quotes and people. Without
    NAME, list the topics.

    \b
    Examples:
      briefing topic minerals
      briefing topic ai --format markdown
    """
    from briefing import query

    shared = common(ctx)
    if name is None:
        # As `git help` lists the commands: the topics one could name.
        run(
            shared,
            lambda k: query.topics_view(query.select_dialogues(k, shared.dialogue)),
            narrowed_by(shared, None),
        )
        return
    run(
        shared,
        lambda k: query.topic_view(query.select_dialogues(k, shared.dialogue), name),
        narrowed_by(shared, lambda ix: ix.topic(name)),
    )


@command()
def quotes(
    speaker: Annotated[
        str | None,
        typer.Option(
            "--speaker",
            "-s",
            metavar="NAME",
            help="Id, name, surname or alias; case and accents do not matter.",
            autocompletion=for_shell(complete_speaker),
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
    verify: Annotated[
        bool,
        typer.Option(
            "--verify",
            help="Check each quote against its source's archived text and show the passage"
            " around it.",
        ),
    ] = False,
    archive_dir: ArchiveOpt = None,
    *,
    ctx: typer.Context,
) -> None:
    """Show quotes verbatim.

    Each with speaker, role, topic, context and source. With --verify, each
    quote is looked up in its source's archived text and shown with the
    passage around it and what the check found: what a fact-checker asks for.

    \b
    Examples:
      briefing quotes --speaker Jaishankar
      briefing quotes --topic quad --format markdown >> report.md
      briefing quotes --speaker Jaishankar --verify
    """
    from briefing import query
    from briefing.views import View

    shared = common(ctx)

    unproved: list[str] = []

    def build(k: Knowledge) -> View:
        chosen = query.select_dialogues(k, shared.dialogue)
        passages = None
        if verify:
            from briefing import load, provenance

            limit = load.max_file_bytes(shared.max_file_size)
            passages = provenance.passages(chosen, root=archive_dir, limit=limit)
        view = query.quotes_view(
            chosen, speaker=speaker, topic=topic, contains=contains, passages=passages
        )
        if passages is not None:
            unproved.extend(
                q["verification"]["status"]
                for q in view.data["quotes"]
                if q["verification"]["status"] not in ("verbatim", "not archived")
            )
        return view

    # Speakers and topics are found through the index.
    wanted = either(
        (lambda ix: ix.speaker(speaker)) if speaker is not None else None,
        (lambda ix: ix.topic(topic)) if topic is not None else None,
    )
    run(shared, build, None if verify else narrowed_by(shared, wanted))
    if unproved:
        # Shown above; the status lets a script stop on a quotation its source does not hold.
        report(f"briefing: {len(unproved)} quote{'s' if len(unproved) != 1 else ''} not proved\n")
        raise typer.Exit(EXIT_DATA)


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
            autocompletion=for_shell(complete_party),
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
            autocompletion=for_shell(complete_kind),
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="One of: " + ", ".join(STATUSES) + ".",
            autocompletion=for_shell(complete_status),
            show_default=False,
        ),
    ] = None,
    *,
    ctx: typer.Context,
) -> None:
    """List who committed to what, and by when.

    Each commitment with who made it, its kind, timeline and status.

    \b
    Examples:
      briefing commitments --party japan
      briefing commitments --kind plan --format csv
    """
    from briefing import query
    from briefing.views import View

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

    # Parties and topics are found through the index; kinds and states are in every dialogue.
    wanted = either(
        (lambda ix: ix.party(party)) if party is not None else None,
        (lambda ix: ix.topic(topic)) if topic is not None else None,
    )
    run(shared, build, narrowed_by(shared, wanted))


@command()
def people(ctx: typer.Context) -> None:
    """List the participants.

    Each with role, country, and how many quotes and commitments they have.

    \b
    Example:
      briefing people
    """
    from briefing import query

    shared = common(ctx)
    run(
        shared,
        lambda k: query.people_view(query.select_dialogues(k, shared.dialogue)),
        narrowed_by(shared, None),
    )


@command()
def summary(
    topic: TopicFilter = None,
    *,
    ctx: typer.Context,
) -> None:
    """Write the whole briefing note.

    Outcomes, discussions, quotes, follow-ups and sources.

    \b
    Examples:
      briefing summary > brief.txt
      briefing summary --format markdown | pandoc -o brief.docx
      briefing summary -o brief.html
    """
    from briefing import query

    shared = common(ctx)
    chosen = shared.dialogue
    # A round's note without a topic also reads its series and the files that link to it.
    wanted: index.Narrow | None = (lambda ix: ix.topic(topic)) if topic is not None else None
    if chosen is not None:
        wanted = (lambda ix: ix.rounds(chosen)) if topic is None else (lambda _: set())
    run(
        shared,
        lambda k: query.summary_view(query.select_dialogues(k, chosen), topic, knowledge=k),
        wanted,
    )


@command()
def search(
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="QUERY...",
            help='Words to find, each where a word starts; "a phrase" in quotes matches its'
            " words in a row. Every word and phrase must match.",
            show_default=False,
        ),
    ],
    *,
    order: Annotated[
        str,
        typer.Option(
            "--order",
            help="meeting: hits in the order of the meetings; relevance: most matches first.",
            autocompletion=for_shell(complete_order),
        ),
    ] = "meeting",
    ctx: typer.Context,
) -> None:
    """Find what mentions every word.

    Topics, commitments, discussions, quotes and events containing all the words.

    \b
    Examples:
      briefing search shinkansen
      briefing search economic security --format json
      briefing search '"maritime security"' patrol --order relevance
    """
    from briefing import query

    shared = common(ctx)
    if order not in SEARCH_ORDERS:
        fail(f"--order: '{order}' is not one of: {', '.join(SEARCH_ORDERS)}", EXIT_USAGE)
    text = " ".join(words)
    run(
        shared,
        lambda k: query.search_view(query.select_dialogues(k, shared.dialogue), text, order),
        narrowed_by(shared, lambda ix: ix.search(text)),
    )


@command(SharedOptionsButDialogue)
def dialogues(ctx: typer.Context) -> None:
    """List the dialogues in the data.

    Each with id, date, place, title and counts.

    \b
    Example:
      briefing dialogues --data archive/
    """
    from briefing import query

    shared = common(ctx)
    listings = listed(shared)
    if listings is None:
        run(shared, query.dialogues_view)
        return
    view = query.listing_view(listings)
    run(shared, query.dialogues_view, ready=(view, tuple(d.path for d in listings)))


# The commands that follow commitments across meetings, in a module of their own; imported
# here so that --help lists them in this place.
from briefing import cli_follow  # noqa: E402


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
    """Print the JSON Schema of knowledge files.

    For editors and other validators.

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


# Commands in modules of their own, registered after those above so that --help lists
# the everyday questions first and the commands that check and write knowledge last.
from briefing import cli_validate, cli_archive, cli_draft, cli_export  # noqa: E402, I001


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
        if any(k.endswith("_COMPLETE") for k in os.environ):
            # Whatever goes wrong while completing, the prompt gets no message.
            sys.exit(EXIT_SOFTWARE)
        report(
            f"briefing: internal error ({type(exc).__name__}); this is a bug,"
            " please report it with the command you ran\n"
        )
        sys.exit(EXIT_SOFTWARE)
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
