"""The meeting's sides, day and place, each rule on small invented sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.draft.assemble import draft_plain
from briefing.draft.document import read_document
from briefing.draft.meeting import Meeting, read_meeting
from briefing.draft.sources import SourceText


def draft(text: str) -> dict[str, Any]:
    source = SourceText("article.txt", "text", text, None, None, None, None, "article.txt")
    plain: dict[str, Any] = draft_plain([source])
    return plain


def sides(text: str) -> list[str]:
    return [p["name"] for p in draft(text)["parties"] if " and " not in p["name"]]


def meeting(text: str, published: dt.date | None = None) -> Meeting:
    return read_meeting(read_document(text), published, None)


# -- sides ---------------------------------------------------------------------------------


def test_a_grouping_with_a_table_of_members_is_a_side() -> None:
    text = (
        "Foreign ministers of the Lancang-Mekong Cooperation met in Vientiane on Monday.\n\n"
        "The ministers agreed to deepen cooperation on water."
    )
    assert sides(text) == ["Lancang-Mekong"]


def test_a_grouping_whose_ministers_met_on_the_sidelines_of_another_is_a_side() -> None:
    text = (
        "Foreign ministers of the G4 countries met on the sidelines of the Forum in Oslo.\n\n"
        "The ministers agreed to press for reform."
    )
    assert sides(text) == ["G4"]


def test_a_grouping_inside_a_larger_one_is_no_side_of_its_own() -> None:
    text = (
        "Baltic leaders and Nordic-Baltic Eight ministers met in Tallinn on Monday.\n\n"
        "The ministers agreed to work together on energy."
    )
    assert sides(text) == ["Nordic-Baltic Eight"]


def test_at_a_grouping_of_unknown_members_those_present_are_sides_and_it_commits() -> None:
    # The chair is a member's prime minister; the lede names no country as a side. Samoa is
    # a side as a member present, and what "the leaders" agreed is the Forum's.
    text = (
        "Leaders of the Pacific Islands Forum met for their retreat.\n\n"
        "The chairman, Samoa's Prime Minister Iosefa Lemalu, said the leaders agreed to act."
    )
    plain = draft(text)
    names = {p["id"]: p["name"] for p in plain["parties"]}
    assert sorted(p["name"] for p in plain["parties"]) == ["Pacific Islands Forum", "Samoa"]
    (commitment,) = plain["commitments"]
    assert [names[b] for b in commitment["by"]] == ["Pacific Islands Forum"]


def test_the_members_of_a_grouping_in_its_table_stand_for_it() -> None:
    text = "Leaders of the Bucharest Nine met in Warsaw and signed a joint declaration."
    assert sides(text) == ["Bucharest Nine"]
    text = "The Indian Ocean Rim Association (IORA) Council of Ministers met in Dhaka."
    assert sides(text) == ["IORA"]


def test_two_countries_after_their_leaders_are_the_sides() -> None:
    text = (
        "KINGSTOWN (CMC) - Prime Minister Ana Lopez says the leaders of Venezuela and Guyana "
        "returned home feeling they had won. Lopez hosted the talks."
    )
    assert set(sides(text)) >= {"Venezuela", "Guyana"}


def test_a_country_of_three_words_before_a_role_is_the_persons() -> None:
    plain = draft(
        "The Papua New Guinea Prime Minister James Marape met his Australian counterpart, "
        "Anthony Albanese, in Port Moresby."
    )
    countries = {p["name"]: p.get("country") for p in plain["participants"]}
    assert countries["James Marape"] == "Papua New Guinea"
    assert "Guinea" not in [p["name"] for p in plain["parties"]]


# -- the place -----------------------------------------------------------------------------


def test_the_place_of_a_meeting_many_words_after_its_verb() -> None:
    text = "Minister Ana Lopez met with her counterpart and the trade minister in Porto Verde."
    assert meeting(text).location == "Porto Verde"


def test_in_the_capital_names_the_place() -> None:
    text = "President Ana Lopez held a meeting with Ben Ode in the capital Ankara on Monday."
    assert meeting(text).location == "Ankara"


def test_a_place_inside_a_quotation_is_not_the_meeting_place() -> None:
    text = 'Ana Lopez spoke to reporters.\n\n"We condemn the attack that occurred in Kerman."'
    assert meeting(text).location is None


def test_the_venue_is_given_with_the_city() -> None:
    text = "MANILA: The two leaders met at the Blue Lotus Palace and agreed to cooperate."
    assert meeting(text).location == "Blue Lotus Palace, Manila"


def test_a_datelines_city_goes_before_the_country_where_they_met() -> None:
    text = "APIA, Samoa (AP) \u2014 Leaders ended their summit in Samoa with a declaration."
    assert meeting(text).location == "Apia, Samoa"


def test_an_agencys_initials_are_no_dateline_place() -> None:
    text = "VGP - Prime Minister Ana Lopez thanked Ben Ode for the visit."
    assert meeting(text).location is None


def test_a_tass_dateline_gives_its_place() -> None:
    text = "MOSCOW, November 28. /TASS/. President Ana Lopez thanked Ben Ode for the visit."
    assert meeting(text).location == "Moscow"


def test_a_word_before_a_colon_is_no_dateline_place() -> None:
    assert meeting("Watch: Ana Lopez thanked Ben Ode for the visit.").location is None


# -- the day -------------------------------------------------------------------------------


def test_a_weekday_counts_back_from_the_datelines_date() -> None:
    # Filed on Tuesday 6 May 2025 about a meeting on Monday.
    text = "BEIJING, May 6 (Xinhua) -- Ana Lopez held talks with Ben Ode here on Monday."
    found = meeting(text, dt.date(2025, 5, 7))
    assert found.date == dt.date(2025, 5, 5)
    assert found.date_note is not None
    assert "the dateline" in found.date_note


def test_a_datelines_date_alone_is_given_with_a_note() -> None:
    text = "BEIJING, May 6 (Xinhua) -- Ana Lopez held talks with Ben Ode in Beijing."
    found = meeting(text, dt.date(2025, 5, 7))
    assert found.date == dt.date(2025, 5, 6)
    assert found.date_note is not None
    assert "dateline" in found.date_note


def test_no_day_in_the_text_leaves_the_date_unfound() -> None:
    text = "Ana Lopez held talks with Ben Ode in Rome about trade."
    assert meeting(text, dt.date(2025, 5, 7)).date is None


def test_a_span_of_days_fixes_no_single_day() -> None:
    text = "Talks were held in Rome from March 6 to 10 between Ana Lopez and Ben Ode."
    assert meeting(text, dt.date(2025, 3, 12)).date is None


def test_a_date_long_before_the_report_is_background() -> None:
    text = (
        "Ana Lopez held talks with Ben Ode in Rome, their first since 5 May 2019 talks.\n\n"
        "They first met on 5 May 2019 in Paris."
    )
    assert meeting(text, dt.date(2025, 3, 12)).date is None


def test_a_meeting_that_took_place_in_a_city() -> None:
    text = "The intergovernmental consultations took place in Porto Verde on 2 July 2024."
    found = meeting(text)
    assert found.location == "Porto Verde"
    assert found.date == dt.date(2024, 7, 2)


def test_a_venue_and_its_city_after_a_comma() -> None:
    text = "Ana Lopez on Monday received Ben Ode at the Presidential Villa, Porto Verde."
    assert meeting(text).location == "Presidential Villa, Porto Verde"


def test_a_dateline_with_its_date_in_the_agencys_brackets() -> None:
    text = "ABU DHABI, (Example News / WAM - 24th Nov, 2019) Ana Lopez received Ben Ode today."
    found = meeting(text)
    assert found.location == "Abu Dhabi"
    assert found.date == dt.date(2019, 11, 24)


def test_a_dateline_with_the_outlets_name_after_its_date() -> None:
    text = "DUSHANBE, June 11, 2018, Asia-Plus -- Ana Lopez received Ben Ode on Sunday."
    assert meeting(text).date == dt.date(2018, 6, 10)


def test_a_name_with_its_initials_in_brackets_is_no_dateline() -> None:
    text = (
        "Press release\n\nIndia-Brazil-South Africa (IBSA) Dialogue Forum Meeting\n\n"
        "The ministers met to discuss reform."
    )
    assert meeting(text).location is None


def test_a_story_number_that_opens_with_its_day_gives_the_year() -> None:
    text = (
        "https://example.org/view/AEN20230314004900315\n\n"
        "SEOUL, March 14 (Example) -- Ana Lopez held talks with Ben Ode here on Tuesday."
    )
    assert meeting(text).date == dt.date(2023, 3, 14)


def test_a_possessive_place_is_the_city() -> None:
    text = "Ana Lopez held talks with Ben Ode in Porto's Old Town on Monday."
    assert meeting(text).location == "Porto"


def test_in_after_a_topic_is_no_meeting_place() -> None:
    assert meeting("The leaders discussed the war in Ukraine, and trade.").location is None


def test_a_dateline_of_two_places_with_its_full_date() -> None:
    text = "Porto/Lima, 7 December 2023 (Example) - The leaders met on Thursday."
    found = meeting(text)
    assert found.location == "Porto/Lima"
    assert found.date == dt.date(2023, 12, 7)


def test_a_date_since_which_something_holds_is_no_anchor_for_a_weekday() -> None:
    text = "Ana Lopez met Ben Ode on Monday, their first talks since 5 May 2019."
    assert meeting(text).date is None


def test_the_country_of_someone_who_only_criticised_the_meeting_is_no_side() -> None:
    text = (
        "Chinese President Xi Jinping held talks with Russian President Vladimir Putin in"
        " Moscow on Tuesday.\n\nUS President Joe Biden criticised the meeting."
    )
    assert sides(text) == ["China", "Russia"]


def test_a_weekdays_summit_is_the_meetings_day() -> None:
    text = "The spokesman said Monday's summit between the two presidents went well."
    assert meeting(text, dt.date(2023, 9, 5)).date == dt.date(2023, 9, 4)


def test_a_day_without_a_year_late_in_the_year_before_a_january_report() -> None:
    text = "Ana Lopez and Ben Ode met in Rome on December 30 to discuss trade."
    assert meeting(text, dt.date(2024, 1, 2)).date == dt.date(2023, 12, 30)


def test_a_dateline_with_its_country_in_brackets() -> None:
    text = "LUANG PRABANG (Laos), Dec. 17 (Example) -- Ana Lopez met Ben Ode here on Monday."
    found = meeting(text, dt.date(2018, 12, 18))
    assert found.location == "Luang Prabang"
    assert found.date == dt.date(2018, 12, 17)


def test_a_region_s_adjective_is_not_the_country_s() -> None:
    from briefing.draft.lexicon import find_countries

    assert find_countries("the Community of Latin American and Caribbean States") == ()
    assert find_countries("South American and Inter-American bodies") == ()
    assert [c for *_, c in find_countries("the American president")] == ["United States"]
    assert [c for *_, c in find_countries("the North Korean leader")] == ["North Korea"]


def test_an_arab_summit_is_the_arab_league_s() -> None:
    from briefing.draft.blocs import find_groupings

    assert find_groupings("Results of Arab leaders summit in Jordan") == ["Arab League"]
    assert find_groupings("The final communique of the Arab Summit") == ["Arab League"]
