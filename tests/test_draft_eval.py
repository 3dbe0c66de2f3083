"""The draft scorer (benchmarks/draft_eval.py): its matching rules and its command line."""

from __future__ import annotations

import copy
import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

BENCHMARKS = ROOT / "benchmarks"
BUNDLED = ROOT / "data" / "dialogue.yaml"
PHILIPPINES = ROOT / "examples" / "japan-philippines" / "2023-02-09-summit.yaml"

Doc = dict[str, Any]


def gold_files() -> list[Path]:
    """Every gold file in the repository, once by real path."""
    found: dict[Path, Path] = {}
    for path in [BUNDLED, *sorted((ROOT / "examples").rglob("*.yaml"))]:
        found.setdefault(path.resolve(), path)
    return list(found.values())


def read(path: Path) -> Doc:
    doc: Doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return doc


@pytest.fixture
def draft_eval(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """benchmarks/draft_eval.py, which is a script directory rather than a package."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("draft_eval")


@pytest.fixture
def gold() -> Doc:
    return read(BUNDLED)


def value(de: ModuleType, gold: Doc, draft: Doc, key: str) -> float | None:
    result: float | None = de.score(gold, draft).value(key)
    return result


def misses(de: ModuleType, gold: Doc, draft: Doc, what: str) -> list[str]:
    return [m.detail for m in de.score(gold, draft).misses if m.what == what]


# --------------------------------------------------------------------------
# Gold against itself


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_gold_against_itself_scores_one_everywhere(draft_eval: ModuleType, path: Path) -> None:
    doc = read(path)
    result = draft_eval.score(doc, copy.deepcopy(doc))
    for metric in draft_eval.METRICS:
        tally = result.tallies[metric.key]
        assert tally.hits == tally.total, metric.key
    assert result.misses == []
    assert result.tallies["quotes_recall"].total == len(doc.get("quotes", []))
    assert result.tallies["commitments_recall"].total == len(doc.get("commitments", []))
    assert result.tallies["participants_recall"].total == len(doc["participants"])


def test_gold_files_are_counted_once_by_real_path(draft_eval: ModuleType) -> None:
    golds = draft_eval.load_golds(draft_eval.DEFAULT_GOLD)
    assert [g.path.resolve() for g in golds] == [p.resolve() for p in gold_files()]
    assert len(golds) == len({g.id for g in golds}) == 12
    [bundled] = [g for g in golds if g.path == BUNDLED]
    assert bundled.stems == {"dialogue", "2026-01-16-sd-18"}
    assert bundled.source_files == [
        "india-japan-strategic-dialogue-18.txt",
        "corpus/08_india_japan_fmsd18_2026.txt",
    ]


# --------------------------------------------------------------------------
# Quotes


def test_a_dropped_quote_lowers_recall_only(draft_eval: ModuleType, gold: Doc) -> None:
    draft = copy.deepcopy(gold)
    dropped = draft["quotes"].pop(2)
    n = len(gold["quotes"])
    assert value(draft_eval, gold, draft, "quotes_recall") == (n - 1) / n
    assert value(draft_eval, gold, draft, "quotes_precision") == 1.0
    assert value(draft_eval, gold, draft, "speakers") == 1.0
    [missed] = misses(draft_eval, gold, draft, "missed quote")
    assert " ".join(dropped["text"].split()) in missed
    assert "S Jaishankar (jaishankar)" in missed


def test_an_extra_quote_lowers_precision_only(draft_eval: ModuleType, gold: Doc) -> None:
    draft = copy.deepcopy(gold)
    extra = {**draft["quotes"][0], "id": "extra", "text": "Words nobody said."}
    draft["quotes"].append(extra)
    n = len(gold["quotes"])
    assert value(draft_eval, gold, draft, "quotes_precision") == n / (n + 1)
    assert value(draft_eval, gold, draft, "quotes_recall") == 1.0
    assert misses(draft_eval, gold, draft, "spurious quote") == [
        "S Jaishankar (jaishankar): \u201cWords nobody said.\u201d"
    ]


def test_a_quote_matches_whatever_its_edges_and_spacing(draft_eval: ModuleType) -> None:
    gold = read(BUNDLED)
    draft = copy.deepcopy(gold)
    # "Economic security today is particularly paramount,"
    draft["quotes"][0]["text"] = (
        "\u201c Economic  security today\n is particularly paramount.\u201d "
    )
    # "in order to have the engagement ... such cooperation."
    quad = draft["quotes"][4]
    quad["text"] = "'" + quad["text"].rstrip(".") + "\u2019"
    assert value(draft_eval, gold, draft, "quotes_recall") == 1.0
    assert value(draft_eval, gold, draft, "quotes_precision") == 1.0
    assert value(draft_eval, gold, draft, "speakers") == 1.0
    # Inside the quote nothing is forgiven: case, words, or an apostrophe.
    for changed in (
        "economic security today is particularly paramount,",
        "Economic security is particularly paramount,",
        "Economic security today is particularly, paramount",
    ):
        draft["quotes"][0]["text"] = changed
        assert value(draft_eval, gold, draft, "quotes_recall") == 7 / 8, changed


def test_quote_key(draft_eval: ModuleType) -> None:
    key = draft_eval.quote_key
    assert key("  \u2018it\u2019s  fine,\u2019 ") == "it\u2019s fine"
    assert key('"(yes)"') == "yes"
    assert key("`quoted\u00b4") == "quoted"
    assert key("\u201c\u201d") == ""
    assert key("cafe\u0301") == "caf\u00e9"


def test_quotes_are_matched_one_to_one(draft_eval: ModuleType, gold: Doc) -> None:
    draft = copy.deepcopy(gold)
    draft["quotes"].append(copy.deepcopy(draft["quotes"][0]))
    n = len(gold["quotes"])
    assert value(draft_eval, gold, draft, "quotes_precision") == n / (n + 1)
    assert value(draft_eval, gold, draft, "quotes_recall") == 1.0


# --------------------------------------------------------------------------
# Speakers


def test_a_swapped_speaker_lowers_speaker_accuracy(draft_eval: ModuleType, gold: Doc) -> None:
    draft = copy.deepcopy(gold)
    draft["quotes"][0]["speaker"] = "motegi"
    n = len(gold["quotes"])
    assert value(draft_eval, gold, draft, "speakers") == (n - 1) / n
    assert value(draft_eval, gold, draft, "quotes_recall") == 1.0
    [wrong] = misses(draft_eval, gold, draft, "wrong speaker")
    assert "gold S Jaishankar (jaishankar), draft Toshimitsu Motegi (motegi)" in wrong


def _renamed(doc: Doc, old: str, new: str, **fields: Any) -> Doc:
    """DOC with participant OLD given the id NEW (and FIELDS), its quotes following."""
    draft = copy.deepcopy(doc)
    for p in draft["participants"]:
        if p["id"] == old:
            p["id"] = new
            p.update(fields)
    for q in draft["quotes"]:
        if q["speaker"] == old:
            q["speaker"] = new
    draft["dialogue"]["chairs"] = [new if c == old else c for c in draft["dialogue"]["chairs"]]
    return draft


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("S Jaishankar", []),  # same name
        ("Dr. S. Jaishankar", []),  # the same name, written differently
        ("Subrahmanyam Jaishankar", []),  # same surname
        ("Jaishankar", []),  # the surname alone
        ("External Affairs Minister", ["S. Jaishankar"]),  # an alias in common
    ],
)
def test_a_speaker_with_another_id_is_the_same_person(
    draft_eval: ModuleType, gold: Doc, name: str, aliases: list[str]
) -> None:
    draft = _renamed(gold, "jaishankar", "eam", name=name, aliases=aliases)
    assert value(draft_eval, gold, draft, "speakers") == 1.0
    assert value(draft_eval, gold, draft, "participants_recall") == 1.0


def test_names_that_are_not_the_same_person(draft_eval: ModuleType) -> None:
    def who(name: str, *aliases: str) -> Any:
        return draft_eval.participant({"id": "x", "name": name, "aliases": list(aliases)})

    same = draft_eval.same_speaker
    assert not same(who("Narendra Modi"), who("Toshimitsu Motegi"))
    # Sharing a title or a suffix is not sharing a surname.
    assert not same(who("Foreign Minister"), who("Prime Minister"))
    assert not same(who("Ferdinand Marcos Jr."), who("Martin Luther King Jr."))
    assert same(who("Ferdinand Marcos Jr."), who("President Marcos"))
    # A name written family name first.
    assert same(who("Hayashi Yoshimasa"), who("Yoshimasa Hayashi"))
    assert same(who("Ursula von der Leyen", "Leyen"), who("Von der Leyen"))


def test_party_speakers_agree_by_name(draft_eval: ModuleType) -> None:
    gold = read(PHILIPPINES)
    draft = copy.deepcopy(gold)
    for party in draft["parties"]:
        if party["id"] == "japan-philippines":
            party.update(id="joint", name="Japan and the Philippines")
    for q in draft["quotes"]:
        q["speaker"] = "joint"
    assert value(draft_eval, gold, draft, "speakers") == 1.0
    # A party is not the person who signed for it, nor another party.
    draft["quotes"][0]["speaker"] = "kishida"
    draft["quotes"][1]["speaker"] = "japan"
    assert value(draft_eval, gold, draft, "speakers") == 1 / 3


def test_an_unknown_speaker_id_is_taken_as_a_name(draft_eval: ModuleType, gold: Doc) -> None:
    draft = copy.deepcopy(gold)
    for q in draft["quotes"]:
        q["speaker"] = {"jaishankar": "s-jaishankar", "kitamura": "someone"}[q["speaker"]]
    assert value(draft_eval, gold, draft, "speakers") == 7 / 8


# --------------------------------------------------------------------------
# Commitments


def _evidence(doc: Doc, commitment: str) -> dict[str, Any]:
    found = next(c for c in doc["commitments"] if c["id"] == commitment)
    evidence: dict[str, Any] = found["evidence"]
    return evidence


def test_commitment_evidence_contained_in_the_other_matches(
    draft_eval: ModuleType, gold: Doc
) -> None:
    draft = copy.deepcopy(gold)
    # The gold evidence is two sentences; the draft keeps the first only.
    _evidence(draft, "ai-strategic-dialogue")["text"] = (
        "Both nations decided to establish a Japan-India AI strategic dialogue."
    )
    # The draft's is longer than the gold's, which it holds.
    _evidence(draft, "bullet-train-support")["text"] = (
        "Japan reaffirmed its commitment to the Mumbai-Ahmedabad bullet train project, known as"
        " Shinkansen. The Japanese government confirmed plans"
    )
    for c in draft["commitments"]:
        c["id"] = "draft-" + c["id"]
    assert value(draft_eval, gold, draft, "commitments_recall") == 1.0
    assert value(draft_eval, gold, draft, "commitments_precision") == 1.0
    assert value(draft_eval, gold, draft, "kinds") == 1.0


def test_evidence_overlap(draft_eval: ModuleType) -> None:
    overlap = draft_eval.evidence_overlap
    shared = "The two sides agreed to hold the next round in Tokyo."  # 11 words
    assert overlap(f"Talks went well. {shared}", f"{shared} Both welcomed it.") == 11
    assert overlap("It rained. They met.", "They met. It snowed.") == 0  # too short to share
    assert overlap("  The ministers met  in Delhi.", "The ministers met") == 3
    assert overlap("The ministers met in Delhi.", "ministers") == 0  # too short to contain
    assert overlap("Dr. S. Jaishankar met Mr. Motegi in Delhi on Friday.", "Motegi") == 0
    assert overlap("", "anything at all here") == 0


def test_an_unrelated_commitment_counts_against_precision(
    draft_eval: ModuleType, gold: Doc
) -> None:
    draft = copy.deepcopy(gold)
    draft["commitments"][0]["evidence"]["text"] = "The ministers posed for a photograph."
    n = len(gold["commitments"])
    assert value(draft_eval, gold, draft, "commitments_precision") == (n - 1) / n
    assert value(draft_eval, gold, draft, "commitments_recall") == (n - 1) / n
    assert misses(draft_eval, gold, draft, "spurious commitment") == [
        "ai-strategic-dialogue (decision): The ministers posed for a photograph."
    ]
    [missed] = misses(draft_eval, gold, draft, "missed commitment")
    assert missed.startswith("ai-strategic-dialogue (decision): Both nations decided")


def test_a_changed_kind_lowers_kind_accuracy(draft_eval: ModuleType, gold: Doc) -> None:
    draft = copy.deepcopy(gold)
    draft["commitments"][3]["kind"] = "plan"  # e10-shinkansen-supply, a confirmation
    n = len(gold["commitments"])
    assert value(draft_eval, gold, draft, "kinds") == (n - 1) / n
    assert value(draft_eval, gold, draft, "commitments_recall") == 1.0
    [wrong] = misses(draft_eval, gold, draft, "wrong kind")
    assert wrong.startswith("e10-shinkansen-supply: gold confirmation, draft plan")


def test_commitments_are_matched_best_overlap_first(draft_eval: ModuleType) -> None:
    long = (
        "Officials agreed to convene the joint working group on critical minerals early this year."
    )
    gold = {
        "commitments": [
            {"id": "short", "kind": "plan", "evidence": {"text": "Officials agreed to convene"}},
            {"id": "long", "kind": "decision", "evidence": {"text": long}},
        ]
    }
    draft = {"commitments": [{"id": "d", "kind": "decision", "evidence": {"text": long}}]}
    result = draft_eval.score(gold, draft)
    assert result.value("commitments_recall") == 1 / 2
    assert result.value("kinds") == 1.0  # paired with "long", not with "short"


def test_discussions_and_events_recall(draft_eval: ModuleType, gold: Doc) -> None:
    draft = copy.deepcopy(gold)
    del draft["events"]
    draft["discussions"].pop()
    assert value(draft_eval, gold, draft, "events_recall") == 0.0
    assert value(draft_eval, gold, draft, "discussions_recall") == 6 / 7
    assert misses(draft_eval, gold, draft, "missed event")[0].startswith("call-on-modi: ")


# --------------------------------------------------------------------------
# Participants


def test_roles_agree_without_articles_and_possessives(draft_eval: ModuleType, gold: Doc) -> None:
    draft = copy.deepcopy(gold)
    roles = ["the Foreign Minister", "Japan's foreign minister", "Foreign Ministry Spokesperson"]
    for p, role in zip(draft["participants"], roles, strict=False):
        p["role"] = role
    draft["participants"][3]["role"] = "Chief Minister"
    assert value(draft_eval, gold, draft, "roles") == 3 / 4
    assert misses(draft_eval, gold, draft, "wrong role") == [
        "Narendra Modi: gold \u201cPrime Minister\u201d, draft \u201cChief Minister\u201d"
    ]
    del draft["participants"][1]
    assert value(draft_eval, gold, draft, "participants_recall") == 3 / 4


def test_a_draft_of_any_shape_is_scored(draft_eval: ModuleType, gold: Doc) -> None:
    drafts: list[Doc] = [
        {},
        {"quotes": None, "commitments": "none", "participants": [1, None]},
        {"quotes": [{"text": None, "speaker": 3}], "commitments": [{"evidence": "x"}]},
    ]
    for draft in drafts:
        result = draft_eval.score(gold, draft)
        assert result.value("quotes_recall") == 0.0
        assert result.value("commitments_recall") == 0.0


# --------------------------------------------------------------------------
# The command line


def _drafts_dir(tmp_path: Path) -> Path:
    """A copy of every gold file, named by dialogue id, as a directory of drafts."""
    directory = tmp_path / "drafts"
    directory.mkdir()
    for path in gold_files():
        doc = read(path)
        (directory / f"{doc['dialogue']['id']}.yaml").write_bytes(path.read_bytes())
    return directory


def test_written_drafts_are_scored(
    draft_eval: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = _drafts_dir(tmp_path)
    assert draft_eval.main(["--drafts", str(drafts), "--check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| Article | Quotes P | Quotes R | Speakers |")
    assert "| india-japan-sd-18 | 1.00 (8/8) | 1.00 (8/8) |" in out
    assert "| **Overall (micro)** |" in out
    assert "micro-averaged" in out
    assert out.count("| PASS |") == 12 + 1 + 6

    # One draft loses its quotes: recall misses its target; --check says so.
    broken = read(drafts / "india-japan-sd-18.yaml")
    broken["quotes"] = []
    (drafts / "india-japan-sd-18.yaml").write_text(yaml.safe_dump(broken), encoding="utf-8")
    assert draft_eval.main(["--drafts", str(drafts)]) == 0
    assert draft_eval.main(["--drafts", str(drafts), "--check", "--verbose"]) == 1
    out = capsys.readouterr().out
    assert "| quotes recall | 0.852 | >= 0.95 | FAIL |" in out
    assert "### india-japan-sd-18 (data/dialogue.yaml)" in out
    assert "- missed quote: Toshihiro Kitamura (kitamura): \u201cin order to have" in out


def test_drafts_are_matched_by_stem_or_id(
    draft_eval: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    # Named as the gold file, or as its symlink, or anything with the dialogue id inside.
    (drafts / "2023-02-09-summit.yaml").write_bytes(PHILIPPINES.read_bytes())
    sd18 = read(BUNDLED)
    sd18["dialogue"]["id"] = "india-japan-sd-18"
    (drafts / "whatever.yaml").write_text(yaml.safe_dump(sd18), encoding="utf-8")
    (drafts / "stray.yaml").write_text("dialogue: {id: nothing-like-it}\n", encoding="utf-8")
    args = ["--drafts", str(drafts), "--gold", str(BUNDLED), "--gold", str(PHILIPPINES)]
    assert draft_eval.main([*args, "--json", "--check"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert [a["draft"] for a in report["articles"]] == [
        str(drafts / "whatever.yaml"),
        str(drafts / "2023-02-09-summit.yaml"),
    ]
    assert report["passed"] is True
    assert report["overall"]["quotes_recall"] == {
        "hits": 11,
        "total": 11,
        "value": 1.0,
        "target": 0.95,
        "met": True,
    }
    assert "stray.yaml: matches no gold file" in captured.err

    # Without its draft, a gold file is scored as an empty draft.
    (drafts / "whatever.yaml").unlink()
    assert draft_eval.main([*args, "--check"]) == 1
    captured = capsys.readouterr()
    assert "FAIL (Quotes R, Commit. R, no draft)" in captured.out
    assert "india-japan-sd-18: no draft; scored as an empty one" in captured.err


def test_without_the_drafter_the_run_says_so(
    draft_eval: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As if the drafter were not there, even once it is and has been imported.
    for name in ("briefing.draft", "briefing.draft.sources", "briefing.draft.assemble"):
        monkeypatch.setitem(sys.modules, name, None)
    assert draft_eval.main([]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "the drafter is not available" in captured.err
    assert "--drafts DIR" in captured.err


def _sources(tmp_path: Path) -> Path:
    sources = tmp_path / "sources"
    for name in read(BUNDLED)["dialogue"]["sources"]:
        (sources / name["file"]).parent.mkdir(parents=True, exist_ok=True)
        (sources / name["file"]).write_text("text\n", encoding="utf-8")
    return sources


def test_drafts_are_made_through_the_drafter(
    draft_eval: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    seen: list[list[str]] = []

    def draft_plain(texts: list[object]) -> Doc:
        seen.append([Path(str(t)).name for t in texts])
        return read(BUNDLED)

    drafter = draft_eval.Drafter(read_source=lambda path: path, draft_plain=draft_plain)
    monkeypatch.setattr(draft_eval, "load_drafter", lambda: drafter)
    sources = _sources(tmp_path)
    saved = tmp_path / "saved"
    args = ["--gold", str(BUNDLED), "--sources", str(sources), "--save-drafts", str(saved)]
    assert draft_eval.main([*args, "--check"]) == 0
    assert seen == [["india-japan-strategic-dialogue-18.txt", "08_india_japan_fmsd18_2026.txt"]]
    assert read(saved / "dialogue.yaml") == read(BUNDLED)
    assert "| india-japan-sd-18 | 1.00 (8/8) |" in capsys.readouterr().out

    # Sources are found through BRIEFING_SOURCES too; a missing one stops the run.
    monkeypatch.setenv("BRIEFING_SOURCES", str(sources))
    assert draft_eval.main(["--gold", str(BUNDLED)]) == 0
    (sources / "india-japan-strategic-dialogue-18.txt").unlink()
    assert draft_eval.main(["--gold", str(BUNDLED)]) == 2
    assert "india-japan-strategic-dialogue-18.txt not found under" in capsys.readouterr().err


def test_a_failing_drafter_is_reported(
    draft_eval: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def draft_plain(texts: list[object]) -> Doc:
        raise ValueError(f"no headline in {len(texts)} texts")

    drafter = draft_eval.Drafter(read_source=str, draft_plain=draft_plain)
    monkeypatch.setattr(draft_eval, "load_drafter", lambda: drafter)
    args = ["--gold", str(BUNDLED), "--sources", str(_sources(tmp_path)), "--verbose"]
    assert draft_eval.main(args) == 2
    captured = capsys.readouterr()
    assert "no score: drafting failed" in captured.out
    assert "india-japan-sd-18: drafting failed: ValueError: no headline in 2 texts" in captured.err
    assert "Traceback" in captured.err


def test_an_unreadable_draft_is_reported(
    draft_eval: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "2023-02-09-summit.yaml").write_text("quotes: [unclosed\n", encoding="utf-8")
    (drafts / "dialogue.yaml").write_bytes(BUNDLED.read_bytes())
    (drafts / "india-japan-sd-18.yaml").write_bytes(BUNDLED.read_bytes())
    args = ["--drafts", str(drafts), "--gold", str(BUNDLED), "--gold", str(PHILIPPINES)]
    assert draft_eval.main(args) == 2
    captured = capsys.readouterr()
    assert "FAIL (Quotes R, Commit. R, no score: several drafts)" in captured.out
    assert "FAIL (Quotes R, Commit. R, no score: unreadable draft)" in captured.out
    assert "japan-philippines-summit-2023: unreadable draft: " in captured.err


def test_a_draft_that_cannot_be_saved_is_still_scored(
    draft_eval: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def draft_plain(texts: list[object]) -> Doc:
        return {**read(BUNDLED), "extra": texts}  # the texts are not plain data

    drafter = draft_eval.Drafter(read_source=Path, draft_plain=draft_plain)
    monkeypatch.setattr(draft_eval, "load_drafter", lambda: drafter)
    sources = str(_sources(tmp_path))
    args = ["--gold", str(BUNDLED), "--sources", sources, "--save-drafts", str(tmp_path / "out")]
    assert draft_eval.main(args) == 2
    captured = capsys.readouterr()
    assert "| india-japan-sd-18 | 1.00 (8/8) |" in captured.out
    assert "india-japan-sd-18: the draft could not be saved: " in captured.err
