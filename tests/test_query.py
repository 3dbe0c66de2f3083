"""The pure query functions on small models built in memory: matching, filters, views.

Assertions are on the views (tables, blocks, JSON data), never on rendered text.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from briefing import query
from briefing.load import load_knowledge
from briefing.match import (
    NotFoundError,
    fold,
    match_party,
    match_person,
    match_topics,
    person_names,
    select_dialogues,
)
from briefing.model import (
    Commitment,
    Dialogue,
    Discussion,
    Event,
    Evidence,
    Knowledge,
    OtherName,
    Participant,
    Party,
    Quote,
    Source,
    Topic,
    Window,
)
from briefing.search import search_view
from briefing.summary import summary_view
from briefing.views import Bullets, Heading, Paragraph, QuoteBlock, Table, View

MINIMAL = Path(__file__).parent / "bad" / "ok-minimal.yaml"
EVIDENCE = Evidence("article", "As the source says.")


def person(pid: str, name: str, *aliases: str, country: str = "India") -> Participant:
    return Participant(pid, name, aliases, (), "Minister", None, country)


def commitment(
    cid: str,
    *topics: str,
    by: tuple[str, ...] = ("india", "japan"),
    kind: Any = "decision",
    status: Any = "agreed",
    stated_by: str | None = None,
    timeline: str | None = None,
    window: Window | None = None,
    other_names: tuple[OtherName, ...] = (),
) -> Commitment:
    return Commitment(
        cid,
        f"Text of {cid}.",
        by,
        stated_by,
        topics,
        kind,
        timeline,
        window,
        status,
        None,
        other_names,
        EVIDENCE,
    )


def quote(qid: str, speaker: str, text: str, *topics: str) -> Quote:
    return Quote(qid, speaker, text, topics, "Said at the meeting.", "article")


def dialogue(did: str = "talks-1", **changes: Any) -> Dialogue:
    """A small dialogue: two parties, four people, four topics, a few records of each kind."""
    base = Dialogue(
        id=did,
        title="First Strategic Talks",
        ordinal=1,
        series=None,
        date=dt.date(2026, 1, 16),
        date_as_written=None,
        date_note=None,
        location="New Delhi",
        chairs=("jaishankar", "motegi"),
        sources=(Source("article", "Ministers meet", "The Paper", None, None, None),),
        parties=(Party("india", "India"), Party("japan", "Japan")),
        participants=(
            person("jaishankar", "S Jaishankar", "Dr. S. Jaishankar"),
            person("motegi", "Toshimitsu Motegi", "Motegi", country="Japan"),
            person("lopez", "José Ángel López", country="Spain"),
            person("modi", "Narendra Modi", "PM Modi"),
        ),
        topics=(
            Topic("ai", "Artificial intelligence", "An AI dialogue. Then more."),
            Topic("economic-security", "Economic security", "Security of supply."),
            Topic("energy", "Energy security", "Power."),
            Topic("rail", "High-speed rail", "Trains."),
        ),
        commitments=(
            commitment("ai-dialogue", "ai"),
            commitment(
                "supply-plan",
                "economic-security",
                "energy",
                kind="plan",
                status="planned",
                timeline="early this year",
                window=Window(dt.date(2026, 1, 1), dt.date(2026, 4, 30), "A reading."),
            ),
            commitment("rail-support", "rail", by=("japan",), kind="reaffirmation"),
            commitment(
                "antenna",
                "economic-security",
                by=("japan",),
                kind="interest",
                status=None,
                other_names=(OtherName("UNICORN", "Not in the source."),),
            ),
            commitment("quad", by=("india",), stated_by="jaishankar", kind="reaffirmation"),
        ),
        discussions=(Discussion("chains", "Resilient supply chains.", ("energy",), EVIDENCE),),
        quotes=(
            quote(
                "paramount", "jaishankar", "Economic security is PARAMOUNT,", "economic-security"
            ),
            quote("de-risk", "jaishankar", "How to de-risk our economies.", "economic-security"),
            quote("framework", "motegi", "A very important framework.", "ai"),
        ),
        events=(
            Event("call", "A call on the Prime Minister.", ("motegi", "modi"), None, (), EVIDENCE),
        ),
        progress=(),
        path="/data/talks.yaml",
    )
    return base._replace(**changes)


@pytest.fixture
def one() -> tuple[Dialogue, ...]:
    return (dialogue(),)


@pytest.fixture
def two() -> tuple[Dialogue, ...]:
    later = dialogue("talks-2", date=dt.date(2027, 1, 15), title="Second Strategic Talks")
    return (dialogue(), later)


def table_of(view: View) -> Table:
    assert view.table is not None
    return view.table


def column(view: View, header: str) -> list[str]:
    table = table_of(view)
    index = [c.header for c in table.columns].index(header)
    return [row[index] for row in table.rows]


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [str(item["id"]) for item in items]


# -- fold ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("JAISHANKAR", "jaishankar"),
        ("Straße", "strasse"),
        ("José Ángel López", "jose angel lopez"),
        ("S. Jaishankar", "s jaishankar"),
        ("O\u2019Brien-Smith", "o brien smith"),
        ("  spaced   out  ", "spaced out"),
        ("\uff34\uff4f\uff4b\uff59\uff4f", "tokyo"),  # full-width
        ("snake_case id", "snake_case id"),
        ("茂木 敏充", "茂木 敏充"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_keeps_devanagari_words_whole() -> None:
    # Vowel signs and the anusvara are marks, not word characters; splitting
    # at them made 'जयशंकर' two words, so the surname could never be matched.
    assert fold("एस. जयशंकर") == "एस जयशंकर"
    assert len(fold("संस्कृति").split()) == 1


# -- people --------------------------------------------------------------------------


def test_person_names_hold_every_form() -> None:
    names = person_names(person("jaishankar", "S Jaishankar", "Dr. S. Jaishankar"))
    assert {"jaishankar", "s jaishankar", "dr s jaishankar"} <= names
    assert "dr" not in names


@pytest.mark.parametrize(
    ("name", "pid"),
    [
        ("Jaishankar", "jaishankar"),
        ("s. jaishankar", "jaishankar"),
        ("Dr S Jaishankar", "jaishankar"),
        ("Shri Jaishankar", "jaishankar"),
        ("HE Motegi", "motegi"),
        ("motegi", "motegi"),
        ("Toshimitsu MOTEGI", "motegi"),
        ("lopez", "lopez"),
        ("Jose Angel Lopez", "lopez"),
        ("PM Modi", "modi"),
        ("modi", "modi"),
    ],
)
def test_match_person(one: tuple[Dialogue, ...], name: str, pid: str) -> None:
    found = match_person(one, name)
    assert found.ids == {("talks-1", pid)}
    assert found.names == (one[0].participant(pid).name,)


def test_match_person_across_dialogues(two: tuple[Dialogue, ...]) -> None:
    found = match_person(two, "Motegi")
    assert found.ids == {("talks-1", "motegi"), ("talks-2", "motegi")}
    assert found.names == ("Toshimitsu Motegi",)


def test_match_person_by_non_latin_alias() -> None:
    d = dialogue(participants=(person("jaishankar", "S. Jaishankar", "एस. जयशंकर"),))
    assert match_person((d,), "जयशंकर").ids == {("talks-1", "jaishankar")}


def test_unknown_person_suggests_the_closest(one: tuple[Dialogue, ...]) -> None:
    with pytest.raises(NotFoundError) as error:
        match_person(one, "Jaishenkar")
    assert str(error.value) == "no participant matches 'Jaishenkar' (did you mean 'S Jaishankar'?)"


def test_unknown_person_lists_who_is_known(one: tuple[Dialogue, ...]) -> None:
    with pytest.raises(NotFoundError) as error:
        match_person(one, "Xyzzy")
    assert str(error.value) == (
        "no participant matches 'Xyzzy' (known participants:"
        " José Ángel López, Narendra Modi, S Jaishankar, Toshimitsu Motegi)"
    )


@pytest.mark.parametrize("name", ["Dr", "", "..."])
def test_honorific_or_punctuation_alone_matches_no_one(
    one: tuple[Dialogue, ...], name: str
) -> None:
    with pytest.raises(NotFoundError):
        match_person(one, name)


# -- topics --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tid"),
    [
        ("ai", "ai"),
        ("Artificial Intelligence", "ai"),
        ("intell", "ai"),
        ("econ", "economic-security"),
        ("ECONOMIC-SECURITY", "economic-security"),
        ("high speed", "rail"),
        ("rail", "rail"),
    ],
)
def test_match_topics(one: tuple[Dialogue, ...], name: str, tid: str) -> None:
    assert [t.id for _, t in match_topics(one, name)] == [tid]


def test_exact_match_wins_over_prefixes() -> None:
    d = dialogue(topics=(Topic("ai", "AI", "x"), Topic("aid", "Aid", "y")))
    assert [t.id for _, t in match_topics((d,), "ai")] == ["ai"]


def test_ambiguous_prefix_names_every_candidate(one: tuple[Dialogue, ...]) -> None:
    # 'security' starts a word of both 'Economic security' and 'Energy security'.
    with pytest.raises(NotFoundError) as error:
        match_topics(one, "secur")
    assert str(error.value) == (
        "'secur' matches several topics: economic-security, energy (type more of the name)"
    )


def test_same_topic_in_two_dialogues_is_not_ambiguous(two: tuple[Dialogue, ...]) -> None:
    found = match_topics(two, "rai")
    assert [(d.id, t.id) for d, t in found] == [("talks-1", "rail"), ("talks-2", "rail")]


def test_unknown_topic_suggests_the_closest(one: tuple[Dialogue, ...]) -> None:
    with pytest.raises(NotFoundError) as error:
        match_topics(one, "enrgy")
    assert str(error.value) == "no topic matches 'enrgy' (did you mean 'energy'?)"


def test_unknown_topic_lists_the_topics(one: tuple[Dialogue, ...]) -> None:
    with pytest.raises(NotFoundError) as error:
        match_topics(one, "weather")
    assert str(error.value) == (
        "no topic matches 'weather' (known topics: ai, economic-security, energy, rail)"
    )


# -- parties and dialogues -----------------------------------------------------------


def test_match_party_by_id_name_and_person(one: tuple[Dialogue, ...]) -> None:
    assert match_party(one, "JAPAN") == {("talks-1", "japan")}
    assert match_party(one, "india") == {("talks-1", "india")}
    assert match_party(one, "Jaishankar") == {("talks-1", "jaishankar")}
    with pytest.raises(NotFoundError, match=r"no party matches 'Atlantis' \(known parties"):
        match_party(one, "Atlantis")


def test_select_dialogues(two: tuple[Dialogue, ...]) -> None:
    knowledge = Knowledge(two)
    assert select_dialogues(knowledge, None) == two
    assert select_dialogues(knowledge, "talks-2") == (two[1],)
    with pytest.raises(NotFoundError) as error:
        select_dialogues(knowledge, "talks-3")
    message = str(error.value)
    assert message.startswith("no dialogue with id 'talks-3' (did you mean '")
    assert "'talks-1'" in message
    assert "'talks-2'" in message
    with pytest.raises(NotFoundError, match="known dialogues: talks-1, talks-2"):
        select_dialogues(knowledge, "zzzzzz")


def test_select_dialogues_wants_the_exact_id(two: tuple[Dialogue, ...]) -> None:
    with pytest.raises(NotFoundError):
        select_dialogues(Knowledge(two), "TALKS-1")


# -- commitments ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["ai-dialogue", "supply-plan", "rail-support", "quad", "antenna"]),
        ({"party": "japan"}, ["ai-dialogue", "supply-plan", "rail-support", "antenna"]),
        ({"party": "Jaishankar"}, ["quad"]),
        ({"kind": "reaffirmation"}, ["rail-support", "quad"]),
        ({"status": "planned"}, ["supply-plan"]),
        ({"topic": "economic"}, ["supply-plan", "antenna"]),
        ({"topic": "energy", "party": "india"}, ["supply-plan"]),
        ({"topic": "rail", "kind": "decision"}, []),
    ],
)
def test_commitment_filters(
    one: tuple[Dialogue, ...], filters: dict[str, str], expected: list[str]
) -> None:
    view = query.commitments_view(one, **filters)
    # Expressed interests come after the commitments, in a list of their own.
    assert ids(view.data["commitments"] + view.data["interests"]) == expected
    assert len(table_of(view).rows) == len(expected)


def test_commitment_rows_and_notes(one: tuple[Dialogue, ...]) -> None:
    view = query.commitments_view(one)
    assert column(view, "Dialogue") == ["talks-1"] * 5
    # The CSV table: one value per cell, JSON's values.
    assert column(view, "By")[:3] == ["India; Japan", "India; Japan", "Japan"]
    assert column(view, "Kind")[3] == "interest"
    assert column(view, "Status")[3] == ""
    assert column(view, "Timeline")[1] == "early this year"
    assert (column(view, "Window start")[1], column(view, "Window end")[1]) == (
        "2026-01-01",
        "2026-04-30",
    )
    # The table for reading keeps the interpretation next to the source's words.
    shown = view.blocks[0]
    assert isinstance(shown, Table)
    timeline = [c.header for c in shown.columns].index("Timeline")
    assert shown.rows[1][timeline] == "early this year (read as 2026-01-01 to 2026-04-30)"
    notes = [b.text for b in view.blocks if isinstance(b, Paragraph)]
    assert len(notes) == 1
    assert "read as" in notes[0]
    titles = [b.title for b in view.blocks if isinstance(b, Table)]
    assert titles == ["Commitments", "Interest expressed (not a commitment)"]


def test_commitment_notes_only_when_relevant(one: tuple[Dialogue, ...]) -> None:
    view = query.commitments_view(one, kind="decision")
    assert [type(b) for b in view.blocks] == [Table]
    assert (
        query.commitments_view(one, kind="interest").data["interests"][0]["is_commitment"] is False
    )


def test_no_commitments_match(one: tuple[Dialogue, ...]) -> None:
    view = query.commitments_view(one, status="lapsed")
    assert table_of(view).rows == ()
    table = view.blocks[0]
    assert isinstance(table, Table)
    assert table.empty == "No commitments match."


# -- quotes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["paramount", "de-risk", "framework"]),
        ({"speaker": "Jaishankar"}, ["paramount", "de-risk"]),
        ({"topic": "ai"}, ["framework"]),
        ({"contains": "paramount"}, ["paramount"]),
        ({"contains": "DE-RISK"}, ["de-risk"]),
        (
            {"speaker": "jaishankar", "topic": "econ", "contains": "econom"},
            ["paramount", "de-risk"],
        ),
    ],
)
def test_quote_filters(
    one: tuple[Dialogue, ...], filters: dict[str, str], expected: list[str]
) -> None:
    view = query.quotes_view(one, **filters)  # type: ignore[arg-type]
    assert ids(view.data["quotes"]) == expected
    assert [b.id for b in view.blocks if isinstance(b, QuoteBlock)] == expected
    assert column(view, "Id") == expected


def test_quote_block_carries_attribution(one: tuple[Dialogue, ...]) -> None:
    blocks = query.quotes_view(one, topic="ai").blocks
    [block] = [b for b in blocks if isinstance(b, QuoteBlock)]
    assert block.speaker == "Toshimitsu Motegi"
    assert block.country == "Japan"
    assert block.topics == ("Artificial intelligence",)
    # The one source is named once, after the quotes.
    assert block.source == ""
    assert blocks[-2:] == (Heading("Source", 2), Bullets(("Ministers meet, The Paper",)))


def test_quotes_from_several_dialogues_name_their_meeting(two: tuple[Dialogue, ...]) -> None:
    blocks = query.quotes_view(two, speaker="motegi").blocks
    # One section per meeting, titled at the level of the other commands' tables.
    headings = [(b.level, b.text) for b in blocks if isinstance(b, Heading)]
    assert headings[:2] == [
        (2, "Quotes by Toshimitsu Motegi \u2014 First Strategic Talks, New Delhi, 2026-01-16"),
        (2, "Quotes by Toshimitsu Motegi \u2014 Second Strategic Talks, New Delhi, 2027-01-15"),
    ]
    assert [text for _, text in headings[2:]] in (["Source"], ["Sources"])


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"speaker": "lopez"}, "José Ángel López is not quoted in the source."),
        (
            {"speaker": "motegi", "topic": "rail"},
            "Toshimitsu Motegi is not quoted on topic 'rail'.",
        ),
        ({"contains": "weather"}, "No quotes containing 'weather'."),
        ({"topic": "rail", "contains": "x"}, "No quotes on topic 'rail' containing 'x'."),
    ],
)
def test_no_quotes_message(
    one: tuple[Dialogue, ...], filters: dict[str, str], message: str
) -> None:
    view = query.quotes_view(one, **filters)  # type: ignore[arg-type]
    assert view.blocks == (Paragraph(message),)
    assert view.data["quotes"] == []


def test_quotes_by_unknown_speaker_is_an_error(one: tuple[Dialogue, ...]) -> None:
    with pytest.raises(NotFoundError, match="did you mean 'Toshimitsu Motegi'"):
        query.quotes_view(one, speaker="Motagi")


# -- search --------------------------------------------------------------------------


def hits(view: View) -> list[tuple[str, str]]:
    return [(h["record"], h["id"]) for h in view.data["hits"]]


def test_search_matches_where_words_start(one: tuple[Dialogue, ...]) -> None:
    assert ("topic", "economic-security") in hits(search_view(one, "secur"))
    assert hits(search_view(one, "ecurity")) == []


def test_search_needs_every_word_in_any_case(one: tuple[Dialogue, ...]) -> None:
    assert hits(search_view(one, "ECONOMIC paramount")) == [("quote", "paramount")]
    assert hits(search_view(one, "economic nowhere")) == []


def test_a_phrase_matches_its_words_in_a_row(one: tuple[Dialogue, ...]) -> None:
    words = hits(search_view(one, "security economic"))
    assert ("topic", "economic-security") in words
    assert ("topic", "economic-security") in hits(search_view(one, '"economic security"'))
    assert ("topic", "economic-security") in hits(search_view(one, "\u201cecon secur\u201d"))
    assert hits(search_view(one, '"security economic"')) == []
    # A mark left open runs to the end; an empty phrase asks for nothing.
    assert hits(search_view(one, '"economic security')) == hits(
        search_view(one, '"economic security"')
    )
    assert hits(search_view(one, '""')) == []


def test_search_by_relevance_puts_most_matches_first(one: tuple[Dialogue, ...]) -> None:
    from briefing import search

    by_meeting = hits(search_view(one, "economic"))
    ranked = search_view(one, "economic", "relevance")
    assert len(by_meeting) > 1
    assert sorted(hits(ranked)) == sorted(by_meeting)
    assert ranked.data["order"] == "relevance"
    assert "order" not in search_view(one, "economic").data
    patterns = search.word_patterns("economic")
    score = {
        (h.kind, h.id): search._relevance(h, patterns) for d in one for h in search.searchable(d)
    }
    scores = [score[hit] for hit in hits(ranked)]
    assert scores == sorted(scores, reverse=True)
    # Equal scores keep the order of the meetings.
    assert [h for h in by_meeting if score[h] == scores[-1]] == [
        h for h in hits(ranked) if score[h] == scores[-1]
    ]


def test_search_kinds_and_other_names(one: tuple[Dialogue, ...]) -> None:
    assert hits(search_view(one, "unicorn")) == [("interest", "antenna")]
    assert hits(search_view(one, "resilient")) == [("discussion", "chains")]
    assert hits(search_view(one, "call")) == [("event", "call")]
    # A person by an alias; their quotes are found by their names too.
    assert ("person", "jaishankar") in hits(search_view(one, "Dr."))
    assert [h for h in hits(search_view(one, "motegi")) if h[0] != "person"] == [
        ("quote", "framework")
    ]


def test_search_view_shape(two: tuple[Dialogue, ...]) -> None:
    view = search_view(two, "  high   speed ")
    assert view.data["query"] == "  high   speed "
    assert view.highlight == ("high", "speed")
    assert column(view, "Dialogue") == ["talks-1", "talks-2"]
    assert column(view, "Record") == ["topic", "topic"]


@pytest.mark.xfail(
    strict=True,
    reason="search matches where a word starts, and Japanese has no spaces between words",
)
def test_search_finds_a_japanese_word_inside_a_sentence(one: tuple[Dialogue, ...]) -> None:
    [d] = one
    d = d._replace(quotes=(quote("rice", "motegi", "半導体は産業のコメ", "ai"),))
    assert hits(search_view((d,), "半導体")) == [("quote", "rice")]  # at the start: found
    assert hits(search_view((d,), "産業")) == [("quote", "rice")]


def test_empty_search_finds_nothing(one: tuple[Dialogue, ...]) -> None:
    view = search_view(one, "   ")
    assert view.data["hits"] == []
    assert table_of(view).rows == ()
    table = view.blocks[0]
    assert isinstance(table, Table)
    assert table.empty == "Nothing matches '   '."


# -- topics, topic, people -----------------------------------------------------------


def test_topics_by_weight_with_counts(one: tuple[Dialogue, ...]) -> None:
    view = query.topics_view(one)
    topics = view.data["topics"]
    # economic-security: 1 commitment x2 + 1 interest + 2 quotes. ai (1x2 + 1 quote) and
    # energy (1x2 + 1 discussion) weigh the same, so they keep the file's order.
    assert [(t["id"], t["weight"]) for t in topics] == [
        ("economic-security", 5),
        ("ai", 3),
        ("energy", 3),
        ("rail", 2),
    ]
    first = topics[0]
    counted = (
        first["n_commitments"],
        first["n_interests"],
        first["n_quotes"],
        first["n_discussions"],
    )
    assert counted == (1, 1, 2, 0)
    shown = view.blocks[0]
    assert isinstance(shown, Table)
    summary = [c.header for c in shown.columns].index("Summary")
    assert shown.rows[1][summary] == "An AI dialogue."


def test_topic_view_sections(one: tuple[Dialogue, ...]) -> None:
    view = query.topic_view(one, "energy")
    headings = [b.text for b in view.blocks if isinstance(b, Heading)]
    assert headings == ["Energy security", "Discussed"]
    [topic] = view.data["topics"]
    assert ids(topic["commitments"]) == ["supply-plan"]
    assert ids(topic["discussions"]) == ["chains"]
    assert topic["quotes"] == []
    assert topic["participant_ids"] == []


def test_topic_view_people(one: tuple[Dialogue, ...]) -> None:
    view = query.topic_view(one, "economic-security")
    [topic] = view.data["topics"]
    assert topic["participant_ids"] == ["jaishankar"]
    people = view.blocks[view.blocks.index(Heading("People", 2)) + 1]
    assert isinstance(people, Bullets)
    assert people.items == ("S Jaishankar, Minister, India",)


def test_people_counts(one: tuple[Dialogue, ...]) -> None:
    view = query.people_view(one)
    people = {p["id"]: p for p in view.data["people"]}
    assert (people["jaishankar"]["n_quotes"], people["jaishankar"]["n_commitments"]) == (2, 1)
    assert (people["motegi"]["n_quotes"], people["motegi"]["n_commitments"]) == (1, 0)
    assert people["jaishankar"]["is_chair"] is True
    assert people["modi"]["is_chair"] is False
    assert column(view, "Role")[:3] == ["Minister", "Minister", "Minister"]
    assert column(view, "Chair")[:3] == ["true", "true", "false"]
    shown = view.blocks[0]
    assert isinstance(shown, Table)
    assert [row[2] for row in shown.rows[:3]] == [
        "Minister (chair)",
        "Minister (chair)",
        "Minister",
    ]


# -- summary -------------------------------------------------------------------------


def test_summary_sections(one: tuple[Dialogue, ...]) -> None:
    view = summary_view(one)
    headings = [(b.level, b.text) for b in view.blocks if isinstance(b, Heading)]
    assert headings == [
        (1, "First Strategic Talks"),
        (2, "Key outcomes"),
        (3, "Artificial intelligence"),
        (3, "Economic security"),
        (2, "Reaffirmed"),
        (2, "Interest expressed (not a commitment)"),
        (2, "Also discussed"),
        (2, "Notable quotes"),
        (2, "Follow-ups"),
        (2, "Around the meeting"),
        (2, "Sources"),
    ]
    [brief] = view.data["briefings"]
    assert ids(brief["decisions"]) == ["ai-dialogue", "supply-plan"]
    assert ids(brief["reaffirmations"]) == ["rail-support", "quad"]
    assert ids(brief["interests"]) == ["antenna"]
    assert brief["follow_up_ids"] == ["supply-plan"]
    # The sources are cited once at the end, not under each quote.
    assert {b.source for b in view.blocks if isinstance(b, QuoteBlock)} == {""}


def test_summary_keeps_records_without_a_topic(one: tuple[Dialogue, ...]) -> None:
    [base] = one
    d = base._replace(
        commitments=(*base.commitments, commitment("loose", kind="decision")),
        quotes=(*base.quotes, quote("aside", "motegi", "An aside.")),
        discussions=(*base.discussions, Discussion("weather", "The weather.", (), EVIDENCE)),
    )
    view = summary_view((d,))
    [brief] = view.data["briefings"]
    assert "loose" in ids(brief["decisions"])
    assert "quad" in ids(brief["reaffirmations"])
    assert "aside" in ids(brief["quotes"])
    assert "weather" in ids(brief["discussions"])
    headings = [b.text for b in view.blocks if isinstance(b, Heading)]
    other = headings.index("Other outcomes")
    assert headings[other - 1 : other + 2] == ["Economic security", "Other outcomes", "Reaffirmed"]
    # Filtered by topic, records without one are not about it.
    [about_ai] = summary_view((d,), "ai").data["briefings"]
    assert ids(about_ai["decisions"]) == ["ai-dialogue"]
    assert ids(about_ai["quotes"]) == ["framework"]


def test_summary_of_one_topic(one: tuple[Dialogue, ...]) -> None:
    [brief] = summary_view(one, "energy").data["briefings"]
    assert brief["topic_ids"] == ["energy"]
    assert ids(brief["decisions"]) == ["supply-plan"]
    assert ids(brief["discussions"]) == ["chains"]
    assert brief["quotes"] == []
    assert brief["events"] == []


def test_summary_of_a_topic_without_new_outcomes(one: tuple[Dialogue, ...]) -> None:
    view = summary_view(one, "rail")
    headings = [b.text for b in view.blocks if isinstance(b, Heading)]
    assert "Key outcomes" not in headings
    assert "Reaffirmed" in headings


def test_summary_of_a_topic_leaves_out_dialogues_without_it(two: tuple[Dialogue, ...]) -> None:
    first, second = two
    without_rail = second._replace(
        topics=second.topics[:3],
        commitments=tuple(c for c in second.commitments if "rail" not in c.topics),
    )
    only_first = (first, without_rail)
    briefs = summary_view(only_first, "rail").data["briefings"]
    assert [b["dialogue"]["id"] for b in briefs] == ["talks-1"]


def test_summary_outcome_lines(one: tuple[Dialogue, ...]) -> None:
    bullets = [b.items for b in summary_view(one).blocks if isinstance(b, Bullets)]
    assert "Plan (India and Japan; early this year): Text of supply-plan." in bullets[1]
    assert "India, stated by S Jaishankar: Text of quad." in bullets[2]


# -- dialogues, counts, validate -----------------------------------------------------


def test_dialogues_view(two: tuple[Dialogue, ...]) -> None:
    view = query.dialogues_view(Knowledge(two))
    assert [d["id"] for d in view.data["dialogues"]] == ["talks-1", "talks-2"]
    assert view.data["dialogues"][0]["n_quotes"] == 3
    assert column(view, "People") == ["4", "4"]


def test_counts_and_validate_line(two: tuple[Dialogue, ...]) -> None:
    knowledge = Knowledge(two)
    assert query.counts(knowledge) == {
        "dialogues": 2,
        "participants": 8,
        "topics": 8,
        "commitments": 8,
        "interests": 2,
        "discussions": 2,
        "quotes": 6,
        "events": 2,
    }
    view = query.validate_view(knowledge, "talks/")
    assert view.blocks == (
        Paragraph(
            "talks/: ok: 2 dialogues, 8 participants, 8 topics, 8 commitments, 2 interests,"
            " 6 quotes"
        ),
    )
    assert view.data["ok"] is True


def test_minimal_file_through_every_view() -> None:
    knowledge = load_knowledge(MINIMAL, use_cache=False)
    chosen = select_dialogues(knowledge, "talks-1")
    assert query.counts(knowledge)["quotes"] == 1
    assert ids(query.commitments_view(chosen, party="India").data["commitments"]) == ["ai-dialogue"]
    assert ids(query.quotes_view(chosen, speaker="jaishankar").data["quotes"]) == ["paramount"]
    assert query.validate_view(knowledge, "f").blocks[0] == Paragraph(
        "f: ok: 1 dialogue, 2 participants, 2 topics, 1 commitments, 0 interests, 1 quotes"
    )


# -- The shape of the package --------------------------------------------------------

PACKAGE = Path(__file__).parent.parent / "briefing"
QUERY_MODULES = (
    "query",
    "match",
    "records",
    "summary",
    "search",
    "sentences",
    "followups",
    "history",
    "windows",
)


def imports_of(path: Path) -> set[str]:
    """The modules PATH imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def briefing_modules() -> dict[str, set[str]]:
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        graph[name] = imports_of(path)
    return {m: {i for i in deps if i in graph and i != m} for m, deps in graph.items()}


@pytest.mark.parametrize("name", QUERY_MODULES)
def test_query_modules_have_no_output_code(name: str) -> None:
    allowed = {f"briefing.{m}" for m in ("model", "views", "errors", *QUERY_MODULES)}
    assert briefing_modules()[f"briefing.{name}"] <= allowed - {f"briefing.{name}"}
    imported = {i.split(".")[0] for i in imports_of(PACKAGE / f"{name}.py")}
    assert not imported & {"rich", "typer", "click", "yaml", "json", "sys", "csv", "html"}
    assert "print(" not in (PACKAGE / f"{name}.py").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", QUERY_MODULES)
def test_query_modules_stay_small(name: str) -> None:
    lines = (PACKAGE / f"{name}.py").read_text(encoding="utf-8").count("\n")
    assert lines <= 600


def test_no_import_cycles() -> None:
    graph = briefing_modules()
    assert "briefing.query" in graph
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module in done:
            return
        for dep in sorted(graph[module]):
            visit(dep, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())
