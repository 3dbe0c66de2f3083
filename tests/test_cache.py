"""The cache of validated knowledge files: a speed-up that never changes a result."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing import cache
from briefing.cli import app
from briefing.errors import DataError
from briefing.load import bundled_data, load_knowledge
from briefing.model import Knowledge

BAD = Path(__file__).parent / "bad"
runner = CliRunner()


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, not yet existing cache directory; the user's cache is never touched."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def knowledge_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "talks.yaml"
    path.parent.mkdir()
    path.write_bytes((BAD / "ok-minimal.yaml").read_bytes())
    return path


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.json")) if directory.is_dir() else []


def load(path: Path, *, use_cache: bool = True) -> Knowledge:
    return load_knowledge(path, use_cache=use_cache)


def test_same_result_with_and_without_cache(cache_dir: Path) -> None:
    fresh = load(bundled_data(), use_cache=False)
    assert entries(cache_dir) == []
    cold = load(bundled_data())
    assert len(entries(cache_dir)) == 1
    warm = load(bundled_data())
    assert fresh == cold == warm


def test_same_output_with_and_without_cache(knowledge_file: Path) -> None:
    args = ["summary", "--data", str(knowledge_file), "--format", "json"]
    uncached = runner.invoke(app, [*args, "--no-cache"])
    cold = runner.invoke(app, args)
    warm = runner.invoke(app, args)
    assert uncached.exit_code == cold.exit_code == warm.exit_code == 0
    assert uncached.stdout == cold.stdout == warm.stdout


def test_no_cache_neither_reads_nor_writes(cache_dir: Path, knowledge_file: Path) -> None:
    load(knowledge_file, use_cache=False)
    assert not cache_dir.exists()


def test_edit_keeping_size_and_mtime_is_seen(knowledge_file: Path) -> None:
    before = knowledge_file.stat()
    assert load(knowledge_file).dialogues[0].participants[0].name == "S Jaishankar"
    text = knowledge_file.read_text(encoding="utf-8")
    edited = text.replace("name: S Jaishankar", "name: S Jaishankaz")
    assert len(edited) == len(text)
    assert edited != text
    knowledge_file.write_text(edited, encoding="utf-8")
    os.utime(knowledge_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = knowledge_file.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert load(knowledge_file).dialogues[0].participants[0].name == "S Jaishankaz"


def test_file_with_errors_is_never_cached(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes((BAD / "dangling-speaker.yaml").read_bytes())
    reports = []
    for _ in range(3):
        with pytest.raises(DataError) as caught:
            load(path)
        reports.append([str(p) for p in caught.value.problems])
    assert reports[0] == reports[1] == reports[2]
    assert "unknown participant or party 'jaishenkar'" in reports[0][0]
    assert entries(cache_dir) == []


def test_errors_are_reported_on_every_run_of_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes((BAD / "several-problems.yaml").read_bytes())
    first = runner.invoke(app, ["validate", str(path)])
    second = runner.invoke(app, ["validate", str(path)])
    assert first.exit_code == second.exit_code == 1
    assert first.stderr == second.stderr
    assert len(first.stderr.splitlines()) == 6


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda _: b"", id="empty"),
        pytest.param(lambda _: b"\x80\x04\x95not json", id="binary"),
        pytest.param(lambda _: b"[1, 2, 3]", id="not-an-object"),
        pytest.param(lambda raw: raw.replace(b'"key": "', b'"key": "x'), id="wrong-key"),
        pytest.param(
            lambda raw: json.dumps({"key": json.loads(raw)["key"], "plain": {}}).encode(),
            id="wrong-shape",
        ),
        pytest.param(
            lambda raw: json.dumps(
                {"key": json.loads(raw)["key"], "plain": {**json.loads(raw)["plain"], "id_mark": 7}}
            ).encode(),
            id="bad-id-mark",
        ),
    ],
)
def test_damaged_entry_is_ignored_and_rebuilt(
    cache_dir: Path, knowledge_file: Path, damage: Callable[[bytes], bytes]
) -> None:
    expected = load(knowledge_file)
    (entry,) = entries(cache_dir)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    assert load(knowledge_file) == expected
    assert entry.read_bytes() == good


def test_unwritable_cache_directory_still_gives_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, knowledge_file: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory\n")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocker / "cache"))
    expected = load(knowledge_file, use_cache=False)
    assert load(knowledge_file) == expected
    assert load(knowledge_file) == expected
    result = runner.invoke(app, ["validate", str(knowledge_file)])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert blocker.read_text() == "not a directory\n"


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root, which can write into a read-only directory",
)
def test_read_only_cache_directory_still_gives_results(
    cache_dir: Path, knowledge_file: Path
) -> None:
    cache_dir.mkdir(mode=0o500)
    try:
        expected = load(knowledge_file, use_cache=False)
        assert load(knowledge_file) == expected
        assert entries(cache_dir) == []
    finally:
        cache_dir.chmod(0o700)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_entries_are_owner_only(cache_dir: Path, knowledge_file: Path) -> None:
    old = os.umask(0o022)
    try:
        load(knowledge_file)
    finally:
        os.umask(old)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    (entry,) = entries(cache_dir)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert [p.name for p in cache_dir.iterdir()] == [entry.name]  # no temporary files left


def test_entries_are_json_not_pickle(cache_dir: Path, knowledge_file: Path) -> None:
    load(knowledge_file)
    (entry,) = entries(cache_dir)
    raw = entry.read_bytes()
    assert not raw.startswith(b"\x80")  # every pickle protocol from 2 on starts so
    document = json.loads(raw.decode("utf-8"))
    assert set(document) == {"key", "plain", "marks"}
    assert entry.name == f"{document['key']}.json"
    assert document["plain"]["dialogue"]["id"] == "talks-1"


def test_key_follows_the_bytes_only() -> None:
    data = (BAD / "ok-minimal.yaml").read_bytes()
    assert cache.key_for(data) == cache.key_for(bytes(data))
    assert cache.key_for(data) != cache.key_for(data + b"\n")
    assert cache.key_for(data) != cache.key_for(data.replace(b"Delhi", b"Delhj"))


def test_same_bytes_at_two_paths_keep_their_own_paths(tmp_path: Path) -> None:
    """One entry serves both files, but each dialogue names its own file."""
    first = tmp_path / "one" / "a.yaml"
    second = tmp_path / "two" / "a.yaml"
    for path in (first, second):
        path.parent.mkdir()
        path.write_bytes((BAD / "ok-minimal.yaml").read_bytes())
    assert load(first).dialogues[0].path == str(first)
    assert load(second).dialogues[0].path == str(second)


def test_cache_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "here"))
    assert cache.cache_dir() == tmp_path / "here"
    monkeypatch.delenv("BRIEFING_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "briefing"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "briefing"


def test_no_home_directory_means_no_cache(
    monkeypatch: pytest.MonkeyPatch, knowledge_file: Path
) -> None:
    monkeypatch.delenv("BRIEFING_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert cache.cache_dir() is None
    store = cache.open_store()
    store.put("k", {"a": 1}, {})
    assert store.get("k") is None
    assert load(knowledge_file) == load(knowledge_file, use_cache=False)


def test_one_entry_per_file(cache_dir: Path, tmp_path: Path) -> None:
    text = (BAD / "ok-minimal.yaml").read_text(encoding="utf-8")
    for name in ("a", "b", "c"):
        (tmp_path / "dir").mkdir(exist_ok=True)
        (tmp_path / "dir" / f"{name}.yaml").write_text(text.replace("talks-1", f"talks-{name}"))
    cold = load(tmp_path / "dir")
    assert len(entries(cache_dir)) == 3
    assert load(tmp_path / "dir") == cold


def test_failed_write_leaves_nothing_and_stops_writing(
    cache_dir: Path, knowledge_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = 0

    def failing_replace(*_: object) -> None:
        nonlocal calls
        calls += 1
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    store = cache.open_store()
    store.put("k1", {"a": 1}, {})
    store.put("k2", {"a": 2}, {})
    assert calls == 1  # the first failure turns writing off
    assert list(cache_dir.iterdir()) == []
    assert load(knowledge_file) == load(knowledge_file, use_cache=False)


def test_interrupted_write_leaves_nothing(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache.open_store().put("k", {"a": 1}, {})
    assert list(cache_dir.iterdir()) == []
