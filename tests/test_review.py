"""Items awaiting review: the `review` note on every kind of item, from the file to each format."""

from __future__ import annotations

from pathlib import Path

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
