"""The source archive: the text read from each source, kept beside the knowledge.

A knowledge file cites its sources; news pages change or vanish, so the text
that was read from each one is kept as a plain UTF-8 file in an archive
directory (`sources/` beside the knowledge file, unless `--archive DIR` or
$BRIEFING_ARCHIVE names another), at a path the source's `archive` record
gives (`DIALOGUE_ID/SOURCE_ID.txt` when this module chooses it), with the
SHA-256 of its bytes. `briefing.provenance` proves quotes against these texts.

Paths in a record are relative to the archive directory and may not leave it:
an absolute path, a `..` step or a symbolic link that points outside is
refused. Nothing here overwrites text that differs from what it would write
unless told to (`force`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import os
import re
import stat
from pathlib import Path
from typing import Any, Final, NamedTuple

from briefing.errors import size_text

ARCHIVE_ENV: Final = "BRIEFING_ARCHIVE"
#: The archive directory's name beside a knowledge file.
DEFAULT_DIR: Final = "sources"
_HEX64: Final = re.compile(r"[0-9a-f]{64}")


class ArchiveError(Exception):
    """A one-line reason an archived text cannot be used, and a hint."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Text(NamedTuple):
    """An archived file as read: where it is, its SHA-256 and its bytes."""

    path: Path
    sha256: str
    data: bytes

    @property
    def text(self) -> str:
        """The content as text; ArchiveError when it is not UTF-8 text."""
        return decode(self.data, self.path)


def root_for(knowledge_file: Path, option: Path | None = None) -> Path:
    """The archive directory: OPTION, else $BRIEFING_ARCHIVE, else `sources/` beside the file."""
    if option is not None:
        return option
    env = os.environ.get(ARCHIVE_ENV)
    if env:
        return Path(env)
    return knowledge_file.parent / DEFAULT_DIR


def default_path(dialogue_id: str, source_id: str) -> str:
    """Where a source's text goes in the archive: `DIALOGUE_ID/SOURCE_ID.txt`."""
    return f"{dialogue_id}/{source_id}.txt"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def good_hash(value: str) -> bool:
    """Whether VALUE is a SHA-256 as a record writes it: 64 hexadecimal digits."""
    return _HEX64.fullmatch(value.lower()) is not None


def now_utc() -> str:
    """The time in UTC as a record writes it; $SOURCE_DATE_EPOCH fixes it for reproducible runs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    try:
        when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    except (ValueError, OverflowError, OSError):
        when = dt.datetime.now(dt.UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


@functools.lru_cache(maxsize=256)
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def resolve(root: Path, relative: str) -> Path:
    """The file RELATIVE names in the archive at ROOT, or ArchiveError if it would leave ROOT."""
    outside = "archive paths are relative to the archive directory and stay inside it"
    if not relative.strip() or "\x00" in relative:
        raise ArchiveError("expected a path inside the archive directory, found none", outside)
    parts = [p for p in relative.replace("\\", "/").split("/") if p not in ("", ".")]
    if relative.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", relative):
        raise ArchiveError(f"'{relative}' is an absolute path", outside)
    if ".." in parts:
        raise ArchiveError(f"'{relative}' steps out of the archive directory with '..'", outside)
    # A symbolic link on the way may point elsewhere: where there is one, compare where
    # the file really is with where the archive really is.
    step = str(root)
    for part in parts:
        step = os.path.join(step, part)
        if os.path.islink(step):
            real, base = os.path.realpath(step), _real(str(root))
            if os.path.commonpath([real, base]) != base:
                raise ArchiveError(
                    f"'{relative}' leads outside the archive directory ({real})", outside
                )
    return Path(step)


def read(root: Path, relative: str, limit: int) -> Text:
    """The archived text at RELATIVE under ROOT, or ArchiveError saying why not, in one line."""
    path = resolve(root, relative)
    hint = "archive the source again with `briefing archive SOURCE --id ID`"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ArchiveError(f"no archived text at {path}", hint) from None
    except OSError as exc:
        raise ArchiveError(f"cannot read {path}: {exc.strerror or exc}", _hint(exc)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ArchiveError(f"{path} is not a regular file", hint)
        if info.st_size > limit:
            raise ArchiveError(
                f"{path} is {size_text(info.st_size)}, over the limit of {size_text(limit)}",
                "an archived article is a few KiB of text; raise --max-file-size if it is one",
            )
        # Unbuffered reads: the size fstat gave, then on to the end of a file that grew
        # (until it passes the limit).
        chunks, got, want = [], 0, info.st_size + 1
        while got <= limit:
            chunk = os.read(fd, max(want - got, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise ArchiveError(f"cannot read {path}: {exc.strerror or exc}", "check the file") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise ArchiveError(f"{path} grew over the limit of {size_text(limit)} while read", hint)
    return Text(path, sha256(data), data)


def decode(data: bytes, path: Path) -> str:
    """DATA as text, or ArchiveError when it is not UTF-8 text."""
    binary = "an archived source is the plain UTF-8 text of the article"
    if b"\x00" in data:
        raise ArchiveError(f"{path} holds binary data (NUL bytes), not text", binary)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArchiveError(
            f"{path} is not UTF-8 text (byte {exc.start} cannot be read)", binary
        ) from None


def write(root: Path, relative: str, text: str, *, force: bool = False) -> tuple[str, bool]:
    """Archive TEXT at RELATIVE under ROOT; its SHA-256, and whether the file was written.

    A file already there with the same bytes is kept as it is; one with other
    bytes is replaced only with FORCE (ArchiveError otherwise).
    """
    data = text.encode("utf-8")
    digest = sha256(data)
    path = resolve(root, relative)
    old = existing(path)
    if old == data:
        return digest, False
    if old is not None and not force:
        raise ArchiveError(
            f"{path} already holds another text (SHA-256 {sha256(old)[:12]}...)",
            "give --force to replace it; the knowledge that cites it may then need checking",
        )
    put(path, data)
    return digest, True


def existing(path: Path) -> bytes | None:
    """The bytes of the archived file at PATH, None when there is none; ArchiveError when
    something other than a regular file is there, or it cannot be read."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ArchiveError(f"cannot read {path}: {exc.strerror or exc}", _hint(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise ArchiveError(
            f"{path} is not a regular file", "move it away; the archive keeps plain text files"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArchiveError(f"cannot read {path}: {exc.strerror or exc}", _hint(exc)) from None


def _hint(exc: OSError) -> str:
    return "check its permissions" if isinstance(exc, PermissionError) else "check the path"


def restore(root: Path, relative: str, data: bytes | None) -> None:
    """Put back what was at RELATIVE before a write: DATA, or no file when DATA is None."""
    path = resolve(root, relative)
    with contextlib.suppress(OSError):
        if data is None:
            path.unlink()
        else:
            put(path, data)


def free_path(root: Path, relative: str, text: str) -> str:
    """RELATIVE, or the first of RELATIVE-2, -3, ... that is free or already holds TEXT."""
    data = text.encode("utf-8")
    stem, dot, suffix = relative.rpartition(".")
    if not dot:
        stem, suffix = relative, ""
    for n in range(1, 1000):
        candidate = relative if n == 1 else f"{stem}-{n}{dot}{suffix}"
        if existing(resolve(root, candidate)) in (None, data):
            return candidate
    raise ArchiveError(f"no free name for {relative} in {root}", "tidy the archive directory")


def put(path: Path, data: bytes) -> None:
    """DATA written to PATH atomically: a temporary file beside it, synced, then renamed
    (keeping the permissions of a file it replaces); ArchiveError when it cannot be."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(tmp, path)
    except BaseException as exc:
        # Failed or interrupted: no half-written text is left behind.
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ArchiveError(
                f"cannot write {path}: {exc.strerror or exc}", "check the directory"
            ) from None
        raise


def record(relative: str, digest: str, retrieved: str | None) -> dict[str, str]:
    """A source's `archive` record, in the order a file writes it."""
    out = {"path": relative, "sha256": digest}
    if retrieved:
        out["retrieved"] = retrieved
    return out


def with_record(text: str, file: str, source_id: str, fields: dict[str, str]) -> str:
    """TEXT, a knowledge file, with source SOURCE_ID's `archive` record set to FIELDS.

    Only the lines of that record change: a record already there is replaced,
    else the record is added after the source's last field, at its indentation.
    Comments and everything else stay as written. ArchiveError when the source is
    not found or is written in flow style (`{id: ..., title: ...}`).
    """
    from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

    from briefing.parse.compose import compose

    def get(node: object, key: str) -> tuple[ScalarNode, Node] | None:
        if isinstance(node, MappingNode):
            for k, v in node.value:
                if isinstance(k, ScalarNode) and k.value == key:
                    return k, v
        return None

    top = compose(text, file)
    dialogue = get(top, "dialogue")
    sources = get(dialogue[1], "sources") if dialogue else None
    items = sources[1].value if sources and isinstance(sources[1], SequenceNode) else []
    item = next(
        (
            n
            for n in items
            if (found := get(n, "id")) and getattr(found[1], "value", None) == source_id
        ),
        None,
    )
    if not isinstance(item, MappingNode):
        raise ArchiveError(
            f"{file}: no source with id '{source_id}'", "give the id of one of `dialogue.sources`"
        )
    if item.flow_style:
        raise ArchiveError(
            f"{file}:{item.start_mark.line + 1}: source '{source_id}' is written in flow style",
            "write it as a block mapping, one field per line, then archive it",
        )
    newline = "\r\n" if "\r\n" in text else "\n"
    # Lines as YAML counts them (a line feed ends one), each with its own ending.
    lines = [line for line in re.split(r"(?<=\n)", text) if line]
    first_key = item.value[0][0]
    indent = " " * first_key.start_mark.column
    old = get(item, "archive")
    if old is not None and isinstance(old[1], MappingNode) and not old[1].flow_style:
        edited = _edit_in_place(old[1], fields, lines, newline, get)
        if edited is not None:
            return "".join(edited)
    block = [f"{indent}archive:{newline}"] + [
        f"{indent}  {key}: {_double_quoted(value)}{newline}" for key, value in fields.items()
    ]
    if old is not None:
        start, end = old[0].start_mark.line, _end_line(old[1], lines)
    else:
        start = end = _end_line(item.value[-1][1], lines)
    if start > 0 and start == len(lines) and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    return "".join(lines[:start] + block + lines[end:])


def _edit_in_place(
    record: Any, fields: dict[str, str], lines: list[str], newline: str, get: Any
) -> list[str] | None:
    """LINES with the values of RECORD's keys set to FIELDS, comments and all else kept;
    None when a value is not a scalar on one line (then the record is rewritten whole)."""
    from yaml.nodes import ScalarNode

    edits: list[tuple[int, int, int, str]] = []
    added: list[str] = []
    for key, value in fields.items():
        found = get(record, key)
        if found is None:
            added.append(key)
            continue
        node = found[1]
        if not isinstance(node, ScalarNode) or node.start_mark.line != node.end_mark.line:
            return None
        line = node.start_mark.line
        edits.append((line, node.start_mark.column, node.end_mark.column, _double_quoted(value)))
    out = list(lines)
    for line, start, end, value in sorted(edits, reverse=True):
        out[line] = out[line][:start] + value + out[line][end:]
    if added:
        indent = " " * record.value[0][0].start_mark.column
        at = _end_line(record.value[-1][1], out)
        if at == len(out) and out and not out[-1].endswith("\n"):
            out[-1] += newline
        out[at:at] = [f"{indent}{key}: {_double_quoted(fields[key])}{newline}" for key in added]
    return out


def _end_line(node: object, lines: list[str]) -> int:
    """The index of the first line after NODE's value (blank lines after it not included)."""
    mark = node.end_mark  # type: ignore[attr-defined]
    if mark.column > 0:
        return int(mark.line) + 1
    end = int(mark.line)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    return end


def _double_quoted(value: str) -> str:
    """VALUE as a double-quoted YAML scalar (JSON's escapes are YAML's)."""
    import json

    return json.dumps(value)
