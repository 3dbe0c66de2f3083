"""A content-keyed cache of validated knowledge files, one JSON entry per file.

Entries are keyed on a hash of the file's bytes, the schema version and the
tool version, so an edit is seen even when it keeps the size and modification
time. Entries are JSON (never pickle: loading a pickle runs code). Anything
wrong with the cache costs speed, never a result: unreadable or corrupt
entries are ignored, and a directory that cannot be written is skipped.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from hashlib import blake2b
from pathlib import Path
from typing import Any, Final

from briefing import __version__
from briefing.model import SCHEMA_VERSION

CACHE_ENV: Final = "BRIEFING_CACHE_DIR"
_FORMAT: Final = 1


def cache_dir() -> Path:
    """$BRIEFING_CACHE_DIR, else $XDG_CACHE_HOME/briefing, else ~/.cache/briefing."""
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "briefing"


def key_for(data: bytes) -> str:
    digest = blake2b(data, digest_size=20).hexdigest()
    return f"{digest}-s{SCHEMA_VERSION}-v{__version__}-f{_FORMAT}"


class Store:
    """Reads and writes entries in one cache directory."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.writable = True

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            with open(self._path(key), "rb") as fh:
                entry = json.loads(fh.read())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        plain = entry.get("plain")
        return plain if isinstance(plain, dict) else None

    def put(self, key: str, plain: dict[str, Any]) -> None:
        if not self.writable:
            return
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
        except OSError:
            self.writable = False
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"key": key, "plain": plain}, fh, ensure_ascii=False)
            os.replace(tmp, self._path(key))
        except BaseException as exc:
            # Interrupted or failed: leave no half-written entry behind.
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if not isinstance(exc, OSError):
                raise
            self.writable = False


def open_store() -> Store:
    return Store(cache_dir())
