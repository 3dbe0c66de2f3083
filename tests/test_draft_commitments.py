"""Commitments read from short sentences modelled on real reporting: verbs, shared views,
quotations, background and parties."""

from __future__ import annotations

from typing import Any

import pytest

from tests.test_draft import draft


def commitments(text: str) -> list[dict[str, Any]]:
    plain = draft(text)
    names = {p["id"]: p["name"] for p in plain["parties"]}
    return [
        {**c, "parties": sorted(names[b] for b in c["by"])} for c in plain.get("commitments", [])
    ]


def one(text: str) -> dict[str, Any]:
    found = commitments(text)
    assert len(found) == 1, found
    return found[0]


TWO = "Kenyan President Ruto met Egyptian President Sisi in Cairo on Monday.\n\n"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The presidents of Kenya and Egypt pledged to bolster cooperation.", "plan"),
        ("Kenya and Egypt concluded two days of talks, vowing to expand the forum.", "plan"),
        ("The Egyptian side promised good treatment for Kenyan traders.", "plan"),
        ("They are determined to cooperate more closely on gender equality.", "plan"),
        ("The presidents committed to enhancing connections within the region.", "plan"),
        ("Egypt is willing to further deepen cooperation with Kenya.", "interest"),
        ("The leaders looked forward to seeing one another at the G7.", "interest"),
        ("Kenya expressed the desire to continue strengthening relations.", "interest"),
        ("The leaders expressed their firm commitment to the Nile Basin forum.", "reaffirmation"),
        ("Kenya and Egypt also reaffirmed the trilateral cooperation with Sudan.", "reaffirmation"),
        ("The two economic giants issued a joint statement urging emission cuts.", "decision"),
        ("The two sides also jointly published a statement on partnership.", "decision"),
        ("The guidelines were adopted during a meeting of the ministers.", "decision"),
        ("The two leaders have directed their aides to curb border crossings.", "decision"),
    ],
)
def test_commitment_verbs_and_their_kinds(sentence: str, kind: str) -> None:
    assert one(TWO + sentence)["kind"] == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Turning to Sudan, the leaders agreed on the importance of ensuring a peaceful transition.",
        "The two leaders also agreed on an urgent need to strengthen bilateral ties.",
        "Sisi reiterated his warning that it was not just Sudanese security at stake.",
        "Ruto reaffirmed the strength of the bonds of the two sides.",
        "The Kenya-Egypt commission was established in the early 21st century to mediate.",
        "Sisi hosted Ruto to revive the format, established between the two countries in 1991.",
        "Ruto also has sought to reassert the country's role in diplomacy.",
        '"We will defend the rules based order," Ruto said.',
        '"Kenya hopes to further strengthen coordination with Egypt," Ruto said.',
        '"These agreements that we have signed will be followed," assured President Sisi.',
        "Sisi assured that the two countries' common aim is peace.",
    ],
)
def test_shared_views_background_and_quoted_intentions_are_not_commitments(
    sentence: str,
) -> None:
    assert commitments(TWO + sentence) == []


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("Kenya and Egypt signed on Saturday 18 cooperation agreements.", ["Egypt", "Kenya"]),
        ("Ruto and Egyptian President Sisi officially adopted the Cairo Declaration.",
         ["Egypt", "Kenya"]),
        ("Ruto signed multiple deals with his Egyptian counterpart on Saturday.",
         ["Egypt", "Kenya"]),
        ("Ruto said he told Sisi that his government will uphold the 1998 declaration.",
         ["Kenya"]),
        ("Ruto thanked Sisi for his support, and both agreed to use the momentum.",
         ["Egypt", "Kenya"]),
        ("Expressing support for the deal, which Egypt opposes, Ruto said Kenya would work"
         " with friends.", ["Kenya"]),
        ("Sisi said that the two countries have signed 22 agreements.", ["Egypt", "Kenya"]),
        ("In a tweet, the Kenyan president said he had signed agreements with Egypt on energy.",
         ["Egypt", "Kenya"]),
    ],
)  # fmt: skip
def test_parties_are_the_subject_of_the_verb(sentence: str, parties: list[str]) -> None:
    assert one(TWO + sentence)["parties"] == parties


def test_a_signing_keeps_its_act_and_a_passive_plan_its_subject() -> None:
    signed = one(TWO + "Kenya and Egypt signed 18 cooperation agreements.")
    assert signed["text"].startswith("Signed 18 cooperation agreements")
    hotline = one(TWO + "A hotline will be established between the two coast guards.")
    assert hotline["text"] == "A hotline will be established between the two coast guards."


def test_a_relative_clause_is_no_second_commitment() -> None:
    found = commitments(
        TWO + "Kenya and Egypt agreed to elevate the commission into a ministerial commission,"
        " under whose auspices ministers will meet every year."
    )
    assert [c["kind"] for c in found] == ["decision"]
