"""Knowledge files to the model: where the data is, reading files safely, and the cache.

A file whose validated plain form is in the cache never reaches the parser:
`briefing.parse` (and PyYAML with it) is imported only for files that are new
or changed. The parser validates a file against the spec in `briefing.schema`
and returns its plain, JSON-ready form; that form is what the cache stores, so a
cached load and a fresh load build the model through the same function
(`briefing.build.build_dialogue`).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final, NoReturn

from briefing import cache
from briefing.build import build_dialogue
from briefing.errors import DEFAULT_MAX_FILE_MIB, MIB, DataError, Problem, fail, size_text
from briefing.model import Dialogue, Knowledge, day_key

DATA_ENV: Final = "BRIEFING_DATA"
MAX_SIZE_ENV: Final = "BRIEFING_MAX_FILE_SIZE"
KNOWLEDGE_SUFFIXES: Final = (".yaml", ".yml")

Plain = dict[str, Any]
Progress = Callable[[int, int], None]
#: A 1-based (line, column).
Position = tuple[int, int]
#: Where each located field of a file is, by path (see `briefing.schema.Field.located`).
Marks = dict[str, Position]


def bundled_data() -> Path:
    """The knowledge file shipped with the package (inside the wheel or the checkout)."""
    here = Path(__file__).resolve().parent
    inside = here / "data" / "dialogue.yaml"
    return inside if inside.exists() else here.parent / "data" / "dialogue.yaml"


def resolve_data(option: Sequence[Path] | Path | None) -> list[Path]:
    """--data (each time it is given), else $BRIEFING_DATA, else the bundled knowledge file."""
    if isinstance(option, Path):
        return [option]
    if option:
        return list(option)
    env = os.environ.get(DATA_ENV)
    return [Path(env) if env else bundled_data()]


def shown(paths: Sequence[Path] | Path) -> str:
    """Where data was read, as messages name it."""
    return str(paths) if isinstance(paths, Path) else ", ".join(str(p) for p in paths)


def max_file_bytes(option_mib: float | None = None) -> int:
    """The size limit in bytes: the option, else $BRIEFING_MAX_FILE_SIZE, else the default.

    A value that is not a number of MiB (negative, NaN, text) falls back to the
    default; an infinite one means no limit.
    """
    if option_mib is None:
        env = os.environ.get(MAX_SIZE_ENV, "")
        try:
            option_mib = float(env) if env else DEFAULT_MAX_FILE_MIB
        except ValueError:
            option_mib = DEFAULT_MAX_FILE_MIB
    if math.isnan(option_mib) or option_mib < 0:
        option_mib = DEFAULT_MAX_FILE_MIB
    if math.isinf(option_mib):
        return sys.maxsize
    return min(int(option_mib * MIB), sys.maxsize)


def _unreadable(path: Path, exc: OSError) -> NoReturn:
    if isinstance(exc, FileNotFoundError):
        fail(path, "no such file or directory", "check the path, or set --data / $BRIEFING_DATA")
    if isinstance(exc, PermissionError):
        fail(path, "permission denied", "check its permissions")
    fail(path, f"cannot read: {exc.strerror or exc}", "check the path")


def knowledge_files(path: Path) -> list[Path]:
    """The knowledge files at PATH: the file itself, or the *.yaml and *.yml files of a
    directory and its subdirectories (hidden ones left out), in order of their paths."""
    return [Path(file) for file, *_ in _knowledge_entries(path)]


def _knowledge_entries(path: Path) -> list[tuple[str, bool, str, str]]:
    """`knowledge_files` as strings, each with whether it is a symbolic link, its folder and
    its name."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        _unreadable(path, exc)
    if stat.S_ISDIR(mode):
        files: list[tuple[tuple[str, ...], str, bool, str]] = []
        try:
            _walk(os.fspath(path), (), files)
        except OSError as exc:
            _unreadable(path, exc)
        if not files:
            fail(
                path,
                "no knowledge files (*.yaml, *.yml) in this directory or below it",
                "give a knowledge file, or a directory that holds some",
            )
        return [(p, link, folder, key[-1]) for key, p, link, folder in sorted(files)]
    if not stat.S_ISREG(mode):
        fail(
            path,
            f"is {_special_kind(mode)}, not a knowledge file",
            "give a .yaml file or a directory",
        )
    folder, name = os.path.split(path)
    return [(os.fspath(path), os.path.islink(path), folder, name)]


def _walk(
    folder: str,
    within: tuple[str, ...],
    found: list[tuple[tuple[str, ...], str, bool, str]],
) -> None:
    """The knowledge files under FOLDER into FOUND, as os.walk would find them (symbolic links
    to folders not followed, hidden folders left out), from one scandir a folder: a file's
    kind comes with its name, without a stat of its own. An unreadable folder raises."""
    with os.scandir(folder) as listing:
        entries = list(listing)
    folders = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        name = entry.name
        if is_dir:
            if not name.startswith("."):
                folders.append(entry)
            continue
        # Path.suffix, without a Path per name: from the last dot, not a leading one.
        dot = name.rfind(".")
        if dot > 0 and name[dot:] in KNOWLEDGE_SUFFIXES:
            try:
                regular = entry.is_file()
                link = entry.is_symlink()
            except OSError:
                continue
            if regular:
                found.append(((*within, name), entry.path, link, folder))
    for entry in sorted(folders, key=lambda e: e.name):
        try:
            link = entry.is_symlink()
        except OSError:
            link = False
        if not link:
            _walk(entry.path, (*within, entry.name), found)


def _special_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    return "a FIFO" if stat.S_ISFIFO(mode) else "a device or special file"


def load_knowledge(
    path: Path | Sequence[Path],
    *,
    use_cache: bool = True,
    max_bytes: int | None = None,
    progress: Progress | None = None,
    located: dict[str, Marks] | None = None,
    keys: dict[str, str] | None = None,
) -> Knowledge:
    """Load every dialogue at PATH; raise DataError listing all problems found.

    LOCATED, when given, receives where each dialogue's located fields are, by
    dialogue id (`validate --strict` points at review notes with them); KEYS
    receives the cache key of each dialogue's file (what `validate` keeps proofs under).
    """
    files = listed_files(path)
    knowledge, marks, found = _load_files(files, max_bytes, use_cache=use_cache, progress=progress)
    if located is not None:
        located.update(marks)
    if keys is not None:
        keys.update(found)
    return knowledge


def listed_files(path: Path | Sequence[Path]) -> list[Path]:
    """The knowledge files at PATH (each place in turn), a file named twice listed once."""
    return [Path(file) for file, _ in listed_paths(path)]


def listed_paths(path: Path | Sequence[Path]) -> list[tuple[str, str]]:
    """`listed_files` as strings, each with its absolute path: what the index keeps files by
    (a Path a file costs more than reading the index does, in a large archive)."""
    files: list[tuple[str, str]] = []
    seen: set[str] = set()
    # Each folder's real and absolute path, ending in a separator: joined to a name by
    # concatenation (os.path.join a file is most of listing a large archive).
    prefixes: dict[str, tuple[str, str]] = {}
    for place in [path] if isinstance(path, Path) else path:
        for file, link, folder, name in _knowledge_entries(place):
            # A file named twice (a folder and a file in it) is read once. Its real path is
            # its folder's real path and its name, unless the file is a link itself.
            prefix = prefixes.get(folder)
            if prefix is None:
                prefix = prefixes[folder] = (
                    os.path.join(os.path.realpath(folder or "."), ""),
                    os.path.join(os.path.abspath(folder or "."), ""),
                )
            real = os.path.realpath(file) if link else prefix[0] + name
            if real not in seen:
                seen.add(real)
                files.append((file, prefix[1] + name))
    return files


def sort_key(d: Dialogue) -> tuple[dt.date, int, str]:
    """The order of dialogues in a `Knowledge`: by date, round, then id."""
    return (day_key(d.date), d.ordinal or 0, d.id)


def _load_files(
    files: list[Path], max_bytes: int | None, *, use_cache: bool, progress: Progress | None
) -> tuple[Knowledge, dict[str, Marks], dict[str, str]]:
    limit = max_file_bytes() if max_bytes is None else max_bytes
    store = cache.open_store() if use_cache else None
    problems: list[Problem] = []
    dialogues: list[Dialogue] = []
    first_seen: dict[str, tuple[str, int, int]] = {}
    located: dict[str, Marks] = {}
    keys: dict[str, str] = {}
    for n, file in enumerate(files, 1):
        try:
            dialogue, marks, key = _load_one(file, limit, store)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        finally:
            if progress is not None:
                progress(n, len(files))
        did = dialogue.id
        line, col = marks["dialogue.id"]
        if did in first_seen:
            other = first_seen[did]
            problems.append(
                Problem(
                    str(file),
                    line,
                    col,
                    "dialogue.id",
                    f"duplicate dialogue id '{did}'"
                    f" (also used at {other[0]}:{other[1]}:{other[2]})",
                    "each dialogue needs its own id",
                )
            )
            continue
        first_seen[did] = (str(file), line, col)
        located[did] = marks
        if key:
            keys[did] = key
        dialogues.append(dialogue)
    if not problems and any(d.series or d.progress or _follows(d) for d in dialogues):
        from briefing import links  # only data that links its dialogues needs these checks

        problems = links.problems(dialogues, located)
    if problems:
        raise DataError(problems)
    dialogues.sort(key=sort_key)
    return Knowledge(tuple(dialogues)), located, keys


def _follows(d: Dialogue) -> bool:
    return any(c.follows for c in d.commitments)


def _read_bytes(file: Path, limit: int) -> bytes:
    # Opened without blocking and checked after opening, so a FIFO or device
    # swapped in for the file can neither hang the read nor be mistaken for it.
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        _unreadable(file, exc)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            fail(
                file, f"is {_special_kind(info.st_mode)}, not a knowledge file", "give a .yaml file"
            )
        if info.st_size > limit:
            _too_big(file, info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            # One byte more than the limit shows a file that grew after fstat.
            data = fh.read(limit + 1) if limit < sys.maxsize else fh.read()
    except OSError as exc:
        _unreadable(file, exc)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        _too_big(file, len(data), limit)
    return data


def _too_big(file: Path, size: int, limit: int) -> NoReturn:
    fail(
        file,
        f"file is {size_text(size)}, over the limit of {size_text(limit)}",
        "raise the limit with --max-file-size MIB or $BRIEFING_MAX_FILE_SIZE",
    )


def _load_one(file: Path, limit: int, store: cache.Store | None) -> tuple[Dialogue, Marks, str]:
    """One file's dialogue, where its located fields are, and its cache key ("" without one)."""
    data = _read_bytes(file, limit)
    key = cache.key_for(data) if store is not None else ""
    if store is not None:
        hit = store.get(key)
        if hit is not None:
            try:
                plain, stored = hit
                located = {path: (int(at[0]), int(at[1])) for path, at in stored.items()}
                return build_dialogue(plain, str(file)), located, key
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                pass  # an entry of the wrong shape: parse the file instead
    plain, marks = parse_file(data, str(file))
    dialogue = build_dialogue(plain, str(file))
    if store is not None:
        store.put(key, plain, marks)
    return dialogue, marks, key


def parse_file(data: bytes, file: str) -> tuple[Plain, Marks]:
    """Validate one knowledge file's bytes: its plain form and where its located fields are.

    Raises DataError listing every problem.
    """
    from briefing import parse  # only files missing from the cache need the parser

    parsed = parse.parse(data, file)
    return parsed.plain, parsed.marks


def parse_plain(data: bytes, file: str) -> Plain:
    """The plain form of one knowledge file's bytes, or DataError listing every problem."""
    return parse_file(data, file)[0]
