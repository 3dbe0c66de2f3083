"""`briefing export --sqlite FILE`: the knowledge as an SQLite database.

The database (its tables are documented in docs/sqlite.md) is built by
`briefing.export_sqlite`, imported only when this command runs, so that no
other command pays for sqlite3.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.app import command, load_data
from briefing.errors import DataError
from briefing.options import DataOpt, MaxSizeOpt, NoCacheOpt, PlainUsage
from briefing.output import EXIT_DATA, EXIT_IOERR, EXIT_USAGE, fail, refuse_knowledge_file, report
from briefing.render import Format, Options, render_problems


@command(PlainUsage)
def export(
    sqlite: Annotated[
        Path,
        typer.Option(
            "--sqlite",
            metavar="FILE",
            help="The SQLite database to write (atomically). An earlier export is replaced;"
            " another SQLite database only with --force; any other file never.",
            show_default=False,
        ),
    ],
    data: DataOpt = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace FILE even when it is an SQLite database briefing did not write.",
        ),
    ] = False,
    no_cache: NoCacheOpt = False,
    max_file_size: MaxSizeOpt = None,
) -> None:
    """Export every dialogue read to an SQLite database, for Datasette, sqlite-utils or SQL.

    One table each for dialogues, sources, parties, participants, topics,
    commitments (with the parties, topics and earlier commitments they link
    to), quotes (with their topics) and progress, with primary and foreign
    keys; full-text search on quotes and commitments (quotes_fts,
    commitments_fts) where this Python's SQLite has FTS5. Every table and
    column is described in docs/sqlite.md.

    The database is written to a temporary file beside FILE and renamed over
    it, so a reader never sees half of it. An existing FILE is replaced only
    when briefing wrote it (or it is empty); another SQLite database needs
    --force, and a file that is not an SQLite database is never replaced.

    \b
    Examples:
      briefing export --sqlite briefing.db
      briefing export --sqlite meetings.db --data examples
      datasette meetings.db                  # browse it, with search and links
      sqlite3 meetings.db "select text from quotes_fts where quotes_fts match 'security'"
    """
    from briefing import export_sqlite, load
    from briefing.views import ProblemsView

    # Refused before anything is read: the answer does not depend on the data.
    try:
        export_sqlite.check_target(sqlite, force=force)
    except export_sqlite.ExportError as exc:
        fail(str(exc), EXIT_IOERR if exc.io else EXIT_USAGE)
    location = load.resolve_data(data)
    try:
        knowledge = load_data(location, no_cache=no_cache, max_file_size=max_file_size)
    except DataError as exc:
        view = ProblemsView("", tuple(exc.problems), {})
        report(render_problems(view, Format.TEXT, Options(width=0)))
        raise typer.Exit(EXIT_DATA) from None
    refuse_knowledge_file(sqlite, tuple(d.path for d in knowledge.dialogues))
    try:
        result = export_sqlite.export(
            knowledge, sqlite, force=force, data=[str(p) for p in location]
        )
    except export_sqlite.ExportError as exc:
        fail(str(exc), EXIT_IOERR if exc.io else EXIT_USAGE)
    if not result.fts:
        report(
            "briefing: note: the SQLite of this Python has no FTS5 module, so the database"
            " has no full-text tables (quotes_fts, commitments_fts); every other table is"
            " complete\n"
        )
    counts = result.counts
    shown = ", ".join(
        _many(counts[table], word)
        for table, word in (
            ("dialogues", "dialogue"),
            ("quotes", "quote"),
            ("commitments", "commitment"),
            ("progress", "progress record"),
        )
    )
    replaced = {"export": "; replaced the earlier export", "database": "; replaced (--force)"}
    report(f"briefing: wrote {sqlite}: {shown}{replaced.get(result.replaced, '')}\n")


def _many(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


__all__ = ["export"]
