"""`briefing archive`: keep a source's text beside the knowledge that cites it.

For knowledge written by hand (a draft archives its sources itself). The text
is read the way `briefing draft` reads a source (plain text, an HTML page or a
PDF reduced to the article's text, standard input or a web address), so the
briefing.draft package is imported here, only when the command runs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from briefing.app import command, load_data
from briefing.errors import DataError
from briefing.options import ArchiveOpt, DataOpt, PlainUsage
from briefing.output import EXIT_USAGE, fail, report, write_output
from briefing.render import inert

#: The largest source read, in MiB, unless --max-file-size says otherwise.
DEFAULT_SOURCE_MIB = 5.0


@command(PlainUsage)
def archive(
    source: Annotated[
        str,
        typer.Argument(
            metavar="SOURCE",
            help="The source's text: a text file, a saved HTML page, a PDF, '-' for standard"
            " input, or an http(s) URL.",
            show_default=False,
        ),
    ],
    ident: Annotated[
        str,
        typer.Option(
            "--id",
            metavar="ID",
            help="The source's id in the knowledge file (`dialogue.sources[].id`).",
            show_default=False,
        ),
    ],
    data: DataOpt = None,
    dialogue: Annotated[
        str | None,
        typer.Option(
            "--dialogue",
            metavar="ID",
            help="The dialogue whose source it is, when several have a source with this id.",
            show_default=False,
        ),
    ] = None,
    archive_dir: ArchiveOpt = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace an archived text, or a recorded hash, that differs."),
    ] = False,
    max_file_size: Annotated[
        float,
        typer.Option(
            "--max-file-size",
            metavar="MIB",
            help=f"Refuse sources larger than this [default: {DEFAULT_SOURCE_MIB:g}].",
            show_default=False,
        ),
    ] = DEFAULT_SOURCE_MIB,
) -> None:
    """Archive a source's text beside the knowledge file that cites it.

    Writes the text to the archive (sources/DIALOGUE_ID/SOURCE_ID.txt beside the
    knowledge file, unless --archive or $BRIEFING_ARCHIVE says otherwise) and
    records its path, SHA-256 and the time in the source's `archive` record;
    nothing else in the file changes. 'briefing validate' then proves every
    quote and evidence sentence citing the source against this text.

    \b
    Examples:
      briefing archive saved-page.html --id ht --data meetings/2026-01-16.yaml
      briefing archive https://example.org/news/talks --id article -d meeting.yaml
      briefing archive - --id statement -d meeting.yaml < statement.txt
    """
    from briefing import archive as store
    from briefing import load, provenance
    from briefing.draft.sources import SourceError, read_source

    if max_file_size <= 0:
        fail("--max-file-size: expected a positive number of MiB", EXIT_USAGE)
    location = data or (Path(os.environ[load.DATA_ENV]) if os.environ.get(load.DATA_ENV) else None)
    if location is None:
        fail(
            "name the knowledge file that cites the source: --data FILE (or set $BRIEFING_DATA)",
            EXIT_USAGE,
        )
    try:
        knowledge = load_data(location, no_cache=False, max_file_size=None)
    except DataError as exc:
        report(inert("".join(f"{p}\n" for p in exc.problems)))
        fail(f"{location}: fix the problems above before archiving its sources")
    holders = [
        d
        for d in knowledge.dialogues
        if (dialogue is None or d.id == dialogue) and any(s.id == ident for s in d.sources)
    ]
    if not holders:
        known = sorted({f"{d.id}/{s.id}" for d in knowledge.dialogues for s in d.sources})
        fail(
            f"--id: no source '{ident}'"
            + (f" in dialogue '{dialogue}'" if dialogue else "")
            + f" at {location} (sources: {', '.join(known[:12])})",
            EXIT_USAGE,
        )
    if len(holders) > 1:
        fail(
            f"--id: several dialogues have a source '{ident}' ("
            + ", ".join(d.id for d in holders)
            + "); pick one with --dialogue ID",
            EXIT_USAGE,
        )
    [d] = holders
    cited = next(s for s in d.sources if s.id == ident)
    try:
        read = read_source(source, max_bytes=int(max_file_size * 1024 * 1024))
    except SourceError as exc:
        fail(str(exc))
    file = Path(d.path)
    root = store.root_for(file, archive_dir)
    relative = cited.archive.path if cited.archive else store.default_path(d.id, ident)
    digest = store.sha256(read.text.encode("utf-8"))
    if cited.archive and cited.archive.sha256.lower() != digest and not force:
        fail(
            f"{file}: source '{ident}' is archived with another text"
            f" (SHA-256 {cited.archive.sha256[:12]}..., this one {digest[:12]}...);"
            " give --force to archive this one instead",
            EXIT_USAGE,
        )
    try:
        digest, written = store.write(root, relative, read.text, force=force)
    except store.ArchiveError as exc:
        fail(f"{exc.message}" + (f" ({exc.hint})" if exc.hint else ""))
    if cited.archive is None or cited.archive.sha256.lower() != digest:
        _record(file, ident, store.record(relative, digest, store.now_utc()))
    where = root / relative
    report(
        inert(
            f"briefing: {'archived' if written else 'already archived:'} source '{ident}'"
            f" of {d.id} at {where} (SHA-256 {digest[:12]}...), recorded in {file}\n"
        )
    )
    # Say at once whether what cites it holds up.
    again = load_data(file, no_cache=False, max_file_size=None)
    limit = load.max_file_bytes(None)
    proof = provenance.prove(again, {}, root=archive_dir, limit=limit)
    mine = [p for p in proof.problems if f"source '{ident}'" in p.message]
    if mine:
        report(inert("".join(f"{p}\n" for p in mine)))
        fail(
            f"{len(mine)} item{'s' if len(mine) != 1 else ''} citing '{ident}' not verbatim in"
            " the archived text (above); correct them, or archive the right text"
        )


def _record(file: Path, source_id: str, fields: dict[str, str]) -> None:
    """Set the source's archive record in FILE, changing nothing else, or fail."""
    from briefing import archive as store
    from briefing import load

    try:
        old = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{file}: cannot read: {exc}")
    try:
        new = store.with_record(old, str(file), source_id, fields)
    except store.ArchiveError as exc:
        fail(exc.message + (f" ({exc.hint})" if exc.hint else ""))
    # The edit must change that record and nothing else: compare what both say.
    before = load.parse_plain(old.encode("utf-8"), str(file))
    after = load.parse_plain(new.encode("utf-8"), str(file))
    for record in before["dialogue"]["sources"]:
        if record["id"] == source_id:
            record["archive"] = dict(fields)
    if before != after:  # pragma: no cover - a safeguard; with_record edits one record
        fail(f"{file}: left unchanged: recording the archive would change more than its record")
    write_output(new, file)


__all__ = ["archive"]
