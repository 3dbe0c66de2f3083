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
    # Said inside a quotation, an outcome is the speaker's words (a quote), not the record's.
    quoted = '"We have agreed to open a new route," Ruto said.'
    assert len(commitments(TWO + quoted)) == 0


def test_a_signing_told_again_in_a_quotation_is_no_second_copy() -> None:
    text = (
        TWO + "The two presidents witnessed the signing of an MoU on trade.\n\n"
        '"We have just witnessed the signing of memoranda in diverse areas," Ruto said.'
    )
    assert len(commitments(text)) == 1


#: A meeting whose year is known, so that an earlier year reads as background.
DATED = "Kenyan President Ruto met Egyptian President Sisi in Cairo on 5 March 2025.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        # An adjective or a noun of the verbs of undertaking makes no plan.
        "Both presidents described the talks as promising.",
        "Ruto described the pledges made in Cairo as encouraging.",
        "The leaders praised the signed agreement on the Nile.",
        # A past act dated before the meeting's year is background.
        "The 1999 accord was signed by the two foreign ministers.",
        "Kenya and Egypt restored full diplomatic relations in 1964.",
        "In 1964, Kenya and Egypt restored full diplomatic relations.",
        "Kenya and Egypt signed the 2016 trade agreement.",
        # A time long past, and a participle that describes a thing.
        "The embassy, which Kenya established in the 20th century, hosted the talks.",
        "The joint commission, established in 2016 by Kenya and Egypt, met again.",
    ],
)
def test_adjectives_and_history_are_not_commitments(sentence: str) -> None:
    assert commitments(DATED + sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The agreements were signed on Friday.",
        "Five agreements were signed during the visit.",
        "Kenya and Egypt signed the 2025 trade agreement.",
        "Ruto and Sisi held talks on Monday, signed five agreements and toured a port.",
        "Kenya and Egypt agreed to implement the 2016 trade agreement.",
        "The leaders ended the talks, promising closer ties in trade.",
        "Egypt pledged support for Kenya's bid.",
    ],
)
def test_this_meeting_s_acts_are_still_commitments(sentence: str) -> None:
    assert len(commitments(DATED + sentence)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "In the last trilateral meeting in May in Nairobi, the ministers had agreed to expand"
        " the corridor.",
        "The visit comes shortly after Ruto's trip to Addis Ababa, where he reaffirmed his"
        " commitment to the corridor.",
    ],
)
def test_acts_of_another_meeting_are_not_this_one_s_outcomes(sentence: str) -> None:
    assert commitments(TWO + sentence) == []
