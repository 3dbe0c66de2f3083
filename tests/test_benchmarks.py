"""The benchmark's corpus generator and a quick run of the benchmark itself."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from typer.testing import CliRunner

from briefing.cli import app

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
runner = CliRunner()


@pytest.fixture
def generate(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """benchmarks/generate.py, which is a script directory rather than a package."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("generate")


def _files(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_same_seed_gives_the_same_bytes(generate: ModuleType, tmp_path: Path) -> None:
    assert generate.main(["3", str(tmp_path / "a"), "--seed", "7"]) == 0
    subprocess.run(
        [sys.executable, str(BENCHMARKS / "generate.py"), "3", str(tmp_path / "b"), "--seed", "7"],
        check=True,
        capture_output=True,
    )
    generate.generate(3, tmp_path / "c", 8)
    first = _files(tmp_path / "a")
    assert list(first) == ["dialogue-0001.yaml", "dialogue-0002.yaml", "dialogue-0003.yaml"]
    assert first == _files(tmp_path / "b")
    assert first != _files(tmp_path / "c")


def test_generated_files_have_the_documented_shape(generate: ModuleType, tmp_path: Path) -> None:
    paths = generate.generate(3, tmp_path, 1)
    docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths]
    assert len({d["dialogue"]["id"] for d in docs}) == 3
    for path, doc in zip(paths, docs, strict=True):
        assert 15_000 < path.stat().st_size < 40_000
        assert doc["schema"] == 1
        assert len(doc["participants"]) == 6
        assert len(doc["parties"]) == 6
        assert len(doc["topics"]) == 8
        assert len(doc["commitments"]) == 25
        assert len(doc["quotes"]) == 25
        assert len(doc["discussions"]) == 5
        assert 1 <= len(doc["events"]) <= 2
        names = [n for p in doc["participants"] for n in (p["name"], *p["aliases"])]
        assert any(not n.isascii() for n in names)
    assert any("window" in c for d in docs for c in d["commitments"])


def test_generated_corpus_validates(generate: ModuleType, tmp_path: Path) -> None:
    generate.generate(3, tmp_path, 1)
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert "ok: 3 dialogues" in result.stdout


def test_archived_corpus_is_the_same_files_proved(generate: ModuleType, tmp_path: Path) -> None:
    plain = generate.generate(3, tmp_path / "plain", 1)
    archived = generate.generate(3, tmp_path / "archived", 1, archived=True)
    for a, b in zip(plain, archived, strict=True):
        # The same file but for each source's three-line archive record.
        extra = [x for x in b.read_text("utf-8").splitlines() if x not in a.read_text("utf-8")]
        assert extra
        assert all(x.strip().startswith(("archive:", "path:", "sha256:")) for x in extra)
    result = runner.invoke(app, ["validate", "--strict", str(tmp_path / "archived")])
    assert result.exit_code == 0, result.stderr
    line = result.stdout
    sources = line.split("; ")[1].split(" of ")[0]
    assert f"{sources} of {sources} sources archived" in line
    assert "proved verbatim" in line


def test_the_speaker_has_quotes_in_every_dialogue(generate: ModuleType, tmp_path: Path) -> None:
    generate.generate(3, tmp_path, 1)
    args = ["quotes", "--speaker", generate.SPEAKER, "--format", "json", "--data", str(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    quotes = json.loads(result.stdout)["quotes"]
    assert {q["speaker_name"] for q in quotes} == {generate.SPEAKER_NAME}
    assert len({q["dialogue_id"] for q in quotes}) == 3


def test_broken_corpus_has_one_error_per_file(generate: ModuleType, tmp_path: Path) -> None:
    generate.generate(3, tmp_path, 1, broken=True)
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3
    for n, line in enumerate(lines, 1):
        assert f"dialogue-000{n}.yaml:" in line
        assert f"unknown participant or party '{generate.DANGLING_SPEAKER}'" in line


def test_selective_corpus_answers_a_few_dialogues(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The index rows' corpus: a speaker and a party in 1% of dialogues, a phrase in 10."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    run = importlib.import_module("run")
    chosen = run.selective_corpus(200, tmp_path, 1)
    assert {k: len(v) for k, v in chosen.items()} == {"speaker": 2, "party": 2, "phrase": 10}
    assert runner.invoke(app, ["validate", str(tmp_path)]).exit_code == 0
    quotes = json.loads(
        runner.invoke(
            app, ["quotes", "-s", run.RARE_SPEAKER, "--format", "json", "--data", str(tmp_path)]
        ).stdout
    )["quotes"]
    assert len({q["dialogue_id"] for q in quotes}) == 2


def test_quick_benchmark_runs(tmp_path: Path) -> None:
    """The whole benchmark at its smallest (about 20 s on a slow machine)."""
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path), "TMPDIR": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "| # | Measurement | Median |" in proc.stdout
    assert "CSafeLoader available" in proc.stdout
    assert "one per file, as expected" in proc.stdout
    rows = [line.split(" | ")[0] for line in proc.stdout.splitlines() if line.startswith("| ")]
    assert rows[-5:] == ["| 11a", "| 11b", "| 11c", "| 11d", "| 11e"]
    assert "Index: N=1000;" in proc.stdout


def test_quick_benchmark_runs_one_group(tmp_path: Path) -> None:
    """--only measures just the rows of the groups named."""
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path), "TMPDIR": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--only", "across"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [line.split(" | ")[0] for line in proc.stdout.splitlines() if line.startswith("| ")]
    assert rows == ["| #", "| 6", "| 7", "| 8", "| 8b", "| 8c"]
    assert "only across" in proc.stdout
