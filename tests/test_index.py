"""The SQLite index beside the cache: kept up to date file by file, safe, unseen in output."""

from __future__ import annotations

import importlib
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from briefing import cache, index, load
from briefing.cli import app

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
N = 24
LIMIT = 10 * 2**20


@pytest.fixture(scope="module")
def corpus_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus (with series, follows and progress across its dialogues)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        generate: ModuleType = importlib.import_module("generate")
    finally:
        sys.path.remove(str(BENCHMARKS))
    where = tmp_path_factory.mktemp("corpus")
    generate.generate(N, where, 3)
    return where


def _aged(directory: Path) -> None:
    """Every file modified a minute ago: old enough to be trusted by its size and time."""
    past = time.time() - 60
    for file in directory.glob("*.yaml"):
        os.utime(file, (past, past))


@pytest.fixture
def corpus(corpus_source: Path, tmp_path: Path) -> Path:
    where = tmp_path / "data"
    where.mkdir()
    for file in corpus_source.glob("*.yaml"):
        (where / file.name).write_bytes(file.read_bytes())
    _aged(where)
    return where


def _refresh(corpus: Path) -> index.Refresh:
    where = index.index_path([corpus])
    assert where is not None
    conn = index.connect(where)
    assert conn is not None
    try:
        done = index.refresh(conn, load.listed_paths(corpus), LIMIT, cache.open_store())
    finally:
        conn.close()
    assert done is not None
    return done


def _edit(file: Path, text: str = "# edited\n") -> None:
    with file.open("a", encoding="utf-8") as fh:
        fh.write(text)
    past = time.time() - 30
    os.utime(file, (past, past))


def test_unchanged_files_are_not_read_again(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _refresh(corpus)
    assert (first.read, first.indexed, first.removed, first.ok) == (N, N, 0, True)
    reads: list[Path] = []
    real = load._read_bytes

    def counted(file: Path, limit: int) -> bytes:
        reads.append(file)
        return real(file, limit)

    monkeypatch.setattr(load, "_read_bytes", counted)
    again = _refresh(corpus)
    assert (again.read, again.indexed, again.removed, again.ok) == (0, 0, 0, True)
    assert reads == []


def test_an_edited_file_is_indexed_again_alone(corpus: Path) -> None:
    _refresh(corpus)
    files = sorted(corpus.glob("*.yaml"))
    _edit(files[3])
    done = _refresh(corpus)
    assert (done.read, done.indexed, done.removed, done.ok) == (1, 1, 0, True)
    # A new time with the same bytes: read to compare its hash, not indexed again.
    later = time.time() - 20
    os.utime(files[5], (later, later))
    done = _refresh(corpus)
    assert (done.read, done.indexed) == (1, 0)


def test_a_recent_file_is_checked_again(corpus: Path) -> None:
    _refresh(corpus)
    file = sorted(corpus.glob("*.yaml"))[2]
    with file.open("a", encoding="utf-8") as fh:
        fh.write("# just now\n")
    assert _refresh(corpus).indexed == 1
    # Written within the last seconds: a second edit could keep its size and time.
    again = _refresh(corpus)
    assert (again.read, again.indexed) == (1, 0)


def test_a_removed_file_drops_out(corpus: Path) -> None:
    _refresh(corpus)
    sorted(corpus.glob("*.yaml"))[0].unlink()
    done = _refresh(corpus)
    assert (done.read, done.indexed, done.removed) == (0, 0, 1)
    where = index.index_path([corpus])
    assert where is not None
    with sqlite3.connect(where) as conn:
        assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == N - 1


def test_an_invalid_file_sends_queries_to_the_full_load(corpus: Path) -> None:
    _refresh(corpus)
    _edit(sorted(corpus.glob("*.yaml"))[4], "quotes: 7\n")
    assert _refresh(corpus).ok is False
    on, off = _both(["quotes", "--speaker", "Marchand", "--data", str(corpus)])
    assert on == off
    assert on[0] == 1


def _run(args: list[str], setting: str) -> tuple[int, str, str]:
    result = runner.invoke(app, args, env={index.INDEX_ENV: setting})
    return result.exit_code, result.stdout, result.stderr


def _both(args: list[str]) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    return _run(args, "on"), _run(args, "off")


def _narrowed(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each run was answered from the index (True) or loaded whole (False)."""
    answers: list[bool] = []
    real = index.knowledge_for

    def spy(*args: object, **kwargs: object) -> object:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        answers.append(found is not None)
        return found

    monkeypatch.setattr(index, "knowledge_for", spy)
    return answers


ROUTED = [
    ["quotes", "--speaker", "Marchand"],
    ["quotes", "--speaker", "Watanabe", "--format", "json"],
    ["quotes", "-s", "Takahashi", "--format", "csv"],
    ["quotes", "-s", "高橋優子", "--format", "markdown"],
    ["quotes", "-s", "muller", "--contains", "the", "--format", "html"],
    ["quotes", "-s", "Sharma", "--dialogue", "synthetic-3-00002", "--format", "json"],
    ["quotes", "-s", "nakamura", "--dialogue", "synthetic-3-00005"],
    ["quotes", "-s", "Watanabe", "--dialogue", "no-such-dialogue"],
    ["commitments", "--party", "france", "--format", "json"],
    ["commitments", "-p", "Viet Nam", "--kind", "plan"],
    ["commitments", "-p", "marchand", "--status", "done", "--format", "csv"],
    ["commitments", "-p", "canada", "--format", "rich", "--width", "120"],
    ["search", "maritime", "security", "--format", "json"],
    ["search", "ZURICH", "SECURITY"],
    ["search", "zzzz", "--format", "json"],
    ["search", "Watanabe", "--format", "csv"],
    ["search", "pa", "--dialogue", "synthetic-3-00007", "--format", "json"],
    ["search", '"maritime security"', "--format", "json"],
    ["search", "maritime", "security", "--order", "relevance", "--format", "csv"],
    ["search", '"security maritime"'],
    ["quotes", "-s", "Marchand", "--topic", "maritime"],
    ["quotes", "--topic", "semiconductors", "--format", "json"],
    ["topic", "maritime-security", "--format", "json"],
    ["topic", "semi"],
    ["topic", "security"],
    ["topic", "AI", "--format", "markdown"],
    ["topic", "space", "--dialogue", "synthetic-3-00003"],
    ["topics", "--dialogue", "synthetic-3-00004", "--format", "json"],
    ["topics", "--dialogue", "no-such-dialogue"],
    ["people", "--dialogue", "synthetic-3-00004", "--format", "csv"],
    ["commitments", "--topic", "critical", "--format", "json"],
    ["commitments", "-p", "france", "--topic", "energy", "--kind", "plan"],
    ["commitments", "--kind", "plan", "--dialogue", "synthetic-3-00006"],
    ["summary", "--dialogue", "synthetic-3-00010", "--format", "json"],
    ["summary", "--dialogue", "synthetic-3-00021"],
    ["summary", "--dialogue", "synthetic-3-00002", "--topic", "water"],
    ["summary", "--topic", "high-speed", "--format", "markdown"],
]
FULL = [
    ["quotes", "--speaker", "Nobody Atall"],
    ["commitments", "--party", "Atlantis"],
    ["search", "détente"],
    ["search", "ZÜRICH"],
    ["search", "long-term"],
    ["quotes", "-s", "Marchand", "--verify"],
    ["commitments", "--kind", "plan", "--format", "csv"],
    ["topic", "nothing-of-the-kind"],
    ["summary", "--format", "json"],
    ["topics"],
    ["people", "--format", "json"],
]


@pytest.mark.parametrize("args", ROUTED + FULL, ids=" ".join)
def test_same_output_with_and_without_the_index(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    answers = _narrowed(monkeypatch)
    on, off = _both([*args, "--data", str(corpus)])
    assert on == off
    # Answered from the index only where the index can narrow the question safely.
    assert (answers[:1] == [True]) == (args in ROUTED)


def test_problems_across_files_are_reported_as_before(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = _narrowed(monkeypatch)
    files = sorted(corpus.glob("*.yaml"))
    _refresh(corpus)
    # A second file with the id of the first.
    text = files[1].read_text(encoding="utf-8")
    copy = corpus / "zz-copy.yaml"
    copy.write_text(text, encoding="utf-8")
    _aged(corpus)
    on, off = _both(["search", "maritime", "--data", str(corpus)])
    assert on == off
    assert "duplicate dialogue id" in on[2]
    copy.unlink()
    # A link to a commitment that is there, then to one that is not.
    first = files[0].read_text(encoding="utf-8")
    did = re.search(r"^  id: (\S+)$", first, re.MULTILINE)
    cid = re.search(r"^commitments:\n  - id: (\S+)$", first, re.MULTILINE)
    assert did is not None
    assert cid is not None
    text = files[9].read_text(encoding="utf-8")
    for target, shown in ((f"{did[1]}/{cid[1]}", ""), ("nowhere/x", "unknown dialogue 'nowhere'")):
        linked = re.sub(
            r"^(commitments:\n  - id: \S+\n)",
            rf"\g<1>    follows: [{target}]\n",
            text,
            count=1,
            flags=re.MULTILINE,
        )
        assert linked != text
        files[9].write_text(linked, encoding="utf-8")
        _aged(corpus)
        on, off = _both(["quotes", "-s", "Marchand", "--data", str(corpus)])
        assert on == off
        assert (on[0] == 1 and shown in on[2]) if shown else on[0] == 0
    # Answered from the index only while every file loads: the sound link, not the others.
    assert answers == [False, False, True, False, False, False]


def test_no_cache_and_off_keep_the_full_path(corpus: Path) -> None:
    args = ["quotes", "-s", "Marchand", "--data", str(corpus)]
    assert runner.invoke(app, [*args, "--no-cache"], env={index.INDEX_ENV: "on"}).exit_code == 0
    assert runner.invoke(app, args, env={index.INDEX_ENV: "off"}).exit_code == 0
    assert not (Path(os.environ[cache.CACHE_ENV]) / "index").exists()


def test_small_data_is_loaded_whole_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = _narrowed(monkeypatch)
    runner.invoke(app, ["quotes", "-s", "Jaishankar"], env={index.INDEX_ENV: "auto"})
    runner.invoke(app, ["quotes", "-s", "Jaishankar"], env={index.INDEX_ENV: "on"})
    assert answers == [False, True]


@pytest.mark.parametrize(
    "damage",
    [
        b"this is not a database at all" * 100,
        b"",
        "foreign",
        "other format",
        "truncated",
    ],
)
def test_a_corrupt_or_foreign_index_is_made_anew(corpus: Path, damage: bytes | str) -> None:
    _refresh(corpus)
    where = index.index_path([corpus])
    assert where is not None
    if damage == "foreign":
        where.unlink()
        with sqlite3.connect(where) as conn:
            conn.execute("CREATE TABLE files(x)")
    elif damage == "other format":
        with sqlite3.connect(where) as conn:
            conn.execute(f"PRAGMA user_version = {index.FORMAT + 1}")
    elif damage == "truncated":
        with sqlite3.connect(where) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data = where.read_bytes()
        where.write_bytes(data[:100] + b"\xff" * (len(data) - 100))
    else:
        assert isinstance(damage, bytes)
        where.write_bytes(damage)
    on, off = _both(["quotes", "--speaker", "Watanabe", "--data", str(corpus)])
    assert on == off
    assert on[0] == 0
    with sqlite3.connect(where) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == index.APPLICATION_ID
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == N


def test_an_unwritable_location_only_costs_speed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would be\n")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    answers = _narrowed(monkeypatch)
    on, off = _both(["quotes", "--speaker", "Watanabe", "--data", str(corpus)])
    assert on == off
    assert on[0] == 0
    assert answers[:1] == [False]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_index_only_costs_speed(corpus: Path) -> None:
    _refresh(corpus)
    where = index.index_path([corpus])
    assert where is not None
    _edit(sorted(corpus.glob("*.yaml"))[1])
    where.parent.chmod(0o500)
    try:
        on, off = _both(["quotes", "--speaker", "Watanabe", "--data", str(corpus)])
    finally:
        where.parent.chmod(0o700)
    assert on == off
    assert on[0] == 0


_WRITER = """
import os, sys, time
from pathlib import Path
from briefing import index
data, mine, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
os.environ[index.INDEX_ENV] = "on"
answered = 0
for n in range(rounds):
    with mine.open("a", encoding="utf-8") as fh:
        fh.write(f"# writer {os.getpid()} edit {n}\\n")
    found = index.knowledge_for([data], lambda ix: ix.speaker("Marchand"), limit=10 * 2**20)
    answered += found is not None
print(answered)
"""


def test_concurrent_writers_do_not_corrupt_it(corpus: Path) -> None:
    files = sorted(corpus.glob("*.yaml"))
    rounds = 12
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(corpus), str(mine), str(rounds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for mine in (files[1], files[2])
    ]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert int(out) >= 1  # a run that waited too long answers from the files instead
    where = index.index_path([corpus])
    assert where is not None
    with sqlite3.connect(where) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    _aged(corpus)
    on, off = _both(["quotes", "--speaker", "Marchand", "--format", "json", "--data", str(corpus)])
    assert on == off
    assert on[0] == 0
    assert _refresh(corpus).indexed == 0


def test_plain_search_words_narrow_and_others_do_not(corpus: Path) -> None:
    where = index.index_path([corpus])
    assert where is not None
    _refresh(corpus)
    conn = index.connect(where)
    assert conn is not None
    try:
        ask = index.Index(conn)
        assert ask.search("maritime") is not None
        assert ask.search("qqqq") == set()
        assert ask.search("long-term") is None
        assert ask.search("détente") is None
        assert ask.speaker("Marchand") is not None
        assert ask.speaker("") is None
        assert ask.party("Atlantis") is None
    finally:
        conn.close()


def test_commands_that_do_not_ask_the_index_never_load_sqlite() -> None:
    code = (
        "import sys\n"
        "from briefing import cli\n"
        "for args in (['topics'], ['quotes', '-s', 'Jaishankar'], ['search', 'ai']):\n"
        "    sys.argv = ['briefing', *args, '--format', 'json']\n"
        "    try:\n"
        "        cli.main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('sqlite3' in sys.modules, file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != index.INDEX_ENV}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert proc.stderr.strip().splitlines()[-1] == "False"


def test_a_database_that_refuses_writes_only_costs_speed(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> index.Refresh:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(index, "refresh", refuse)
    answers = _narrowed(monkeypatch)
    on, off = _both(["commitments", "--party", "france", "--data", str(corpus)])
    assert on == off
    assert on[0] == 0
    assert answers[:1] == [False]


def test_linked_files_are_read_once(corpus: Path) -> None:
    files = sorted(corpus.glob("*.yaml"))
    (corpus / "zz-link.yaml").symlink_to(files[0])
    # The link names the first file again, and so does the second place given.
    assert load.listed_files([corpus, files[1]]) == files
    on, off = _both(["search", "maritime", "--data", str(corpus), "--data", str(files[1])])
    assert on == off
    assert on[0] == 0


def test_the_index_is_private(corpus: Path) -> None:
    _refresh(corpus)
    where = index.index_path([corpus])
    assert where is not None
    assert where.stat().st_mode & 0o077 == 0
    assert where.parent.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "markdown"])
def test_dialogues_are_listed_from_the_index_alone(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    read: list[Path] = []
    real = load._load_one

    def counted(file: Path, *args: object, **kwargs: object) -> object:
        read.append(file)
        return real(file, *args, **kwargs)  # type: ignore[arg-type]

    _refresh(corpus)
    monkeypatch.setattr(load, "_load_one", counted)
    on, off = _both(["dialogues", "--format", fmt, "--data", str(corpus)])
    assert on == off
    assert on[0] == 0
    assert on[1].count("synthetic-3-") >= N
    # The run with the index read no file; the run without it read every one.
    assert len(read) == N


def test_a_prefix_of_a_topic_finds_every_file_that_may_hold_it(corpus: Path) -> None:
    _refresh(corpus)
    where = index.index_path([corpus])
    assert where is not None
    conn = index.connect(where)
    assert conn is not None
    try:
        ask = index.Index(conn)
        whole = load.load_knowledge(corpus)
        for wanted in ("maritime", "security", "high-speed r", "semi", "ai", "nothing"):
            holding = {
                d.id
                for d in whole.dialogues
                for t in d.topics
                for form in (t.id, t.name.lower())
                if form.startswith(wanted) or any(w.startswith(wanted) for w in form.split())
            }
            rows = conn.execute("SELECT fid, did FROM files")
            fids = {fid for fid, did in rows if did in holding}
            found = ask.topic(wanted)
            assert (found is None) == (not fids)
            assert (found or set()) == fids
    finally:
        conn.close()


def test_an_archive_is_indexed_in_batches_and_keeps_no_dialogue_alive(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing import model
    from briefing.index import store

    monkeypatch.setattr(store, "BATCH", 5)
    before = len(model._INDEXES)
    done = _refresh(corpus)
    assert (done.read, done.indexed, done.ok) == (N, N, True)
    assert len(model._INDEXES) <= before
    on, off = _both(["quotes", "--speaker", "Marchand", "--format", "json", "--data", str(corpus)])
    assert on == off


def test_a_name_sqlite_cannot_hold_takes_the_full_path(corpus: Path) -> None:
    files = sorted(corpus.glob("*.yaml"))
    odd = corpus / os.fsdecode(b"dia\xfflogue.yaml")
    files[3].rename(odd)
    _aged(corpus)
    on, off = _both(["dialogues", "--format", "csv", "--data", str(corpus)])
    assert on == off
    assert on[0] == 0


def test_a_cache_entry_of_the_wrong_shape_is_parsed_again(corpus: Path) -> None:
    files = sorted(corpus.glob("*.yaml"))
    key = cache.key_for(files[2].read_bytes())
    store = cache.open_store()
    store.put(key, {"dialogue": 1}, {})
    on, off = _both(["dialogues", "--format", "json", "--data", str(corpus)])
    assert on == off
    assert on[0] == 0


def test_a_build_stopped_between_batches_is_checked_again(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.index import store

    monkeypatch.setattr(store, "BATCH", 6)
    files = sorted(corpus.glob("*.yaml"))
    text = files[1].read_text(encoding="utf-8")
    (corpus / "zz-copy.yaml").write_text(text, encoding="utf-8")  # a dialogue id twice
    _aged(corpus)
    real = store._check

    def stopped(_conn: sqlite3.Connection) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "_check", stopped)
    with pytest.raises(KeyboardInterrupt):
        _refresh(corpus)
    monkeypatch.setattr(store, "_check", real)
    on, off = _both(["dialogues", "--data", str(corpus)])
    assert on == off
    assert "duplicate dialogue id" in on[2]


def test_a_file_with_no_row_is_never_left_out(corpus: Path) -> None:
    _refresh(corpus)
    where = index.index_path([corpus])
    assert where is not None
    raw = sqlite3.connect(where)
    with raw:
        raw.execute("DELETE FROM files WHERE fid = (SELECT max(fid) FROM files)")
    raw.close()
    listed = load.listed_paths(corpus)
    files = [f for f, _ in listed]
    absolute = [a for _, a in listed]
    conn = index.connect(where)
    assert conn is not None
    try:
        from briefing.index.ask import gather, listings

        assert listings(conn, files, absolute) is None
        assert gather(conn, files, absolute, set(), None, LIMIT, None) is None
    finally:
        conn.close()
