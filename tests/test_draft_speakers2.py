"""Who speaks and who was there, on short invented sentences: asides between a name and its
speech verb, outlets and documents that speak, descriptions, and people only mentioned."""

from __future__ import annotations

from tests.test_draft_general import participants, speakers, who

MET = "President Anna Kovac of Ruritania met Prime Minister Tomas Berg in Vallis on Monday.\n\n"


# -- asides --------------------------------------------------------------------------------


def test_an_aside_before_the_verb_does_not_speak() -> None:
    # "Kovac, who succeeded Ivan Petrov, said:": Kovac speaks, not the person in the aside.
    text = MET + 'Kovac, who succeeded former president Ivan Petrov, said: "We owe much."'
    assert who(text) == ["kovac"]


def test_an_aside_after_the_quotation_does_not_speak() -> None:
    text = MET + '"We owe much," Berg, who was accompanied by Minister Ivo Lasko, said.'
    assert who(text) == ["berg"]


def test_a_name_set_off_by_commas_is_the_speaker() -> None:
    # "the head of the council, Tomas Berg, said that": the name in commas speaks.
    text = (
        MET + "The head of the Freedonian government, Tomas Berg, said that "
        "\u201cthe talks were a new beginning for us\u201d."
    )
    assert who(text) == ["berg"]


# -- quotations standing alone ------------------------------------------------------------


def test_words_after_words_of_nobody_stay_unidentified() -> None:
    text = MET + '"Trade will double," a senior official said.\n\n"Our neighbours can count on us."'
    found = speakers(text)
    assert [s.kind if s else None for s in found] == ["unknown", "unknown"]
    assert found[1] is not None
    assert found[1].review == "say who said it: the source gives no speaker"


# -- names and descriptions ----------------------------------------------------------------


def test_a_name_after_said_and_a_closing_mark_is_a_person() -> None:
    # `“...,” said Ivo Lasko`: a name the speech verb comes before, with no role anywhere.
    text = MET + '"We are ready to help," said Ivo Lasko.'
    assert who(text) == ["lasko"]


def test_a_name_with_a_role_after_it_is_a_person() -> None:
    text = (
        "Ivo Lasko, director of the Office of Trade, welcomed the delegation in Vallis.\n\n"
        '"We are ready to help," said Lasko.'
    )
    assert who(text) == ["lasko"]


def test_a_description_with_a_country_fits_the_one_person_of_that_role() -> None:
    # The article never says which country Prime Minister Lind is from.
    text = (
        "The prime ministers met in Riga. Prime Minister Mara Lind chaired the talks.\n\n"
        '"We must act now," said the Latvian Prime Minister.'
    )
    found = speakers(text)
    assert [s.who if s else None for s in found] == ["lind"]
    assert found[0] is not None
    assert "check the speaker" in (found[0].review or "")


def test_a_description_with_a_country_and_two_people_of_that_role_stays_unclear() -> None:
    text = (
        "Prime Minister Mara Lind met Prime Minister Ivo Lasko in Riga.\n\n"
        '"We must act now," said the Latvian Prime Minister.'
    )
    assert who(text) == [None]


def test_a_description_is_not_fitted_loosely_beside_someone_with_no_role() -> None:
    # Berg's role is never given: "the Latvian leader" may be Berg, not Prime Minister Lind.
    text = (
        "Tomas Berg has declared the talks a success. He met Prime Minister Mara Lind.\n\n"
        '"We must act now," said the Latvian prime minister.'
    )
    assert who(text) != ["lind"]


# -- outlets and documents -----------------------------------------------------------------


def test_a_news_outlet_is_never_a_person() -> None:
    text = MET + 'Sky News Arabia said the leaders had discussed "security in the whole region".'
    assert "Sky News Arabia" not in participants(text)


def test_words_an_outlet_reports_are_not_the_last_speaker_s() -> None:
    # `“...,” Tass reported`: the outlet is named as the source, so not Berg who spoke before.
    text = MET + '"We agree," Berg said.\n\n"The two countries will sign a treaty," Tass reported.'
    assert who(text) == ["berg", None]


def test_words_an_outlet_reports_citing_someone_are_theirs() -> None:
    text = (
        MET + "The two sides should \u201cbuild a bridge across the river together,\u201d "
        "Tass reported, citing Berg as saying."
    )
    found = speakers(text)
    assert [s.who if s else None for s in found] == ["berg"]
    assert found[0] is not None
    assert "cites" in (found[0].review or "")


def test_a_statement_that_speaks_after_a_joint_statement_is_that_statement() -> None:
    text = (
        "In a joint statement issued after the talks in Vallis, the ministers of Ruritania "
        "and Freedonia set out their aims.\n\n"
        'The statement emphasized their commitment to "a region where the rule of law is upheld".'
    )
    assert who(text) == ["joint"]


def test_words_stated_in_a_capitalised_declaration_are_the_declaration_s() -> None:
    text = (
        "Leaders of Ruritania and Freedonia met in Vallis.\n\n"
        '"We promise to strengthen our partnership in every field," the leaders stated in the '
        "Final Declaration."
    )
    assert who(text) == ["joint"]


def test_a_quotation_running_on_into_the_next_paragraph_is_said_by_who_closes_it() -> None:
    # A quotation of two paragraphs: the first never closes, the second opens with a mark
    # again and names its speaker. Not Kovac, who spoke before.
    text = (
        MET + '"Trade will double," Kovac said.\n\n'
        '"We will build a bridge across the river and a railway to the coast.\n\n'
        '"Nothing will stop us," Berg added.'
    )
    found = speakers(text)
    assert [s.who if s else None for s in found] == ["kovac", "berg", "berg"]
    assert found[1] is not None
    assert "where the quotation goes on" in (found[1].review or "")


# -- who was there -------------------------------------------------------------------------


def test_someone_who_spoke_at_another_time_is_not_a_participant() -> None:
    text = (
        MET + "The meeting came a week after Chancellor Ivo Lasko said the border "
        '"must stay closed to all trade".'
    )
    assert "Ivo Lasko" not in participants(text)
    assert {"Anna Kovac", "Tomas Berg"} <= set(participants(text))


def test_someone_criticised_is_not_a_participant() -> None:
    text = MET + "Kovac also criticised Chancellor Ivo Lasko for closing the border."
    assert "Ivo Lasko" not in participants(text)


def test_leaders_whose_consensus_is_carried_out_are_not_participants() -> None:
    text = (
        "Foreign Minister Ana Sol met Foreign Minister Ivo Lasko in Vallis on Monday to "
        "carry out the consensus reached by President Mara Lind and President Li Wei."
    )
    assert participants(text) == ["Ana Sol", "Ivo Lasko"]


def test_a_name_set_off_by_commas_after_the_quotation_is_the_speaker() -> None:
    text = (
        MET + '"We agree," Berg said.\n\n'
        '"This is a historic step," Kovac\'s foreign minister, Ivo Lasko, told reporters.'
    )
    assert who(text) == ["berg", "lasko"]


def test_a_role_set_off_by_commas_after_the_quotation_is_the_one_before_it() -> None:
    text = MET + '"We agree," Kovac said.\n\n"Trade will double," Berg, the host, said.'
    assert who(text) == ["kovac", "berg"]


def test_his_counterpart_is_the_other_of_the_two_who_met() -> None:
    text = (
        MET + '"Freedonia will not forget this," Berg said.\n\n'
        'His counterpart replied: "Nor will Ruritania."'
    )
    found = speakers(text)
    assert [s.who if s else None for s in found] == ["berg", "kovac"]
    assert found[1] is not None
    assert "'His counterpart' taken to be" in (found[1].review or "")


def test_his_counterpart_among_several_who_met_stays_unclear() -> None:
    text = (
        "Prime Minister Tomas Berg met President Anna Kovac and Chancellor Ivo Lasko in Vallis."
        '\n\n"We agree," Berg said.\n\nHis counterpart replied: "So do we."'
    )
    assert who(text) == ["berg", None]


def test_a_participle_clause_after_a_comma_gives_the_subject_s_words() -> None:
    text = MET + 'Berg invited Kovac to visit Freedonia, calling her "a true friend of our people".'
    assert who(text) == ["berg"]


def test_an_office_s_initials_spelt_out_before_are_the_office() -> None:
    text = (
        MET + "The Brazilian Ministry of Foreign Affairs (MFA) said the talks went well.\n\n"
        '"The two leaders agreed to meet again next year in the capital," the MFA said.'
    )
    found = speakers(text)
    assert [(s.kind, s.who) if s else None for s in found] == [("party", "Brazil")]


def test_initials_not_spelt_out_as_an_office_are_nobody_s() -> None:
    text = (
        MET + '"We agree," Berg said.\n\n'
        '"The two leaders agreed to meet again next year in the capital," the AFP said.'
    )
    assert who(text) == ["berg", None]


def test_people_who_attend_or_accompany_are_participants() -> None:
    text = (
        MET + "Foreign Minister Ivo Lasko and Ambassador Mara Lind attended the talks. "
        "The president was accompanied by Chief of Staff Li Wei."
    )
    assert {"Ivo Lasko", "Mara Lind", "Li Wei"} <= set(participants(text))


def test_a_name_first_met_alone_is_found_when_it_was_present() -> None:
    text = MET + "Mara Lind was also present."
    assert "Mara Lind" in participants(text)


def test_a_minister_s_portfolio_is_no_person() -> None:
    text = (
        MET + "The president was accompanied by Minister of National Planning and "
        "Infrastructure Ivo Lasko."
    )
    assert participants(text) == ["Anna Kovac", "Tomas Berg", "Ivo Lasko"]


def test_an_analyst_quoted_on_the_meeting_is_not_a_participant() -> None:
    text = (
        MET + '"The announcements are mostly symbolic," said Ivo Lasko, a professor at '
        'Vallis University.\n\n"Nothing concrete was agreed," Lasko added.'
    )
    assert participants(text) == ["Anna Kovac", "Tomas Berg"]


def test_an_opposition_figure_is_not_a_participant() -> None:
    text = MET + 'Opposition leader Mara Lind said: "This deal betrays our farmers."'
    assert "Mara Lind" not in participants(text)


def test_a_professor_who_attended_the_talks_is_a_participant() -> None:
    text = MET + "Professor Ivo Lasko, an economist, attended the talks as an adviser."
    assert "Ivo Lasko" in participants(text)


def test_a_bare_role_after_the_verb_is_the_one_person_with_it() -> None:
    # `“...,” says PM in Vallis`: "PM" with no article, and the one prime minister.
    text = (
        "PM Tomas Berg met President Anna Kovac in Vallis.\n\n"
        '"We stand with you in your efforts," says PM in Vallis.'
    )
    found = speakers(text)
    assert [s.who if s else None for s in found] == ["berg"]
    assert found[0] is not None
    assert "taken to be" in (found[0].review or "")


def test_the_host_of_a_summit_last_year_is_not_a_participant() -> None:
    text = (
        MET + "They built on the outcomes of the summit hosted by King Ivo Lasko in Amman "
        "last August."
    )
    assert "Ivo Lasko" not in participants(text)


def test_a_description_is_not_fitted_loosely_beside_another_of_that_role() -> None:
    # Lasko is Latvia's prime minister; "the Estonian prime minister" is someone else, not
    # Lind, whose country the article never gives.
    text = (
        "Latvian Prime Minister Ivo Lasko met Prime Minister Mara Lind in Riga.\n\n"
        '"We must act now," said the Estonian prime minister.'
    )
    assert who(text) == [None]


def test_the_head_of_a_think_tank_quoted_on_the_meeting_is_not_a_participant() -> None:
    text = (
        MET + '"The deal is good for business," said Ivo Lasko, head of the Vallis '
        "Institute for Trade Studies."
    )
    assert participants(text) == ["Anna Kovac", "Tomas Berg"]


def test_a_clause_of_six_words_with_no_speaker_is_kept_unidentified() -> None:
    text = MET + 'The talks covered "trade, energy, security and the border dispute" at length.'
    found = speakers(text)
    assert len(found) == 1
    assert found[0] is None or found[0].kind == "unknown"


def test_a_clause_about_a_participant_does_not_make_them_a_commentator() -> None:
    text = MET + 'Berg, who studied at Vallis University, said: "We agree on everything."'
    assert "Tomas Berg" in participants(text)


# -- pronouns ------------------------------------------------------------------------------


def test_an_honorific_rules_out_one_of_two_a_pronoun_could_be() -> None:
    # "she" could be Kovac (who spoke last) or Berg (whom the sentence before is about),
    # but the text calls him Mr Berg.
    text = (
        MET + '"We agree," Ms Kovac said.\n\n'
        "Mr Berg praised the role of Ruritania in the region.\n\n"
        '"We will deepen our cooperation in defence," she said.'
    )
    found = speakers(text)
    assert [s.who if s else None for s in found] == ["kovac", "kovac"]
    assert found[1] is not None
    assert "Mr or Ms" in (found[1].review or "")


def test_with_no_honorific_a_pronoun_of_two_stays_unclear() -> None:
    text = (
        MET + '"We agree," Kovac said.\n\n'
        "Berg praised the role of Ruritania in the region.\n\n"
        '"We will deepen our cooperation in defence," she said.'
    )
    assert who(text) == ["kovac", None]


def test_the_country_of_a_role_after_the_name_is_the_person_s() -> None:
    from briefing.draft.document import read_document
    from briefing.draft.people import find_people

    text = "Ivo Lasko, director of the Office of the Foreign Affairs Commission of China, spoke."
    people = find_people(read_document(text)).people
    assert [(p.name, p.country) for p in people] == [("Ivo Lasko", "China")]
    assert people[0].notes == ("check the country: taken from the role after the name",)
