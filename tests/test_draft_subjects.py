"""Whom a text is about, sentence by sentence (briefing.draft.subjects), as the speakers of
quotations show it: invented articles, one reading each."""

from __future__ import annotations

from typing import Any

from briefing.draft.assemble import draft_plain
from briefing.draft.sources import SourceText


def speakers(text: str) -> list[tuple[str, str]]:
    """(quotation's first words, speaker's name) for each quotation of the draft of TEXT."""
    source = SourceText("article.txt", "text", text, None, None, None, None, "article.txt")
    plain: dict[str, Any] = draft_plain([source])
    names = {p["id"]: p["name"] for p in plain.get("participants", [])}
    return [(q["text"][:20], names.get(q["speaker"], q["speaker"])) for q in plain["quotes"]]


def test_a_subject_after_a_title_of_capitalised_words() -> None:
    text = (
        "Prime Minister of Malta, Hon. Dr. Joseph Muscat expressed his satisfaction with the "
        "talks. He also stated that the summit showed how conversations can occur. "
        "\u201cSilence has never helped anyone\u201d, he remarked.\n\n"
        "President of Kenya Uhuru Kenyatta stated that the topics were important.\n"
    )
    assert speakers(text) == [("Silence has never he", "Joseph Muscat")]


def test_titles_of_address_are_no_names() -> None:
    text = (
        "Prime Minister Sitiveni Rabuka hosted Prime Minister Rt Hon Christopher Luxon. "
        "\u201cWe are family,\u201d Luxon said.\n"
    )
    plain = draft_plain(
        [SourceText("article.txt", "text", text, None, None, None, None, "article.txt")]
    )
    names = [p["name"] for p in plain["participants"]]
    assert "Christopher Luxon" in names
    assert not any(n.startswith(("Rt", "Hon")) for n in names)


def test_the_subject_after_an_opening_phrase_that_names_someone_else() -> None:
    text = (
        "Russian President Vladimir Putin and President Kassym-Jomart Tokayev of Kazakhstan "
        "signed a joint declaration on Monday.\n"
        "During his talks with Putin, the Kazakh president noted the importance of the visit. "
        '"I would like to thank you for your congratulations," he said.\n'
    )
    assert speakers(text) == [("I would like to than", "Kassym-Jomart Tokayev")]


def test_a_sentence_that_names_no_one_keeps_the_subject() -> None:
    text = (
        "President Ana Lopez held a summit with the leaders of Tonga and Fiji in Lima.\n"
        "All the members of the forum attended the meeting.\n"
        "\u201cWe respect the sovereignty of all countries,\u201d she said.\n"
    )
    assert speakers(text) == [("We respect the sover", "Ana Lopez")]


def test_a_sentence_about_both_leaders_does_not_keep_one_of_them() -> None:
    text = (
        "President Ana Lopez hosted President Ben Ode on a state visit on Tuesday.\n\n"
        "President Ode\u2019s visit is meant to deepen relations. The two Heads of State held "
        "talks on trade.\n\n"
        "\u201cWe have noted significant progress,\u201d the President said.\n"
    )
    (quote,) = speakers(text)
    assert quote[1] != "Ben Ode"


def test_he_after_a_sentence_that_names_its_subject_alone() -> None:
    text = (
        "The meeting was opened by Brazilian President Lula.\n"
        '"We can lay the foundation," said Luiz Inacio Lula da Silva, President of Brazil\n'
        "Russian President Vladimir Putin addressed the summit by video. He emphasised that "
        "the group is growing.\n"
        '"Our group has expanded significantly"\n'
        "The Russian leader stated the need.\n"
    )
    assert speakers(text)[1] == ("Our group has expand", "Vladimir Putin")


def test_he_after_a_sentence_naming_two_stays_open() -> None:
    text = (
        '"We can lay the foundation," said President Ana Lopez.\n'
        "President Ben Ode thanked Lopez for the visit. \u201cIt was useful,\u201d he said.\n"
    )
    assert speakers(text)[1] == ("It was useful,", "Unidentified speaker")


def test_a_side_that_acts_between_takes_the_floor_from_the_last_speaker() -> None:
    text = (
        "Foreign Minister Ana Lopez met Foreign Minister Ben Ode in Kabul.\n"
        "\u201cWe agreed to work together,\u201d Lopez said.\n"
        "The Pakistani side promised better treatment for refugees. "
        "\u201cThe side will also take steps to ease transit.\u201d\n"
    )
    assert speakers(text)[1] == ("The side will also t", "Unidentified speaker")


def test_and_said_after_a_long_clause_is_the_sentence_s_subject() -> None:
    text = (
        "President Yoon Suk-yeol met the leaders of Tonga and Fiji in Seoul.\n"
        "Yoon then evaluated that the direction of the strategy is consistent, and said, "
        "\u201cI\u2019d like to work with the leaders here.\u201d\n"
    )
    assert speakers(text) == [("I\u2019d like to work wit", "Yoon Suk-yeol")]


def test_a_sentence_that_ends_says_x_is_x_speaking() -> None:
    text = (
        "JAKARTA: Malaysia and Indonesia reached several agreements in talks held in Jakarta, "
        "says Prime Minister Anwar Ibrahim.\n\n"
        "He said that the main achievement was the signing of four memoranda.\n\n"
        '"We touched on various important issues," he said at a press conference.\n'
    )
    assert speakers(text) == [("We touched on variou", "Anwar Ibrahim")]
