"""Finding quotations in real reporting: stray and run-on marks, single marks, long partials."""

from __future__ import annotations

from briefing.draft.document import read_document
from briefing.draft.people import find_people
from briefing.draft.quotes import find_quotations
from briefing.draft.speakers import Speaker, attribute_all


def quotes(text: str) -> list[str]:
    doc = read_document(text)
    return [doc.text[q.start : q.end] for q in find_quotations(doc)]


def speakers(text: str) -> list[tuple[str, Speaker | None]]:
    doc = read_document(text)
    found = attribute_all(doc, find_people(doc), find_quotations(doc))
    return [(doc.text[a.quote.start : a.quote.end], a.speaker) for a in found]


def who(text: str) -> list[tuple[str, str | None]]:
    return [(words, s.who if s else None) for words, s in speakers(text)]


def test_closing_marks_with_no_opening_one_close_quotations_from_the_paragraph_start() -> None:
    text = (
        "Prince Faisal bin Farhan told a press conference that relations were restored.\n\n"
        "The statement affirmed the unity of the Gulf states,\u201d and members agreed that no"
        " country\u2019s borders be crossed,\u201d Prince Faisal added."
    )
    assert who(text) == [
        ("The statement affirmed the unity of the Gulf states,", "farhan"),
        ("members agreed that no country\u2019s borders be crossed,", "farhan"),
    ]


def test_a_stray_closing_mark_after_the_writers_words_is_not_a_quotation() -> None:
    text = "\u201cWe agreed,\u201d the minister said, and the talks closed at noon\u201d on Friday."
    assert quotes(text) == ["We agreed,"]


def test_a_quotation_broken_by_a_line_break_mid_sentence_runs_on() -> None:
    text = (
        "Amitabh Kant is India's G20 Sherpa.\n"
        '"Historic declaration with consensus on all issues. Shows PM\n'
        '@narendramodi leadership in today\u2019s world," posted Kant on X.'
    )
    found = speakers(text)
    assert [words for words, _ in found] == [
        "Historic declaration with consensus on all issues. Shows PM\n"
        "@narendramodi leadership in today\u2019s world,"
    ]


def test_a_quotation_left_open_after_a_full_stop_does_not_run_on() -> None:
    text = '"We are happy. We agreed.\nThe talks went on," he said.'
    assert quotes(text)[0] == "We are happy. We agreed."


def test_curly_single_marks_quote_a_word_in_a_text_with_double_marks() -> None:
    text = (
        "Prime Minister Sheikh Hasina has said that her meeting with Narendra Modi was"
        " \u2018fruitful\u2019.She spoke after the talks."
        " Sheikh Hasina said, \u201cWe agreed.\u201d"
    )
    assert who(text) == [("fruitful", "hasina"), ("We agreed.", "hasina")]


def test_curly_single_marks_inside_double_ones_and_names_are_not_quotations() -> None:
    text = (
        "Ministers made the \u2018Negev Summit\u2019 a forum. \u201cWe call it \u2018the"
        " door\u2019 to peace,\u201d Lapid said. \u201cIt is open,\u201d he added."
    )
    assert quotes(text) == ["We call it \u2018the door\u2019 to peace,", "It is open,"]


def test_a_long_title_in_capitals_is_a_name() -> None:
    text = (
        'The two sides issued the "Promoting Comprehensive Strategic Partnership and Building'
        ' a Regional Community with a Shared Future" statement.'
    )
    assert quotes(text) == []


def test_a_long_partial_quotation_is_kept_unidentified_and_a_short_one_dropped() -> None:
    text = (
        "The AlUla summit resulted in \u201cturning the page on the past and looking forward"
        " to a future of cooperation.\u201d The leaders resumed \u201cshuttle diplomacy\u201d."
    )
    assert who(text) == [
        ("turning the page on the past and looking forward to a future of cooperation.", None)
    ]


def test_a_partial_quotation_after_a_quotation_in_its_sentence_is_the_same_speakers() -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva opened the summit in Belem.\n\n"
        '"The challenges of our era demand we act in unison. It has never been so urgent,"'
        ' he said, hailing the gathering as a "landmark meeting".'
    )
    assert [s for _, s in who(text)] == ["silva", "silva"]


def test_in_his_view_is_the_person_the_sentence_before_was_about() -> None:
    text = (
        "Polish Prime Minister Donald Tusk met Olaf Scholz in Berlin.\n\n"
        "Tusk said the talks had also covered transatlantic relations. In his view,"
        ' "a strong, united Europe is the best possible partner for everyone across the globe".'
    )
    assert who(text) == [
        (
            "a strong, united Europe is the best possible partner for everyone across the globe",
            "tusk",
        )
    ]


def test_two_apostrophes_typed_for_a_double_mark_close_a_quotation() -> None:
    text = (
        "Acting President Yemi Osinbajo met President Nana Akufo-Addo in Abuja on Sunday.\n\n"
        "The leaders highlighted the role of the two countries as the"
        " \u201ccentre piece\u2019\u2019 of the sub-region.\n\n"
        "\u201cBoth leaders pledged to intensify cooperation,\u2019\u2019 Akufo-Addo said.\n"
    )
    assert quotes(text) == ["centre piece", "Both leaders pledged to intensify cooperation,"]
