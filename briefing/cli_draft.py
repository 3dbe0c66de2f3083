"""`briefing draft`: the command that turns articles into a knowledge file to review.

Only this command imports briefing.draft, and only when it runs, so that no
other command pays for the drafter at start-up.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from briefing.app import command
from briefing.options import PlainUsage
from briefing.output import EXIT_USAGE, fail, progress, report, write_output

if TYPE_CHECKING:
    from briefing.draft.sources import SourceText

#: The largest source read, in MiB, unless --max-file-size says otherwise.
DEFAULT_SOURCE_MIB = 5.0


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--date: expected YYYY-MM-DD, got {value!r}", EXIT_USAGE)


def _is_dir_target(output: Path | None, many: bool) -> bool:
    if output is None:
        return False
    return output.is_dir() or str(output).endswith(("/", "\\")) or (many and not output.suffix)


def _groups(sources: list[SourceText], each: bool) -> list[list[SourceText]]:
    """Sources about one meeting go together: by the meeting each names, or one by one."""
    if each:
        return [[s] for s in sources]
    from briefing.draft.assemble import meeting_key

    grouped: dict[str, list[SourceText]] = {}
    for source in sources:
        grouped.setdefault(meeting_key(source), []).append(source)
    return list(grouped.values())


def _write(text: str, target: Path | None, force: bool) -> None:
    if target is not None and target.exists() and not force:
        fail(f"{target}: already exists; give --force to replace it", EXIT_USAGE)
    write_output(text, target)


@command(PlainUsage)
def draft(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="SOURCE...",
            help="Articles: text or Markdown files, saved HTML pages, PDFs, '-' for standard"
            " input, or http(s) URLs.",
            show_default=False,
        ),
    ],
    output_given: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write the draft to this file, atomically; with several meetings or --each,"
            " to files in this directory.",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The meeting's date, when the articles do not say it.",
            show_default=False,
        ),
    ] = None,
    ident: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help="The dialogue's id.", show_default=False),
    ] = None,
    each: Annotated[
        bool, typer.Option("--each", help="One knowledge file per source, not per meeting.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an output file that already exists.")
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
    archive_dir: Annotated[
        Path | None,
        typer.Option(
            "--archive",
            metavar="DIR",
            help="Keep the text read from each source here [default: $BRIEFING_ARCHIVE, else"
            " sources/ beside the draft; with no -o, not kept].",
            show_default=False,
        ),
    ] = None,
    no_archive: Annotated[
        bool, typer.Option("--no-archive", help="Do not keep the sources' texts.")
    ] = False,
) -> None:
    """Draft a knowledge file from news articles about a meeting, for a person to review.

    Quotes and evidence are copied verbatim from the articles; everything the
    drafter had to word or choose itself carries a 'review' note. Check each,
    correct it, delete the note; 'briefing validate --strict' fails while any
    remain. Several articles about one meeting make one file, each item citing
    its article. Reading HTML and PDF needs: pip install 'briefing[draft]'.

    The text read from each article is archived beside the draft
    (sources/DIALOGUE_ID/SOURCE_ID.txt, with its SHA-256 in the source's
    `archive` record), so that 'briefing validate' can prove every quotation
    against it long after the page has changed.

    \b
    Examples:
      briefing draft article.txt -o data/meeting.yaml
      briefing draft saved-page.html statement.pdf --date 2026-01-16
      curl -s URL | briefing draft - > draft.yaml
      briefing draft pages/*.html -o drafts/ --each
    """
    # A short run whose objects all live until the draft is written: collecting would
    # only walk them (the compiled patterns above all) again and again. Frozen afterwards,
    # as loaded data is, they are not walked once more when the process exits.
    gc.disable()
    try:
        output = Path(output_given) if output_given else None
        if output is not None and output_given and output_given.endswith(("/", "\\")):
            # A path ending in a separator is a directory, made if need be (a Path drops
            # the separator, so it is told here, before it is lost).
            try:
                output.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                fail(f"{output_given}: cannot make the directory: {exc.strerror or exc}")
        keep = None if no_archive else _archive_root(output, archive_dir, each)
        _draft(sources, output, _date(date), ident, each, force, max_file_size, keep)
        if keep is None and not no_archive:
            report(
                "briefing: the sources' texts are not archived, as the draft went to standard"
                " output; once it is saved, keep each with"
                " `briefing archive SOURCE --id ID --data FILE` (or draft with -o FILE)\n"
            )
    finally:
        gc.freeze()
        gc.enable()


def _archive_root(output: Path | None, option: Path | None, each: bool) -> Path | None:
    """Where the sources' texts are archived: --archive, $BRIEFING_ARCHIVE, else beside -o."""
    import os

    from briefing.archive import ARCHIVE_ENV, DEFAULT_DIR

    if option is not None:
        return option
    if os.environ.get(ARCHIVE_ENV):
        return Path(os.environ[ARCHIVE_ENV])
    if output is None:
        return None
    folder = output if _is_dir_target(output, each) else output.parent
    return folder / DEFAULT_DIR


def _archived(plain: dict[str, Any], group: list[SourceText], root: Path) -> None:
    """Archive the text of each source of GROUP under ROOT and record it in PLAIN."""
    from briefing import archive

    dialogue = plain["dialogue"]
    when = archive.now_utc()
    for record, source in zip(dialogue["sources"], group, strict=True):
        try:
            # Never over another text: a path held by one (another draft's) is passed over.
            relative = archive.free_path(
                root, archive.default_path(dialogue["id"], record["id"]), source.text
            )
            digest, _ = archive.write(root, relative, source.text)
        except archive.ArchiveError as exc:
            fail(exc.message + (f" ({exc.hint})" if exc.hint else ""))
        record["archive"] = archive.record(relative, digest, when)


def _draft(
    sources: list[str],
    output: Path | None,
    when: dt.date | None,
    ident: str | None,
    each: bool,
    force: bool,
    max_file_size: float,
    keep: Path | None,
) -> None:
    from briefing.draft import regex
    from briefing.draft.sources import SourceError, read_source

    if max_file_size <= 0:
        fail("--max-file-size: expected a positive number of MiB", EXIT_USAGE)
    limit = int(max_file_size * 1024 * 1024)
    read: list[SourceText] = []
    with progress("reading", "sources") as bar:
        for n, spec in enumerate(sources, 1):
            try:
                read.append(read_source(spec, max_bytes=limit))
            except SourceError as exc:
                fail(str(exc))
            if bar is not None and len(sources) > 1:
                bar(n, len(sources))
    into_dir = _is_dir_target(output, each)
    if each and not into_dir:
        fail("--each writes one file per source: give -o DIR", EXIT_USAGE)
    # To one file, the sources are reports of one meeting; to a directory, they are
    # grouped by the meeting each names, and a source that names none stands alone.
    groups = _groups(read, each) if into_dir else [read]
    if ident is not None and len(groups) > 1:
        fail("--id names one dialogue; the sources report several meetings", EXIT_USAGE)
    if into_dir and output is not None:
        output.mkdir(parents=True, exist_ok=True)
    try:
        _draft_groups(groups, output, when, ident, into_dir, force, keep)
    finally:
        regex.remember()


def _draft_groups(
    groups: list[list[SourceText]],
    output: Path | None,
    when: dt.date | None,
    ident: str | None,
    into_dir: bool,
    force: bool,
    keep: Path | None,
) -> None:
    from briefing.draft.assemble import draft_plain, file_name
    from briefing.draft.emit import to_yaml

    with progress("drafting", "meetings") as bar:
        for n, group in enumerate(groups, 1):
            plain = draft_plain(group, date=when, ident=ident)
            target = output / file_name(plain) if into_dir and output is not None else output
            if target is not None and target.exists() and not force:
                fail(f"{target}: already exists; give --force to replace it", EXIT_USAGE)
            if keep is not None:
                _archived(plain, group, keep)
            text = to_yaml(plain, [s.name for s in group])
            _write(text, target, force)
            if bar is not None and len(groups) > 1:
                bar(n, len(groups))


__all__ = ["draft"]
