"""The knowledge as an SQLite database, for Datasette, sqlite-utils and plain SQL.

`briefing export --sqlite FILE` (briefing.cli_export) calls `export`. The
database is built in a temporary file beside FILE and renamed over it, so a
reader never sees half an export and a failure leaves nothing behind. An
existing FILE is replaced only when it is an export of ours (recognised by
the application id in its header) or, for another SQLite database, with
--force; anything that is not an SQLite database is never replaced.

Every table is a plain table with declared foreign keys; quotes and
commitments get external-content FTS5 tables named as sqlite-utils names them
(`quotes_fts`, `content=[quotes]`), which is what Datasette and sqlite-utils
detect. The schema is documented, column by column, in docs/sqlite.md.
Imported only when the command runs: no other command pays for sqlite3.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sqlite3
import stat
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final, NamedTuple

from briefing import __version__
from briefing.model import Dialogue, Knowledge, OtherName, day_json

#: Written into the header (PRAGMA application_id): says that a file is an export of ours.
#: The four bytes spell "BRFG".
APPLICATION_ID: Final = 0x42524647
#: The version of the tables below (PRAGMA user_version); raised when they change.
EXPORT_SCHEMA: Final = 1
#: The first 16 bytes of every SQLite database file.
SQLITE_MAGIC: Final = b"SQLite format 3\x00"
#: The full-text tables, by the table they index, with the columns they index.
FTS_TABLES: Final[dict[str, tuple[str, ...]]] = {
    "quotes": ("text", "context"),
    "commitments": ("text", "timeline", "evidence_text"),
}

SCHEMA: Final = """
CREATE TABLE dialogues (
  id TEXT PRIMARY KEY,              -- dialogue.id: unique across everything exported
  title TEXT NOT NULL,
  ordinal INTEGER,                  -- 18 for the 18th round
  series TEXT,                      -- the recurring meeting this is a round of
  date TEXT,                        -- YYYY-MM-DD; NULL while the date is not known
  date_as_written TEXT,
  date_note TEXT,
  location TEXT NOT NULL,
  review TEXT,                      -- what a person should still check; NULL once signed off
  path TEXT NOT NULL                -- the knowledge file it was read from
);
CREATE TABLE sources (
  pk INTEGER PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues(id),
  id TEXT NOT NULL,                 -- the source's id in its knowledge file
  title TEXT NOT NULL,
  publisher TEXT,
  url TEXT,
  date TEXT,                        -- YYYY-MM-DD
  file TEXT,
  archive_path TEXT,                -- the archived text, relative to the archive directory
  archive_sha256 TEXT,
  archive_retrieved TEXT,
  UNIQUE (dialogue_id, id)
);
CREATE TABLE parties (
  pk INTEGER PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues(id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  review TEXT,
  UNIQUE (dialogue_id, id)
);
CREATE TABLE participants (
  pk INTEGER PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues(id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  aliases TEXT NOT NULL,            -- JSON list of the names the source also uses
  other_names TEXT NOT NULL,        -- JSON list of {name, note}: names the source does not use
  role TEXT NOT NULL,
  role_note TEXT,
  country TEXT NOT NULL,
  party_pk INTEGER REFERENCES parties(pk),  -- the party named as their country, if any
  is_chair INTEGER NOT NULL CHECK (is_chair IN (0, 1)),
  review TEXT,
  UNIQUE (dialogue_id, id)
);
CREATE TABLE topics (
  pk INTEGER PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues(id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  summary TEXT NOT NULL,
  review TEXT,
  UNIQUE (dialogue_id, id)
);
CREATE TABLE commitments (
  pk INTEGER PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues(id),
  id TEXT NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,               -- decision, plan, reaffirmation, confirmation or interest
  is_commitment INTEGER NOT NULL CHECK (is_commitment IN (0, 1)),  -- 0 for an interest
  status TEXT,                      -- agreed, planned, under way, done or lapsed
  timeline TEXT,                    -- in the source's own words
  window_start TEXT,                -- YYYY-MM-DD: the file's reading of the timeline
  window_end TEXT,
  window_note TEXT,
  stated_by_pk INTEGER REFERENCES participants(pk),
  note TEXT,
  other_names TEXT NOT NULL,        -- JSON list of {name, note}
  evidence_source_pk INTEGER NOT NULL REFERENCES sources(pk),
  evidence_text TEXT NOT NULL,      -- verbatim from the source
  review TEXT,
  UNIQUE (dialogue_id, id)
);
CREATE TABLE commitment_parties (
  commitment_pk INTEGER NOT NULL REFERENCES commitments(pk),
  position INTEGER NOT NULL,        -- 1 for the first of `by`
  by_id TEXT NOT NULL,              -- as written in `by`: a party or a participant id
  party_pk INTEGER REFERENCES parties(pk),
  participant_pk INTEGER REFERENCES participants(pk),
  PRIMARY KEY (commitment_pk, position),
  CHECK ((party_pk IS NULL) <> (participant_pk IS NULL))
);
CREATE TABLE commitment_topics (
  commitment_pk INTEGER NOT NULL REFERENCES commitments(pk),
  topic_pk INTEGER NOT NULL REFERENCES topics(pk),
  PRIMARY KEY (commitment_pk, topic_pk)
);
CREATE TABLE commitment_follows (
  commitment_pk INTEGER NOT NULL REFERENCES commitments(pk),
  position INTEGER NOT NULL,
  follows TEXT NOT NULL,            -- DIALOGUE_ID/COMMITMENT_ID as written
  follows_pk INTEGER REFERENCES commitments(pk),  -- NULL when that dialogue was not exported
  PRIMARY KEY (commitment_pk, position)
);
CREATE TABLE quotes (
  pk INTEGER PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues(id),
  id TEXT NOT NULL,
  speaker_id TEXT NOT NULL,         -- as written: a participant, or a party for words of a side
  participant_pk INTEGER REFERENCES participants(pk),
  party_pk INTEGER REFERENCES parties(pk),
  text TEXT NOT NULL,               -- verbatim from the source
  context TEXT NOT NULL,
  attribution TEXT,
  source_pk INTEGER NOT NULL REFERENCES sources(pk),
  review TEXT,
  UNIQUE (dialogue_id, id),
  CHECK ((participant_pk IS NULL) <> (party_pk IS NULL))
);
CREATE TABLE quote_topics (
  quote_pk INTEGER NOT NULL REFERENCES quotes(pk),
  topic_pk INTEGER NOT NULL REFERENCES topics(pk),
  PRIMARY KEY (quote_pk, topic_pk)
);
CREATE TABLE progress (
  pk INTEGER PRIMARY KEY,
  dialogue_id TEXT NOT NULL REFERENCES dialogues(id),  -- the dialogue whose file records it
  commitment TEXT NOT NULL,         -- DIALOGUE_ID/COMMITMENT_ID as written
  commitment_pk INTEGER REFERENCES commitments(pk),  -- NULL when that dialogue was not exported
  date TEXT NOT NULL,               -- YYYY-MM-DD
  status TEXT NOT NULL,
  text TEXT NOT NULL,
  evidence_source_pk INTEGER NOT NULL REFERENCES sources(pk),
  evidence_text TEXT NOT NULL,
  review TEXT
);
CREATE TABLE export_info (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
"""

#: Every table of the export but the full-text ones, in the order they are created.
TABLES: Final = tuple(re.findall(r"^CREATE TABLE (\w+)", SCHEMA, re.MULTILINE))


class ExportError(Exception):
    """The export was refused (a usage error), or could not be written (IO)."""

    def __init__(self, message: str, *, io: bool = False) -> None:
        super().__init__(message)
        self.io = io


class Result(NamedTuple):
    path: Path
    counts: dict[str, int]
    #: Whether the full-text tables were made (False when this SQLite has no FTS5).
    fts: bool
    #: What the export replaced: "" (nothing), "export" (one of ours) or "database" (--force).
    replaced: str


# --------------------------------------------------------------------------
# Full-text search


def fts5_available() -> bool:
    """Whether the SQLite this Python links has the FTS5 module."""
    try:
        with contextlib.closing(sqlite3.connect(":memory:")) as conn:
            conn.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
    except sqlite3.Error:
        return False
    return True


def fts_schema() -> str:
    """The full-text tables, as sqlite-utils' `enable-fts` makes them (Datasette finds them)."""
    return "".join(
        f"CREATE VIRTUAL TABLE [{table}_fts] USING FTS5 ("
        + ", ".join(f"[{c}]" for c in columns)
        + f", tokenize='porter unicode61', content=[{table}]);\n"
        for table, columns in FTS_TABLES.items()
    )


# --------------------------------------------------------------------------
# The rows


def _other_names(names: Iterable[OtherName]) -> str:
    return json.dumps([{"name": o.name, "note": o.note} for o in names], ensure_ascii=False)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


class _Keys:
    """The primary key of every row inserted so far, by (dialogue id, id in the file)."""

    def __init__(self) -> None:
        self.sources: dict[tuple[str, str], int] = {}
        self.parties: dict[tuple[str, str], int] = {}
        self.people: dict[tuple[str, str], int] = {}
        self.topics: dict[tuple[str, str], int] = {}
        self.commitments: dict[tuple[str, str], int] = {}


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, object]) -> int:
    names = ", ".join(row)
    marks = ", ".join("?" * len(row))
    cursor = conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(row.values()))
    return int(cursor.lastrowid or 0)


def _dialogue(conn: sqlite3.Connection, d: Dialogue, keys: _Keys) -> None:
    """Insert D and everything in it but links to other dialogues (follows, progress)."""
    _insert(
        conn,
        "dialogues",
        {
            "id": d.id,
            "title": d.title,
            "ordinal": d.ordinal,
            "series": d.series,
            "date": day_json(d.date),
            "date_as_written": d.date_as_written,
            "date_note": d.date_note,
            "location": d.location,
            "review": d.review,
            "path": d.path,
        },
    )
    for s in d.sources:
        row = {"dialogue_id": d.id, **s._asdict(), "date": day_json(s.date)}
        del row["archive"]
        row |= {
            f"archive_{f}": getattr(s.archive, f, None) for f in ("path", "sha256", "retrieved")
        }
        keys.sources[d.id, s.id] = _insert(conn, "sources", row)
    by_name: dict[str, int] = {}
    for party in d.parties:
        pk = _insert(conn, "parties", {"dialogue_id": d.id, **party._asdict()})
        keys.parties[d.id, party.id] = pk
        by_name.setdefault(_fold(party.name), pk)
        by_name.setdefault(_fold(party.id), pk)
    for p in d.participants:
        row = {
            "dialogue_id": d.id,
            **p._asdict(),
            "aliases": json.dumps(list(p.aliases), ensure_ascii=False),
            "other_names": _other_names(p.other_names),
            "party_pk": by_name.get(_fold(p.country)),
            "is_chair": int(p.id in d.chairs),
        }
        keys.people[d.id, p.id] = _insert(conn, "participants", row)
    for t in d.topics:
        keys.topics[d.id, t.id] = _insert(conn, "topics", {"dialogue_id": d.id, **t._asdict()})
    _commitments(conn, d, keys)
    _quotes(conn, d, keys)


def _commitments(conn: sqlite3.Connection, d: Dialogue, keys: _Keys) -> None:
    for c in d.commitments:
        pk = _insert(
            conn,
            "commitments",
            {
                "dialogue_id": d.id,
                "id": c.id,
                "text": c.text,
                "kind": c.kind,
                "is_commitment": int(c.kind != "interest"),
                "status": c.status,
                "timeline": c.timeline,
                "window_start": c.window.start.isoformat() if c.window else None,
                "window_end": c.window.end.isoformat() if c.window else None,
                "window_note": c.window.note if c.window else None,
                "stated_by_pk": keys.people.get((d.id, c.stated_by)) if c.stated_by else None,
                "note": c.note,
                "other_names": _other_names(c.other_names),
                "evidence_source_pk": keys.sources[d.id, c.evidence.source],
                "evidence_text": c.evidence.text,
                "review": c.review,
            },
        )
        keys.commitments[d.id, c.id] = pk
        for position, who in enumerate(c.by, start=1):
            # As the commands name them: a party first, else a participant.
            party = keys.parties.get((d.id, who))
            _insert(
                conn,
                "commitment_parties",
                {
                    "commitment_pk": pk,
                    "position": position,
                    "by_id": who,
                    "party_pk": party,
                    "participant_pk": keys.people[d.id, who] if party is None else None,
                },
            )
        for t in dict.fromkeys(c.topics):
            _insert(
                conn, "commitment_topics", {"commitment_pk": pk, "topic_pk": keys.topics[d.id, t]}
            )


def _quotes(conn: sqlite3.Connection, d: Dialogue, keys: _Keys) -> None:
    for q in d.quotes:
        # As the commands read a speaker: a participant first, else a party.
        person = keys.people.get((d.id, q.speaker))
        pk = _insert(
            conn,
            "quotes",
            {
                "dialogue_id": d.id,
                "id": q.id,
                "speaker_id": q.speaker,
                "participant_pk": person,
                "party_pk": keys.parties[d.id, q.speaker] if person is None else None,
                "text": q.text,
                "context": q.context,
                "attribution": q.attribution,
                "source_pk": keys.sources[d.id, q.source],
                "review": q.review,
            },
        )
        for t in dict.fromkeys(q.topics):
            _insert(conn, "quote_topics", {"quote_pk": pk, "topic_pk": keys.topics[d.id, t]})


def _links(conn: sqlite3.Connection, d: Dialogue, keys: _Keys) -> None:
    """Insert what links D to commitments of any dialogue: follows and progress."""
    for c in d.commitments:
        for position, link in enumerate(c.follows, start=1):
            target = tuple(link.split("/", 1))
            _insert(
                conn,
                "commitment_follows",
                {
                    "commitment_pk": keys.commitments[d.id, c.id],
                    "position": position,
                    "follows": link,
                    "follows_pk": keys.commitments.get(target) if len(target) == 2 else None,
                },
            )
    for p in d.progress:
        target = tuple(p.commitment.split("/", 1))
        _insert(
            conn,
            "progress",
            {
                "dialogue_id": d.id,
                "commitment": p.commitment,
                "commitment_pk": keys.commitments.get(target) if len(target) == 2 else None,
                "date": p.date.isoformat(),
                "status": p.status,
                "text": p.text,
                "evidence_source_pk": keys.sources[d.id, p.evidence.source],
                "evidence_text": p.evidence.text,
                "review": p.review,
            },
        )


def _index_references(conn: sqlite3.Connection) -> None:
    """An index on every reference that no key already leads with: joins both ways are fast."""
    for table in TABLES:
        leading = {
            conn.execute(
                "SELECT name FROM pragma_index_info(?) WHERE seqno = 0", (index[1],)
            ).fetchone()[0]
            for index in conn.execute(f"PRAGMA index_list({table})").fetchall()
        }
        for ref in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            column = ref[3]
            if column not in leading:
                conn.execute(f"CREATE INDEX {table}_{column} ON {table}({column})")
                leading.add(column)


def fill(
    conn: sqlite3.Connection, knowledge: Knowledge, *, fts: bool, data: Sequence[str] = ()
) -> dict[str, int]:
    """Create the tables in the empty database CONN and fill them; the rows of each table.

    DATA names where the knowledge was read, for `export_info`.
    """
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {EXPORT_SCHEMA}")
    # Every row is checked against its references as it goes in: a dangling one is a bug.
    conn.execute("PRAGMA foreign_keys = ON")
    # One transaction; executescript leaves it open (CONN is in autocommit mode).
    conn.executescript("BEGIN;\n" + SCHEMA + (fts_schema() if fts else ""))
    _index_references(conn)
    keys = _Keys()
    for d in knowledge.dialogues:
        _dialogue(conn, d, keys)
    for d in knowledge.dialogues:
        _links(conn, d, keys)
    info = {
        "generator": f"briefing {__version__}",
        "export_schema": str(EXPORT_SCHEMA),
        "exported_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "data": "\n".join(data),
        "fts": "fts5" if fts else "none",
    }
    conn.executemany("INSERT INTO export_info (key, value) VALUES (?, ?)", info.items())
    if fts:
        for table in FTS_TABLES:
            conn.execute(f"INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('rebuild')")
    conn.execute("COMMIT")
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}


# --------------------------------------------------------------------------
# The file: what may be replaced, and the atomic write


class Target(NamedTuple):
    """Where the export goes (a symbolic link followed), and what is there now."""

    path: Path
    #: "missing", "empty" (a file of no bytes), "export" (one of ours) or "database" (another).
    kind: str
    #: What identifies the file there now; None when there is none.
    identity: tuple[int, ...] | None
    mode: int | None


def _identity(path: Path) -> tuple[int, ...] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _is_export(header: bytes) -> bool:
    return header.startswith(SQLITE_MAGIC) and header[68:72] == APPLICATION_ID.to_bytes(4, "big")


def check_target(output: Path, *, force: bool) -> Target:
    """What OUTPUT holds, or ExportError when it must not be replaced.

    Nothing that is not an SQLite database is replaced, whatever the options;
    another SQLite database only with FORCE; an export of ours, or an empty
    file, always.
    """
    path = Path(os.path.realpath(output))
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Target(path, "missing", None, None)
    except OSError as exc:
        raise ExportError(f"{output}: cannot check it: {exc.strerror or exc}", io=True) from None
    if stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{output}: is a directory; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(f"{output}: is not a regular file; an SQLite database must be a file")
    kind = "empty"
    if info.st_size:
        try:
            with open(path, "rb") as fh:
                header = fh.read(100)
        except OSError as exc:
            raise ExportError(
                f"{output}: cannot read it to see what it is: {exc.strerror or exc};"
                " nothing was replaced",
                io=True,
            ) from None
        if not header.startswith(SQLITE_MAGIC):
            raise ExportError(
                f"{output}: exists and is not an SQLite database; refusing to replace it"
                + (", even with --force" if force else "")
                + " (give another file name, or move it away)"
            )
        kind = "export" if _is_export(header) else "database"
    if kind == "database" and not force:
        raise ExportError(
            f"{output}: is an SQLite database that briefing did not write;"
            " give --force to replace it"
        )
    for suffix in ("-journal", "-wal"):
        if os.path.lexists(f"{path}{suffix}"):
            raise ExportError(
                f"{output}: {path.name}{suffix} exists beside it: a program is writing the"
                " database, or one stopped before it was done; close it and run again"
            )
    return Target(path, kind, _identity(path), stat.S_IMODE(info.st_mode))


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def export(
    knowledge: Knowledge,
    output: Path,
    *,
    force: bool = False,
    data: Sequence[str] = (),
    fts: bool | None = None,
) -> Result:
    """Write KNOWLEDGE to OUTPUT as an SQLite database, atomically; ExportError if not.

    FTS says whether to make the full-text tables; None makes them when this
    SQLite has FTS5. DATA names where the knowledge was read.
    """
    target = check_target(output, force=force)
    use_fts = fts5_available() if fts is None else fts
    try:
        fd, tmp = tempfile.mkstemp(
            dir=target.path.parent, prefix=f".{target.path.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise ExportError(f"{output}: cannot write: {exc.strerror or exc}", io=True) from None
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            # The file is new and private until it is renamed: a failure throws it away,
            # so it needs no journal, and it is synced once, whole, below.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            counts = fill(conn, knowledge, fts=use_fts, data=data)
        finally:
            conn.close()
        os.chmod(tmp, target.mode if target.mode is not None else _new_file_mode())
        _sync(tmp)
        if _identity(target.path) != target.identity:
            raise ExportError(
                f"{output}: changed while the export was being written; nothing was replaced"
                " (run the command again)"
            )
        os.replace(tmp, target.path)
    except BaseException as exc:
        # Failed or interrupted: leave no partial file behind.
        for leftover in (tmp, f"{tmp}-journal"):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
        if isinstance(exc, OSError | sqlite3.OperationalError):
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise ExportError(f"{output}: cannot write: {reason}", io=True) from None
        raise
    # The rename itself is durable once the directory is synced (where that can be done).
    with contextlib.suppress(OSError):
        _sync(str(target.path.parent))
    replaced = {"missing": "", "empty": ""}.get(target.kind, target.kind)
    return Result(target.path, counts, use_fts, replaced)
