"""The drafter's reading rules, one behaviour at a time, and the seed article's draft."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from briefing.draft.assemble import draft_plain
from briefing.draft.document import read_document
from briefing.draft.meeting import read_meeting
from briefing.draft.people import find_people
from briefing.draft.quotes import find_quotations, names_a_thing
from briefing.draft.sources import SourceText, read_source
from briefing.draft.speakers import attribute_all
from tests.test_data import sources_dir


def source(text: str, *, date: dt.date | None = None, name: str = "article.txt") -> SourceText:
    return SourceText(name, "text", text, None, None, None, date, name)


def draft(text: str, *, date: dt.date | None = None) -> dict[str, Any]:
    return draft_plain([source(text)], date=date)


def quotes_of(text: str) -> list[tuple[str, str]]:
    """(quoted words, speaker's name or party) for every quotation the drafter keeps."""
    plain = draft(text)
    names = {p["id"]: p["name"] for p in plain["participants"]}
    names |= {p["id"]: p["name"] for p in plain["parties"]}
    return [(q["text"], names[q["speaker"]]) for q in plain.get("quotes", [])]


# -- the article's layout ------------------------------------------------------------------


def test_url_and_headline_open_a_text_file_and_are_not_paragraphs() -> None:
    doc = read_document("https://example.org/a\n\nLeaders agree on trade\n\nBody text here.\n")
    assert (doc.url, doc.title) == ("https://example.org/a", "Leaders agree on trade")
    assert [doc.slice(p) for p in doc.paragraphs] == ["Body text here."]


def test_a_bracketed_headline_is_a_placeholder() -> None:
    doc = read_document("https://example.org/a\n\n[Headline not in stored text]\n\nBody.\n")
    assert doc.title is None
    assert [doc.slice(p) for p in doc.paragraphs] == ["Body."]


def test_sentences_split_after_stops_but_not_after_abbreviations_and_initials() -> None:
    doc = read_document("Mr. S. Jaishankar met U.S. officials. They agreed.He left.")
    assert [doc.slice(s) for s in doc.sentences] == [
        "Mr. S. Jaishankar met U.S. officials.",
        "They agreed.",
        "He left.",
    ]


def test_hard_wrapped_lines_make_one_paragraph() -> None:
    doc = read_document("The ministers agreed to meet\nagain in the first half\nof next year.\n")
    assert len(doc.paragraphs) == 1
    assert len(doc.sentences) == 1


def test_picture_captions_are_not_article_text() -> None:
    text = (
        "The leaders met.\nPrime Minister A Example.\nPrime Minister A Example. (Photo News)\n"
        "They talked."
    )
    doc = read_document(text)
    assert [p.kind for p in doc.paragraphs] == ["text", "caption", "caption", "text"]


# -- quotation marks ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('"We agree," she said.', ["We agree,"]),
        ("\u201cWe agree,\u201d she said.", ["We agree,"]),
        ('\u201cWe agree," she said.', ["We agree,"]),
        ('"We agree.\u201d', ["We agree."]),
        ("''We agree,'' she said.", ["We agree,"]),
        ("\u201cFirst part. \u201cSecond part,\u201d he said.", ["First part.", "Second part,"]),
        ('"We said \u201cno\u201d to them," she said.', ["We said \u201cno\u201d to them,"]),
    ],
)
def test_quotation_marks_pair_whatever_their_shape(text: str, quoted: list[str]) -> None:
    doc = read_document(text)
    assert [doc.text[q.start : q.end] for q in find_quotations(doc)] == quoted


def test_a_quotation_never_closed_stops_at_its_attribution_or_its_paragraph() -> None:
    text = 'Japan voiced "its resolve to act, the statement said.\n\nNext paragraph "here".'
    doc = read_document(text)
    found = find_quotations(doc)
    assert doc.text[found[0].start : found[0].end] == "its resolve to act"
    assert found[0].closed == -1
    assert found[0].paragraph == 0


def test_quoted_names_of_things_are_not_quotations() -> None:
    assert names_a_thing("2+2")
    assert names_a_thing("Free and Open Indo-Pacific (FOIP)")
    assert not names_a_thing("T20 mode")
    assert not names_a_thing("We agree")


def test_single_marks_quote_only_in_a_text_with_no_double_marks() -> None:
    doc = read_document("\u2018We will act,\u2019 she said. It\u2019s the nations\u2019 view.")
    assert [doc.text[q.start : q.end] for q in find_quotations(doc)] == ["We will act,"]


# -- speakers ---------------------------------------------------------------------------

LEAD = "Foreign Minister Ana Example of Chile met her Peruvian counterpart Luis Sample.\n\n"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('"We agree on trade," Example said.', "Ana Example"),
        ('"We agree on trade," said Sample.', "Luis Sample"),
        ("Sample added: \u201cWe agree on trade.\u201d", "Luis Sample"),
        ("Sample said, \u201cWe agree on trade.\u201d", "Luis Sample"),
        ('Example spoke of trade, saying that "we agree on trade".', "Ana Example"),
        ('Sample spoke first. "We agree on trade," he explained.', "Luis Sample"),
    ],
)
def test_attribution_patterns(body: str, speaker: str) -> None:
    assert quotes_of(LEAD + body) == [(quotes_of(LEAD + body)[0][0], speaker)]


def test_a_quotation_split_around_its_attribution_has_one_speaker() -> None:
    found = quotes_of(LEAD + '"We agree," Sample said. "Trade matters."')
    assert [s for _, s in found] == ["Luis Sample", "Luis Sample"]


def test_a_quotation_paragraph_with_no_speech_verb_is_the_last_speaker() -> None:
    text = LEAD + '"We agree," Sample said.\n\n"Trade matters to us all."'
    assert [s for _, s in quotes_of(text)] == ["Luis Sample", "Luis Sample"]


def test_a_pronoun_is_the_last_person_who_spoke_not_the_last_named() -> None:
    text = LEAD + (
        "Example said Chile wants trade.\n\n"
        'Pointing to Sample\u2019s plan, she said: "This is a good day."'
    )
    assert quotes_of(text)[-1][1] == "Ana Example"


def test_a_description_names_the_person_whose_role_and_country_fit() -> None:
    text = (
        "Chilean Foreign Minister Ana Example met Peruvian Trade Minister Luis Sample.\n\n"
        'The Peruvian trade minister called the deal "a fair bargain for both".'
    )
    assert quotes_of(text) == [("a fair bargain for both", "Luis Sample")]


def test_a_readout_speaks_for_its_issuer_and_the_statement_after_it_too() -> None:
    text = LEAD + (
        'Example called the plan "a historic step," according to a readout released by the'
        ' Chilean Foreign Ministry.\n\nSample also "backed the plan fully," the ministry'
        " statement said."
    )
    assert [s for _, s in quotes_of(text)] == ["Chilean Foreign Ministry"] * 2


def test_a_joint_statement_speaks_for_both_sides() -> None:
    text = LEAD + '"Trade will grow," the leaders said in a joint statement.'
    [(_, speaker)] = quotes_of(text)
    assert speaker == "Chile and Peru (joint statement)"


def test_a_short_quotation_in_a_sentence_with_nobody_speaking_is_a_scare_quote() -> None:
    text = LEAD + 'Chile and Peru sent a "strong signal" to the region.'
    assert quotes_of(text) == []


def test_a_partial_quotation_belongs_to_the_person_whose_sentence_it_is_in() -> None:
    text = LEAD + 'Example held up Peru as an "indispensable" partner.'
    assert quotes_of(text) == [("indispensable", "Ana Example")]


def test_every_speaker_is_resolved_with_a_note_when_it_took_a_guess() -> None:
    doc = read_document(LEAD + '"We agree," Sample said. "More," he added.')
    [first, second] = attribute_all(doc, find_people(doc), find_quotations(doc))
    assert first.speaker is not None
    assert first.speaker.review is None
    assert second.speaker is not None
    assert "'he'" in (second.speaker.review or "")


# -- people ------------------------------------------------------------------------------


def test_roles_countries_counterparts_and_short_forms() -> None:
    doc = read_document(
        "Japan's foreign ministry spokesperson Kenji Tanaka spoke. Foreign Minister Ana Example"
        " and her Peruvian counterpart Luis Sample met. Sample and Example agreed."
    )
    cast = find_people(doc)
    people = {p.name: (p.role, p.country) for p in cast.people}
    assert people == {
        "Kenji Tanaka": ("foreign ministry spokesperson", "Japan"),
        "Ana Example": ("Foreign Minister", None),
        "Luis Sample": ("Foreign Minister", "Peru"),
    }
    assert cast.forms["sample"] == ("Sample",)


def test_names_in_either_order_and_with_initials_are_one_person() -> None:
    plain = draft_plain(
        [
            source("Minister S. Jaishankar met Foreign Minister Yoko Kamikawa.", name="a.txt"),
            source("Foreign Minister Kamikawa Yoko met Minister Dr S Jaishankar.", name="b.txt"),
        ]
    )
    names = sorted(p["name"] for p in plain["participants"])
    assert names == ["S. Jaishankar", "Yoko Kamikawa"]


# -- commitments ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "timeline"),
    [
        ("Both sides agreed to open a consulate.", "decision", None),
        ("The two sides agreed to convene the working group early this year.", "plan",
         "early this year"),
        ("Japan reaffirmed its commitment to the rail project.", "reaffirmation", None),
        ("The Japanese government confirmed plans to supply trains.", "confirmation", None),
        ("Japan expressed particular interest in the antenna deal.", "interest", None),
        ("The two leaders signed a minerals partnership.", "decision", None),
        ("Both governments plan to hold talks in the first half of 2026.", "plan",
         "in the first half of 2026"),
        ("The leaders share an ambition to conclude the agreement later this year.", "interest",
         "later this year"),
    ],
)  # fmt: skip
def test_commitment_kinds_and_timelines_in_the_sources_words(
    sentence: str, kind: str, timeline: str | None
) -> None:
    [commitment] = draft(LEAD + sentence)["commitments"]
    assert commitment["kind"] == kind
    assert commitment.get("timeline") == timeline
    assert commitment["evidence"]["text"] == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers stressed the importance of economic security.",
        "This framework will promote innovation.",
        "Von der Leyen said the meeting reaffirmed the strength of the bonds.",
        "The leader said his country would not accept interference.",
    ],
)
def test_shared_views_and_sides_that_do_not_act_are_not_commitments(sentence: str) -> None:
    assert "commitments" not in draft(LEAD + sentence)


def test_a_commitment_stated_only_in_a_quotation_stays_a_quote() -> None:
    # The speaker's words are a quote; an outcome is what the report itself states.
    words = "We are launching a trade initiative,"
    plain = draft(LEAD + f'"{words}" Sample said.')
    assert not any(
        "trade initiative" in c["evidence"]["text"] for c in plain.get("commitments", [])
    )
    assert [q["text"] for q in plain["quotes"]] == [words]


def test_items_of_a_list_of_matters_discussed_are_discussions() -> None:
    plain = draft(
        LEAD + "The ministers discussed several matters:\n\n  \u2022 Trade\n  \u2022 Energy\n"
    )
    texts = [d["evidence"]["text"] for d in plain["discussions"]]
    assert texts[-2:] == ["Trade", "Energy"]


# -- the meeting ----------------------------------------------------------------------------


def test_a_weekday_is_counted_back_from_the_publication_date_and_noted() -> None:
    doc = read_document("The 3rd Chile-Peru Dialogue was held in Lima on Friday.")
    meeting = read_meeting(doc, dt.date(2026, 1, 17), None)
    assert meeting.date == dt.date(2026, 1, 16)
    assert (meeting.title, meeting.ordinal, meeting.location) == (
        "3rd Chile-Peru Dialogue",
        3,
        "Lima",
    )
    assert meeting.date_as_written == "Friday"
    assert meeting.date_note is not None
    assert "2026-01-17" in meeting.date_note


def test_a_date_in_the_url_is_a_publication_date() -> None:
    doc = read_document("https://example.org/2022/mar/20/story\n\nHeadline\n\nThey met today.")
    assert read_meeting(doc, None, None).date == dt.date(2022, 3, 20)


def test_no_date_anywhere_keeps_the_words_and_asks_for_review() -> None:
    plain = draft(LEAD + "They met on Friday.")
    dialogue = plain["dialogue"]
    assert "date" not in dialogue
    assert dialogue["date_as_written"] == "Friday"
    assert "add the meeting's date" in dialogue["review"]


def test_date_given_on_the_command_line_wins() -> None:
    plain = draft(LEAD + "They met on Friday.", date=dt.date(2026, 1, 16))
    assert plain["dialogue"]["date"] == dt.date(2026, 1, 16)


# -- the seed article --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    directory = sources_dir()
    if directory is None:
        pytest.skip("source texts not found (set BRIEFING_SOURCES)")
    return draft_plain(
        [read_source(str(Path(directory) / "india-japan-strategic-dialogue-18.txt"))]
    )


def test_seed_quotes_have_the_right_speakers(seed: dict[str, Any]) -> None:
    quotes = seed["quotes"]
    assert [q["speaker"] for q in quotes] == ["jaishankar"] * 4 + ["kitamura"]
    explained = quotes[2]
    assert explained["text"].startswith("We are leading democracies")
    assert "'he'" in explained["review"]


def test_seed_participants_include_the_people_not_quoted(seed: dict[str, Any]) -> None:
    people = {p["id"]: p for p in seed["participants"]}
    assert set(people) == {"jaishankar", "motegi", "kitamura", "modi"}
    assert people["motegi"]["role"] == "Foreign Minister"
    assert people["motegi"]["country"] == "Japan"
    assert people["modi"]["role"] == "Prime Minister"


def test_seed_has_its_ten_commitments_with_their_kinds(seed: dict[str, Any]) -> None:
    kinds = [c["kind"] for c in seed["commitments"]]
    assert kinds == [
        "decision", "plan", "reaffirmation", "confirmation", "decision",
        "reaffirmation", "interest", "reaffirmation", "decision", "plan",
    ]  # fmt: skip
    antenna = seed["commitments"][6]
    assert "Radio Antenna" in antenna["evidence"]["text"]
    minerals = seed["commitments"][1]
    assert minerals["timeline"] == "early this year"


def test_seed_has_the_four_bulleted_matters_and_the_call_on_modi(seed: dict[str, Any]) -> None:
    discussed = [d["evidence"]["text"] for d in seed["discussions"]]
    for item in (
        "Resilient supply chains and their importance for both economies",
        "Defense cooperation between the two nations",
        "Energy security challenges and potential solutions",
        "Healthcare collaboration and maritime security concerns",
    ):
        assert item in discussed
    [event] = seed["events"]
    assert "called on Prime Minister Narendra Modi" in event["evidence"]["text"]
    assert "modi" in event["participants"]


# -- never the wrong speaker ------------------------------------------------------------

TWO = "Japanese Prime Minister Kenji Aoyama met Indian Prime Minister Arjun Kapoor.\n\n"


@pytest.mark.parametrize(
    "attributed",
    [
        '"We expect a deal soon," a senior Indian official said.',
        '"It will not work," critics said.',
        '"The talks were warm," Kapoor\'s spokesman said.',
        '"He was tired," an aide to Aoyama said.',
        '"Nothing was signed," a source close to Kapoor told reporters.',
    ],
)
def test_words_of_someone_not_a_participant_are_never_given_to_one(attributed: str) -> None:
    text = TWO + '"We are partners," Kapoor said.\n\n' + attributed
    said = quotes_of(text)
    assert said[0] == ("We are partners,", "Arjun Kapoor")
    assert said[1][1] == "Unidentified speaker"


def test_a_name_inside_a_quotation_does_not_become_the_next_speaker() -> None:
    text = TWO + '"We agreed. Aoyama said so," Kapoor said.\n\n"And we will deliver," he added.'
    assert [s for _, s in quotes_of(text)] == ["Arjun Kapoor", "Arjun Kapoor"]


def test_the_same_words_from_two_speakers_are_two_quotations() -> None:
    plain = draft_plain(
        [
            source(TWO + '"We are ready to work together," Aoyama said.', name="a.txt"),
            source(TWO + '"We are ready to work together," Kapoor said.', name="b.txt"),
        ]
    )
    assert sorted(q["speaker"] for q in plain["quotes"]) == ["aoyama", "kapoor"]


def test_a_date_printed_in_the_text_is_the_meetings() -> None:
    doc = read_document(TWO + "They met in Tokyo on 12 March 2025 for the 3rd dialogue.")
    assert read_meeting(doc, dt.date(2025, 3, 20), None).date == dt.date(2025, 3, 12)


@pytest.mark.parametrize(
    "sentence",
    [
        "If talks go well, Japan would fund a second rail line.",
        "Aoyama refused to confirm whether Japan will fund the port.",
        "Japan had planned to open a consulate in Chennai.",
        "Both sides agreed that terrorism is a global threat.",
        "China criticised the two countries, saying they had agreed to form a bloc.",
    ],
)
def test_conditions_doubts_claims_and_past_plans_are_not_commitments(sentence: str) -> None:
    assert "commitments" not in draft(TWO + sentence)


def test_two_word_countries_before_a_name() -> None:
    doc = read_document("North Korean leader Kim Chol met New Zealand Foreign Minister Rob Tait.")
    people = {p.name: (p.role, p.country) for p in find_people(doc).people}
    assert people == {
        "Kim Chol": ("leader", "North Korea"),
        "Rob Tait": ("Foreign Minister", "New Zealand"),
    }


def test_a_long_article_drafts_in_time_that_grows_with_its_length() -> None:
    import time

    unit = '"We agree," he said. Japan agreed to act. '
    times = []
    for n in (500, 2000):
        started = time.perf_counter()
        draft(TWO + unit * n)
        times.append(time.perf_counter() - started)
    # Four times the text may cost several times as much, never sixteen times.
    assert times[1] < 10 * max(times[0], 0.05)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('Aoyama urged Kapoor to "move faster on the rail project."', "Kenji Aoyama"),
        ('Noting the progress, Aoyama called Kapoor "a true partner."', "Kenji Aoyama"),
        ('After Aoyama left, Lee told Kapoor the plan was "far from ready."', "Min-jun Lee"),
    ],
)
def test_a_partial_quotation_after_two_names_goes_to_the_one_who_speaks(
    sentence: str, speaker: str
) -> None:
    text = TWO.replace("Kapoor.", "Kapoor and South Korean President Min-jun Lee.") + sentence
    assert [s for _, s in quotes_of(text)] == [speaker]
