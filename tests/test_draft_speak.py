"""Who said each quotation: the readings of real reporting added to briefing.draft.speakers."""

from __future__ import annotations

from briefing.draft.document import read_document
from briefing.draft.people import find_people
from briefing.draft.quotes import find_quotations
from briefing.draft.speakers import Speaker, attribute_all


def speakers(text: str) -> list[tuple[str, Speaker | None]]:
    """Each quotation's words and speaker (a person's key, else the Speaker)."""
    doc = read_document(text)
    found = attribute_all(doc, find_people(doc), find_quotations(doc))
    return [(doc.text[a.quote.start : a.quote.end], a.speaker) for a in found]


def who(text: str) -> list[str | None]:
    return [
        None if s is None or s.kind == "unknown" else (s.who if s.kind == "person" else s.kind)
        for _, s in speakers(text)
    ]


def test_a_long_title_before_the_speech_verb_is_read_to_the_name() -> None:
    text = (
        "President Xi Jinping met European Commission president Ursula von der Leyen.\n\n"
        "\u201cWe have imbalances,\u201d European Commission president Ursula von der Leyen said."
    )
    assert who(text) == ["leyen"]


def test_assured_is_a_speech_verb() -> None:
    text = (
        "President William Ruto met the Congolese President Denis Sassou Nguesso.\n\n"
        "\u201cThese agreements will not lie in the drawer,\u201d assured the Congolese President"
        " Denis Sassou Nguesso after the signing."
    )
    assert who(text) == ["nguesso"]


def test_x_told_reporters_is_x() -> None:
    text = (
        "Prime Minister Anthony Albanese hosted Prime Minister Christopher Luxon.\n\n"
        'After the talks, Luxon told reporters: "We know we face a more complex world."'
    )
    assert who(text) == ["luxon"]


def test_the_polish_pm_is_the_polish_prime_minister() -> None:
    text = (
        "Polish Prime Minister Donald Tusk met German Chancellor Olaf Scholz.\n\n"
        '"Today we spoke with one voice," the Polish PM stressed.'
    )
    [(_, speaker)] = speakers(text)
    assert speaker is not None
    assert speaker.who == "tusk"
    assert "Polish PM" in (speaker.review or "")


def test_the_president_is_whom_the_sentence_before_was_about() -> None:
    text = (
        "President Cyril Ramaphosa has described the visit by his counterpart, President"
        " Yoweri Museveni, as a building block.\n\n"
        "\u201cThis visit has reinforced our relations,\u201d the President said."
    )
    assert who(text) == ["ramaphosa"]


def test_he_in_the_paragraph_of_a_sentence_naming_only_its_subject_is_that_subject() -> None:
    # "He" opens the sentence after one about Putin alone, in its paragraph: Putin, not Lula
    # who spoke last; the quotation standing alone after it is his too.
    text = (
        'President Luiz Lula said: "The task of BRICS is to promote renewal."\n\n'
        "Russian President Vladimir Putin addressed the summit by video. He emphasised"
        " that the group is growing.\n\n"
        '"Our group has expanded significantly."'
    )
    assert who(text) == ["lula", "putin"]


def test_he_after_someone_other_than_the_last_speaker_is_left_unidentified() -> None:
    # Across a paragraph, "he" could be Putin (the paragraph before is about him) or Lula
    # (who spoke last): the drafter knows no one's sex, so a person says which.
    text = (
        'President Luiz Lula said: "The task of BRICS is to promote renewal."\n\n'
        "Russian President Vladimir Putin addressed the summit by video.\n\n"
        '"Our group has expanded significantly," he said.'
    )
    assert who(text) == ["lula", None]


def test_a_quotation_paragraph_after_someone_else_is_named_is_unidentified() -> None:
    text = (
        "President Prabowo Subianto met President Xi Jinping.\n\n"
        "\u201cBoth sides should support each other,\u201d Xi said.\n\n"
        "Prabowo\u2019s decision to accept the invitation confirms their ties.\n\n"
        "\u201cIndonesia hopes to strengthen coordination with China.\u201d"
    )
    assert who(text) == ["jinping", None]


def test_a_named_declaration_speaks_for_both_sides() -> None:
    text = (
        "President Yoon Suk Yeol and President Joe Biden adopted the Washington Declaration.\n\n"
        'The declaration said, "The two Presidents announced a new group."\n\n'
        '"The Alliance will work to enable joint planning."'
    )
    assert who(text) == ["joint", "joint"]


def test_the_document_after_a_final_declaration_is_named_is_that_declaration() -> None:
    text = (
        "President Luiz Lula hosted the summit. This is reflected in the final declaration.\n\n"
        '"We welcome the new mechanism," the document says.'
    )
    [(_, speaker)] = speakers(text)
    assert speaker is not None
    assert speaker.kind == "joint"
    assert speaker.attribution == "the document says"


def test_a_person_said_in_a_statement_is_the_person() -> None:
    text = (
        "Foreign Minister Hina Khar met Foreign Minister Amir Muttaqi.\n\n"
        "\u201cBoth sides agreed to take steps,\u201d deputy spokesperson Hafiz Takal said in a"
        " statement posted on Twitter."
    )
    assert who(text) == ["takal"]


def test_a_statement_given_by_an_office_is_the_office() -> None:
    text = (
        "President Joao Lourenco hosted President Paul Kagame and President Felix Tshisekedi.\n\n"
        "According to a statement given by the office of Congolese President Felix Tshisekedi,"
        " the two will follow \u201ca so-called Luanda Roadmap\u201d to revive a commission."
    )
    [(_, speaker)] = speakers(text)
    assert speaker is not None
    assert speaker.kind == "party"
    assert "office of Congolese President" in (speaker.attribution or "")


def test_words_of_an_office_go_to_the_office_never_to_a_person() -> None:
    text = (
        "President Joe Biden called President Andres Lopez Obrador.\n\n"
        "\u201cThe presidents reiterated the need for stronger tools,\u201d the White House said"
        " in a statement."
    )
    [(_, speaker)] = speakers(text)
    assert speaker is not None
    assert speaker.kind == "party"
    assert speaker.who == "White House"


def test_a_quotation_tagged_after_the_sentence_goes_to_the_one_tagged() -> None:
    text = (
        "Prime Minister Narendra Modi met President Luiz Lula.\n\n"
        'The two leaders discussed the "entire spectrum of the partnership", Secretary'
        " P Kumaran said in Brasilia."
    )
    assert who(text) == ["kumaran"]


def test_an_adjective_quoted_before_another_speaker_is_not_theirs() -> None:
    text = (
        "Foreign Minister Yoshimasa Hayashi held up India as an \u201cindispensable\u201d"
        " partner, while his counterpart S Jaishankar said the two are partners."
    )
    assert "jaishankar" not in who(text)


def test_two_leaders_agreeing_to_quoted_words_are_not_said_to_say_them() -> None:
    text = (
        "Prime Minister Anthony Albanese met Prime Minister Christopher Luxon.\n\n"
        'The leaders agreed their ministers would meet early next year "to dive into some of'
        ' those issues and align our plans."'
    )
    [(_, speaker)] = speakers(text)
    assert speaker is not None
    assert speaker.kind == "unknown"


def test_both_leaders_pledging_quoted_words_say_them_together() -> None:
    text = (
        "President Yoon Suk Yeol met President Joe Biden.\n\n"
        'Through the declaration, both leaders pledged to "engage in deeper decision-making'
        ' on nuclear deterrence."'
    )
    assert who(text) == ["joint"]


def test_a_quotation_ended_by_the_next_one_is_the_next_ones_speaker() -> None:
    text = (
        "Prime Minister Fumio Kishida met Prime Minister Narendra Modi.\n\n"
        "Besides the investment, PM Kishida raised Ukraine with PM Modi. \u201cRussia\u2019s"
        " attack is a serious issue. \u201cWe suggest a ceasefire,\u201d Kishida said."
    )
    assert who(text) == ["kishida", "kishida"]
