"""Commitments that are none: itineraries, commentary, views, an office's quotes and a
line that repeats what the source already said."""

from __future__ import annotations

import pytest

from tests.test_draft_commitments import TWO, commitments


@pytest.mark.parametrize(
    "sentence",
    [
        "The deals come ahead of a meeting Ruto is scheduled to attend on Sunday in Cairo.",
        "Ruto's decision to accept Sisi's invitation confirms Nairobi's commitment to the ties.",
        'Sisi assured that the two countries\' "common aim is and remains to ensure peace".',
        '"We can lay the foundation for a renewed system of governance," said Ruto.',
        '"They also decided to elevate the level of trade talks," the ministry said.',
        '"Both sides have also agreed to take positive steps," the Egyptian spokesperson said.',
    ],
)
def test_itineraries_commentary_views_and_an_office_s_quotes_are_not_commitments(
    sentence: str,
) -> None:
    assert commitments(TWO + sentence) == []


def test_a_line_repeating_a_commitment_in_the_same_source_is_no_second_copy() -> None:
    lede = "The Kenya Egypt Border Agreement was signed between Kenya and Egypt on Monday."
    caption = "Ruto and Sisi witnessed the exchange of the instruments\n" + lede
    found = commitments(TWO + lede + "\n\n" + caption)
    assert len(found) == 1, found


def test_what_is_still_a_commitment() -> None:
    assert len(commitments(TWO + "Ruto is due to open the new consulate in Alexandria.")) == 1
    assert len(commitments(TWO + "Sisi assured Ruto that Egypt will support the bid.")) == 1
    assert len(commitments(TWO + "Kenya and Egypt renewed their trade agreement.")) == 1
    quoted = '"We have agreed to open a new route," Ruto said.'
    assert len(commitments(TWO + quoted)) == 1


def test_a_signing_told_again_in_a_quotation_is_no_second_copy() -> None:
    text = (
        TWO + "The two presidents witnessed the signing of an MoU on trade.\n\n"
        '"We have just witnessed the signing of memoranda in diverse areas," Ruto said.'
    )
    assert len(commitments(text)) == 1
