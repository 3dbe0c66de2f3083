"""The drafter's compiled patterns kept in the cache directory (briefing.draft.regex)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.draft import regex

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "sources" / "india-japan-strategic-dialogue-18.txt"

SOURCES = (
    r"\b(?P<who>[A-Z][a-z]+) (?:said|told|added)\b",
    r"(?i:agreed|signed|reaffirmed) (?:to )?(\w+)",
    r"^\s*(?:[\u2022*-]\s*)?(?P<label>published|posted)\s*:?",
)


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh store of compiled forms in an empty cache directory."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex, "_KEPT", regex._Kept())
    return tmp_path


def _file(directory: Path) -> Path:
    (found,) = directory.glob("patterns-*.json")
    return found


def _same(compiled: re.Pattern[str], source: str, flags: int = 0) -> None:
    plain = re.compile(source, flags)
    # CPython patterns are equal when their source, flags and code are.
    assert compiled == plain
    assert compiled.groupindex == plain.groupindex
    assert compiled.groups == plain.groups
    text = "Published: Motegi said they agreed to cooperate. Wang told reporters."
    assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_kept_forms_are_the_compilers_own(kept: Path) -> None:
    for source in SOURCES:
        _same(regex.compile_pattern(source), source)
    regex.remember()
    rows = json.loads(_file(kept).read_text())
    assert sorted(row[0] for row in regex._KEPT.entries()) == sorted(SOURCES)
    assert sorted(row[0] for row in rows) == sorted(SOURCES)
    # A new process (a new store) builds them from the file, not from the source.
    fresh = regex._Kept()
    regex._KEPT.__dict__.update(fresh.__dict__)
    for source in SOURCES:
        _same(regex.compile_pattern(source), source)
    assert regex._KEPT.made == {}, "every pattern came from the file"


@pytest.mark.usefixtures("kept")
def test_flags_are_part_of_the_key() -> None:
    source = r"wang (said)"
    plain = regex.compile_pattern(source)
    folded = regex.compile_pattern(source, re.IGNORECASE)
    regex.remember()
    regex._KEPT.__dict__.update(regex._Kept().__dict__)
    assert regex.compile_pattern(source, re.IGNORECASE).search("Wang said") is not None
    assert regex.compile_pattern(source).search("Wang said") is None
    _same(plain, source)
    _same(folded, source, re.IGNORECASE)


@pytest.mark.parametrize(
    "damage",
    [
        "not json at all {",
        json.dumps({"a": 1}),
        json.dumps([["x", 0]]),
        # The right shape, and code the engine refuses: compiled from the source instead.
        json.dumps([[SOURCES[0], 0, 32, [1, 2, 3], 1, {"who": 1}]]),
    ],
)
def test_a_damaged_file_costs_speed_never_a_result(kept: Path, damage: str) -> None:
    path = regex._Kept.path()
    assert path is not None
    Path(path).write_text(damage)
    _same(regex.compile_pattern(SOURCES[0]), SOURCES[0])
    regex.remember()
    rows = json.loads(_file(kept).read_text())
    assert [row[0] for row in rows] == [SOURCES[0]], "the damaged entry was replaced"


def test_an_unwritable_directory_costs_only_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocked / "under-a-file"))
    monkeypatch.setattr(regex, "_KEPT", regex._Kept())
    _same(regex.compile_pattern(SOURCES[1]), SOURCES[1])
    regex.remember()  # nothing to write into: no error, nothing left behind
    assert list(tmp_path.iterdir()) == [blocked]


@pytest.mark.usefixtures("kept")
def test_invalid_patterns_still_raise() -> None:
    with pytest.raises(re.error):
        regex.compile_pattern(r"(unclosed")


@pytest.mark.skipif(not SEED.is_file(), reason="the seed article is not here")
def test_a_draft_reads_the_same_with_kept_patterns(tmp_path: Path) -> None:
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = [
        subprocess.run(
            [sys.executable, "-m", "briefing", "draft", str(SEED), "--no-archive"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert "participants:" in runs[0]
    kept = json.loads(_file(tmp_path / "cache").read_text())
    assert len(kept) > 50, "the first draft kept what it compiled"
