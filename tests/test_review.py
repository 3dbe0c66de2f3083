"""Items awaiting review: the `review` note on every kind of item, from the file to each format."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from briefing.cli import app
from briefing.load import load_knowledge, parse_file
from briefing.model import Dialogue

FIXTURE = Path(__file__).parent / "fixtures" / "review.yaml"


def load(*, use_cache: bool = False) -> Dialogue:
    [d] = load_knowledge(FIXTURE, use_cache=use_cache).dialogues
    return d


# -- The format and the model ----------------------------------------------------------


def test_every_kind_of_item_keeps_its_note() -> None:
    d = load()
    assert d.review is not None
    assert d.review.startswith("calendar date taken")
    assert d.path == str(FIXTURE)
    assert [p.review for p in d.parties] == [None, 'party named from "Tokyo" in the source']
    assert [p.review for p in d.participants] == [None, "role taken from a photo caption"]
    assert [t.review for t in d.topics] == ["topic summary generated", None]
    assert [c.review is not None for c in d.commitments] == [True, False, True]
    assert [x.review for x in d.discussions] == ["two paragraphs condensed into one"]
    assert [q.review is not None for q in d.quotes] == [True, False]
    assert [e.review for e in d.events] == ["order of the calls inferred"]
    assert [p.review for p in d.progress] == ["date of the report, not of the meeting"]


def test_a_cached_load_keeps_the_notes() -> None:
    assert load(use_cache=True) == load(use_cache=True) == load()


def test_each_note_is_located_at_its_line() -> None:
    _, marks = parse_file(FIXTURE.read_bytes(), str(FIXTURE))
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    located = {path: at for path, at in marks.items() if path.endswith(".review")}
    assert len(located) == 10
    for line, column in located.values():
        assert lines[line - 1][: column - 1].strip() == "review:"


# -- validate ----------------------------------------------------------------------------

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def signed_off(tmp_path: Path, name: str = "review.yaml") -> Path:
    """The fixture with every review line deleted, as a person signs each item off."""
    lines = FIXTURE.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / name
    path.write_text("".join(x for x in lines if not x.lstrip().startswith("review:")), "utf-8")
    return path


NOTICE = (
    f"briefing: {FIXTURE}: 10 items await review (the dialogue, 1 party, 1 participant,"
    " 1 topic, 2 commitments, 1 discussion, 1 quote, 1 event, 1 progress entry); list them"
    " with --strict, and delete each review line once checked\n"
)


def test_validate_counts_the_items_awaiting_review_and_succeeds() -> None:
    code, out, err = invoke("validate", str(FIXTURE))
    assert code == 0
    assert out == (
        f"{FIXTURE}: ok: 1 dialogue, 2 participants, 2 topics, 2 commitments, 1 interest,"
        " 2 quotes\n"
    )
    assert err == NOTICE
    # JSON keeps its documented result, the empty list; the count is said the same way.
    assert invoke("validate", str(FIXTURE), "--format", "json") == (0, "[]\n", NOTICE)


def test_validate_says_nothing_of_review_once_every_item_is_signed_off(tmp_path: Path) -> None:
    clean = signed_off(tmp_path)
    for args in ((), ("--strict",)):
        code, out, err = invoke("validate", str(clean), *args)
        assert (code, err) == (0, "")
        assert out.startswith(f"{clean}: ok: ")


def test_validate_counts_review_file_by_file(tmp_path: Path) -> None:
    signed_off(tmp_path, "a-signed-off.yaml")
    text = FIXTURE.read_text(encoding="utf-8").replace("review-talks-1", "review-talks-2")
    drafted = tmp_path / "b-drafted.yaml"
    drafted.write_text(text.replace("2026-02-10", "2026-02-11"), encoding="utf-8")
    code, _, err = invoke("validate", str(tmp_path))
    assert code == 0
    assert err == NOTICE.replace(str(FIXTURE), str(drafted))


def test_one_item_awaiting_review_is_counted_in_the_singular(tmp_path: Path) -> None:
    path = signed_off(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    status: agreed\n", "    status: agreed\n    review: x\n"), "utf-8"
    )
    _, _, err = invoke("validate", str(path))
    assert err.startswith(f"briefing: {path}: 1 item awaits review (1 commitment); list")


def test_validate_strict_fails_and_locates_each_item_awaiting_review() -> None:
    code, out, err = invoke("validate", str(FIXTURE), "--strict")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 10
    assert lines[0] == (
        f"{FIXTURE}:19:11: dialogue.review: dialogue 'review-talks-1' awaits review: calendar"
        ' date taken from the week of publication; the source says only "Tuesday"'
        " (check it, then delete its review line)"
    )
    assert lines[7] == (
        f"{FIXTURE}:96:13: quotes[0].review: quote 'minerals-matter' awaits review: speaker"
        ' resolved from "he" across a paragraph (check it, then delete its review line)'
    )
    assert lines[9].startswith(
        f"{FIXTURE}:123:13: progress[0].review: progress entry of 2026-03-20 on"
        " review-talks-1/minerals-group awaits review: date of the report"
    )
    # Each points at the line to delete.
    text = FIXTURE.read_text(encoding="utf-8").splitlines()
    for line in lines:
        number = int(line.removeprefix(f"{FIXTURE}:").split(":")[0])
        assert text[number - 1].lstrip().startswith("review:")


def test_validate_strict_json_lists_each_item_awaiting_review() -> None:
    code, out, err = invoke("validate", str(FIXTURE), "--strict", "--format", "json")
    assert (code, err) == (1, "")
    found = json.loads(out)
    assert [p["path"] for p in found] == [
        "dialogue.review",
        "parties[1].review",
        "participants[1].review",
        "topics[0].review",
        "commitments[0].review",
        "commitments[2].review",
        "discussions[0].review",
        "quotes[0].review",
        "events[0].review",
        "progress[0].review",
    ]
    assert found[4] == {
        "file": str(FIXTURE),
        "line": 60,
        "column": 13,
        "path": "commitments[0].review",
        "message": "commitment 'minerals-group' awaits review: kind chosen between plan and"
        " decision",
        "hint": "check it, then delete its review line",
    }


def test_validate_strict_reports_bad_data_as_without_it() -> None:
    broken = Path(__file__).parent / "bad" / "several-problems.yaml"
    assert invoke("validate", str(broken), "--strict") == invoke("validate", str(broken))


def test_validate_strict_from_the_cache_locates_as_a_fresh_load() -> None:
    fresh = invoke("validate", str(FIXTURE), "--strict", "--no-cache")
    assert invoke("validate", str(FIXTURE), "--strict") == fresh
    assert invoke("validate", str(FIXTURE), "--strict") == fresh
