"""`briefing export --sqlite`: the schema, its documentation, the answers, and the file's safety."""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefing import cli, export_sqlite
from briefing.load import load_knowledge
from briefing.model import Knowledge
from tests.conftest import ROOT

runner = CliRunner()
EXAMPLES = ROOT / "examples"
BUNDLED = ROOT / "data" / "dialogue.yaml"
DOC = ROOT / "docs" / "sqlite.md"
FTS = {f"{table}_fts" for table in export_sqlite.FTS_TABLES}
PREFIX = "briefing: error: "


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args), prog_name="briefing")
    return result.exit_code, result.stdout, result.stderr


def export(target: Path, *args: str) -> tuple[int, str, str]:
    return invoke("export", "--sqlite", str(target), *args)


@contextlib.contextmanager
def opened(path: Path) -> Iterator[sqlite3.Connection]:
    """PATH opened read-only: a test never changes what it checks."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example (the bundled file among them, through its link), exported once."""
    target = tmp_path_factory.mktemp("export") / "examples.db"
    code, out, err = export(target, "--data", str(EXAMPLES), "--no-cache")
    assert (code, out) == (0, ""), err
    assert err.startswith(f"briefing: wrote {target}: 12 dialogues, ")
    return target


@pytest.fixture(scope="module")
def examples() -> Knowledge:
    return load_knowledge(EXAMPLES, use_cache=False)


def documented_queries() -> dict[str, str]:
    """The example queries of docs/sqlite.md, by the name in the comment above each."""
    text = DOC.read_text(encoding="utf-8")
    return dict(re.findall(r"<!-- query: ([\w-]+) -->.*?```sql\n(.*?)```", text, re.DOTALL))


def documented_columns() -> dict[str, list[str]]:
    """Each table's columns as docs/sqlite.md lists them, in order."""
    text = DOC.read_text(encoding="utf-8")
    tables: dict[str, list[str]] = {}
    for name, body in re.findall(r"^### `(\w+)`\n(.*?)(?=^#)", text, re.DOTALL | re.MULTILINE):
        tables[name] = re.findall(r"^\| `(\w+)` \|", body, re.MULTILINE)
    return tables


def rows(path: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with opened(path) as conn:
        return conn.execute(sql, params).fetchall()


def command_json(*args: str) -> dict[str, Any]:
    code, out, err = invoke(*args, "--format", "json")
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


# -- The schema -------------------------------------------------------------------------------


def test_the_tables_are_the_documented_ones(examples_db: Path) -> None:
    names = {
        name
        for (name,) in rows(
            examples_db,
            "select name from sqlite_master where type = 'table'"
            " and name not like '%\\_fts\\_%' escape '\\'",
        )
    }
    assert names == set(export_sqlite.TABLES) | FTS
    documented = documented_columns()
    assert set(documented) == set(export_sqlite.TABLES)
    for table in export_sqlite.TABLES:
        columns = [r[1] for r in rows(examples_db, f"pragma table_info({table})")]
        assert columns == documented[table], table


def test_the_file_says_it_is_an_export(examples_db: Path) -> None:
    assert rows(examples_db, "pragma application_id") == [(export_sqlite.APPLICATION_ID,)]
    assert rows(examples_db, "pragma user_version") == [(export_sqlite.EXPORT_SCHEMA,)]
    info = dict(rows(examples_db, "select key, value from export_info"))
    assert info["generator"].startswith("briefing ")
    assert info["fts"] == "fts5"
    assert info["data"] == str(EXAMPLES)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", info["exported_at"])


def test_foreign_keys_are_declared_and_hold(examples_db: Path) -> None:
    assert rows(examples_db, "pragma foreign_key_check") == []
    assert rows(examples_db, "pragma integrity_check") == [("ok",)]
    for table in export_sqlite.TABLES:
        columns = [r[1] for r in rows(examples_db, f"pragma table_info({table})")]
        referring = {c for c in columns if c.endswith("_pk") or c == "dialogue_id"}
        declared = {r[3] for r in rows(examples_db, f"pragma foreign_key_list({table})")}
        assert declared == referring, table
        # Every reference can be followed both ways without a scan.
        indexed = {
            rows(examples_db, "select name from pragma_index_info(?) where seqno = 0", i[1])[0][0]
            for i in rows(examples_db, f"pragma index_list({table})")
        }
        assert declared <= indexed, table


def test_every_row_of_the_model_is_there(examples_db: Path, examples: Knowledge) -> None:
    ds = examples.dialogues
    expected = {
        "dialogues": len(ds),
        "sources": sum(len(d.sources) for d in ds),
        "parties": sum(len(d.parties) for d in ds),
        "participants": sum(len(d.participants) for d in ds),
        "topics": sum(len(d.topics) for d in ds),
        "commitments": sum(len(d.commitments) for d in ds),
        "commitment_parties": sum(len(c.by) for d in ds for c in d.commitments),
        "commitment_topics": sum(len(c.topics) for d in ds for c in d.commitments),
        "commitment_follows": sum(len(c.follows) for d in ds for c in d.commitments),
        "quotes": sum(len(d.quotes) for d in ds),
        "quote_topics": sum(len(q.topics) for d in ds for q in d.quotes),
        "progress": sum(len(d.progress) for d in ds),
        "quotes_fts": sum(len(d.quotes) for d in ds),
        "commitments_fts": sum(len(d.commitments) for d in ds),
    }
    for table, n in expected.items():
        assert rows(examples_db, f"select count(*) from {table}") == [(n,)], table
    # Every commitment's window, as the file writes it.
    windows = {
        (d.id, c.id): (c.window.start.isoformat(), c.window.end.isoformat())
        for d in ds
        for c in d.commitments
        if c.window
    }
    found = rows(
        examples_db,
        "select dialogue_id, id, window_start, window_end from commitments"
        " where window_start is not null",
    )
    assert {(d, i): (s, e) for d, i, s, e in found} == windows
    # Links to other dialogues resolve when those were exported.
    assert rows(examples_db, "select count(*) from progress where commitment_pk is null") == [(0,)]
    assert rows(
        examples_db, "select count(*) from commitment_follows where follows_pk is null"
    ) == [(0,)]


def test_participants_have_their_party(examples_db: Path) -> None:
    found = rows(
        examples_db,
        "select p.dialogue_id, p.id, p.country, party.name from participants p"
        " left join parties party on party.pk = p.party_pk",
    )
    assert found
    for dialogue_id, pid, country, party in found:
        assert party is not None, (dialogue_id, pid)
        assert party.casefold() == country.casefold(), (dialogue_id, pid)
    chairs = rows(examples_db, "select id from participants where is_chair = 1")
    assert ("jaishankar",) in chairs


def test_the_bundled_data_by_default(tmp_path: Path) -> None:
    target = tmp_path / "bundled.db"
    code, out, err = export(target)
    assert (code, out) == (0, "")
    assert err == (
        f"briefing: wrote {target}: 1 dialogue, 8 quotes, 11 commitments, 0 progress records\n"
    )
    assert rows(target, "select id, date, location from dialogues") == [
        ("india-japan-sd-18", "2026-01-16", "New Delhi")
    ]
    assert rows(target, "pragma foreign_key_check") == []


# -- The documented queries give the commands' answers ---------------------------------------


def test_the_documentation_has_the_queries() -> None:
    assert set(documented_queries()) == {
        "quotes-by-speaker",
        "commitments-by-party",
        "search-quotes",
        "progress",
    }


@pytest.mark.parametrize("speaker", ["jaishankar", "modi", "kishida", "albanese"])
def test_quotes_by_speaker(examples_db: Path, speaker: str) -> None:
    sql = documented_queries()["quotes-by-speaker"].replace("'jaishankar'", "?")
    found = [(d, text) for d, text, _, _ in rows(examples_db, sql, speaker)]
    listed = command_json("quotes", "--speaker", speaker, "--data", str(EXAMPLES))["quotes"]
    assert found == [(q["dialogue_id"], q["text"]) for q in listed]
    assert found


@pytest.mark.parametrize("party", ["japan", "india", "eu"])
def test_commitments_by_party(examples_db: Path, party: str) -> None:
    sql = documented_queries()["commitments-by-party"].replace("'japan'", "?")
    found = {(r[0], r[1]): (r[2], r[4], r[5], r[6]) for r in rows(examples_db, sql, party)}
    shown = command_json("commitments", "--party", party, "--data", str(EXAMPLES))
    listed = shown["commitments"] + shown["interests"]
    expected = {
        (c["dialogue_id"], c["id"]): (
            c["kind"],
            c["timeline"],
            c["window"] and c["window"]["start"],
            c["window"] and c["window"]["end"],
        )
        for c in listed
    }
    assert found == expected
    assert len(found) == len(listed) > 0


def test_full_text_search_of_quotes(examples_db: Path, examples: Knowledge) -> None:
    found = rows(examples_db, documented_queries()["search-quotes"])
    texts = {text for _, _, text in found}
    said = {q.text for d in examples.dialogues for q in d.quotes}
    assert texts <= said
    # Every quote with the word is found; stemming may find more forms ("secure").
    assert {t for t in said if re.search(r"\bsecurity\b", t, re.IGNORECASE)} <= texts
    assert (
        "india-japan-sd-18",
        "S Jaishankar",
        "Economic security today is particularly paramount,",
    ) in found
    # One word the commands find with --contains, found the same by the index.
    listed = command_json("quotes", "--contains", "paramount", "--data", str(EXAMPLES))["quotes"]
    indexed = rows(
        examples_db,
        "select q.text from quotes_fts join quotes q on q.pk = quotes_fts.rowid"
        " where quotes_fts match 'paramount'",
    )
    assert sorted(t for (t,) in indexed) == sorted(q["text"] for q in listed)


def test_full_text_search_of_commitments(examples_db: Path) -> None:
    found = rows(
        examples_db,
        "select c.dialogue_id, c.id from commitments_fts"
        " join commitments c on c.pk = commitments_fts.rowid"
        " where commitments_fts match 'shinkansen' order by commitments_fts.rank",
    )
    assert ("india-japan-sd-18", "e10-shinkansen-supply") in found
    # The porter stemmer: "convening" finds "Convene the joint working group ...".
    found = rows(
        examples_db,
        "select c.id from commitments_fts join commitments c on c.pk = commitments_fts.rowid"
        " where commitments_fts match 'convening'",
    )
    assert ("minerals-working-group",) in found
    # A column of its own: the timeline in the source's words.
    found = rows(
        examples_db,
        "select c.id from commitments_fts join commitments c on c.pk = commitments_fts.rowid"
        " where commitments_fts match 'timeline: early'",
    )
    assert ("minerals-working-group",) in found


def test_progress(examples_db: Path, examples: Knowledge) -> None:
    found = rows(examples_db, documented_queries()["progress"])
    expected = [
        (p.commitment.split("/")[0], d.id, p.date.isoformat(), p.status, p.text)
        for d in examples.dialogues
        for p in d.progress
    ]
    assert [(r[0], r[2], r[3], r[4], r[5]) for r in found] == sorted(expected, key=lambda e: e[2])
    assert found


# -- What Datasette and sqlite-utils look for ------------------------------------------------


def test_the_fts_tables_are_where_datasette_and_sqlite_utils_look(examples_db: Path) -> None:
    # The detection both tools run (datasette.utils.detect_fts_sql, Table.detect_fts):
    # an FTS virtual table whose content option names the table, in [] or "".
    for table in export_sqlite.FTS_TABLES:
        found = rows(
            examples_db,
            "select name from sqlite_master where rootpage = 0 and (sql like ? or sql like ?)",
            f"%VIRTUAL TABLE%USING FTS%content=[{table}]%",
            f'%VIRTUAL TABLE%USING FTS%content="{table}"%',
        )
        assert found == [(f"{table}_fts",)]


def test_sqlite_utils_opens_it(examples_db: Path) -> None:
    sqlite_utils = pytest.importorskip("sqlite_utils")
    db = sqlite_utils.Database(sqlite3.connect(f"{examples_db.as_uri()}?mode=ro", uri=True))
    try:
        assert db["quotes"].detect_fts() == "quotes_fts"
        assert db["commitments"].detect_fts() == "commitments_fts"
        assert {fk.other_table for fk in db["quotes"].foreign_keys} == {
            "dialogues",
            "participants",
            "parties",
            "sources",
        }
        hits = list(db["quotes"].search("paramount"))
        assert [h["id"] for h in hits] == ["economic-security-paramount"]
    finally:
        db.conn.close()


def test_datasette_opens_it(examples_db: Path) -> None:
    import asyncio

    datasette = pytest.importorskip("datasette.app")

    async def check() -> None:
        ds = datasette.Datasette([str(examples_db)], immutables=[])
        name = examples_db.stem
        db = ds.get_database(name)
        assert await db.fts_table("quotes") == "quotes_fts"
        assert await db.label_column_for_table("participants") == "name"
        response = await ds.client.get(f"/{name}/quotes.json?_search=paramount&_shape=array")
        assert response.status_code == 200
        assert [r["id"] for r in response.json()] == ["economic-security-paramount"]
        response = await ds.client.get(f"/{name}/quotes.json?_labels=on&_shape=array&_size=1")
        first = response.json()[0]
        assert set(first["participant_pk"]) == {"value", "label"}

    asyncio.run(check())


# -- Replacing files, and errors ---------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_never_replaced(tmp_path: Path) -> None:
    target = tmp_path / "notes.db"
    target.write_text("my notes\n", encoding="utf-8")
    for force in ([], ["--force"]):
        code, out, err = export(target, *force)
        assert (code, out) == (2, "")
        assert err.startswith(f"{PREFIX}{target}: exists and is not an SQLite database;")
        assert err.count("\n") == 1
        assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_knowledge_file_is_never_replaced(tmp_path: Path) -> None:
    knowledge = tmp_path / "meeting.yaml"
    knowledge.write_bytes(BUNDLED.read_bytes())
    code, _, err = export(knowledge, "--data", str(knowledge), "--force")
    assert code == 2
    assert "is not an SQLite database" in err
    assert knowledge.read_bytes() == BUNDLED.read_bytes()


def test_another_database_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "theirs.db"
    with contextlib.closing(sqlite3.connect(target)) as conn:
        conn.execute("create table mine (x)")
        conn.commit()
    before = target.read_bytes()
    code, out, err = export(target)
    assert (code, out) == (2, "")
    assert err == f"{PREFIX}{target}: is an SQLite database that briefing did not write;" + (
        " give --force to replace it\n"
    )
    assert target.read_bytes() == before
    code, _, err = export(target, "--force")
    assert code == 0
    assert err.endswith("; replaced (--force)\n")
    assert rows(target, "pragma application_id") == [(export_sqlite.APPLICATION_ID,)]


def test_an_export_of_ours_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "out.db"
    assert export(target, "--data", str(BUNDLED))[0] == 0
    os.chmod(target, 0o640)
    code, _, err = export(target, "--data", str(EXAMPLES))
    assert code == 0
    assert err.endswith("; replaced the earlier export\n")
    assert rows(target, "select count(*) from dialogues") == [(12,)]
    assert (target.stat().st_mode & 0o777) == 0o640  # the file's permissions are kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db"]


def test_an_empty_file_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "new.db"
    target.touch()
    assert export(target)[0] == 0
    assert rows(target, "select count(*) from dialogues") == [(1,)]


def test_a_symlink_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.db"
    assert export(real)[0] == 0
    link = tmp_path / "link.db"
    link.symlink_to(real)
    assert export(link, "--data", str(EXAMPLES))[0] == 0
    assert link.is_symlink()
    assert rows(real, "select count(*) from dialogues") == [(12,)]


@pytest.mark.parametrize("suffix", ["-journal", "-wal"])
def test_a_database_being_written_is_not_replaced(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / "busy.db"
    assert export(target)[0] == 0
    Path(f"{target}{suffix}").write_bytes(b"")
    code, _, err = export(target)
    assert code == 2
    assert f"busy.db{suffix} exists beside it" in err


def test_unusable_targets(tmp_path: Path) -> None:
    code, _, err = export(tmp_path)
    assert (code, err) == (2, f"{PREFIX}{tmp_path}: is a directory; give a file name\n")
    missing = tmp_path / "no" / "such" / "dir.db"
    code, _, err = export(missing)
    assert (code, err) == (74, f"{PREFIX}{missing}: cannot write: No such file or directory\n")
    code, _, err = invoke("export")
    assert code == 2
    assert err.startswith(PREFIX + "Missing option '--sqlite'")


def test_special_files_and_impossible_paths(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = export(fifo)
    assert (code, err) == (
        2,
        f"{PREFIX}{fifo}: is not a regular file; an SQLite database must be a file\n",
    )
    below_a_file = tmp_path / "notes.txt" / "out.db"
    below_a_file.parent.write_text("notes\n", encoding="utf-8")
    code, _, err = export(below_a_file)
    assert (code, err) == (74, f"{PREFIX}{below_a_file}: cannot check it: Not a directory\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_directory_without_permission(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = export(locked / "out.db")
    finally:
        locked.chmod(0o700)
    assert code == 74
    assert err.startswith(f"{PREFIX}{locked / 'out.db'}: cannot write: Permission denied")


def test_bad_knowledge_is_reported_and_nothing_is_written(tmp_path: Path) -> None:
    target = tmp_path / "out.db"
    code, out, err = export(target, "--data", str(ROOT / "tests" / "bad" / "several-problems.yaml"))
    assert (code, out) == (1, "")
    assert "quotes[0].speaker: unknown participant or party 'jaishenkar'" in err
    assert not target.exists()


def test_help_has_examples() -> None:
    code, out, _ = invoke("export", "--help")
    assert code == 0
    assert "briefing export --sqlite briefing.db" in out
    assert "--force" in out
    assert "docs/sqlite.md" in out


# -- The write is atomic -----------------------------------------------------------------------


def _exported_bytes(tmp_path: Path) -> tuple[Path, bytes]:
    target = tmp_path / "out.db"
    assert export(target)[0] == 0
    return target, target.read_bytes()


def test_a_failure_keeps_the_old_export_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, before = _exported_bytes(tmp_path)
    fill = export_sqlite.fill

    def full_disk(conn: sqlite3.Connection, *args: Any, **kwargs: Any) -> dict[str, int]:
        fill(conn, *args, **kwargs)  # half a database written, then the disk is full
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(export_sqlite, "fill", full_disk)
    code, out, err = export(target, "--data", str(EXAMPLES))
    assert (code, out) == (74, "")
    assert err == f"{PREFIX}{target}: cannot write: database or disk is full\n"
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db"]


def test_an_interruption_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target, before = _exported_bytes(tmp_path)

    def interrupted(*_args: Any, **_kwargs: Any) -> dict[str, int]:
        raise KeyboardInterrupt

    monkeypatch.setattr(export_sqlite, "fill", interrupted)
    knowledge = load_knowledge(BUNDLED)
    with pytest.raises(KeyboardInterrupt):
        export_sqlite.export(knowledge, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db"]


def test_a_file_changed_meanwhile_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.db"
    fill = export_sqlite.fill

    def someone_writes(conn: sqlite3.Connection, *args: Any, **kwargs: Any) -> dict[str, int]:
        target.write_text("written meanwhile\n", encoding="utf-8")
        return fill(conn, *args, **kwargs)

    monkeypatch.setattr(export_sqlite, "fill", someone_writes)
    code, _, err = export(target)
    assert code == 2
    assert "changed while the export was being written; nothing was replaced" in err
    assert target.read_text(encoding="utf-8") == "written meanwhile\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.db"]


def test_a_reader_keeps_the_old_export_until_it_reopens(tmp_path: Path) -> None:
    target = tmp_path / "out.db"
    assert export(target)[0] == 0
    inode = target.stat().st_ino
    with opened(target) as reader:
        assert reader.execute("select count(*) from dialogues").fetchone() == (1,)
        assert export(target, "--data", str(EXAMPLES))[0] == 0
        # Renamed over, not written in place: the open file is still the whole old export.
        assert reader.execute("select count(*) from quotes").fetchone() == (8,)
    assert target.stat().st_ino != inode
    assert rows(target, "select count(*) from dialogues") == [(12,)]


# -- Without FTS5 ------------------------------------------------------------------------------


def test_without_fts5_the_rest_is_exported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_sqlite, "fts5_available", lambda: False)
    target = tmp_path / "plain.db"
    code, out, err = export(target)
    assert (code, out) == (0, "")
    assert err.startswith(
        "briefing: note: the SQLite of this Python has no FTS5 module, so the database has no"
        " full-text tables (quotes_fts, commitments_fts)"
    )
    assert err.splitlines()[1].startswith(f"briefing: wrote {target}: 1 dialogue")
    tables = {n for (n,) in rows(target, "select name from sqlite_master where type = 'table'")}
    assert tables == set(export_sqlite.TABLES)
    assert rows(target, "select value from export_info where key = 'fts'") == [("none",)]
    assert rows(target, "pragma foreign_key_check") == []


def test_fts5_is_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    # This Python's SQLite has it (the FTS tests above rely on it).
    assert export_sqlite.fts5_available()

    def without_fts5(*_args: Any, **_kwargs: Any) -> sqlite3.Connection:
        raise sqlite3.OperationalError("no such module: fts5")

    monkeypatch.setattr(sqlite3, "connect", without_fts5)
    assert not export_sqlite.fts5_available()


# -- Start-up --------------------------------------------------------------------------------


def test_other_commands_do_not_import_the_export() -> None:
    code = (
        "import sys\n"
        "from briefing import cli\n"
        "sys.argv = ['briefing', 'topics', '--format', 'text']\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "loaded = [m for m in ('briefing.export_sqlite', 'sqlite3') if m in sys.modules]\n"
        "print(loaded, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "[]"


def test_the_export_does_not_import_rich() -> None:
    code = "import sys, briefing.export_sqlite, briefing.cli_export\nprint('rich' in sys.modules)"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.stdout.strip() == "False", proc.stderr
