"""Who the drafter takes for a person, and who for a participant, in real reporting."""

from __future__ import annotations

from typing import Any

import pytest

from briefing.draft.assemble import draft_plain
from briefing.draft.document import read_document
from briefing.draft.people import find_people, in_passing
from briefing.draft.sources import SourceText


def names(text: str) -> list[str]:
    return [p.name for p in find_people(read_document(text)).people]


def roles(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in find_people(read_document(text)).people}


def participants(text: str) -> list[str]:
    source = SourceText("article.txt", "text", text, None, None, None, None, "article.txt")
    plain: dict[str, Any] = draft_plain([source])
    return [p["name"] for p in plain["participants"]]


@pytest.mark.parametrize(
    "text",
    [
        # Peoples and regions: "states" here is a noun, not a speech verb.
        "The ministers said ties would grow with other Sunni Arab states.",
        "Israel and some Gulf Arab states oppose the deal.",
        # Bodies, texts and offices.
        "A member of the Communist Party of China Central Committee said ties grew.",
        "Law including the UN Charter continues to be tested, the leaders said.",
        "They met at the Shimul Auditorium of the Prime Minister's Office, officials said.",
        "A Downing Street spokesman said the talks went well.",
        # A capital and a news agency as speakers.
        "The M23, a militia Kinshasa says is backed by Kigali, was discussed.",
        "Xinhua reported that the two ministers met.",
    ],
)
def test_word_runs_that_are_not_people(text: str) -> None:
    assert names(text) == []


def test_an_office_before_a_role_is_no_part_of_the_name() -> None:
    text = '"It was constructive," White House Press Secretary Jen Psaki said.'
    assert names(text) == ["Jen Psaki"]


def test_a_title_of_address_makes_a_surname_a_person() -> None:
    assert names('"We are fortunate," Mr Macron said after the talks.') == ["Macron"]
    assert "Mauro Vieira" in names("the Minister of Foreign Affairs, H.E Amb. Mauro Vieira, met.")


def test_dr_congo_is_not_doctor_congo() -> None:
    assert names("Rwanda backed forces inside DR Congo against other nations.") == []


def test_a_surname_alone_that_speaks_or_is_met() -> None:
    # The text introduces the word as a person elsewhere: with a given name, or a title.
    text = '"We face threats from Iran," Blinken stated. Antony Blinken flew on to Doha.'
    assert names(text) == ["Antony Blinken"]
    text = "The president held talks with Lula, officials said. Thanks, President Lula."
    assert names(text) == ["Lula"]
    # A modifier, not someone met: "talks with Taliban leadership".
    assert names("She arrived for talks with Taliban leadership on security.") == []


def test_a_role_word_alone_is_not_a_name() -> None:
    text = "Amitabh Kant, India's G20 Sherpa, said the declaration was historic."
    assert names(text) == ["Amitabh Kant"]


def test_a_full_name_that_meets() -> None:
    text = "Keir Starmer and Antonio Costa met in London."
    assert names(text) == ["Keir Starmer", "Antonio Costa"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The Prime Minister of the United Kingdom Keir Starmer welcomed him.",
            "Keir Starmer",
            "Prime Minister of the United Kingdom",
        ),
        (
            "Pakistan's Minister of State for Foreign Affairs Hina Rabbani Khar arrived.",
            "Hina Rabbani Khar",
            "Minister of State for Foreign Affairs",
        ),
    ],
)
def test_roles_with_of_the_and_for(text: str, name: str, role: str) -> None:
    assert roles(text)[name] == role


def test_a_name_misspelt_by_one_letter_is_the_same_person() -> None:
    text = (
        "President Felix Tshisekedi met President Paul Kagame. "
        "The office of President Felix Tshisekede said they agreed."
    )
    assert names(text) == ["Felix Tshisekedi", "Paul Kagame"]


@pytest.mark.parametrize(
    ("text", "name", "passing"),
    [
        ("Mr Sunak thanked him for his sympathy on the death of Queen Elizabeth.", "Elizabeth", True),  # noqa: E501
        ("Khar is the first minister to visit since the government of Prime Minister Shehbaz Sharif took over.", "Shehbaz Sharif", True),  # noqa: E501
        ("Xi arrived from India after meeting Indian Prime Minister Narendra Modi.", "Narendra Modi", True),  # noqa: E501
        ("He tweeted that foreign minister Marcelo Ebrard will travel to Washington.", "Marcelo Ebrard", True),  # noqa: E501
        ("Foreign Minister Marcelo Ebrard said the talks went well.", "Marcelo Ebrard", False),
    ],
)  # fmt: skip
def test_named_in_passing(text: str, name: str, passing: bool) -> None:
    doc = read_document(text)
    cast = find_people(doc)
    mention = next(m for m in cast.mentions if m.text == name)
    assert in_passing(doc, mention) is passing


def test_people_named_in_passing_are_not_participants() -> None:
    text = (
        "Prime Minister Rishi Sunak met President Emmanuel Macron in Paris on Friday. "
        '"We face this together," Mr Macron said after Mr Sunak thanked him for his sympathy '
        "on the death of Queen Elizabeth."
    )
    assert participants(text) == ["Rishi Sunak", "Emmanuel Macron"]


@pytest.mark.parametrize(
    "text",
    [
        # One word that acts, which the text never introduces as a person.
        "Hamas said on Tuesday it had rejected the latest ceasefire proposal.",
        "Gazprom signed a gas supply deal with Beijing last week.",
        "Modi travelled to Moscow last year for talks with Putin.",
    ],
)
def test_one_word_that_acts_is_a_person_only_if_introduced(text: str) -> None:
    assert names(text) == []


def test_a_word_for_a_faith_can_be_a_given_name() -> None:
    assert names('"We need solid finances," Christian Lindner said.') == ["Christian Lindner"]
    text = "German Finance Minister Christian Lindner met his French counterpart."
    assert roles(text) == {"Christian Lindner": "Finance Minister"}
    # Still a people's word before a group noun.
    assert names("The Arab League said the talks went well.") == []
    assert names("He met a Christian doctor, officials said.") == []


def test_drafting_time_grows_linearly_with_many_one_word_names() -> None:
    import time

    # Each one-word name is looked up, not searched for in the whole text.
    def article(n: int) -> str:
        words = [f"Ka{chr(97 + i)}ruma" for i in range(20)]
        units = (
            f"{words[i % 20]} said trade grew. Mr {words[i % 20]} met officials. " for i in range(n)
        )
        return "Foreign Minister Ana Example met officials. " + "".join(units)

    times = []
    for n in (300, 1200):
        started = time.perf_counter()
        names(article(n))
        times.append(time.perf_counter() - started)
    # Four times the text may cost several times as much, never sixteen times.
    assert times[1] < 10 * max(times[0], 0.05)


def test_a_title_of_several_people_gives_each_in_its_list_the_role_and_country() -> None:
    from briefing.draft.document import read_document
    from briefing.draft.people import find_people

    for text, expected in [
        (
            "Presidents Sadyr Japarov of Kyrgyzstan, Emomali Rahmon of Tajikistan, and Shavkat"
            " Mirziyoev of Uzbekistan arrived in Astana on Thursday.",
            [
                ("Sadyr Japarov", "President", "Kyrgyzstan"),
                ("Emomali Rahmon", "President", "Tajikistan"),
                ("Shavkat Mirziyoev", "President", "Uzbekistan"),
            ],
        ),
        (
            "Presidents Martin Vizcarra (Peru), Ivan Duque (Colombia) and Sebastian Pinera"
            " (Chile) on Saturday signed the Lima Declaration.",
            [
                ("Martin Vizcarra", "President", "Peru"),
                ("Ivan Duque", "President", "Colombia"),
                ("Sebastian Pinera", "President", "Chile"),
            ],
        ),
    ]:
        cast = find_people(read_document(text))
        assert [(p.name, p.role, p.country) for p in cast.people] == expected


def test_a_summit_told_in_passing_puts_no_one_at_the_meeting() -> None:
    text = (
        "The foreign ministers of China, Japan and South Korea agreed on Sunday to restart"
        " cooperation.\n\n"
        "Even as China and the United States mend ties, including a summit this month between"
        " Presidents Xi Jinping and Joe Biden, Beijing is concerned.\n"
    )
    assert not {"Xi Jinping", "Joe Biden"} & set(participants(text))
