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

import contextlib
import datetime as dt
import json
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from briefing import cache, load
from briefing.build import build_dialogue
from briefing.errors import DataError
from briefing.match import bare, fold, person_names
from briefing.model import Commitment, Dialogue, Evidence, Knowledge, Progress

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
FORMAT: Final = 2
#: A file modified this recently is read again next time, whatever its size and time.
RACY_NS: Final = 2_000_000_000
#: How long to wait for another run's write before giving up (the full path answers).
BUSY_MS: Final = 10_000

_SCHEMA: Final = (
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE files(fid INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
    " size INTEGER NOT NULL, mtime INTEGER NOT NULL, key TEXT NOT NULL, ok INTEGER NOT NULL,"
    " did TEXT, title TEXT, location TEXT, date TEXT, review TEXT, ordinal INTEGER,"
    " series TEXT, links INTEGER NOT NULL DEFAULT 0, linkdata TEXT)",
    "CREATE TABLE names(form TEXT NOT NULL, fid INTEGER NOT NULL, person INTEGER NOT NULL)",
    "CREATE INDEX names_form ON names(form)",
    "CREATE INDEX names_fid ON names(fid)",
)
_WORDS_TABLE: Final = (
    "CREATE VIRTUAL TABLE words USING fts5(body, tokenize='unicode61 remove_diacritics 0')"
)
_WORD: Final = re.compile(r"\w+")
#: The non-ASCII letters that match an ASCII letter when case is ignored (`re.IGNORECASE`).
_ASCII_FOLD: Final = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))
_PLAIN_WORD: Final = re.compile(r"[A-Za-z0-9]+")
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


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")


def _fts(conn: sqlite3.Connection) -> bool:
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
                if _fts(conn):
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
            _remove(path)
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
    return (d.id, d.title, d.location, date, d.review, d.ordinal, d.series, int(links), linkdata)


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


def _absolute(files: Sequence[Path]) -> list[str]:
    """Each file's absolute path (as os.path.abspath, its folder's worked out once)."""
    folders: dict[str, str] = {}
    found = []
    for file in files:
        folder, name = os.path.split(file)
        absolute = folders.get(folder)
        if absolute is None:
            absolute = folders[folder] = os.path.abspath(folder or ".")
        found.append(os.path.join(absolute, name))
    return found


def _plain(data: bytes, file: Path, key: str, store: cache.Store | None) -> dict[str, Any]:
    if store is not None:
        hit = store.get(key)
        if hit is not None:
            return hit[0]
    plain, marks = load.parse_file(data, str(file))
    if store is not None:
        store.put(key, plain, marks)
    return plain


def refresh(
    conn: sqlite3.Connection,
    files: Sequence[Path],
    limit: int,
    store: cache.Store | None,
    absolute: Sequence[str] | None = None,
) -> Refresh | None:
    """Bring the index up to date with FILES (at ABSOLUTE, worked out when not given);
    None when one cannot be read as the full load would read it (that load then says why)."""
    known = {
        path: _Entry(fid, size, mtime, key)
        for fid, path, size, mtime, key in conn.execute(
            "SELECT fid, path, size, mtime, key FROM files"
        )
    }
    now = time.time_ns()
    changed: list[tuple[str, Path, int, int]] = []
    listed: set[str] = set()
    for file, path in zip(files, absolute or _absolute(files), strict=True):
        listed.add(path)
        try:
            info = os.stat(file)
        except OSError:
            return None
        if info.st_size > limit:
            return None
        old = known.get(path)
        if old is None or old.size != info.st_size or old.mtime != info.st_mtime_ns:
            # Recently written: its size and time may not show a second edit; look again.
            size = -1 if now - info.st_mtime_ns < RACY_NS else info.st_size
            changed.append((path, file, size, info.st_mtime_ns))
    removed = [known[p].fid for p in known.keys() - listed]
    if not changed and not removed:
        row = conn.execute("SELECT value FROM meta WHERE key = 'checked'").fetchone()
        return Refresh(0, 0, 0, row is not None and row[0] == "1")
    stat_only: list[tuple[int, int, str, str]] = []
    fresh: list[tuple[str, int, int, str, Dialogue | None]] = []
    for path, file, size, mtime in changed:
        try:
            data = load._read_bytes(file, limit)
        except DataError:
            return None
        key = cache.key_for(data)
        old = known.get(path)
        if old is not None and old.key == key:
            stat_only.append((size, mtime, path, key))
            continue
        try:
            dialogue: Dialogue | None = build_dialogue(_plain(data, file, key, store), str(file))
        except DataError:
            dialogue = None  # recorded as invalid: queries take the full path, which says why
        fresh.append((path, size, mtime, key, dialogue))
    prepared = [
        (path, size, mtime, key, d, _record(d), _names(d), _words(d))
        if d is not None
        else (path, size, mtime, key, None, None, set(), "")
        for path, size, mtime, key, d in fresh
    ]
    fts = _fts(conn)
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        gone = removed + [known[p].fid for p, *_ in fresh if p in known]
        for fid in gone:
            _drop(conn, fid, fts)
        # Another run may have indexed a file meanwhile: the path is unique, so replace it.
        for path, size, mtime, key, d, record, names, words in prepared:
            row = conn.execute("SELECT fid FROM files WHERE path = ?", (path,)).fetchone()
            if row is not None:
                _drop(conn, row[0], fts)
            columns = record if record is not None else (None,) * 7 + (0, None)
            cursor = conn.execute(
                "INSERT INTO files(path, size, mtime, key, ok, did, title, location, date,"
                " review, ordinal, series, links, linkdata)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (path, size, mtime, key, int(d is not None), *columns),
            )
            made = cursor.lastrowid
            conn.executemany(
                "INSERT INTO names VALUES (?, ?, ?)", [(f, made, p) for f, p in sorted(names)]
            )
            if fts and d is not None:
                conn.execute("INSERT INTO words(rowid, body) VALUES (?, ?)", (made, words))
        # Only onto the row of the bytes read (another run may have indexed newer ones): the
        # time was taken before the read, so a row never holds a time newer than its bytes.
        conn.executemany(
            "UPDATE files SET size = ?, mtime = ? WHERE path = ? AND key = ?", stat_only
        )
        ok = _check(conn)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('checked', ?)", ("1" if ok else "0",))
    return Refresh(len(changed), len(fresh), len(removed), ok)


def _drop(conn: sqlite3.Connection, fid: int, fts: bool) -> None:
    conn.execute("DELETE FROM files WHERE fid = ?", (fid,))
    conn.execute("DELETE FROM names WHERE fid = ?", (fid,))
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
    return _meeting(did, "", "", date, None, ordinal, path)._replace(
        series=series, commitments=commitments, progress=progress
    )


def _meeting(
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


# --------------------------------------------------------------------------
# Asking


class Index:
    """Questions the index answers: the files (by row id) that may hold what is asked.

    Each answer is a superset of the dialogues whose records the view can match;
    None means the question is not one the index can narrow safely.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _forms(self, form: str, *, people_only: bool) -> set[int] | None:
        # No match at all: the view's error names what there is, which only the whole knows.
        sql = "SELECT DISTINCT fid FROM names WHERE form = ?"
        sql += " AND person = 1" if people_only else ""
        found = {fid for (fid,) in self.conn.execute(sql, (form,))}
        return found or None

    def speaker(self, name: str) -> set[int] | None:
        """Files with a participant NAME may stand for (`match.match_person`)."""
        wanted = bare(fold(name))
        return self._forms(wanted, people_only=True) if wanted else None

    def party(self, name: str) -> set[int] | None:
        """Files with a party or participant NAME may stand for (`match.match_party`)."""
        wanted = fold(name)
        return self._forms(wanted, people_only=False) if wanted else None

    def search(self, text: str) -> set[int] | None:
        """Files whose searchable text has a word starting with each word of TEXT.

        Only plain words (ASCII letters and digits) are narrowed: for them the
        index's words are exactly what `search.word_patterns` can match.
        """
        words = text.split()
        if not words or not all(_PLAIN_WORD.fullmatch(w) for w in words) or not _fts(self.conn):
            return None
        query = " ".join(f'"{w.lower()}"*' for w in words)
        rows = self.conn.execute("SELECT rowid FROM words WHERE words MATCH ?", (query,))
        return {fid for (fid,) in rows}


Narrow = Callable[[Index], set[int] | None]


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
    setting = mode()
    if setting == "off":
        return None
    try:
        files = load.listed_files(data)
    except DataError:
        return None
    if setting == "auto" and len(files) < AUTO_MIN_FILES:
        return None
    where = index_path(data)
    if where is None:
        return None
    import sqlite3

    store = cache.open_store() if use_cache else None
    absolute = _absolute(files)
    for attempt in (1, 2):
        conn = connect(where)
        if conn is None:
            return None
        try:
            done = refresh(conn, files, limit, store, absolute)
            if done is None or not done.ok:
                return None
            return _gather(conn, files, absolute, narrow(Index(conn)), dialogue, limit, store)
        except sqlite3.OperationalError:
            return None  # locked past the wait, or unwritable midway: the files still answer
        except sqlite3.DatabaseError:
            # Corrupt beyond its header: made anew, once.
            if attempt == 2:
                return None
            _remove(where)
        finally:
            conn.close()
    return None  # pragma: no cover - the loop returns


def _gather(
    conn: sqlite3.Connection,
    files: Sequence[Path],
    absolute: Sequence[str],
    wanted: set[int] | None,
    dialogue: str | None,
    limit: int,
    store: cache.Store | None,
) -> Knowledge | None:
    if wanted is None:
        return None
    given = {path: str(f) for f, path in zip(files, absolute, strict=True)}
    dialogues: list[Dialogue] = []
    for fid, path, key, did, title, location, date, review, ordinal in conn.execute(
        "SELECT fid, path, key, did, title, location, date, review, ordinal FROM files"
    ):
        shown = given.get(path)
        if shown is None:
            return None  # pragma: no cover - refresh leaves exactly the files given
        if fid in wanted if dialogue is None else did == dialogue:
            built = _build(Path(shown), key, limit, store)
            if built is None or built.id != did:
                return None
            dialogues.append(built)
        else:
            dialogues.append(_meeting(did, title, location, date, review, ordinal, shown))
    dialogues.sort(key=load.sort_key)
    return Knowledge(tuple(dialogues))


def _build(file: Path, key: str, limit: int, store: cache.Store | None) -> Dialogue | None:
    """One dialogue in full: from the cache entry the index names, else from its file."""
    if store is not None:
        hit = store.get(key)
        if hit is not None:
            with contextlib.suppress(KeyError, TypeError, ValueError, AttributeError, IndexError):
                return build_dialogue(hit[0], str(file))
    try:
        return load._load_one(file, limit, store)[0]
    except DataError:
        return None


__all__ = ["INDEX_ENV", "Index", "Refresh", "connect", "index_path", "knowledge_for", "refresh"]
