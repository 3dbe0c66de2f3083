"""An index of the knowledge files in SQLite, beside the cache: which dialogues a query needs.

The YAML files stay the only truth. The index records, per file, its size,
modification time and cache key (a hash of its bytes), whether it is valid, the
meeting it holds (id, title, place, date), every name its people and parties
may be called by, and the words of its searchable text. A command that asks a
selective question (`quotes --speaker`, `commitments --party`, `search`) finds
the files that can answer in the index, builds only those dialogues (from the
content-keyed cache, as the full load does), and stands in for every other
dialogue with its meeting alone: the views see the same meetings in the same
order and the same records wherever one can match, so their output is the same.

Kept up to date on every use: a file whose size and modification time are
unchanged is not read; a changed one is read and, when its bytes changed,
indexed again alone; a file gone drops out. A file written within the last
seconds is checked again next time (a second edit may keep its size and time).
One transaction per update, WAL, and a wait for a writer's lock keep concurrent
runs safe. A database that is not ours, of another format or corrupt is removed
and built again; a location that cannot be written only costs speed: every
failure answers None, and the command takes the full path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from briefing import cache, load
from briefing.errors import DataError
from briefing.index.ask import Index, Narrow, gather, listings
from briefing.index.store import (
    APPLICATION_ID,
    AUTO_MIN_FILES,
    FORMAT,
    INDEX_ENV,
    Refresh,
    connect,
    index_path,
    mode,
    refresh,
    remove,
)
from briefing.model import Knowledge

if TYPE_CHECKING:
    import sqlite3

    from briefing.records import Listing

T = TypeVar("T")
#: A question put to an up-to-date index: its connection, the files and their absolute
#: paths, and the cache; None when the index cannot answer it.
Ask = Callable[
    ["sqlite3.Connection", Sequence[str], Sequence[str], "cache.Store | None"], "T | None"
]


def _answer(data: Sequence[Path], ask: Ask[T], *, limit: int, use_cache: bool) -> T | None:
    """ASK's answer from the index of DATA, brought up to date first; None when the index is
    off, the data too small to need it, or anything fails (the full load then answers)."""
    setting = mode()
    if setting == "off":
        return None
    try:
        listed = load.listed_paths(data)
    except DataError:
        return None
    files = [file for file, _ in listed]
    if setting == "auto" and len(files) < AUTO_MIN_FILES:
        return None
    where = index_path(data)
    if where is None:
        return None
    import sqlite3

    store = cache.open_store() if use_cache else None
    absolute = [path for _, path in listed]
    for attempt in (1, 2):
        conn = connect(where)
        if conn is None:
            return None
        corrupt = False
        try:
            done = refresh(conn, listed, limit, store)
            if done is None or not done.ok:
                return None
            # One read transaction: the question and the rows it picks see the same state of
            # the index, whatever another run writes meanwhile; checked again inside it.
            with conn:
                conn.execute("BEGIN")
                row = conn.execute("SELECT value FROM meta WHERE key = 'checked'").fetchone()
                if row is None or row[0] != "1":
                    return None
                return ask(conn, files, absolute, store)
        except sqlite3.OperationalError:
            return None  # locked past the wait, or unwritable midway: the files still answer
        except sqlite3.DatabaseError:
            corrupt = True  # corrupt beyond its header: made anew, once
        except UnicodeError:
            return None  # a file name SQLite cannot hold (not UTF-8): the files still answer
        finally:
            conn.close()
        if corrupt and attempt == 1:
            remove(where)  # only once its connection is closed
        else:
            return None
    return None  # pragma: no cover - the loop returns


def knowledge_for(
    data: Sequence[Path],
    narrow: Narrow,
    *,
    limit: int,
    dialogue: str | None = None,
    use_cache: bool = True,
) -> Knowledge | None:
    """The knowledge a narrowed question needs, or None: then load everything.

    Dialogues in the files NARROW names (and the one named by --dialogue) are built
    in full; every other stands in with its meeting alone.
    """

    def ask(
        conn: sqlite3.Connection,
        files: Sequence[str],
        absolute: Sequence[str],
        store: cache.Store | None,
    ) -> Knowledge | None:
        return gather(conn, files, absolute, narrow(Index(conn)), dialogue, limit, store)

    return _answer(data, ask, limit=limit, use_cache=use_cache)


def listings_for(data: Sequence[Path], *, limit: int) -> list[Listing] | None:
    """What `dialogues` lists of every meeting, from the index alone; None as above."""
    return _answer(
        data,
        lambda conn, files, absolute, _: listings(conn, files, absolute),
        limit=limit,
        use_cache=True,
    )


__all__ = [
    "APPLICATION_ID",
    "AUTO_MIN_FILES",
    "FORMAT",
    "INDEX_ENV",
    "Index",
    "Narrow",
    "Refresh",
    "connect",
    "index_path",
    "knowledge_for",
    "listings_for",
    "refresh",
]
