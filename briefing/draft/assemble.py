"""Several reports of one meeting to one knowledge file, in the plain form YAML holds.

Each source is read on its own (people, quotations and speakers, commitments,
discussions, events); then the people are merged by name ("S Jaishankar" and
"S. Jaishankar" are one participant, with the other form as an alias), a
quotation printed identically by two sources is kept once, and every item
cites the source it came from. Whatever the drafter wrote in its own words,
or had to choose, carries a `review` note.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from typing import Any, Final

from briefing.draft.blocs import GROUPINGS, find_groupings, members_of
from briefing.draft.document import Ids, read_document, slug
from briefing.draft.gather import People, Read, SourceLike, read_one, source_id
from briefing.draft.items import country_names, country_names_all
from briefing.draft.lexicon import (
    CAPITAL_OF,
    find_countries,
    office_country,
)
from briefing.draft.meeting import read_meeting
from briefing.draft.parties import critics
from briefing.draft.people import in_passing
from briefing.draft.plain import build_plain
from briefing.draft.presence import places_at_meeting
from briefing.draft.regex import Pattern
from briefing.draft.topics import Grouping, group_topics

#: Between two countries of a list: a comma, a semicolon or "and" (with "the"), a
#: person's name set between them ("Brazil, Luiz Inacio Lula da Silva; Argentina"), or the
#: words of a formal name ("Argentine Republic, the Federative Republic of Brazil", "the
#: United Mexican States, the Republic of Panama").
_FORMAL: Final = (
    r"(?:United|Republic|Federal|Federative|Oriental|Islamic|Democratic|People's|Socialist|"
    r"Plurinational|Kingdom|States?|Commonwealth|Bolivarian|Arab|Co-?operative|Hashemite|"
    r"Independent|Grand|Duchy|Principality|Sultanate|Federation|Union|America)"
)
_LIST_GAP: Final = Pattern(
    rf"(?:\s+(?:of\s+(?:the\s+)?)?{_FORMAL}){{0,2}}(?:,[^,;.]{{0,50}})?\s*(?:,|;|and|&)\s*"
    rf"(?:and\s+)?(?:the\s+)?(?:{_FORMAL}\s+){{0,3}}(?:of\s+(?:the\s+)?)?"
)


#: Before a list of the meeting's members: "ministers of", "counterparts from", "between".
_MEMBERS_OF: Final = Pattern(
    r"(?:\b(?:of|from|between|among)\s+|(?:^|[.:]\s+|\n)(?:the\s+)?)(?:the\s+)?$",
    re.IGNORECASE,
)


#: Before two countries, their people who met: "the leaders of", "foreign ministers of".
_PEOPLE_OF: Final = Pattern(
    r"\b(?:leaders|presidents|(?:prime|foreign|defen[cs]e|trade) ministers|heads of "
    r"(?:state|government)|delegations|top diplomats) of (?:the )?$",
    re.IGNORECASE,
)


def _enumerated(text: str, *, introduced: bool = False) -> list[str]:
    """Countries TEXT lists three or more at a time ("the foreign ministers of Morocco, Egypt,
    Bahrain, the United States and the United Arab Emirates"); with INTRODUCED, only lists
    after "of", "from", "between" and the like, or that open a sentence ("Brazil, Argentina
    and Paraguay signed"), not those that name examples ("countries including France,
    Belgium and the Netherlands"). A list ends at its "and"."""
    found: list[str] = []
    runs: list[tuple[int, list[str]]] = []
    last_end, closed = -1, True
    for start, end, name in find_countries(text):
        if runs and runs[-1][1][-1:] == [name] and re.fullmatch(r"\s+of\s+", text[last_end:start]):
            last_end = end  # "the United States of America": one country
            continue
        gap = _LIST_GAP.fullmatch(text, last_end, start) if last_end >= 0 else None
        if gap is None or closed:
            runs.append((start, []))
            closed = False
        elif re.search(r"\band\b|&", gap.group()):
            closed = True
        runs[-1][1].append(name)
        last_end = end
    for start, names in runs:
        # Two are a list of the meeting's members only after its people: "the leaders of
        # Venezuela and Guyana" (not "trade between Japan and Korea").
        if len(names) < 2 or (
            len(names) == 2 and not _PEOPLE_OF.search(text, max(0, start - 40), start)
        ):
            continue
        if introduced and not _MEMBERS_OF.search(text, max(0, start - 25), start):
            continue
        found += [n for n in names if n not in found]
    return found


def _between(text: str) -> list[str]:
    """The two countries of "between X and Y" ("relations between Malaysia and the
    Philippines"), where a lede says who met."""
    found = find_countries(text)
    for (_, end, first), (start, _, second) in itertools.pairwise(found):
        if first != second and re.fullmatch(r"\s+and\s+(?:the\s+)?", text[end:start]):
            before = text[max(0, end - len(first) - 40) : end - len(first)]
            if re.search(r"\bbetween\s+(?:the\s+)?\S*$", before):
                return [first, second]
    return []


#: A grouping named as the meeting: "BRICS summit", "Asean foreign ministers", "ASEAN-China",
#: "a summit of the G20".
_AS_THE_MEETING: Final = Pattern(
    r"[ \t-]*(?:[A-Z][\w-]*[ \t]+)?(?i:(?:leaders?|heads?|foreign|defen[cs]e|trade|finance|"
    r"ministers?|ministerial|summit|meeting|talks|countries|members|nations|states|"
    r"declaration|communiqu\w+|partners|chair\w*|presidency|(?:has|had|have) \w+)\b)|-(?=\w)"
)


def _meeting_groupings(text: str, *, beside: bool = False) -> list[str]:
    """Groupings TEXT names as the meeting or as a side of it, not in passing. With BESIDE
    (a meeting "on the sidelines" of another), only those whose ministers or leaders met
    ("Foreign ministers of the G4 countries met on the sidelines of the UN")."""
    found: list[str] = []
    for name in find_groupings(text):
        for form in GROUPINGS[name][0]:
            at = text.find(form)
            if beside:  # the name where its people met, not a headline's
                at = next(
                    (a for a in _places(text, form) if _MEMBERS_MET.search(text, a - 25, a)), -1
                )
            if at < 0:
                continue
            before = text[max(0, at - 25) : at]
            if re.search(
                r"\b(?:attend\w*|next|upcoming|forthcoming|ahead of|invit\w*|sidelines of|"
                r"margins of)\b\D{0,12}$",
                before,
            ):
                continue
            if _AS_THE_MEETING.match(text, at + len(form)) or re.search(
                r"\b(?:summit|meeting|ministers|leaders|members) of (?:the )?$|-$", before
            ):
                found.append(name)
                break
    return found


def _places(text: str, form: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(form), text)]


#: Before a grouping's name: the people of it who met ("foreign ministers of the").
_MEMBERS_MET: Final = Pattern(
    r"\b(?:ministers|leaders|heads of (?:state|government)|presidents) of (?:the )?$", re.I
)


def _office_sides(read: Read) -> list[str]:
    """The host's country when the meeting is at a seat of government ("at Downing Street")."""
    country = office_country(read.meeting.location or "")
    return [country] if country else []


def _headline_sides(read: Read) -> list[str]:
    """Countries that a headline puts before its verb ("China, Nepal sign deals"), not those
    it names after ("Putin, Erdogan meet in Sochi, discuss Ukraine war")."""
    title = read.meeting.title or ""
    if not read.meeting.headline:
        return country_names(title)
    subject = re.match(r"(?:[^\sa-z][^\s]*\s*|(?:and|the|of|&)\s+)*", title)
    return country_names(subject.group() if subject else "")


def _lede(read: Read, sentences: int = 1) -> str:
    """The headline and the first SENTENCES: where a report says who met."""
    doc = read.doc
    return "\n".join([doc.title or "", *(doc.slice(s) for s in doc.sentences[:sentences])])


def _parties(people: People, reads: list[Read]) -> tuple[list[str], frozenset[str]]:
    """The sides: countries the meeting's name joins ("India-Japan"), groupings and lists of
    countries in the lede, the countries of the people present, and those that commit, in
    that order. A country that belongs to a grouping already a side is not one of its own.
    Second, the countries that are sides only as the members present at a meeting of a
    grouping whose members the drafter does not know (what "the leaders" did, it did)."""
    found: list[str] = []
    year = _year(reads)
    for read in reads:
        for name in [
            *_headline_sides(read),
            *_lede_groupings(_lede(read)),
            *_meeting_groupings(_lede(read, 3), beside=bool(_BESIDE.search(_lede(read)))),
            *_office_sides(read),
            *_enumerated(_lede(read, 6), introduced=True),
            *_between(_lede(read, 3)),
        ]:
            if name not in found:
                found.append(name)
    # At a meeting of a grouping whose members the drafter does not know ("Pacific Islands
    # Forum"), those present are sides as its members, unless the lede names their country.
    open_grouping = any(n in GROUPINGS and not members_of(n, year) for n in found)
    named = {c for read in reads for c in country_names(_lede(read))}
    against = critics(reads, people)
    within: set[str] = set()
    for entry in people.entries:
        country = entry["country"]
        present = country and country not in found and entry.get("present", True)
        present = present and (entry["id"] not in against or country in named)
        if present:
            found.append(country)
            if open_grouping and country not in named:
                within.add(country)
    if _count(found) < 2:
        for read in reads:
            for item in read.items:
                if item.what != "commitment":
                    continue
                for name in country_names(item.subject):
                    if name not in found:
                        found.append(name)
    text = reads[0].doc.text if reads else ""
    first = {n: i for i, n in reversed(list(enumerate(country_names_all(text))))}
    found.sort(key=lambda n: first.get(n, len(text)))
    if _count(found) < 2:
        # The host: the country whose capital the meeting was in ("at the Villa, Abuja").
        for read in reads:
            where = read.meeting.location or ""
            for capital, country in CAPITAL_OF.items():
                if re.search(rf"\b{re.escape(capital)}\b", where) and country not in found:
                    found.append(country)
    if _count(found) < 2:
        # The country the article names most often, besides those found.
        counts: dict[str, int] = {}
        for read in reads:
            for name in country_names_all(read.doc.text):
                counts[name] = counts.get(name, 0) + 1
        ranked = sorted((n for n in counts if n not in found), key=lambda n: -counts[n])
        found.extend(ranked[: 2 - len(found)])
    # A member is not a side of its own beside its grouping, when the grouping is a side.
    # So is a grouping all of whose members belong to another ("Baltic states" in NB8).
    members = {m for g in found for m in members_of(g, year)}
    sides = [
        n
        for n in found
        if n not in members
        and not any(
            g != n and set(members_of(n, year)) < set(members_of(g, year))
            for g in found
            if members_of(n, year)
        )
    ]
    return sides, frozenset(within & set(sides))


def _year(reads: list[Read]) -> int | None:
    """The year of the meeting, or of the report, as far as the sources say."""
    for read in reads:
        day = read.meeting.date or read.meeting.published
        if day is not None:
            return day.year
    return None


def _count(sides: list[str]) -> int:
    """How many sides SIDES stand for, a grouping with a table of members as its members,
    one without (an open membership: "Pacific Islands Forum") as many."""
    return sum(len(members_of(s)) or (2 if s in GROUPINGS else 1) for s in sides)


#: A meeting held beside a grouping's, not the grouping's own: "on the sidelines of the G20".
_BESIDE: Final = Pattern(
    r"\b(?:sidelines|margins|bilateral|ahead of|attend\w*|next|upcoming|invit\w*)\b",
    re.IGNORECASE,
)


def _lede_groupings(lede: str) -> list[str]:
    """Groupings the headline and first sentence name, unless the meeting is one beside a
    grouping's ("Modi and Albanese met on the sidelines of the G20 summit")."""
    return [] if _BESIDE.search(lede) else find_groupings(lede)


#: Words before a name or in a role that put a person out of office, and so not at the
#: meeting. A spokesperson speaks for a side and stays a participant, as hand-written
#: knowledge files have it.
_NOT_AT_THE_MEETING: Final = Pattern(r"\b(?:former|late|ex-)\s", re.IGNORECASE)


def _presence(people: People, reads: list[Read]) -> None:
    """Mark who was at the meeting: someone named as a former office-holder, or whom no
    clause names with a word of this meeting or as its speaker, other than in passing
    ("the death of Queen Elizabeth", see people.in_passing, and presence), is only
    mentioned; the rest are present."""
    seen: set[str] = set()
    elsewhere: set[str] = set()
    for read in reads:
        doc = read.doc
        for mention in read.cast.mentions:
            sentence = doc.sentence_at(mention.start)
            if sentence is None:
                continue
            # "former minister Ana Example".
            before = doc.text[max(sentence.start, mention.start - 40) : mention.start]
            if _NOT_AT_THE_MEETING.search(before) and not re.search(r"[,;]", before[-20:]):
                elsewhere.add(people.local[(read.source_id, mention.person)])
            if in_passing(doc, mention):
                continue
            if places_at_meeting(doc, mention, sentence.start, sentence.end):
                seen.add(people.local[(read.source_id, mention.person)])
    for entry in people.entries:
        role = entry["role"] or ""
        entry["present"] = (
            entry["id"] in seen
            and entry["id"] not in elsewhere
            and not _NOT_AT_THE_MEETING.search(role)
        )


def _infer_countries(people: People, sides: list[str]) -> None:
    """Someone's counterpart from one side of a two-sided meeting is from the other side
    ("S Jaishankar and his Japanese counterpart Toshimitsu Motegi")."""
    if len(sides) != 2:
        return
    by_id = {e["id"]: e for e in people.entries}
    for entry in people.entries:
        anchor = by_id.get(entry.get("counterpart_of") or "")
        if anchor is None or anchor["country"] is not None or entry["country"] not in sides:
            continue
        anchor["country"] = next(s for s in sides if s != entry["country"])
        anchor["notes"].append(
            "check the country: taken to be the other side's, from this person's counterpart"
        )


def draft_plain(
    sources: Sequence[SourceLike], *, date: dt.date | None = None, ident: str | None = None
) -> dict[str, Any]:
    """The knowledge file for the meeting SOURCES report, as plain data."""
    taken = Ids()
    reads = [read_one(s, source_id(s, taken)) for s in sources]
    people = People()
    for read in reads:
        for person in read.cast.people:
            people.add(read.source_id, read.cast, person)
    _presence(people, reads)
    sides, within = _parties(people, reads)
    _infer_countries(people, sides)
    topics: Grouping = group_topics([(r.source_id, r.doc, r.items, r.quotes) for r in reads])
    return build_plain(
        sources=sources,
        reads=reads,
        people=people,
        sides=sides,
        within=within,
        topics=topics,
        date=date,
        ident=ident,
    )


def meeting_key(source: SourceLike) -> str:
    """What tells one meeting from another: its name and date as the article gives them."""
    doc = read_document(source.text)
    meeting = read_meeting(doc, source.date, source.title or doc.title)
    named = meeting.ordinal is not None and meeting.date is not None and meeting.title
    title = " ".join(re.findall(r"[a-z0-9]+", (meeting.title or "").casefold()))
    return f"{title}|{meeting.date}" if named else f"source|{source.name}"


def file_name(plain: dict[str, Any]) -> str:
    """The file a draft is written to in a directory: its date and id."""
    dialogue = plain["dialogue"]
    return f"{dialogue.get('date', 'undated')}-{dialogue['id']}.yaml"


__all__ = ["SourceLike", "draft_plain", "file_name", "meeting_key", "slug"]
