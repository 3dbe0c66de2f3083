"""Links between meetings: follows, progress and series, checked across the files read together."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.errors import DataError
from briefing.load import load_knowledge
from tests.conftest import ROOT

OK = (ROOT / "tests" / "bad" / "ok-minimal.yaml").read_text(encoding="utf-8")


def meeting(did: str, date: str, *, extra: str = "", ordinal: int | None = None) -> str:
    """The minimal valid file as another meeting, with EXTRA appended at the top level."""
    text = OK.replace("id: talks-1", f"id: {did}").replace("date: 2026-01-16", f"date: {date}")
    if ordinal is not None:
        text = text.replace(
            f"  date: {date}", f"  ordinal: {ordinal}\n  series: talks\n  date: {date}"
        )
    return text + extra


def write(folder: Path, **files: str) -> Path:
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def messages(path: Path, *, use_cache: bool = False) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_knowledge(path, use_cache=use_cache)
    return [str(p).replace(str(path) + "/", "") for p in caught.value.problems]


FOLLOWS = """
    follows: [{target}]
"""


def with_follows(text: str, target: str) -> str:
    # The minimal file's only commitment ends with its evidence block.
    marker = "      text: Both nations decided to establish an AI dialogue.\n"
    assert marker in text
    return text.replace(marker, marker + FOLLOWS.format(target=target).lstrip("\n"))


def progress(target: str, date: str) -> str:
    return f"""
progress:
  - commitment: {target}
    date: {date}
    status: done
    text: The dialogue met.
    evidence:
      source: article
      text: Both nations decided to establish an AI dialogue.
"""


def test_links_that_resolve_load(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        a=meeting("talks-1", "2026-01-16", ordinal=1),
        b=with_follows(meeting("talks-2", "2027-01-15", ordinal=2), "talks-1/ai-dialogue")
        + progress("talks-1/ai-dialogue", "2026-06-01"),
    )
    k = load_knowledge(folder, use_cache=False)
    later = k.dialogues[1]
    assert later.series == "talks"
    assert later.commitments[0].follows == ("talks-1/ai-dialogue",)
    assert later.progress[0].commitment == "talks-1/ai-dialogue"
    assert later.progress[0].date.isoformat() == "2026-06-01"


def test_unknown_commitment_is_located_with_did_you_mean(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        a=meeting("talks-1", "2026-01-16"),
        b=with_follows(meeting("talks-2", "2027-01-15"), "talks-1/ai-dialog"),
    )
    [message] = messages(folder)
    assert message.startswith("b.yaml:")
    assert "commitments[0].follows[0]: unknown commitment 'ai-dialog' in dialogue 'talks-1'" in (
        message
    )
    assert "did you mean 'talks-1/ai-dialogue'?" in message
    line, column = (int(n) for n in message.split(":")[1:3])
    text = (folder / "b.yaml").read_text(encoding="utf-8").splitlines()[line - 1]
    assert text[column - 1 :].startswith("talks-1/ai-dialog")


def test_unknown_dialogue_when_several_are_read(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        a=meeting("talks-1", "2026-01-16"),
        b=with_follows(meeting("talks-2", "2027-01-15"), "talk-1/ai-dialogue"),
    )
    [message] = messages(folder)
    assert "unknown dialogue 'talk-1' (did you mean 'talks-1/ai-dialogue'?)" in message


def test_a_single_file_may_point_at_files_it_is_read_without(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(
        with_follows(meeting("talks-2", "2027-01-15"), "talks-1/ai-dialogue"), encoding="utf-8"
    )
    [d] = load_knowledge(path, use_cache=False).dialogues
    assert d.commitments[0].follows == ("talks-1/ai-dialogue",)


def test_a_link_within_one_file_is_always_checked(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(meeting("talks-1", "2026-01-16", extra=progress("talks-1/nope", "2026-02-01")))
    [message] = messages(tmp_path)
    assert "progress[0].commitment: unknown commitment 'nope' in dialogue 'talks-1'" in message


def test_follows_cycle(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        a=with_follows(meeting("talks-1", "2026-01-16"), "talks-2/ai-dialogue"),
        b=with_follows(meeting("talks-2", "2027-01-15"), "talks-1/ai-dialogue"),
    )
    [message] = messages(folder)
    assert "'follows' goes round in a circle" in message
    assert "talks-1/ai-dialogue -> talks-2/ai-dialogue -> talks-1/ai-dialogue" in message


def test_progress_before_the_meeting(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        a=meeting("talks-1", "2026-01-16"),
        b=meeting("talks-2", "2027-01-15", extra=progress("talks-1/ai-dialogue", "2025-12-31")),
    )
    [message] = messages(folder)
    assert "progress[0].date: expected a date on or after 2026-01-16" in message
    assert "got 2025-12-31" in message


def test_two_rounds_with_one_ordinal(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        a=meeting("talks-1", "2026-01-16", ordinal=3),
        b=meeting("talks-2", "2027-01-15", ordinal=3),
    )
    [message] = messages(folder)
    assert message.startswith("b.yaml:")
    assert "dialogue.ordinal: round 3 of series 'talks' is also dialogue 'talks-1'" in message


@pytest.mark.parametrize("bad", ["talks-1", "Talks/x", "a/b/c", "/x"])
def test_link_syntax_is_checked_when_parsing(tmp_path: Path, bad: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(with_follows(meeting("talks-1", "2026-01-16"), f"'{bad}'"), encoding="utf-8")
    [message] = messages(tmp_path)
    assert "commitments[0].follows[0]: expected a commitment as DIALOGUE_ID/COMMITMENT_ID" in (
        message
    )


def test_marks_survive_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    folder.mkdir()
    write(
        folder,
        a=meeting("talks-1", "2026-01-16"),
        b=meeting("talks-2", "2027-01-15", extra=progress("talks-1/ai-dialogue", "2025-12-31")),
    )
    fresh = messages(folder, use_cache=True)
    # Every file is valid on its own, so both are cached; the cached load must say the same.
    assert len(list((tmp_path / "cache").glob("*.json"))) == 2
    assert messages(folder, use_cache=True) == fresh
