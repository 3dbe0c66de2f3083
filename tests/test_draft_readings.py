"""General readings of the drafter, each from a sentence modelled on a real article of the
development corpus (tests/fixtures/draft/real/dev/): sides, presence, dates and places."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from briefing.draft.assemble import draft_plain
from briefing.draft.sources import SourceText


def draft(text: str, url: str = "https://example.org/story") -> dict[str, Any]:
    whole = f"{url}\n\n{text}"
    plain: dict[str, Any] = draft_plain(
        [SourceText("story.txt", "text", whole, None, None, None, None, "story.txt")]
    )
    return plain


def sides(plain: dict[str, Any]) -> list[str]:
    return [p["name"] for p in plain["parties"] if " and " not in p["name"]]


def test_a_list_of_countries_after_of_gives_every_side() -> None:
    plain = draft(
        "Ministers meet in the desert\n\n"
        "The United States and Israel hosted talks on Monday. Israeli foreign minister Yair"
        " Example said the forum would last. He spoke alongside his counterparts from the"
        " United Arab Emirates, Bahrain, Morocco and Egypt."
    )
    assert set(sides(plain)) >= {"Israel", "United Arab Emirates", "Bahrain", "Morocco", "Egypt"}


def test_a_list_ends_at_its_and() -> None:
    plain = draft(
        "Leaders meet\n\n"
        "Leaders of Bahrain, Morocco and the United Arab Emirates met on Monday. Unlike Bahrain,"
        " Morocco and the UAE, Saudi Arabia has held back from normalisation."
    )
    assert "Saudi Arabia" not in sides(plain)


def test_a_grouping_named_as_the_meeting_is_one_side_for_its_members() -> None:
    plain = draft(
        "BRICS leaders meet in Rio\n\n"
        "The BRICS summit opened in Rio de Janeiro on Sunday. Brazilian President Luiz Example"
        " said the group had grown. Russian President Vladimir Sample said by video that it"
        " had expanded."
    )
    assert sides(plain) == ["BRICS"]


def test_a_grouping_named_in_passing_is_no_side() -> None:
    plain = draft(
        "Leaders meet\n\n"
        "Canada and Finland agreed on Tuesday to work together. Later in the year, the two"
        " countries said, they would attend the NATO summit."
    )
    assert "NATO" not in sides(plain)


def test_a_headline_gives_the_countries_before_its_verb_only() -> None:
    plain = draft(
        "Putin, Erdogan meet in Sochi, discuss Ukraine war\n\n"
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in the"
        " Russian city of Sochi on Monday."
    )
    assert "Ukraine" not in sides(plain)
    assert set(sides(plain)) == {"Russia", "Turkey"}
    assert plain["dialogue"]["location"] == "Sochi"


def test_a_meeting_at_a_seat_of_government_has_its_country_as_a_side() -> None:
    plain = draft(
        "PM meeting with Prime Minister Trudeau\n\n"
        "The Prime Minister hosted Canadian Prime Minister Justin Trudeau at Downing Street"
        " this evening."
    )
    assert "United Kingdom" in sides(plain)


@pytest.mark.parametrize("role", ["former Foreign Secretary", "former President"])
def test_a_former_office_holder_is_no_participant(role: str) -> None:
    plain = draft(
        "Leaders talk\n\n"
        "President Joe Example and President Ana Sample spoke by phone on Sunday.\n\n"
        f'{role.capitalize()} Kim Other said the call was "productive," without giving details.'
    )
    names = [p["name"] for p in plain["participants"]]
    assert "Kim Other" not in names
    quote = next(q for q in plain["quotes"] if q["text"].startswith("productive"))
    speaker = next(p for p in plain["participants"] if p["id"] == quote["speaker"])
    assert speaker["name"] == "Unidentified speaker"
    assert "Kim Other" in quote["review"]


def test_someone_only_mentioned_is_no_participant() -> None:
    plain = draft(
        "Leaders meet\n\n"
        "Kenyan President Uhuru Example held talks with his host President Ali Sample in Nairobi"
        " on Saturday. Relations go back to the era of Gamal Abdel Nasser."
    )
    assert "Gamal Abdel Nasser" not in [p["name"] for p in plain["participants"]]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (" date 2023-07-09 Brazzaville, Congo | Xinhua | The two sides signed deals on Saturday.",
         dt.date(2023, 7, 8)),
        ("Press Release 07 May, 2022\n\nISLAMABAD: The minister received a call Friday from his"
         " counterpart.", dt.date(2022, 5, 6)),
        (" date 2023-05-06 The Prime Minister hosted his counterpart this evening.",
         dt.date(2023, 5, 6)),
        ("Nairobi, Saturday February 18, 2017 (MFA Press) — The two presidents held talks today.",
         dt.date(2017, 2, 18)),
        (" date 2017-09-09 The leaders closed their retreat yesterday.", dt.date(2017, 9, 8)),
    ],
)  # fmt: skip
def test_a_date_printed_in_the_text_is_found(text: str, day: dt.date) -> None:
    assert draft("Headline\n\n" + text)["dialogue"]["date"] == day


def test_the_first_summit_in_years_has_no_round_number() -> None:
    plain = draft(
        "Leaders meet\n\n"
        "The leaders of France and the UK met at the first Franco-British summit in five years"
        " on Friday."
    )
    assert "ordinal" not in plain["dialogue"]


def test_he_or_she_after_another_person_is_left_for_a_person_to_say() -> None:
    plain = draft(
        "Leaders meet\n\n"
        '"India and Italy are natural partners," Prime Minister Giorgia Meloni said.\n\n'
        "Prime Minister Narendra Modi praised Italy's role in the corridor.\n\n"
        '"We will deepen our cooperation in defence," she said.'
    )
    quote = next(q for q in plain["quotes"] if q["text"].startswith("We will"))
    names = {p["id"]: p["name"] for p in plain["participants"]}
    assert names[quote["speaker"]] == "Unidentified speaker"
    assert "could be Giorgia Meloni or Narendra Modi" in quote["review"]


def test_words_of_an_office_that_names_no_side_are_unidentified() -> None:
    plain = draft(
        "Leaders meet\n\n"
        "Brazilian President Luiz Example met Spanish Prime Minister Pedro Sample on Monday.\n\n"
        '"The talks were productive," the ministry said.'
    )
    assert "ministry" not in [p["name"] for p in plain["parties"]]
    quote = plain["quotes"][0]
    names = {p["id"]: p["name"] for p in plain["participants"]}
    assert names[quote["speaker"]] == "Unidentified speaker"


def test_a_list_that_names_examples_gives_no_sides() -> None:
    plain = draft(
        "Leaders meet\n\n"
        "Australian Prime Minister Anthony Example met Chinese Premier Li Sample on Monday and"
        " discussed migration with countries including France, Belgium and the Netherlands."
    )
    assert set(sides(plain)) == {"Australia", "China"}


def test_a_meeting_beside_a_grouping_s_summit_keeps_its_own_sides() -> None:
    plain = draft(
        "Modi, Albanese meet at G20\n\n"
        "Indian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese met on"
        " the sidelines of the G20 summit in Rio on Monday and agreed to expand defence ties."
    )
    assert set(sides(plain)) == {"India", "Australia"}


def test_a_weekday_inside_a_name_is_no_date() -> None:
    plain = draft(
        "Leaders meet\n\n"
        "Irish Taoiseach Ana Example met British Prime Minister Tom Sample in Dublin to mark the"
        " Good Friday Agreement."
    )
    assert "date_as_written" not in plain["dialogue"]


def test_a_past_journey_is_not_the_meeting_place() -> None:
    plain = draft(
        "Leaders meet\n\n"
        "Italian Prime Minister Giorgia Example hosted Indian Prime Minister Narendra Sample in"
        " Rome on Thursday. Sample travelled to Moscow last year."
    )
    assert plain["dialogue"]["location"] == "Rome"
