"""`briefing diff` agrees with `briefing followups` (the issue on follow-ups).

1. An earlier commitment with progress recorded by the later round is continued, never dropped.
2. A pair found only by wording is "probably the same", with both texts.
3. Topics are matched by name and wording across files, never by per-file id.
4. Expressions of interest are kept apart from commitments.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefing import history
from briefing.cli import app
from briefing.followups import Index
from briefing.load import load_knowledge
from briefing.model import Knowledge
from tests.conftest import ROOT

runner = CliRunner()
EXAMPLES = ROOT / "examples" / "india-japan"
TWO_PLUS_TWO = "india-japan-2plus2"
SUMMITS = "india-japan-annual-summit"


def examples() -> Knowledge:
    return load_knowledge(EXAMPLES, use_cache=False)


def run(*args: str) -> str:
    result = runner.invoke(app, [*args, "--width", "0"])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def sections(text: str) -> dict[str, list[str]]:
    """The bullets of `diff --format text` under each heading."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if line.startswith("- "):
            found[current].append(line[2:])
        elif line.endswith(":"):
            current = line[:-1]
            found[current] = []
    return found


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


# -- Small rounds written for a test ---------------------------------------------------------

Item = dict[str, str]


def round_yaml(
    n: int,
    date: str,
    *,
    commitments: Sequence[Item] = (),
    topics: Sequence[Item] = ({"id": "general", "name": "General", "summary": "Talks."},),
    progress: Sequence[Item] = (),
    series: str = "talks",
) -> str:
    """A knowledge file for round N of SERIES; each commitment's `kind` defaults to decision."""
    lines = [
        "schema: 1",
        "dialogue:",
        f"  id: {series}-{n}",
        f"  title: Talks {n}",
        f"  ordinal: {n}",
        f"  series: {series}",
        f"  date: {date}",
        "  location: Tokyo",
        "  chairs: [kumar]",
        "  sources:",
        "    - id: article",
        "      title: Ministers meet",
        "parties:",
        "  - id: india",
        "    name: India",
        "  - id: japan",
        "    name: Japan",
        "participants:",
        "  - id: kumar",
        "    name: Anil Kumar",
        "    role: Minister",
        "    country: India",
        "topics:",
    ]
    for t in topics:
        lines += [f"  - id: {t['id']}", f"    name: {t['name']}", f"    summary: {t['summary']}"]
    lines.append("commitments:" if commitments else "commitments: []")
    for c in commitments:
        kind = c.get("kind", "decision")
        lines += [
            f"  - id: {c['id']}",
            f"    text: {c['text']}",
            "    by: [india, japan]",
            f"    topics: [{topics[0]['id']}]",
            f"    kind: {kind}",
            *([] if kind == "interest" else ["    status: agreed"]),
            *([f"    follows: [{c['follows']}]"] if "follows" in c else []),
            "    evidence:",
            "      source: article",
            f"      text: {c['text']}",
        ]
    if progress:
        lines.append("progress:")
    for p in progress:
        lines += [
            f"  - commitment: {p['commitment']}",
            f"    date: {p['date']}",
            f"    status: {p.get('status', 'under way')}",
            f"    text: {p['text']}",
            "    evidence:",
            "      source: article",
            f"      text: {p['text']}",
        ]
    return "\n".join(lines) + "\n"


def knowledge_of(folder: Path, *texts: str) -> Knowledge:
    for n, text in enumerate(texts):
        (folder / f"k{n}.yaml").write_text(text, encoding="utf-8")
    return load_knowledge(folder, use_cache=False)


def diff_of(folder: Path, *texts: str, old: str = "talks-1", new: str = "talks-2") -> Any:
    return history.diff_view(knowledge_of(folder, *texts), old, new).data


# -- 1. Progress recorded: continued, never dropped ------------------------------------------


def test_security_cooperation_with_progress_is_not_dropped() -> None:
    data = history.diff_view(examples(), None, None, TWO_PLUS_TWO).data
    assert "enhance-security-defence-cooperation" not in ids(data["dropped"])
    [pair] = [
        x
        for x in data["continued"]
        if x["continues"]["id"] == "enhance-security-defence-cooperation"
    ]
    progress = pair["continues"]["latest_progress"]
    assert (progress["dialogue_id"], progress["date"], progress["status"]) == (
        "india-japan-2plus2-3",
        "2024-08-20",
        "under way",
    )
    assert progress["text"].startswith("Singh said both sides had made substantial progress")
    assert ids(data["dropped"]) == ["first-fighter-exercise", "rules-based-order"]


def test_the_text_says_continued_with_the_progress() -> None:
    out = run("diff", "--data", str(EXAMPLES), "--series", TWO_PLUS_TWO, "--format", "text")
    found = sections(out)
    [line] = [x for x in found["Continued"] if "Further enhance security" in x]
    assert "continued (progress recorded): 2024-08-20: under way: Singh said" in line
    assert not any(
        "Further enhance security" in x for x in found["Dropped (not taken up in the later round)"]
    )


def test_diff_never_drops_what_followups_finds_progress_on() -> None:
    k = examples()
    index = Index(k)
    for rounds in index.rounds.values():
        for old, new in itertools.pairwise(rounds):
            assert new.date is not None
            data = history.diff_view(k, old.id, new.id).data
            for c in old.commitments:
                track = index.track(old, c, new.date)
                if track.latest is not None:
                    assert c.id not in ids(data["dropped"]), (old.id, c.id)


def test_progress_recorded_in_any_file_by_the_later_date(tmp_path: Path) -> None:
    old = round_yaml(
        1,
        "2024-01-10",
        commitments=[
            {"id": "drill", "text": "Hold a joint naval drill."},
            {"id": "fund", "text": "Set up a research fund."},
            {"id": "visa", "text": "Ease visa rules for students."},
        ],
    )
    new = round_yaml(2, "2025-01-10", commitments=[{"id": "ports", "text": "Build new ports."}])
    # Progress recorded in a third meeting's file: once before the later round, once after.
    elsewhere = round_yaml(
        1,
        "2024-06-01",
        series="other",
        progress=[
            {"commitment": "talks-1/drill", "date": "2024-06-01", "text": "The drill was held."},
            {"commitment": "talks-1/fund", "date": "2025-03-01", "text": "The fund opened."},
        ],
    )
    data = diff_of(tmp_path, old, new, elsewhere)
    [carried] = data["continued_by_progress"]
    assert (carried["id"], carried["how"]) == ("drill", "progress recorded")
    assert carried["latest_progress"]["dialogue_id"] == "other-1"
    assert carried["latest_progress"]["text"] == "The drill was held."
    # Progress dated after the later round does not count as of it.
    assert ids(data["dropped"]) == ["fund", "visa"]
    out = run("diff", "talks-1", "talks-2", "--data", str(tmp_path), "--format", "text")
    assert sections(out)["Continued"] == [
        "Hold a joint naval drill. (India and Japan; decision), continued (progress recorded):"
        " 2024-06-01: under way: The drill was held."
    ]


def test_the_latest_progress_by_then_is_shown(tmp_path: Path) -> None:
    old = round_yaml(1, "2024-01-10", commitments=[{"id": "drill", "text": "Hold a naval drill."}])
    new = round_yaml(
        2,
        "2025-01-10",
        progress=[
            {"commitment": "talks-1/drill", "date": "2024-05-01", "text": "Planning began."},
            {"commitment": "talks-1/drill", "date": "2024-11-01", "text": "The drill was held."},
            {"commitment": "talks-1/drill", "date": "2025-02-01", "text": "A second drill."},
        ],
    )
    [carried] = diff_of(tmp_path, old, new)["continued_by_progress"]
    assert carried["latest_progress"]["date"] == "2024-11-01"


# -- 2. Pairs found by wording ---------------------------------------------------------------


def test_near_identical_security_commitments_are_probably_the_same() -> None:
    data = history.diff_view(examples(), None, None, TWO_PLUS_TWO).data
    [pair] = [x for x in data["continued"] if x["id"] == "enhance-security-cooperation"]
    assert pair["continues"]["id"] == "enhance-security-defence-cooperation"
    assert pair["how"] == "probably the same"
    assert "enhance-security-cooperation" not in ids(data["new_commitments"])
    out = run("diff", "--data", str(EXAMPLES), "--series", TWO_PLUS_TWO, "--format", "text")
    [line] = [x for x in sections(out)["Continued"] if "probably the same" in x]
    # Both texts, and the evidence of both.
    assert line.startswith("Enhance security cooperation between India and Japan.")
    assert "probably the same: Further enhance security and defence cooperation." in line
    assert "agreed to further enhance their security and defence cooperation" in line
    assert "agreed on enhancing security cooperation between the two countries" in line


def test_a_reworded_commitment_is_paired_and_a_different_one_is_not(tmp_path: Path) -> None:
    old = round_yaml(
        1,
        "2024-01-10",
        commitments=[
            {"id": "minerals", "text": "Convene the joint working group on critical minerals."},
            {"id": "yen-5", "text": "Japan to invest 5 trillion yen in India over five years."},
            {"id": "rail", "text": "Complete the high-speed rail line."},
        ],
    )
    new = round_yaml(
        2,
        "2025-01-10",
        commitments=[
            {
                "id": "minerals-group",
                "text": "Convene the India-Japan joint working group on critical minerals early.",
            },
            {"id": "yen-10", "text": "A goal of 10 trillion yen of investment in 10 years."},
            {"id": "startups", "text": "Boost startup cooperation."},
        ],
    )
    data = diff_of(tmp_path, old, new)
    assert [(x["id"], x["continues"]["id"], x["how"]) for x in data["continued"]] == [
        ("minerals-group", "minerals", "probably the same")
    ]
    assert ids(data["new_commitments"]) == ["yen-10", "startups"]
    assert ids(data["dropped"]) == ["yen-5", "rail"]


def test_the_wording_rule_is_shared_words_of_the_shorter_text() -> None:
    def words(text: str) -> frozenset[str]:
        return frozenset(history._content(text, ("india", "japan")))

    # All three content words of the shorter are in the longer: the parties' names do not count.
    assert (
        history._alike(
            words("Further enhance security and defence cooperation."),
            words("Enhance security cooperation between India and Japan."),
        )
        == 3
    )
    # Five of nine shared: less than two thirds.
    assert not history._alike(
        words("Japan to invest 5 trillion yen ($42 billion) in India over the next five years."),
        words("A goal of 10 trillion yen ($67 billion) of investment in the next 10 years."),
    )
    # One word is never enough.
    assert not history._alike(words("Deepen cooperation."), words("Boost startup cooperation."))


def test_an_interest_is_never_paired_with_a_commitment_by_wording(tmp_path: Path) -> None:
    old = round_yaml(
        1, "2024-01-10", commitments=[{"id": "radar", "text": "Supply radar systems."}]
    )
    new = round_yaml(
        2,
        "2025-01-10",
        commitments=[{"id": "radar-deal", "text": "Supply radar systems.", "kind": "interest"}],
    )
    data = diff_of(tmp_path, old, new)
    assert data["continued"] == []
    assert ids(data["new_interests"]) == ["radar-deal"]
    assert ids(data["dropped"]) == ["radar"]


def test_a_follows_link_wins_over_wording(tmp_path: Path) -> None:
    old = round_yaml(1, "2024-01-10", commitments=[{"id": "fund", "text": "Set up a fund."}])
    new = round_yaml(
        2,
        "2025-01-10",
        commitments=[
            {"id": "fund-again", "text": "Set up a fund."},
            {"id": "fund-doubled", "text": "Double the fund.", "follows": "talks-1/fund"},
        ],
    )
    data = diff_of(tmp_path, old, new)
    assert [(x["id"], x["how"]) for x in data["continued"]] == [("fund-doubled", "follows")]
    assert ids(data["new_commitments"]) == ["fund-again"]


# -- 3. Topics matched by name and wording ---------------------------------------------------


def test_high_speed_rail_is_still_discussed_at_the_later_summit() -> None:
    data = history.diff_view(examples(), None, None, SUMMITS).data
    assert "Mumbai-Ahmedabad high-speed rail" not in data["topics_lost"]
    assert "Infrastructure and transport" not in data["topics_gained"]
    [rail] = [t for t in data["topics_continued"] if t["continues"]["id"] == "high-speed-rail"]
    assert (rail["id"], rail["how"], rail["shared_words"]) == (
        "infrastructure",
        "probably the same",
        ["high-speed", "rail"],
    )
    assert data["topics_lost"] == ["Bilateral relations", "Indo-Pacific", "Russia and Ukraine"]
    out = run("diff", "--data", str(EXAMPLES), "--series", SUMMITS, "--format", "text")
    found = sections(out)
    assert "Japanese investment in India" in found["Topics continued"]
    assert (
        "Infrastructure and transport, probably the same: Mumbai-Ahmedabad high-speed rail"
        " (shared words: high-speed, rail)"
    ) in found["Topics continued"]
    assert not any("high-speed rail" in t for t in found["Topics no longer discussed"])


def test_topics_are_matched_by_name_not_by_their_ids() -> None:
    # The 2+2 files call the same topic "defence" and then "security".
    data = history.diff_view(examples(), None, None, TWO_PLUS_TWO).data
    [same] = [t for t in data["topics_continued"] if t["how"] == "same name"]
    assert (same["continues"]["id"], same["id"]) == ("defence", "security")
    assert "Security and defence cooperation" not in data["topics_lost"] + data["topics_gained"]
    [regional] = [t for t in data["topics_continued"] if t["how"] == "probably the same"]
    assert regional["continues"]["name"] == "Peace and stability in the region"
    assert regional["name"] == "Indo-Pacific and regional issues"
    # Nothing in the later round is about the Quad: an earlier summary naming the
    # Indo-Pacific does not make the Quad the same as a later Indo-Pacific topic.
    assert data["topics_lost"] == ["Quad", "Rules-based global order", "Shinzo Abe"]


def test_topic_names_are_folded_and_unrelated_topics_are_lost(tmp_path: Path) -> None:
    def topic(tid: str, name: str, summary: str) -> Item:
        return {"id": tid, "name": name, "summary": summary}

    old = round_yaml(
        1,
        "2024-01-10",
        topics=[
            topic("eco", "Économie bleue", "The blue economy."),
            topic("space", "Space", "Satellites."),
            topic("def", "Defence cooperation", "Joint drills."),
            topic("fish", "Fisheries", "Quotas for tuna."),
        ],
    )
    new = round_yaml(
        2,
        "2025-01-10",
        topics=[
            topic("blue", "economie BLEUE", "Ports."),
            topic("sat", "Technology", "Cooperation in space and on satellites."),
            topic("sec", "Security", "They discussed defence cooperation and maritime security."),
            topic("multi", "Multilateral cooperation", "The G20, and fisheries."),
        ],
    )
    data = diff_of(tmp_path, old, new)
    pairs = {t["continues"]["id"]: (t["id"], t["how"]) for t in data["topics_continued"]}
    assert pairs == {
        "eco": ("blue", "same name"),
        "space": ("sat", "probably the same"),
        "def": ("sec", "probably the same"),
        "fish": ("multi", "probably the same"),
    }
    # "Cooperation" alone in two names is not enough: only the summary's phrase pairs them.
    data = diff_of(
        tmp_path,
        round_yaml(1, "2024-01-10", topics=[topic("def", "Defence cooperation", "Drills.")]),
        round_yaml(2, "2025-01-10", topics=[topic("multi", "Multilateral cooperation", "G20.")]),
    )
    assert (data["topics_lost"], data["topics_gained"]) == (
        ["Defence cooperation"],
        ["Multilateral cooperation"],
    )


# -- 4. Expressions of interest apart --------------------------------------------------------


def test_an_interest_is_not_a_new_commitment() -> None:
    data = history.diff_view(examples(), None, None, TWO_PLUS_TWO).data
    assert ids(data["new_interests"]) == ["strengthen-partnership-industries"]
    assert "strengthen-partnership-industries" not in ids(data["new_commitments"])
    assert all(c["kind"] != "interest" for c in data["new_commitments"])
    out = run("diff", "--data", str(EXAMPLES), "--series", TWO_PLUS_TWO, "--format", "text")
    found = sections(out)
    assert found["New expressions of interest (not commitments)"] == [
        "Further strengthen partnership with Japan, with mention of the defense and"
        " semiconductor industries. (Narendra Modi; interest)"
    ]
    assert not any("strengthen partnership" in x for x in found["New commitments"])


def test_the_briefing_note_counts_interests_apart() -> None:
    args = ["summary", "--data", str(EXAMPLES), "--dialogue", "india-japan-2plus2-3"]
    out = run(*args, "--format", "text")
    assert (
        "Against the Second India-Japan 2+2 Dialogue (2022-09-08): 2 new, 1 continued,"
        " 2 not taken up; 1 new expression of interest (not commitments)."
    ) in out
    [brief] = json.loads(run(*args, "--format", "json"))["briefings"]
    since = brief["since_last_round"]
    assert since["new_ids"] == ["support-regional-endeavors", "consulate-fukuoka"]
    assert since["new_interest_ids"] == ["strengthen-partnership-industries"]
    assert since["dropped_ids"] == ["first-fighter-exercise", "rules-based-order"]


def test_an_earlier_interest_not_taken_up_is_not_a_dropped_commitment(tmp_path: Path) -> None:
    old = round_yaml(
        1,
        "2024-01-10",
        commitments=[
            {"id": "antenna", "text": "Transfer an antenna system.", "kind": "interest"},
            {"id": "ports", "text": "Build new ports."},
        ],
    )
    data = diff_of(tmp_path, old, round_yaml(2, "2025-01-10"))
    assert ids(data["dropped"]) == ["ports"]
    assert ids(data["dropped_interests"]) == ["antenna"]


@pytest.mark.parametrize("fmt", ["rich", "text", "markdown", "json", "html"])
def test_every_format_shows_the_new_sections(fmt: str) -> None:
    out = run("diff", "--data", str(EXAMPLES), "--series", TWO_PLUS_TWO, "--format", fmt)
    if fmt == "json":
        assert json.loads(out)["new_interests"][0]["kind"] == "interest"
        return
    for words in ("expressions of interest", "progress recorded", "Topics continued"):
        assert words in out, words
