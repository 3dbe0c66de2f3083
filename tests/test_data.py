"""Every knowledge file in the repository is faithful to its source texts.

Every quote and every evidence sentence must be a verbatim substring of the
source it cites (after normalising curly quotes and white space), and names
the source does not use must be marked as such. The source texts are found
through $BRIEFING_SOURCES or at ../shared/sources/ beside the checkout; each
source's `file` is a path relative to that folder. The bundled file gets
further checks of what its source says.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from briefing.load import bundled_data, load_knowledge
from briefing.model import Commitment, Dialogue, Discussion, Event

ROOT = Path(__file__).parent.parent


def sources_dir() -> Path | None:
    env = os.environ.get("BRIEFING_SOURCES")
    candidates = [Path(env)] if env else []
    candidates.append(ROOT.parent / "shared" / "sources")
    return next((c for c in candidates if c.is_dir()), None)


def normalise(text: str) -> str:
    table: dict[str, str | int | None] = {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
    text = text.translate(str.maketrans(table))
    return " ".join(text.split())


@pytest.fixture(scope="module")
def dialogue() -> Dialogue:
    [d] = load_knowledge(bundled_data(), use_cache=False).dialogues
    return d


@pytest.fixture(scope="module")
def source_text(dialogue: Dialogue) -> str:
    directory = sources_dir()
    if directory is None:
        reason = (
            "source texts not found: set BRIEFING_SOURCES to the folder holding"
            f" {dialogue.sources[0].file}, or place it at ../shared/sources/"
        )
        if os.environ.get("BRIEFING_REQUIRE_SOURCES"):
            pytest.fail(reason)
        pytest.skip(reason)
    name = dialogue.sources[0].file
    assert name is not None
    return normalise((directory / name).read_text(encoding="utf-8"))


def test_quotes_are_exactly_the_quoted_passages(dialogue: Dialogue, source_text: str) -> None:
    """Each quote is one whole passage between quotation marks, nothing more or less."""
    passages = [normalise(p) for p in re.findall(r'"([^"]+)"', source_text)]
    seed = dialogue.sources[0].id
    quoted = [normalise(q.text) for q in dialogue.quotes if q.source == seed]
    assert sorted(quoted) == sorted(passages)


def test_attribution(dialogue: Dialogue) -> None:
    speakers = [q.speaker for q in dialogue.quotes if q.source == dialogue.sources[0].id]
    assert speakers.count("jaishankar") == 4
    assert speakers.count("kitamura") == 1
    assert "motegi" not in speakers
    assert dialogue.chairs == ("jaishankar", "motegi")


def test_facts(dialogue: Dialogue) -> None:
    assert dialogue.ordinal == 18
    assert dialogue.date == dt.date(2026, 1, 16)
    assert dialogue.date.strftime("%A") == dialogue.date_as_written == "Friday"
    assert dialogue.location == "New Delhi"
    assert {p.id for p in dialogue.participants} >= {"jaishankar", "motegi", "kitamura", "modi"}
    minerals = next(c for c in dialogue.commitments if c.id == "minerals-working-group")
    assert minerals.timeline == "early this year"
    assert minerals.window is not None
    assert "nterpretation" in minerals.window.note


def test_kinds_separate_what_the_source_separates(dialogue: Dialogue) -> None:
    kinds = {c.id: c.kind for c in dialogue.commitments}
    assert kinds["ai-strategic-dialogue"] == "decision"
    assert kinds["bullet-train-support"] == "reaffirmation"
    assert kinds["e10-shinkansen-supply"] == "confirmation"
    assert kinds["radio-antenna-deal"] == "interest"
    assert kinds["minerals-working-group"] == "plan"


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("BRIEFING_REQUIRE_SOURCES"):
        pytest.fail(reason)
    pytest.skip(reason)


def knowledge_files() -> list[Path]:
    files = [ROOT / "data" / "dialogue.yaml"]
    examples = ROOT / "examples"
    if examples.is_dir():
        files += sorted(p for p in examples.rglob("*.yaml") if not p.is_symlink())
    return files


def _texts_by_source(d: Dialogue) -> dict[str, str]:
    directory = sources_dir()
    if directory is None:
        _skip_or_fail(
            "source texts not found: set BRIEFING_SOURCES, or place them at ../shared/sources/"
        )
    assert directory is not None
    texts = {}
    for source in d.sources:
        assert source.file, f"{d.id}: source {source.id} names no file to check against"
        texts[source.id] = normalise((directory / source.file).read_text(encoding="utf-8"))
    return texts


@pytest.mark.parametrize("path", knowledge_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_is_verbatim_to_the_source_each_item_cites(path: Path) -> None:
    for d in load_knowledge(path, use_cache=False).dialogues:
        texts = _texts_by_source(d)
        for quote in d.quotes:
            assert normalise(quote.text) in texts[quote.source], (d.id, quote.id)
        items: list[Commitment | Discussion | Event] = [
            *d.commitments,
            *d.discussions,
            *d.events,
        ]
        for item in items:
            cited = texts[item.evidence.source]
            assert normalise(item.evidence.text) in cited, (d.id, item.id)
        every = " ".join(texts.values())
        names = [o for c in d.commitments for o in c.other_names]
        names += [o for p in d.participants for o in p.other_names]
        for other in names:
            assert normalise(other.name) not in every, (d.id, other.name)
            # The note says where the name comes from, and what the source uses instead.
            assert "source" in other.note.lower(), (d.id, other.name)
        for p in d.participants:
            for alias in p.aliases:
                assert normalise(alias) in every, (d.id, p.id, alias)


def test_names_outside_the_source_are_marked(dialogue: Dialogue, source_text: str) -> None:
    names = [o for c in dialogue.commitments for o in c.other_names]
    names += [o for p in dialogue.participants for o in p.other_names]
    assert names
    for other in names:
        assert normalise(other.name) not in source_text
        assert "not" in other.note
