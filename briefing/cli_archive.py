"""`briefing archive`: keep a source's text beside the knowledge that cites it.

For knowledge written by hand (a draft archives its sources itself). The text
is read the way `briefing draft` reads a source (plain text, an HTML page or a
PDF reduced to the article's text, standard input or a web address), so the
briefing.draft package is imported here, only when the command runs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefing.app import command, load_data
from briefing.errors import DataError
from briefing.options import ArchiveOpt, DataOpt, PlainUsage
from briefing.output import EXIT_DATA, EXIT_USAGE, fail, report
from briefing.render import inert

if TYPE_CHECKING:
    from briefing.model import Dialogue

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
    from briefing import load
    from briefing.draft.sources import SourceError, read_source

    if max_file_size <= 0:
        fail("--max-file-size: expected a positive number of MiB", EXIT_USAGE)
    location = data or ([Path(os.environ[load.DATA_ENV])] if os.environ.get(load.DATA_ENV) else [])
    if not location:
        fail(
            "name the knowledge file that cites the source: --data FILE (or set $BRIEFING_DATA)",
            EXIT_USAGE,
        )
    try:
        knowledge = load_data(location, no_cache=False, max_file_size=None)
    except DataError as exc:
        report(inert("".join(f"{p}\n" for p in exc.problems)))
        fail(f"{load.shown(location)}: fix the problems above before archiving its sources")
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
            + f" at {load.shown(location)} (sources: {', '.join(known[:12])})",
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
    text = read.text
    digest = store.sha256(text.encode("utf-8"))
    try:
        if cited.archive is not None:
            relative = cited.archive.path
        else:
            # A path another text already holds is never taken: the next free one is.
            relative = store.free_path(root, store.default_path(d.id, ident), text)
        target = store.resolve(root, relative)
        same_file = Path(source).exists() and os.path.realpath(source) == os.path.realpath(target)
        before = store.existing(target)
    except store.ArchiveError as exc:
        fail(exc.message + (f" ({exc.hint})" if exc.hint else ""))
    if cited.archive and cited.archive.sha256.lower() == digest and before is not None:
        report(f"briefing: source '{ident}' of {d.id} is already archived at {target}\n")
        return
    if cited.archive and cited.archive.sha256.lower() != digest and not force:
        fail(
            f"{file}: source '{ident}' is archived with another text"
            f" (SHA-256 {cited.archive.sha256[:12]}..., this one {digest[:12]}...);"
            " give --force to archive this one instead",
            EXIT_USAGE,
        )
    # What cites the source must be in the text, or nothing is written.
    missing = _not_in(d, ident, text)
    if missing and not force:
        report(inert("".join(f"briefing: not in {source}: {what}\n" for what in missing)))
        fail(
            f"{len(missing)} of the items citing '{ident}' are not verbatim in {source}, so"
            " nothing was archived; is it the right text? (--force archives it all the same)"
        )
    # Keep the time of the first retrieval when only the hash of the archived file is
    # recorded again (the archived file itself given as the source).
    when = cited.archive.retrieved if same_file and cited.archive else store.now_utc()
    try:
        old = file.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{file}: cannot read: {exc}")
    new = _edited(file, old, ident, store.record(relative, digest, when))
    try:
        _, written = store.write(root, relative, text, force=force)
    except store.ArchiveError as exc:
        fail(exc.message + (f" ({exc.hint})" if exc.hint else ""))
    try:
        if file.read_bytes() != old.encode("utf-8"):
            raise store.ArchiveError(
                f"{file} changed while its source was archived", "run the command again"
            )
        store.put(file, new.encode("utf-8"))
    except (OSError, store.ArchiveError) as exc:
        # Leave the archive as it was: the record that would cite the new text is not there.
        if written:
            store.restore(root, relative, before)
        message = exc.message if isinstance(exc, store.ArchiveError) else f"{file}: {exc}"
        fail(f"{message}; nothing was changed")
    report(
        inert(
            f"briefing: archived source '{ident}' of {d.id} at {target}"
            f" (SHA-256 {digest[:12]}...), recorded in {file}"
            + (f"; {len(missing)} items citing it are not in it" if missing else "")
            + "\n"
        )
    )
    if missing:
        raise typer.Exit(EXIT_DATA)


def _not_in(d: Dialogue, source_id: str, text: str) -> list[str]:
    """What of D cites SOURCE_ID and is not verbatim in TEXT."""
    from briefing import provenance

    flat = provenance.flatten(text)
    return [
        it.what
        for it in provenance.items(d)
        if it.source == source_id and not provenance.verbatim_in(it.text, flat)
    ]


def _edited(file: Path, old: str, source_id: str, fields: dict[str, str]) -> str:
    """FILE's text OLD with the source's archive record set, or fail; nothing else changes."""
    from briefing import archive as store
    from briefing import load

    try:
        new = store.with_record(old, str(file), source_id, fields)
    except store.ArchiveError as exc:
        fail(exc.message + (f" ({exc.hint})" if exc.hint else ""))
    # The edit must change that record and nothing else: compare what both say.
    before = load.parse_plain(old.encode("utf-8"), str(file))
    after = load.parse_plain(new.encode("utf-8"), str(file))
    for record in before["dialogue"]["sources"]:
        if record["id"] == source_id:
            record["archive"] = {**(record.get("archive") or {}), **fields}
    if before != after:  # pragma: no cover - a safeguard; with_record edits one record
        fail(f"{file}: left unchanged: recording the archive would change more than its record")
    return new


__all__ = ["archive"]
