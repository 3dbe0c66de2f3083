"""A meeting's day from a date the page prints on a line of its own, and from numbers."""

from __future__ import annotations

import datetime as dt

from briefing.draft.document import read_document, slug
from briefing.draft.meeting import Meeting, read_meeting


def meeting(text: str) -> Meeting:
    doc = read_document(text)
    return read_meeting(doc, None, doc.title)


LEDE = "Ruritania and Freedonia agreed to build a bridge across the river."


def test_a_date_under_the_headline_is_the_day_to_check() -> None:
    text = (
        "Ruritania and Freedonia sign a bridge accord\n\n"
        "  \u2022 Home\n  \u2022 News\n\n"
        "  \u2022 Tuesday, 2 July 2024\n\n"
        f"At the end of the talks in Strelsau, {LEDE}\n"
    )
    found = meeting(text)
    assert found.date == dt.date(2024, 7, 2)
    assert found.date_as_written is not None
    assert found.date_as_written in "Tuesday, 2 July 2024"


def test_a_time_and_zone_after_the_date_are_part_of_its_line() -> None:
    text = (
        f"Ruritania and Freedonia sign a bridge accord\n\nMarch 11, 2024 3:20 PM GMT+7\n\n{LEDE}\n"
    )
    found = meeting(text)
    assert found.date == dt.date(2024, 3, 11)
    assert found.date_as_written == "March 11, 2024 3:20 PM GMT+7"
    assert found.date_note is not None
    assert "check that the meeting was that day" in found.date_note


def test_numbers_in_either_order_are_settled_by_the_weekday_named() -> None:
    for weekday, day in (("Saturday", dt.date(2019, 7, 6)), ("Friday", dt.date(2019, 6, 7))):
        text = (
            f"The presidents on {weekday} signed the Lima Declaration in Lima.\n"
            "They also agreed to meet again next year.\n\n"
            "Published: 7/6/2019\n"
        )
        assert meeting(text).date == day, weekday


def test_numbers_that_only_one_order_allows_need_no_weekday() -> None:
    text = f"{LEDE}\n\nPublished: 25/6/2019\n"
    found = meeting(text)
    assert found.date == dt.date(2019, 6, 25)
    assert found.date_as_written == "25/6/2019"


def test_numbers_nothing_settles_give_no_day() -> None:
    text = f"{LEDE}\n\nPublished: 7/6/2019\n"
    assert meeting(text).date is None


def test_a_date_line_far_from_the_top_is_not_the_page_s_date() -> None:
    filler = "".join(f"Paragraph {n} of the report.\n\n" for n in range(30))
    text = f"{LEDE}\n\n{filler}2 July 2024\n"
    assert meeting(text).date is None


def test_a_later_sentence_names_the_day_of_a_span() -> None:
    text = (
        "Ruritania and Freedonia issue a joint press release\n\n"
        "The release follows the prime minister's visit to Freedonia from March 10-11.\n\n"
        "March 11, 2024 3:20 PM GMT+7\n\n"
        "The prime ministers held talks on Monday 11 March and agreed to build a bridge.\n"
    )
    assert meeting(text).date == dt.date(2024, 3, 11)


def test_a_span_alone_gives_no_day_whatever_the_page_prints() -> None:
    text = (
        "Ruritania and Freedonia issue a joint press release\n\n"
        "Tuesday, 2 July 2024\n\n"
        "The prime minister visited Freedonia from July 1-2 and agreed to build a"
        " bridge.\n"
    )
    assert meeting(text).date is None


def test_a_first_line_wrapped_into_the_next_is_the_lede_not_a_headline() -> None:
    text = (
        "https://example.org/news/1\n\n"
        "Presidents Ana Ortiz (Ruritania) and Carlos Ruiz (Freedonia) on Saturday signed the\n"
        "14th Summit's declaration in Lima.\n"
    )
    doc = read_document(text)
    assert doc.title is None
    assert "Ana Ortiz" in doc.slice(doc.sentences[0])


def test_a_headline_above_a_blank_line_stays_a_headline() -> None:
    text = "https://example.org/news/1\n\nRuritania and Freedonia sign the\n\n14th accord.\n"
    assert read_document(text).title == "Ruritania and Freedonia sign the"


def test_ids_of_accented_names_keep_their_letters() -> None:
    assert slug("Sebastián Piñera") == "sebastian-pinera"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"


def test_a_date_line_with_a_time_after_a_bar_is_the_page_s_date() -> None:
    text = (
        "29/11/2015 | 11:43 UTC\n\n"
        "Summit draws to a close\n\n"
        "Addressing the concluding press conference this afternoon, the leaders agreed to meet"
        " again.\n"
    )
    assert meeting(text).date == dt.date(2015, 11, 29)
