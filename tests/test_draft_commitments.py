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


# -- the grammar of outcomes in reporting and joint statements ---------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # The present of a joint statement.
        ("The Parties agree to strengthen cooperation in the field of energy.", "decision"),
        ("Both sides decide to open consulates in Mombasa and Alexandria.", "decision"),
        ("The two governments commit to opening their markets to each other.", "plan"),
        ("Both sides reiterate their commitment to the Nile Basin forum.", "reaffirmation"),
        # Passives: with an adverb, and the impersonal passive of minutes.
        ("A memorandum of understanding on energy was also signed.", "decision"),
        ("It was agreed that the joint commission would meet every year.", "decision"),
        # Outcomes told as nouns, and a document's words.
        ("The visit saw the signing of a memorandum of understanding on tourism.", "decision"),
        ("The talks concluded with the signing of a protocol on consular affairs.", "decision"),
        ("The two presidents reached wide-ranging agreements on trade.", "decision"),
        ("The two leaders endorsed a five-year action plan.", "decision"),
        ("The Cairo declaration envisages closer cooperation in energy and trade.", "plan"),
        ("The leaders met in Cairo, stressing a commitment to resolve border issues.",
         "reaffirmation"),
        # The press's verbs for a deal done, and for a body set up.
        ("Kenya and Egypt struck a deal on wheat supplies.", "decision"),
        ("The two sides also exchanged MoUs on health and education.", "decision"),
        ("The two sides finalised an agreement on visa exemption.", "decision"),
        ("The two sides set up a joint working group on energy.", "decision"),
        ("The two leaders gave the go-ahead for a joint railway project.", "decision"),
        ("The leaders tasked officials to draft a trade agreement.", "decision"),
        ("The two leaders agreed to consult each other if a crisis arises.", "decision"),
        ("The two presidents expressed their determination to deepen ties.", "plan"),
        # Wishes told as nouns, and offers.
        ("Sisi conveyed his greetings to Ruto and his keenness to deepen coordination.",
         "interest"),
        ("Ruto expressed Kenya's desire to import more Egyptian goods.", "interest"),
        ("Egypt offered to train Kenyan diplomats in Cairo.", "interest"),
        ("Ruto said he expects the Egyptian side to implement the plan.", "interest"),
        ("Closing the summit, those taking part said the forum would meet every year.", "plan"),
        # "agreed that" with an act to come, "agreed with" with an undertaking.
        ("The two sides agreed that the joint commission will meet in Nairobi.", "decision"),
        ("Ruto agreed with his Egyptian counterpart to hold annual consultations.", "decision"),
        # A capital, a side and a country stand for who will act.
        ("Cairo and Nairobi will hold consultations every year.", "plan"),
        ("The Kenyan side will send a trade mission to Alexandria.", "plan"),
        ("Ruto said New Zealand will host the next round of the talks.", "plan"),
        ("Ruto said he and Sisi had agreed to continue contacts.", "decision"),
        ("The leaders, who had previously met in Nairobi, agreed to open consulates.", "decision"),
    ],
)  # fmt: skip
def test_outcome_grammar_of_reporting_and_joint_statements(sentence: str, kind: str) -> None:
    assert one(TWO + sentence)["kind"] == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya, Egypt agree to boost trade ties",  # a headline: present tense, no full stop
        "Last year, the two countries signed a trade agreement.",
        "Earlier this year, Kenya signed a deal on ports with Ethiopia.",
        "Since 1964 the two countries have signed more than 40 agreements.",
        "Kenya and Egypt previously agreed to cooperate on water.",
        "Kenya and Egypt have signed more than 20 agreements since 1964.",
        "Ruto said the meeting was an occasion to share views and agree on cooperation.",
        "Egypt would agree to talks only if Ethiopia stops filling the dam.",
        "Sisi said Egypt would join the force if the African Union asked it to.",
        "Egypt had hoped to sign a deal on the Nile waters.",
        "The talks came as Sudan is expected to announce new elections.",
        "Ruto said Kenya has made progress as agreed in the roadmap.",
        "The treaty sets out mechanisms established by the two parliaments.",
        "The two leaders reaffirmed that regional stability is vital.",
        "Ruto and Sisi jointly released a stamp honouring the Nile.",
        "Sisi affirmed that Egypt attaches great importance to its relations with Kenya.",
        "Sisi said Egypt would resume the talks once its demands were met.",
        "The two sides agreed, however, that more work was needed.",
        "ALSO READ: Kenya and Egypt agreed to boost trade.",
        "Read more | Egypt will host the next summit.",
    ],
)
def test_headlines_background_conditions_and_other_countries_are_not_outcomes(
    sentence: str,
) -> None:
    assert commitments(TWO + sentence) == []


def test_a_view_reaffirmed_and_a_commitment_restated_in_one_sentence() -> None:
    found = one(
        TWO + "They reaffirmed that the treaty is the foundation of relations, and restated"
        " their joint commitment to its full implementation."
    )
    assert found["kind"] == "reaffirmation"
    assert found["text"].startswith("Commitment to its full implementation")


def test_a_country_beside_the_meeting_is_flagged() -> None:
    found = one(TWO + "Ethiopia has vowed to complete the dam this year.")
    assert found["parties"] == ["Ethiopia"]
    assert "Ethiopia not among the meeting's sides" in found["review"]


def test_two_people_named_together_one_unknown_are_both_sides() -> None:
    # "the two" is every side; a nickname the cast does not know still stands beside the other.
    lead = "Indonesian President Joko Widodo met Australian Prime Minister Anthony Albanese.\n\n"
    assert one(lead + "The two signed a defence agreement.")["parties"] == [
        "Australia",
        "Indonesia",
    ]
    found = one(lead + "Jokowi and Albanese witnessed the signing of three agreements.")
    assert found["parties"] == ["Australia", "Indonesia"]
    assert "two people named together" in found["review"]
    said = one(lead + "Albanese said he and Jokowi had agreed to continue contacts.")
    assert said["parties"] == ["Australia", "Indonesia"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (TWO + "Nairobi hopes to double its exports to Egypt.", ["Kenya"]),
        (TWO + "Kenyan officials said the country would send a trade mission.", ["Kenya"]),
        ("Kenyan President William Ruto met Egyptian Prime Minister Mostafa Madbouly in Cairo.\n\n"
         "The Prime Minister looked forward to visiting Nairobi.", ["Egypt"]),
        ("Angolan President Joao Lourenco hosted Rwandan President Paul Kagame and Congolese"
         " President Felix Tshisekedi in Luanda.\n\nLourenco announced that a truce had been"
         " reached between Rwanda and the Democratic Republic of the Congo.",
         ["Democratic Republic of the Congo", "Rwanda"]),
    ],
)  # fmt: skip
def test_parties_named_by_a_capital_an_office_or_a_passive_between(
    text: str, parties: list[str]
) -> None:
    found = one(text)
    assert found["parties"] == parties
    assert "check the parties: " in found["review"]
    assert "taken to be all sides" not in found["review"]


def test_people_listed_with_their_countries_in_brackets_are_all_parties() -> None:
    text = (
        "Presidents Martin Vizcarra (Peru), Ivan Duque (Colombia), Sebastian Pinera (Chile),"
        " and Foreign Affairs Secretary Marcelo Ebrard (Mexico) on Saturday signed the Lima"
        " Declaration at the end of the summit in Lima.\n"
    )
    [commitment] = draft(text)["commitments"]
    assert sorted(commitment["by"]) == ["chile", "colombia", "mexico", "peru"]


def test_a_report_that_says_is_not_who_made_the_commitment() -> None:
    text = (
        "Leaders of the Shanghai Cooperation Organisation met in Qingdao on Sunday.\n\n"
        "Russian media reports say the SCO leaders adopted a total of 17 documents.\n"
    )
    by = [c["by"] for c in draft(text)["commitments"]]
    assert by
    assert all("russia" not in b for b in by)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Kenya's president noted the keenness of the two countries to expand trade.", "interest"),
        ("A joint action plan for closer cooperation has been drawn up.", "decision"),
        ("The two governments also drew up an action plan with specific projects.", "decision"),
        ("This cooperation is to be specifically intensified.", "plan"),
        ("Member states reiterated their commitment to the treaty.", "reaffirmation"),
        ("Furthermore, they convened the dialogue mechanism in the field of defence.", "decision"),
        ("In this regard, they scheduled a meeting of the committee on security.", "decision"),
        ("The two nations will also jointly explore rare metals in the north.", "plan"),
    ],
)
def test_more_outcome_grammar_of_real_reporting(sentence: str, kind: str) -> None:
    [found] = commitments(TWO + sentence)
    assert found["kind"] == kind


def test_a_meeting_already_scheduled_is_no_decision() -> None:
    assert commitments(TWO + "The scheduled meeting was convened by the ministers.") == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Regular meetings to sustain the agreements will be put in place.", "plan"),
        (
            "The presidents reinforced their governments' full commitment to the pact.",
            "reaffirmation",
        ),
        ("The presidents noted that officials are expecting to convene talks in May.", "plan"),
        ("They rounded off their meeting by adopting a declaration on trade.", "decision"),
        ("Having undergone reforms, these countries are eager to deepen trade.", "interest"),
        ("The ministers underlined their support for multilateralism.", "reaffirmation"),
        ("The ministerial meeting endorsed the agendas for the next summit.", "decision"),
        ("As a result, several key declarations were ratified by the members.", "decision"),
        ("The Nile Declaration was announced during the closing session.", "decision"),
        ("The ministers will later sign the accord.", "plan"),
    ],
)
def test_outcome_grammar_of_readouts_and_summits(sentence: str, kind: str) -> None:
    [found] = commitments(TWO + sentence)
    assert found["kind"] == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Ruto will later fly to Berlin at the invitation of the chancellor.",
        "Sisi will then leave for Addis Ababa.",
        "Sisi expressed confidence that the people of Kenya will continue to prosper.",
    ],
)
def test_an_itinerary_or_a_belief_is_no_plan(sentence: str) -> None:
    assert commitments(TWO + sentence) == []


def _made(sentence: str) -> list[tuple[str, list[str]]]:
    from briefing.draft.assemble import draft_plain
    from briefing.draft.sources import SourceText

    text = (
        "Leaders meet\n\nPrime Minister Ana Lopez of Nepal met Prime Minister Ben Ode of India "
        f"in Kathmandu.\n\n{sentence}\n"
    )
    source = SourceText("a.txt", "text", text, None, None, None, None, "a.txt")
    plain = draft_plain([source])
    names = {p["id"]: p["name"] for p in plain["parties"]}
    return [(c["kind"], [names[b] for b in c["by"]]) for c in plain["commitments"]]


def test_the_attendees_signed_is_everyone_s_decision() -> None:
    assert _made("As previously announced, the attendees signed a joint declaration.") == [
        ("decision", ["Nepal", "India"])
    ]


def test_an_outcome_told_in_a_participle_after_the_meeting() -> None:
    made = _made(
        "Delegations of Nepal and India concluded their meeting in Turkey's Istanbul on "
        "Friday, agreeing to hold a new round of negotiations."
    )
    # Turkey is where they met, not who agreed.
    assert made == [("decision", ["Nepal", "India"])]


def test_gathered_to_sign_is_a_signing() -> None:
    made = _made("The two prime ministers gathered here Friday to sign the Kathmandu Declaration.")
    assert made == [("decision", ["Nepal", "India"])]


def test_declared_a_partnership_is_a_decision() -> None:
    made = _made("The two leaders held their first summit and declared a strategic partnership.")
    assert [kind for kind, _ in made] == ["decision"]


def test_a_country_word_inside_a_grouping_s_name_is_not_a_party() -> None:
    from briefing.draft.assemble import draft_plain
    from briefing.draft.blocs import grouping_spans
    from briefing.draft.sources import SourceText

    said = "The Member States of the Indian Ocean Rim Association (IORA) agreed to act."
    assert [name for _, _, name in grouping_spans(said)] == ["IORA", "IORA"]
    text = f"Ministers meet\n\nIORA foreign ministers met in Dhaka on Wednesday.\n\n{said}\n"
    plain = draft_plain([SourceText("a.txt", "text", text, None, None, None, None, "a.txt")])
    names = {p["id"]: p["name"] for p in plain["parties"]}
    assert [[names[b] for b in c["by"]] for c in plain["commitments"]] == [["IORA"]]
