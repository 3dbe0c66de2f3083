"""`briefing validate`: check knowledge files, and prove their quotations against the archive.

The checks of structure and references happen in loading (`briefing.load`);
items awaiting review come from `briefing.review`; quotations and evidence
are proved against the archived sources by `briefing.provenance`, imported
only when this command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

from briefing.app import command, load_data
from briefing.errors import DataError
from briefing.options import ArchiveOpt, DataOpt, MaxSizeOpt, NoCacheOpt
from briefing.output import EXIT_DATA, EXIT_USAGE, fail, report, write_output
from briefing.render import Format, Options, inert, render_problems


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
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Fail while any item awaits review or any source has no archived text,"
            " listing each one.",
        ),
    ] = False,
    archive_dir: ArchiveOpt = None,
) -> None:
    """Check knowledge files, and prove every quotation against its archived source.

    Reports every problem as FILE:LINE:COL. Exits 0 and prints the counts when
    the data is valid; otherwise prints every problem on stderr and exits 1.

    Every quote and evidence sentence citing a source with an archived text
    (its `archive` record) must be in that text verbatim (only line breaks and
    runs of spaces may differ), and the text must be unchanged since it was
    archived. Sources without an archived text are counted in the summary
    line, and items that still carry a review note on stderr; with --strict,
    each is a problem.

    \b
    Examples:
      briefing validate
      briefing validate data/ --format json
      briefing validate --strict drafts/
      briefing validate meetings/ --archive ~/archive/sources
    """
    from briefing import cache, load, provenance, query, review
    from briefing.views import ProblemsView

    if fmt not in ("text", "json"):
        fail(f"--format: validate writes 'text' or 'json', not '{fmt}'", EXIT_USAGE)
    location = load.resolve_data([path] if path else data)
    notices: list[str] = []
    located: dict[str, load.Marks] = {}
    keys: dict[str, str] = {}
    try:
        knowledge = load_data(
            location, no_cache=no_cache, max_file_size=max_file_size, located=located, keys=keys
        )
    except DataError as exc:
        view = ProblemsView(load.shown(location), tuple(exc.problems), {})
    else:
        proof = provenance.prove(
            knowledge,
            located,
            root=archive_dir,
            limit=load.max_file_bytes(max_file_size),
            keys=keys,
            store=None if no_cache else cache.open_store(),
        )
        # Items a person has yet to check, and sources cited by URL alone: said on
        # stderr, or with --strict, problems.
        found = list(proof.problems)
        if strict:
            found += review.problems(knowledge, located) + provenance.unarchived_problems(proof)
        counts = {} if found else query.counts(knowledge) | proof.counts()
        view = ProblemsView(load.shown(location), tuple(found), counts)
        if not strict:
            notices = review.notices(knowledge)
    text = render_problems(view, Format(fmt), Options(width=0))
    if view.ok:
        write_output(text, None)
        if notices:
            report(inert("".join(f"briefing: {line}\n" for line in notices)))
        return
    # Problems are errors: on stderr as text; as JSON they are the result itself.
    if fmt == "json":
        write_output(text, None)
    else:
        report(text)
    raise typer.Exit(EXIT_DATA)


__all__ = ["validate"]
