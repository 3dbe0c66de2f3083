"""A content-keyed cache of validated knowledge files, one JSON entry per file.

Entries are keyed on a hash of the file's bytes, the schema version, the tool
version and the loader's own code, so an edit is seen even when it keeps the
size and modification time, and a changed loader never reads entries that an
older one wrote. Entries are JSON (never pickle: loading a pickle runs code).
Anything wrong with the cache costs speed, never a result: unreadable or
corrupt entries are ignored, and a directory that cannot be written is skipped.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os

try:
    # The same C code as hashlib.blake2b, without loading OpenSSL at start-up.
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - every CPython build has _blake2
    from hashlib import blake2b
from pathlib import Path
from typing import Any, Final

from briefing import __version__
from briefing.model import SCHEMA_VERSION

CACHE_ENV: Final = "BRIEFING_CACHE_DIR"
_FORMAT: Final = 2


def cache_dir() -> Path | None:
    """$BRIEFING_CACHE_DIR, else $XDG_CACHE_HOME/briefing, else ~/.cache/briefing.

    None when there is no home directory to put it in.
    """
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "briefing"
    try:
        return Path.home() / ".cache" / "briefing"
    except (RuntimeError, KeyError, OSError):
        return None


@functools.cache
def _code_stamp() -> str:
    # The spec, and the size and modification time of every module of the
    # package: cheap to read, different whenever the format or the code that
    # reads it changes, and a new module is covered without being listed.
    from briefing import schema

    digest = blake2b(schema.fingerprint().encode(), digest_size=6)
    package = Path(__file__).resolve().parent
    stack = [package]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:  # pragma: no cover - the package directory is always readable
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and not entry.name.startswith((".", "_")):
                stack.append(Path(entry.path))
            elif entry.name.endswith(".py"):
                info = entry.stat()
                name = os.path.relpath(entry.path, package)
                digest.update(f"{name}:{info.st_size}:{info.st_mtime_ns};".encode())
    return digest.hexdigest()


def key_for(data: bytes) -> str:
    """The cache key of a knowledge file's bytes."""
    digest = blake2b(data, digest_size=20).hexdigest()
    return f"{digest}-s{SCHEMA_VERSION}-v{__version__}-f{_FORMAT}-c{_code_stamp()}"


class Store:
    """Reads and writes entries in one cache directory."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory or Path()
        self.usable = directory is not None
        self.writable = self.usable
        self.made = False

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def get(self, key: str) -> tuple[dict[str, Any], dict[str, list[int]]] | None:
        """The plain form and the marks of its located fields stored under KEY, or None."""
        if not self.usable:
            return None
        try:
            with open(self._path(key), "rb") as fh:
                entry = json.loads(fh.read())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        plain, marks = entry.get("plain"), entry.get("marks")
        if not isinstance(plain, dict) or not isinstance(marks, dict):
            return None
        return plain, marks

    def get_value(self, key: str) -> Any:
        """The value stored under KEY by `put_value`, or None."""
        if not self.usable:
            return None
        try:
            with open(self._path(key), "rb") as fh:
                entry = json.loads(fh.read())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        return entry.get("value")

    def put(self, key: str, plain: dict[str, Any], marks: dict[str, tuple[int, int]]) -> None:
        self._write(key, {"key": key, "plain": plain, "marks": marks})

    def put_value(self, key: str, value: Any) -> None:
        """Store VALUE (JSON-ready) under KEY."""
        self._write(key, {"key": key, "value": value})

    def _write(self, key: str, entry: dict[str, Any]) -> None:
        if not self.writable:
            return
        try:
            if not self.made:
                # Owner-only: entries hold the text of the knowledge files.
                self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
                self.made = True
            # A name of our own (no tempfile import on the start-up path);
            # O_EXCL refuses an existing file or link, and 0o600 keeps it private.
            tmp = str(self.directory / f".tmp-{os.getpid()}-{key}.json")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError:
            self.writable = False
            return
        try:
            # dumps, not dump: dump encodes piece by piece in Python, several
            # times slower than the one-shot C encoder. ASCII output (non-ASCII
            # as \u escapes) turns into bytes without a second encoding pass.
            text = json.dumps(
                entry,
                check_circular=False,
                separators=(",", ":"),
            )
            with os.fdopen(fd, "wb") as fh:
                fh.write(text.encode("ascii"))
            os.replace(tmp, self._path(key))
        except BaseException as exc:
            # Interrupted or failed: leave no half-written entry behind.
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if not isinstance(exc, OSError):
                raise
            self.writable = False


def open_store() -> Store:
    """The store in the cache directory (one that does nothing when there is none)."""
    return Store(cache_dir())


__all__ = ["CACHE_ENV", "Store", "blake2b", "cache_dir", "key_for", "open_store"]
