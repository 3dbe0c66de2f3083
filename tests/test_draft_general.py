"""General readings of English reporting, each on small synthetic sentences: who speaks, who
was there, which sides met, what was committed, when and where."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.draft.assemble import draft_plain
from briefing.draft.document import read_document
from briefing.draft.meeting import Meeting, read_meeting
from briefing.draft.people import find_people
from briefing.draft.quotes import find_quotations
from briefing.draft.sources import SourceText
from briefing.draft.speakers import Speaker, attribute_all


def speakers(text: str) -> list[Speaker | None]:
    doc = read_document(text)
    return [a.speaker for a in attribute_all(doc, find_people(doc), find_quotations(doc))]


def who(text: str) -> list[str | None]:
    return [
        None if s is None or s.kind == "unknown" else (s.who if s.kind == "person" else s.kind)
        for s in speakers(text)
    ]


def draft(text: str) -> dict[str, Any]:
    source = SourceText("article.txt", "text", text, None, None, None, None, "article.txt")
    plain: dict[str, Any] = draft_plain([source])
    return plain


def participants(text: str) -> list[str]:
    return [p["name"] for p in draft(text)["participants"] if p["id"] != "unidentified"]


# -- who speaks -------------------------------------------------------------------------


def test_a_name_in_the_possessive_is_not_who_speaks() -> None:
    # "Marcos's concerns": the prime minister speaks, not Marcos.
    text = (
        "Prime Minister Anwar Ibrahim met President Ferdinand Marcos Jr in Manila.\n\n"
        "Anwar thanked Marcos for his support.\n\n"
        "The prime minister shared Marcos's concerns and highlighted the need for solutions.\n\n"
        '"I did express my concern about the refugees now in our country."'
    )
    assert who(text) == ["ibrahim"]


def test_a_possessive_name_alone_leaves_the_words_unidentified() -> None:
    text = (
        "Prime Minister Anwar Ibrahim met President Ferdinand Marcos Jr in Manila.\n\n"
        "Anwar thanked Marcos for his support.\n\n"
        "Reporters shared Marcos's view and highlighted the risks.\n\n"
        '"We did discuss the sea."'
    )
    assert who(text) == [None]


def test_a_document_named_inside_the_quoted_words_is_not_their_source() -> None:
    # "jointly released" inside the quotation is no "release" that speaks.
    text = (
        "Prime Minister Narendra Modi met President Cyril Ramaphosa in Johannesburg.\n\n"
        '"The meetings begin today," spokesman Raveesh Kumar said in a tweet.\n\n'
        '"Saluting the legacy of Gandhi! Modi and Ramaphosa jointly released a stamp," he'
        " tweeted."
    )
    assert who(text) == ["kumar", "kumar"]


def test_a_partial_quotation_tagged_by_an_office_is_not_the_person_before_it() -> None:
    text = (
        "Canadian Prime Minister Mark Carney spoke with Mexican President Claudia Sheinbaum.\n\n"
        "Carney and Sheinbaum discussed \u201cthe importance of building on trade between the"
        " two countries,\u201d the prime minister\u2019s office said in a statement.\n\n"
        "\u201cWith hard times ahead, the leaders stressed competitiveness,\u201d it noted."
    )
    found = speakers(text)
    assert [s.kind if s else None for s in found] == ["party", "party"]
    assert [s.who if s else None for s in found] == ["Canada", "Canada"]
    assert found[0] is not None
    assert "office" in (found[0].attribution or "")


def test_a_tag_naming_no_participant_after_a_partial_quotation_is_unidentified() -> None:
    text = (
        "Prime Minister Ana Example met Chancellor Olaf Scholz in Berlin.\n\n"
        "Example and Scholz discussed \u201cthe long road to a lasting peace in the region,\u201d"
        " a senior official said."
    )
    [speaker] = speakers(text)
    assert speaker is not None
    assert speaker.kind == "unknown"
    assert "a senior official" in (speaker.review or "")


def test_it_after_a_person_is_nobody() -> None:
    text = (
        "Prime Minister Ana Example met Chancellor Olaf Scholz in Berlin.\n\n"
        '"We agreed on a great deal of things today," Scholz said.\n\n'
        '"The talks were frank and very useful to both of us," it noted.'
    )
    assert who(text) == ["scholz", None]


def test_and_after_a_quotation_goes_on_with_the_sentence() -> None:
    # `“...,” and stressed`: "and" names nobody; "He" is the one the sentence before is about.
    text = (
        "Prime Minister Keir Starmer met President Emmanuel Macron in Paris.\n\n"
        "Starmer warned that Putin cannot be trusted.\n\n"
        "He emphasized the coalition\u2019s \u201cunbreakable pledge to Ukraine, with strong"
        " American backing,\u201d and stressed the need for pressure."
    )
    assert who(text) == ["starmer"]


# -- who was there ----------------------------------------------------------------------


def test_people_at_another_meeting_are_not_participants() -> None:
    text = (
        "Foreign Minister Penny Wong met Secretary of State Marco Rubio in Washington on"
        " Tuesday.\n\n"
        "The previous leaders' summit, hosted in Delaware, brought together Prime Minister"
        " Fumio Kishida and Prime Minister Narendra Modi."
    )
    assert participants(text) == ["Penny Wong", "Marco Rubio"]


def test_a_meeting_only_hoped_for_does_not_place_people_there() -> None:
    text = (
        "Foreign Minister Wang Yi met Foreign Minister Park Jin in Busan on Sunday.\n\n"
        "President Xi Jinping and President Yoon Suk Yeol may not be able to meet this year,"
        " but their summit is likely soon.\n\n"
        "After brief remarks, the ministers are expected to speak with President Donald Trump."
    )
    assert participants(text) == ["Wang Yi", "Park Jin"]


def test_a_speech_verb_places_only_its_own_subject() -> None:
    text = (
        "Prime Minister Keir Starmer met President Emmanuel Macron in Paris.\n\n"
        "Starmer emphasized the pledge, with President Donald Trump's backing, and stressed the"
        " need for pressure.\n\n"
        "Malcolm Davis from the Australian Strategic Policy Institute said the talks went well."
    )
    assert participants(text) == ["Keir Starmer", "Emmanuel Macron", "Malcolm Davis"]


def test_a_clause_set_apart_by_as_does_not_place_people_at_the_meeting() -> None:
    text = (
        "Prime Minister Mark Carney spoke with President Claudia Sheinbaum in a call Tuesday as"
        " President Donald Trump prepares to announce tariffs."
    )
    assert participants(text) == ["Mark Carney", "Claudia Sheinbaum"]


def test_the_sender_of_a_message_is_not_a_participant() -> None:
    text = (
        "Prime Minister Bisher Khasawneh met President Abdel Fattah al-Sisi in Cairo and"
        " delivered a verbal message from King Abdullah II.\n\n"
        "Sisi conveyed his greetings to King Abdullah."
    )
    assert "Abdullah II" not in " ".join(participants(text))


def test_calling_on_someone_is_meeting_them() -> None:
    text = (
        "President Ram Kovind met President Ibrahim Solih in New Delhi.\n\n"
        "Vice President Venkaiah Naidu, and External Affairs Minister Sushma Swaraj called on"
        " the President of Maldives."
    )
    assert "Venkaiah Naidu" in participants(text)


# -- which sides met ----------------------------------------------------------------------


def sides(text: str) -> list[str]:
    return [p["name"] for p in draft(text)["parties"] if " and " not in p["name"]]


def test_a_list_of_formal_country_names_is_every_country() -> None:
    text = (
        "We, the Heads of State and Government of the Argentine Republic, Barbados, the"
        " Federative Republic of Brazil, the United Mexican States, the United States of"
        " America, and the Oriental Republic of Uruguay, gathered in Los Angeles.\n\n"
        "We intend to cooperate closely on migration."
    )
    assert set(sides(text)) == {
        "Argentina", "Barbados", "Brazil", "Mexico", "United States", "Uruguay"
    }  # fmt: skip


def test_a_grouping_named_by_its_council_stands_for_its_members() -> None:
    text = (
        "The Baltic Council of Ministers met in Riga on Friday.\n\n"
        "The Prime Ministers agreed that support to Ukraine is important, and warned Russia"
        " against further aggression."
    )
    assert sides(text) == ["Baltic states"]


def test_between_two_countries_in_the_lede_names_both_sides() -> None:
    text = (
        "MANILA: A new era of closer relations has begun between Malaysia and the Philippines"
        " as both leaders reached agreements.\n\n"
        "Anwar and Marcos talked about the Myanmar conflict and the Myanmar junta."
    )
    assert sides(text)[:2] == ["Malaysia", "Philippines"]


def test_us_in_capitals_before_a_role_is_the_united_states() -> None:
    text = "US Secretary of State John Kerry met the foreign ministers in Samarkand."
    found = find_people(read_document(text)).people
    assert [(p.name, p.country) for p in found] == [("John Kerry", "United States")]


# -- what was committed -------------------------------------------------------------------


def commitments(text: str) -> list[tuple[str, list[str]]]:
    return [(c["evidence"]["text"], c["by"]) for c in draft(text).get("commitments", [])]


def test_an_agreement_made_before_the_meeting_is_background() -> None:
    text = (
        "Foreign Minister Wang Yi met Foreign Minister Park Jin in Busan on Sunday.\n\n"
        "They met for the first time since 2019, after officials of the three countries agreed"
        " in September to arrange a summit.\n\n"
        "Wang and Park agreed to resume the talks earlier this year.\n\n"
        "The ministers agreed to advance cooperation in six areas."
    )
    assert [t for t, _ in commitments(text)] == [
        "The ministers agreed to advance cooperation in six areas."
    ]


def test_after_talks_the_agreement_is_still_the_meetings() -> None:
    text = (
        "Prime Minister Ana Example met Chancellor Olaf Scholz in Berlin on Monday.\n\n"
        "After talks the two leaders agreed to set up a working group."
    )
    assert len(commitments(text)) == 1


def test_a_list_of_countries_before_the_verb_are_all_its_parties() -> None:
    text = (
        "The presidents of Brazil, Luiz Lula; Argentina, Alberto Fernandez; and Paraguay,"
        " Mario Benitez, signed a joint communique in Puerto Iguazu on Tuesday."
    )
    [(_, by)] = commitments(text)
    assert by == ["brazil", "argentina", "paraguay"]


def test_a_country_in_the_name_of_a_news_agency_is_not_a_party() -> None:
    text = (
        "(Kuwait News Agency) WASHINGTON -- The foreign ministers of the Quad, comprising the"
        " US, Japan, Australia, and India, reaffirmed their commitment to a free Indo-Pacific."
    )
    [(_, by)] = commitments(text)
    assert "kuwait" not in by
    assert set(by) == {"united-states", "japan", "australia", "india"}


# -- when and where -----------------------------------------------------------------------


def meeting(text: str) -> Meeting:
    return read_meeting(read_document(text), None, None)


def test_a_date_printed_in_the_text_anchors_a_weekday() -> None:
    text = (
        "Greek and Turkish leaders on Thursday struck an upbeat tone at a rare meeting.\n\n"
        "Istanbul/Athens, 7 December 2023 (dpa) - The leaders signed a declaration on Thursday."
    )
    assert meeting(text).date == dt.date(2023, 12, 7)


def test_a_span_of_days_and_another_events_date_are_not_the_meetings_day() -> None:
    text = (
        "The President of Maldives is on a State Visit to India from 16-18 December 2018.\n\n"
        "This is his first visit abroad after assuming office on 17 November 2018.\n\n"
        "The President of India met the President of Maldives on 17 December 2018."
    )
    assert meeting(text).date == dt.date(2018, 12, 17)


def test_where_the_meeting_was_beats_the_dateline() -> None:
    text = (
        "SEOUL (Reuters) - The foreign ministers agreed on Sunday to restart cooperation.\n\n"
        "The three top diplomats met in the South Korean port of Busan for their first meeting."
    )
    assert meeting(text).location == "Busan"


def test_a_month_after_met_in_is_not_a_place() -> None:
    text = "BANGKOK: The ministers met in September and signed in Chiang Mai a joint statement."
    assert meeting(text).location == "Chiang Mai"


def test_an_article_stored_on_one_line_is_read_not_taken_for_its_headline() -> None:
    body = (
        "By invitation of the President of Freedonia, Anna Berg, the President of Sylvania,"
        " Ivo Novak, held an official visit to Freedonia on 3 May 2024. The Presidents"
        " agreed to convene the Fourth Binational Meeting of Ministers in Sylvania during the"
        " first half of 2025. They also agreed to work on the development of the border"
        " region of both countries, and reviewed the progress of the joint commission on"
        " trade and investment that the two governments set up"
    )
    doc = read_document("https://example.org/news/joint-statement\n\n" + body)
    assert doc.title is None
    assert len(doc.sentences) >= 3
    commitments = draft("https://example.org/news/joint-statement\n\n" + body)["commitments"]
    assert any("Fourth Binational Meeting" in c["evidence"]["text"] for c in commitments)


def test_a_meeting_to_be_convened_gives_no_ordinal() -> None:
    doc = read_document(
        "Freedonia and Sylvania hold talks\n\nThe ministers of Freedonia and Sylvania met in"
        " Fredville on Monday. They agreed to convene the Ninth Binational Meeting of"
        " Governors in Sylvania next year.\n"
    )
    assert read_meeting(doc, None, None).ordinal is None


def test_a_name_with_an_apostrophe_that_said_in_a_statement_is_the_speaker() -> None:
    # "Mata'afa said in a statement": the person speaks; the end of her name is no issuer.
    text = (
        "Leaders of the Commonwealth adopted an ocean declaration in Apia on Saturday.\n\n"
        "Ruritania Prime Minister Fiona Maria Ta\u2019ala said in a statement released by her"
        " office that it was fitting for \u201cour first ocean declaration\u201d to be adopted.\n"
    )
    found = speakers(text)
    assert len(found) == 1
    assert found[0] is not None
    assert found[0].kind == "person"
    assert "Ta\u2019ala" not in str(draft(text)["parties"])


def test_a_title_that_lists_offices_still_names_the_speaker() -> None:
    text = (
        "The presidents of Ruritania and Freedonia met in Lima on Saturday.\n\n"
        "President Karl Berg said the alliance must grow.\n\n"
        '"We have taken part in the meeting along with the president,"'
        " Trade, Industry and Tourism Minister Ana Ruiz told the media.\n"
    )
    assert who(text) == ["ruiz"]


def test_a_tag_not_read_as_a_name_is_never_the_last_speaker() -> None:
    text = (
        "President Karl Berg of Ruritania met President Ivo Lasko of Freedonia in Lima.\n\n"
        '"We are pleased with the talks," Berg said.\n\n'
        '"We will come back to the question next year," a veteran negotiator of the'
        " Forum's secretariat, long a critic of both, told reporters.\n"
    )
    assert who(text) == ["berg", None]


def test_an_office_that_relays_a_minister_s_claim_is_not_the_speaker() -> None:
    text = (
        "Norway's Foreign Minister Ivo Lasko met Sweden's Foreign Minister Ana Ruiz in"
        " Oslo on Monday.\n\n"
        "In a meeting with his Swedish counterpart, Norway's foreign minister claimed"
        ' there was an "increase in attacks" in his country, the Foreign Office said.\n'
    )
    assert who(text) == ["lasko"]


def test_an_office_is_the_side_named_next_to_it_not_one_elsewhere_in_the_sentence() -> None:
    text = (
        "Norway's Foreign Minister Ivo Lasko met Sweden's Foreign Minister Ana Ruiz in"
        " Oslo on Monday.\n\n"
        'Talks covered "border trade and transit" with Sweden, the Foreign Office said.\n\n'
        '"The talks were constructive," the Norwegian Foreign Ministry said.\n'
    )
    found = speakers(text)
    assert [s.kind if s else None for s in found] == ["unknown", "party"]
    assert found[1] is not None
    assert found[1].who == "Norway"


def test_words_of_country_names_and_offices_are_never_people() -> None:
    text = (
        "Sri Lankan President Anura Kumara met Papua New Guinea's Prime Minister James"
        " Marape in Colombo on Monday.\n\n"
        "The Supreme Commander of the Defence Forces and a Member of the Republic's cabinet"
        " also attended the meeting.\n"
    )
    names = participants(text)
    assert not {"Lanka", "Lankan", "Papua", "Supreme", "Member", "Republic"} & {
        w for n in names for w in n.split()
    }, names


def test_someone_whose_words_are_about_something_else_was_not_there() -> None:
    text = (
        "Canadian Prime Minister Mark Carney spoke with Mexican President Claudia Sheinbaum"
        " in a call on Tuesday that focused on trade.\n\n"
        "Carney said the talks were productive.\n\n"
        "US President Donald Trump claims that the tariffs will strengthen manufacturing.\n"
    )
    names = participants(text)
    assert "Donald Trump" not in names
    assert {"Mark Carney", "Claudia Sheinbaum"} <= set(names)


def test_someone_met_on_another_trip_the_visit_comes_after_was_not_there() -> None:
    text = (
        "Chinese President Xi Jinping hosted Sri Lankan President Anura Dissanayake in"
        " Beijing on Wednesday.\n\n"
        "The visit comes shortly after Dissanayake's trip to New Delhi, where he assured"
        " Indian Prime Minister Narendra Modi of his support.\n"
    )
    assert "Narendra Modi" not in participants(text)


def test_the_document_named_earlier_speaks_for_the_meeting_s_sides() -> None:
    text = (
        "Leaders of the Shanghai Cooperation Organisation signed the Qingdao Declaration on"
        " Sunday.\n\n"
        "The leaders discussed trade, security and the situation in the region at length.\n\n"
        'According to the document, members have made "a shared future" a common concept.\n\n'
        '"Cooperation has reached a new level," it said.\n'
    )
    assert who(text) == ["joint", "joint"]


def test_a_person_the_tag_names_is_the_speaker_of_a_document_s_words() -> None:
    text = (
        "Leaders of the six GCC states signed the AlUla Declaration on Tuesday.\n\n"
        "Saudi Foreign Minister Prince Faisal bin Farhan spoke to reporters afterwards.\n\n"
        "The statement affirmed the unity of the Gulf states,\u201d and members agreed that no"
        " country\u2019s borders be crossed,\u201d Prince Faisal added.\n"
    )
    assert who(text)[-1] == "farhan"


def test_words_after_what_their_declaration_says_are_the_declaration_s() -> None:
    text = (
        "The prime ministers of the Visegrad Group met in Prague on Monday.\n\n"
        "In their declaration, the four prime ministers confirmed that their countries would"
        " continue their efforts.\n\n"
        "\u201cWe are committed to creating a climate of partnership and trust.\u201d\n"
    )
    assert who(text) == ["joint"]


def test_an_unnamed_source_after_a_name_is_not_that_person() -> None:
    text = (
        "French President Emmanuel Macron met British Prime Minister Boris Johnson in London.\n\n"
        "After Mr Macron's meeting with Mr Johnson a presidential source said: \u201cFrance"
        " reminded its commitment to a deal.\u201d\n"
    )
    assert who(text) == [None]


def test_a_leader_whose_words_a_statement_reports_is_the_speaker() -> None:
    text = (
        "Ugandan President Yoweri Museveni met Tanzanian President John Magufuli in Tanga.\n\n"
        "The Tanzanian leader added, \u201cThis is a very big project for our region,\u201d"
        " according to a statement from State House.\n"
    )
    assert who(text) == ["magufuli"]
