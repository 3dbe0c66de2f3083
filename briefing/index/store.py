"""The index's database: its tables, opening it safely, and bringing it up to date."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from briefing import cache, load
from briefing.build import build_dialogue
from briefing.errors import DataError
from briefing.match import fold, person_names
from briefing.model import Commitment, Dialogue, Evidence, Progress, forget
from briefing.records import listing

if TYPE_CHECKING:
    # Imported where used: only commands that ask the index load SQLite.
    import sqlite3

#: "off" never uses the index, "on" always; unset or "auto" uses it for larger data.
INDEX_ENV: Final = "BRIEFING_INDEX"
#: In "auto" mode, data of fewer files than this is loaded whole: it is quick anyway.
AUTO_MIN_FILES: Final = 20
#: 'brfx': what `PRAGMA application_id` holds in an index of ours.
APPLICATION_ID: Final = 0x62726678
#: The layout of the tables (`PRAGMA user_version`); another value is rebuilt.
FORMAT: Final = 3
#: A file modified this recently is read again next time, whatever its size and time.
RACY_NS: Final = 2_000_000_000
#: How long to wait for another run's write before giving up (the full path answers).
BUSY_MS: Final = 10_000

_SCHEMA: Final = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE files(fid INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
    " size INTEGER NOT NULL, mtime INTEGER NOT NULL, key TEXT NOT NULL, ok INTEGER NOT NULL,"
    " did TEXT, title TEXT, location TEXT, date TEXT, review TEXT, ordinal INTEGER,"
    " series TEXT, links INTEGER NOT NULL DEFAULT 0, linkdata TEXT, date_note TEXT,"
    " n_participants INTEGER, n_topics INTEGER, n_commitments INTEGER, n_interests INTEGER,"
    " n_quotes INTEGER)",
    "CREATE TABLE names(form TEXT NOT NULL, fid INTEGER NOT NULL, person INTEGER NOT NULL)",
    "CREATE INDEX names_form ON names(form)",
    "CREATE INDEX names_fid ON names(fid)",
    # Each topic's folded id and name, and each word of them: what a topic prefix may start.
    "CREATE TABLE topics(form TEXT NOT NULL, fid INTEGER NOT NULL)",
    "CREATE INDEX topics_form ON topics(form)",
    "CREATE INDEX topics_fid ON topics(fid)",
)
_WORDS_TABLE: Final = (
    "CREATE VIRTUAL TABLE words USING fts5(body, tokenize='unicode61 remove_diacritics 0')"
)
_WORD: Final = re.compile(r"\w+")
#: The non-ASCII letters that match an ASCII letter when case is ignored (`re.IGNORECASE`).
_ASCII_FOLD: Final = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))
_NO_EVIDENCE: Final = Evidence("", "")


class Refresh(NamedTuple):
    """What one update of the index did."""

    #: Files read (their size or time changed), and of those, files indexed again.
    read: int
    indexed: int
    removed: int
    #: Every file valid, dialogue ids unique and links between dialogues sound.
    ok: bool


def mode() -> str:
    """'off', 'on' or 'auto', from $BRIEFING_INDEX."""
    value = os.environ.get(INDEX_ENV, "").strip().lower()
    if value in ("0", "off", "no", "false", "never"):
        return "off"
    if value in ("1", "on", "yes", "true", "always"):
        return "on"
    return "auto"


def index_path(roots: Sequence[Path]) -> Path | None:
    """The index of the data at ROOTS: one database per data location, in the cache directory."""
    directory = cache.cache_dir()
    if directory is None:
        return None
    places = "\0".join(os.path.abspath(p) for p in roots)
    name = cache.blake2b(places.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return directory / "index" / f"{name}.sqlite"


def _stamp() -> str:
    # The cache key of nothing carries the schema, tool and code versions; names are
    # folded with the interpreter's Unicode tables.
    return f"{cache.key_for(b'')}-py{sys.version_info[0]}.{sys.version_info[1]}-{FORMAT}"


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


def has_words(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'words'").fetchone()
    return row is not None


def _create(conn: sqlite3.Connection) -> None:
    import sqlite3

    with conn:
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT:
            return  # another run made it meanwhile
        for statement in _SCHEMA:
            conn.execute(statement)
        with contextlib.suppress(sqlite3.OperationalError):  # no FTS5: search is not routed
            conn.execute(_WORDS_TABLE)
        conn.execute("INSERT INTO meta VALUES ('stamp', ?), ('checked', '0')", (_stamp(),))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {FORMAT}")


def _open(path: Path) -> sqlite3.Connection:
    """The index at PATH, made when missing; sqlite3.DatabaseError when not usable as ours."""
    import sqlite3

    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        # Owner-only, as the cache's entries: it holds names and words of the files. SQLite
        # gives its WAL and shared-memory files the same permissions.
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        empty = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        if app_id == 0 and version == 0 and empty:
            conn.execute("PRAGMA journal_mode = WAL")
            _create(conn)
        elif app_id != APPLICATION_ID or version != FORMAT:
            raise sqlite3.DatabaseError("not an index of this format")
        conn.execute("PRAGMA synchronous = NORMAL")
        stamp = conn.execute("SELECT value FROM meta WHERE key = 'stamp'").fetchone()
        if stamp is None or stamp[0] != _stamp():
            # Written by another version: everything is indexed again.
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("DELETE FROM files")
                conn.execute("DELETE FROM names")
                conn.execute("DELETE FROM topics")
                if has_words(conn):
                    conn.execute("DELETE FROM words")
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (_stamp(),))
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('checked', '0')")
    except BaseException:
        conn.close()
        raise
    return conn


def connect(path: Path) -> sqlite3.Connection | None:
    """The index at PATH; one that is foreign or corrupt is removed and made anew; None when
    the location cannot hold one."""
    import sqlite3

    for attempt in (1, 2):
        try:
            return _open(path)
        except sqlite3.DatabaseError as exc:
            if attempt == 2 or (isinstance(exc, sqlite3.OperationalError) and _locked(exc)):
                return None
            if isinstance(exc, sqlite3.OperationalError) and not _foreign(path):
                return None  # cannot open or write there: only speed is lost
            remove(path)
        except OSError:
            return None
    return None  # pragma: no cover - the loop returns


def _locked(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _foreign(path: Path) -> bool:
    """True when PATH exists and is something other than a usable index of ours."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError:
        return False
    if not head.startswith(b"SQLite format 3\0") or len(head) < 100:
        return bool(head)
    app_id = int.from_bytes(head[68:72], "big")
    version = int.from_bytes(head[60:64], "big")
    return app_id != APPLICATION_ID or version != FORMAT


# --------------------------------------------------------------------------
# Updating


class _Entry(NamedTuple):
    fid: int
    size: int
    mtime: int
    key: str


def _record(d: Dialogue) -> tuple[Any, ...]:
    """The meeting columns of D's row."""
    links = bool(d.series or d.progress or any(c.follows for c in d.commitments))
    linkdata = json.dumps(
        {
            "c": [[c.id, list(c.follows)] for c in d.commitments],
            "p": [[p.commitment, p.date.isoformat()] for p in d.progress],
        },
        separators=(",", ":"),
    )
    date = d.date.isoformat() if d.date is not None else None
    shown = listing(d)
    counts = (shown.n_participants, shown.n_topics, shown.n_commitments, shown.n_interests)
    return (
        d.id, d.title, d.location, date, d.review, d.ordinal, d.series, int(links), linkdata,
        d.date_note, *counts, shown.n_quotes,
    )  # fmt: skip


def _topics(d: Dialogue) -> set[str]:
    """The folded id and name of each topic of D, and each of their words."""
    forms = {fold(f) for t in d.topics for f in (t.id, t.name)}
    return forms | {w for f in forms for w in f.split()}


def _names(d: Dialogue) -> set[tuple[str, int]]:
    """Every folded form by which a person (1) or a party (0) of D may be named."""
    found = {(form, 1) for p in d.participants for form in person_names(p)}
    found |= {(fold(p.id), 0) for p in d.parties} | {(fold(p.name), 0) for p in d.parties}
    return found


def _words(d: Dialogue) -> str:
    """The distinct word starts of D's searchable text, ASCII letters in lower case."""
    from briefing.search import searchable

    text = " ".join(h.haystack for h in searchable(d))
    if not text.isascii():
        for letter, ascii_letter in _ASCII_FOLD:
            if letter in text:
                text = text.replace(letter, ascii_letter)
    return " ".join(sorted(set(_WORD.findall(text.lower()))))


def from_cache(store: cache.Store | None, key: str, file: str) -> Dialogue | None:
    """FILE's dialogue from the cache entry under KEY; None when there is none, or one of the
    wrong shape (then, as the full load does, the file is parsed)."""
    if store is not None:
        hit = store.get(key)
        if hit is not None:
            with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError, IndexError):
                return build_dialogue(hit[0], file)
    return None


def _built(data: bytes, file: str, key: str, store: cache.Store | None) -> Dialogue:
    """FILE's dialogue: from its cache entry, else (no entry, or one of the wrong shape, as
    the full load treats it) parsed from DATA; DataError when the file has a problem."""
    cached = from_cache(store, key, file)
    if cached is not None:
        return cached
    plain, marks = load.parse_file(data, file)
    if store is not None:
        store.put(key, plain, marks)
    return build_dialogue(plain, file)


def refresh(
    conn: sqlite3.Connection,
    listed_files: Sequence[tuple[str, str]],
    limit: int,
    store: cache.Store | None,
) -> Refresh | None:
    """Bring the index up to date with the files `load.listed_paths` gives (each as named
    and its absolute path); None when one cannot be read as the full load would read it
    (that load then says why)."""
    # Rows as the database gives them (fid, size, mtime, key), keyed by path: a named
    # tuple a file costs more than the look-up does in a large archive.
    known: dict[str, tuple[int, int, int, str]] = {
        row[0]: row[1:] for row in conn.execute("SELECT path, fid, size, mtime, key FROM files")
    }
    now = time.time_ns()
    changed: list[tuple[str, str, int, int]] = []
    listed: set[str] = set()
    for file, path in listed_files:
        listed.add(path)
        try:
            info = os.stat(file)
        except OSError:
            return None
        if info.st_size > limit:
            return None
        old = known.get(path)
        if old is None or old[1] != info.st_size or old[2] != info.st_mtime_ns:
            # Recently written: its size and time may not show a second edit; look again.
            size = -1 if now - info.st_mtime_ns < RACY_NS else info.st_size
            changed.append((path, os.fspath(file), size, info.st_mtime_ns))
    removed = [known[p][0] for p in known.keys() - listed]
    if not changed and not removed:
        row = conn.execute("SELECT value FROM meta WHERE key = 'checked'").fetchone()
        return Refresh(0, 0, 0, row is not None and row[0] == "1")
    stat_only: list[tuple[int, int, str, str]] = []
    # What each file's rows hold, made as it is read and written a batch at a time, each
    # batch in a transaction of its own: a first build of a large archive holds one batch.
    batch: list[_Rows] = []
    indexed = 0
    fts = has_words(conn)
    for path, file, size, mtime in changed:
        try:
            data = load._read_bytes(Path(file), limit)
        except DataError:
            return None
        key = cache.key_for(data)
        old = known.get(path)
        if old is not None and old[3] == key:
            stat_only.append((size, mtime, path, key))
            continue
        try:
            d = _built(data, file, key, store)
        except DataError:
            # Recorded as invalid: queries take the full path, which says why.
            batch.append((path, size, mtime, key, False, None, set(), set(), ""))
        else:
            batch.append(
                (path, size, mtime, key, True, _record(d), _names(d), _topics(d), _words(d))
            )
            forget(d)  # its lookups would keep it alive
        if len(batch) == BATCH:
            _write(conn, batch, fts)
            indexed += len(batch)
            batch = []
    indexed += len(batch)
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        _put(conn, batch, fts)
        # Files gone, as the table holds them now (another run may have written meanwhile).
        for fid, path in conn.execute("SELECT fid, path FROM files").fetchall():
            if path not in listed:
                _drop(conn, fid, fts)
        # Only onto the row of the bytes read (another run may have indexed newer ones): the
        # time was taken before the read, so a row never holds a time newer than its bytes.
        conn.executemany(
            "UPDATE files SET size = ?, mtime = ? WHERE path = ? AND key = ?", stat_only
        )
        ok = _check(conn)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('checked', ?)", ("1" if ok else "0",))
    return Refresh(len(changed), indexed, len(removed), ok)


#: A file's rows: path, size, mtime, key, valid, meeting columns, names, topics, words.
_Rows = tuple[str, int, int, str, bool, Any, set[tuple[str, int]], set[str], str]
#: How many files' rows are written in one transaction while an archive is indexed.
BATCH: Final = 200


def _write(
    conn: sqlite3.Connection,
    batch: list[_Rows],
    fts: bool,
) -> None:
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        # Unchecked until the last transaction checks the whole: a run stopped between
        # batches leaves an index no later run trusts without checking it again.
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('checked', '0')")
        _put(conn, batch, fts)


def _put(
    conn: sqlite3.Connection,
    batch: list[_Rows],
    fts: bool,
) -> None:
    """BATCH's rows in place of the files' old ones, in the open transaction."""
    for path, size, mtime, key, valid, record, names, topics, words in batch:
        # The file's row as the table holds it now (another run may have indexed it
        # meanwhile, under another id): the path is unique, so replace it.
        row = conn.execute("SELECT fid FROM files WHERE path = ?", (path,)).fetchone()
        if row is not None:
            _drop(conn, row[0], fts)
        columns = record if record is not None else (None,) * 7 + (0,) + (None,) * 7
        cursor = conn.execute(
            "INSERT INTO files(path, size, mtime, key, ok, did, title, location, date,"
            " review, ordinal, series, links, linkdata, date_note, n_participants,"
            " n_topics, n_commitments, n_interests, n_quotes)"
            f" VALUES ({', '.join('?' * 20)})",
            (path, size, mtime, key, int(valid), *columns),
        )
        made = cursor.lastrowid
        conn.executemany(
            "INSERT INTO names VALUES (?, ?, ?)", [(f, made, p) for f, p in sorted(names)]
        )
        conn.executemany("INSERT INTO topics VALUES (?, ?)", [(f, made) for f in sorted(topics)])
        if fts and valid:
            conn.execute("INSERT INTO words(rowid, body) VALUES (?, ?)", (made, words))


def _drop(conn: sqlite3.Connection, fid: int, fts: bool) -> None:
    conn.execute("DELETE FROM files WHERE fid = ?", (fid,))
    conn.execute("DELETE FROM names WHERE fid = ?", (fid,))
    conn.execute("DELETE FROM topics WHERE fid = ?", (fid,))
    if fts:
        conn.execute("DELETE FROM words WHERE rowid = ?", (fid,))


def _check(conn: sqlite3.Connection) -> bool:
    """Whether the whole data would load without a problem: every file valid, no dialogue id
    twice, and the links between dialogues sound (checked as the full load checks them)."""
    if conn.execute("SELECT 1 FROM files WHERE ok = 0 LIMIT 1").fetchone() is not None:
        return False
    twice = "SELECT 1 FROM files GROUP BY did HAVING count(*) > 1 LIMIT 1"
    if conn.execute(twice).fetchone() is not None:
        return False
    if conn.execute("SELECT 1 FROM files WHERE links = 1 LIMIT 1").fetchone() is None:
        return True
    from briefing import links

    light = [
        _light(path, did, date, ordinal, series, linkdata)
        for path, did, date, ordinal, series, linkdata in conn.execute(
            "SELECT path, did, date, ordinal, series, linkdata FROM files"
        )
    ]
    # Problems are only counted here; the full load finds them again and says where.
    return not links.problems(light, {d.id: {} for d in light})


def _light(
    path: str, did: str, date: str | None, ordinal: int | None, series: str | None, data: str
) -> Dialogue:
    """A dialogue holding what the checks of links read: commitment ids, links and dates."""
    parsed = json.loads(data)
    commitments = tuple(
        Commitment(
            cid, "", (), None, (), "plan", None, None, None, None, (), _NO_EVIDENCE, tuple(f)
        )
        for cid, f in parsed["c"]
    )
    progress = tuple(
        Progress(target, dt.date.fromisoformat(day), "agreed", "", _NO_EVIDENCE)
        for target, day in parsed["p"]
    )
    return meeting_only(did, "", "", date, None, ordinal, path)._replace(
        series=series, commitments=commitments, progress=progress
    )


def meeting_only(
    did: str,
    title: str,
    location: str,
    date: str | None,
    review: str | None,
    ordinal: int | None,
    path: str,
) -> Dialogue:
    """A dialogue that holds its meeting only (what a view's header names), no records."""
    day = dt.date.fromisoformat(date) if date else None
    return Dialogue(
        did, title, ordinal, None, day, None, None, location,
        (), (), (), (), (), (), (), (), (), (), path, review,
    )  # fmt: skip
