"""Questions the index answers, and the knowledge a narrowed question needs."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from briefing import cache, load
from briefing.errors import DataError
from briefing.index.store import from_cache, has_words, meeting_only
from briefing.match import bare, fold
from briefing.model import Dialogue, Knowledge, day_key

if TYPE_CHECKING:
    # Imported where used: only commands that ask the index load SQLite.
    import sqlite3

    from briefing.records import Listing

_PLAIN_WORD: Final = re.compile(r"[A-Za-z0-9]+")

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
        """Files whose searchable text has a word starting with each word of TEXT (a
        phrase's words too: the files that hold the phrase are among them).

        Only plain words (ASCII letters and digits) are narrowed: for them the
        index's words are exactly what `search.word_patterns` can match.
        """
        from briefing.search import query_terms

        words = [w for term in query_terms(text) for w in term]
        if not words or not all(_PLAIN_WORD.fullmatch(w) for w in words):
            return None
        if not has_words(self.conn):
            return None
        query = " ".join(f'"{w.lower()}"*' for w in words)
        rows = self.conn.execute("SELECT rowid FROM words WHERE words MATCH ?", (query,))
        return {fid for (fid,) in rows}

    def topic(self, name: str) -> set[int] | None:
        """Files with a topic whose folded id or name, or a word of them, starts with NAME
        (what `match.match_topics` takes, exactly or as a prefix)."""
        wanted = fold(name)
        if not wanted or wanted[-1] == "\U0010ffff":
            return None
        after = wanted[:-1] + chr(ord(wanted[-1]) + 1)
        sql = "SELECT DISTINCT fid FROM topics WHERE form >= ? AND form < ?"
        return {fid for (fid,) in self.conn.execute(sql, (wanted, after))} or None

    def rounds(self, dialogue: str) -> set[int]:
        """The files a round's note may read besides its own: its series' other rounds, and
        every file that links commitments or records progress."""
        sql = (
            "SELECT fid FROM files WHERE links = 1"
            " OR series IN (SELECT series FROM files WHERE did = ? AND series IS NOT NULL)"
        )
        return {fid for (fid,) in self.conn.execute(sql, (dialogue,))}


def listings(
    conn: sqlite3.Connection, files: Sequence[str], absolute: Sequence[str]
) -> list[Listing] | None:
    """What the list of dialogues shows of every meeting, in the order of the full load; None
    when the rows are not exactly the files given, each valid (then the files answer)."""
    from briefing.records import Listing

    given = {path: str(f) for f, path in zip(files, absolute, strict=True)}
    found = []
    for row in conn.execute(
        "SELECT path, did, title, date, date_note, location, n_participants, n_topics,"
        " n_commitments, n_interests, n_quotes, review, ordinal FROM files"
    ):
        path, did, title, date, note, location, people, topics, made, interests, said = row[:11]
        review, ordinal = row[11:]
        if path not in given or did is None:
            return None
        day = dt.date.fromisoformat(date) if date else None
        shown = Listing(
            did, title, day, note, location, people, topics, made, interests, said,
            given[path], review,
        )  # fmt: skip
        found.append(((day_key(day), ordinal or 0, did), shown))
    if len(found) != len(given):
        return None
    return [shown for _, shown in sorted(found)]


Narrow = Callable[[Index], set[int] | None]


def gather(
    conn: sqlite3.Connection,
    files: Sequence[str],
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
        if shown is None or did is None:
            return None  # a row another run wrote for other files, or an invalid one
        if fid in wanted or did == dialogue:
            built = _build(Path(shown), key, limit, store)
            if built is None or built.id != did:
                return None
            dialogues.append(built)
        else:
            dialogues.append(meeting_only(did, title, location, date, review, ordinal, shown))
    if len(dialogues) != len(given):
        return None  # a file given has no row: the files answer
    dialogues.sort(key=load.sort_key)
    return Knowledge(tuple(dialogues))


def _build(file: Path, key: str, limit: int, store: cache.Store | None) -> Dialogue | None:
    """One dialogue in full: from the cache entry the index names, else from its file."""
    cached = from_cache(store, key, str(file))
    if cached is not None:
        return cached
    try:
        return load._load_one(file, limit, store)[0]
    except DataError:
        return None
