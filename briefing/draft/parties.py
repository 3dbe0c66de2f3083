"""Who made a commitment: the sides named in the subject of its verb's clause.

Split out of `briefing.draft.plain`: "X and Y agreed" is both, "signed ... with Y" adds the
partner, "the two leaders" and "they" are every side, and a clause reported after "said
that" has its own subject.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from briefing.draft.blocs import grouping_spans, members_of
from briefing.draft.items import country_names
from briefing.draft.lexicon import find_countries
from briefing.draft.regex import Pattern

if TYPE_CHECKING:
    from briefing.draft.gather import People, Read
    from briefing.draft.items import Found

#: Where a reported clause starts: after "said (that)", "that", a colon, ", and".
_CLAUSE_BREAK: Final = Pattern(
    r"\b(?:said|says|say|told \w+|announced|added|noted|stressed)\b(?: on \w+)?(?: that)?"
    r"|\bthat\b|[;:]|,\s+(?:and|but|while)\b",
    re.IGNORECASE,
)
#: A country in brackets after a name: "Ivan Duque (Colombia)".
_PAREN_COUNTRY: Final = Pattern(r"\((?:[A-Z][\w.'-]*\s?){1,4}\)")
#: An opening phrase before the subject ("Turning to Ukraine, the leaders ...").
_OPENING: Final = Pattern(
    r"\s*(?:In|During|At|After|Before|On|Through|Following|To|Turning|Noting|Discussing|"
    r"Expressing|Building|Explaining|Wrapping)\b[^,]*,"
)
#: A relative clause inside the subject tells about someone else.
_RELATIVE: Final = Pattern(r"(?:^|,)\s*(?:which|who|whose)\b[^,]*,")
#: Past these words the subject's sentence names whom it acted on, not who acted.
_OBJECT: Final = Pattern(
    r"\b(?:congratulated|thanked|told|hosted|met|received|welcomed|invited|urged|with)\b",
    re.IGNORECASE,
)
_PRONOUN: Final = Pattern(
    r"(?:he|she|(?:his|her) (?:\w+ )?\w+)(?: (?:had|has|have|would|will|was|is))?", re.IGNORECASE
)
#: A subject that stands for every side.
_ALL_SIDES: Final = Pattern(
    r"\b(?:both|they|we|the (?:\w+ )?(?:sides|leaders|ministers|countries|nations|governments|"
    r"presidents|participants|attendees|delegates|signatories|heads of (?:state|government)))\b",
    re.IGNORECASE,
)
#: Before a country that is where something happened, not who did it.
_PLACE_BEFORE: Final = Pattern(r"\b(?:in|at) (?:the )?$")
_WITH_VERB: Final = Pattern(r"\b(?:signed|inked|restored)\b", re.IGNORECASE)
_PARTNER: Final = Pattern(r"[^,.;]*?\bwith ((?:his |her |their )?[^,.;]*?)(?= on\b|[,.;]|$)")


def _clause_start(text: str, start: int, verb: int) -> tuple[int, int]:
    """Where the sentence's own words start (past an opening phrase), and where the
    clause of the verb at VERB starts."""
    opening = _OPENING.match(text, start, verb)
    lead = opening.end() if opening else start
    clause = lead
    for found in _CLAUSE_BREAK.finditer(text, lead, verb):
        if not _in_a_list(text, found.start(), found.end()):
            clause = found.end()
    return lead, clause


def _in_a_list(text: str, start: int, end: int) -> bool:
    """Whether the break from START to END (", and", ";") joins the items of a list of
    countries ("the US, Japan, Australia, and India", "Brazil, Lula; Argentina, Fernandez;
    and Paraguay") rather than two clauses."""
    if not re.match(r",\s+and|;", text[start:end]):
        return False
    after = re.match(r"\s*(?:and\s+)?(?:the\s+)?(\S+(?:\s+\S+)?)", text[end : end + 40])
    before = text[max(0, start - 60) : start]
    if after and country_names(after.group(1)) and country_names(before):
        return True
    # People each followed by their country: "Ivan Duque (Colombia), ..., and Marcelo
    # Ebrard (Mexico)".
    return _bracketed_country(text, end, min(len(text), end + 80)) and _bracketed_country(
        text, max(0, start - 60), start
    )


def _bracketed_country(text: str, start: int, end: int) -> bool:
    return any(country_names(m.group()) for m in _PAREN_COUNTRY.finditer(text, start, end))


def _subject_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The words of a subject: up to a verb that acts on someone else; a relative
    clause inside it is skipped by leaving the span at its start."""
    relative = _RELATIVE.match(text, start, end)
    if relative:  # "..., which acknowledges Brazil as ..., the presidents": after it
        start = relative.end()
    words = text[start:end]
    cut = _OBJECT.search(words)
    relative = _RELATIVE.search(words)
    stops = [m.start() for m in (cut, relative) if m is not None]
    return start, start + min(stops, default=len(words))


class PartiesOf:
    """The part of the draft's builder that says who made each commitment."""

    people: People
    sides: list[str]
    #: Sides only as the members present at a meeting of a grouping of unknown members.
    within: frozenset[str] = frozenset()

    def party(self, name: str) -> str:
        raise NotImplementedError

    def person(self, key: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def by(self, read: Read, item: Found) -> tuple[list[str], str | None]:
        """Who made a commitment: the sides named or represented in the subject of its
        verb's clause, with a partner after "signed ... with"; else all sides."""
        text = read.doc.text
        lead, start = _clause_start(text, item.sentence.start, item.verb[0])
        subject = _subject_span(text, start, item.verb[0])
        if _PRONOUN.fullmatch(text[subject[0] : subject[1]].strip()):
            # "Kishida said he told Yoon that his government will": the one who said it.
            subject = _subject_span(text, lead, start)
        found = self._sides_in(read, *subject)
        if found or not _ALL_SIDES.search(text, *subject):
            found += [n for n in self._partner(read, item) if n not in found]
        if found:
            return [self.party(n) for n in found], None
        # At a meeting of a grouping whose members are not listed ("Pacific Islands Forum"),
        # the countries present as its members are not sides beside it: what all did, it did.
        sides = [s for s in self.sides if s not in self.within]
        everyone = [self.party(s) for s in sides] or [self.party("not stated")]
        if _ALL_SIDES.search(text, *subject):
            return everyone, None
        return everyone, "check the parties: taken to be all sides"

    def _sides_in(self, read: Read, start: int, end: int) -> list[str]:
        """The countries named in the words, and those of the people mentioned there.
        "Modi and President Lula" at a meeting of two sides, one's country unknown: both."""
        text = read.doc.text
        groupings = [(a + start, b + start, g) for a, b, g in grouping_spans(text[start:end])]
        # Not a place ("concluded their meeting in Turkey's Istanbul"), nor a word of a
        # grouping's name ("the Indian Ocean Rim Association").
        found = [
            name
            for at, to, name in find_countries(text, start, end)
            if not _PLACE_BEFORE.search(text, max(start, at - 12), at)
            and not any(a < to and at < b for a, b, _ in groupings)
        ]
        found = list(dict.fromkeys(found))
        # A grouping the subject names ("the EU and five Central Asian countries"): itself if
        # it is a side, else those of its members that are.
        for grouping in dict.fromkeys(g for _, _, g in groupings):
            members = members_of(grouping)
            if set(members) & set(found):
                continue  # "the Quad, comprising the US, Japan, ...": named one by one
            named = [grouping] if grouping in self.sides else members
            found += [n for n in named if n in self.sides and n not in found]
        people = {m.person for m in read.cast.mentions_in(start, end)}
        unknown = False
        for person in people:
            entry = self.people.local[(read.source_id, person)]
            country = (self.person(entry) or {}).get("country")
            if country in self.sides:
                found += [] if country in found else [country]
            else:
                unknown = True
        joined = re.search(r"\band\b", read.doc.text[start:end]) is not None
        if unknown and joined and len(people) >= 2 and len(self.sides) == 2:
            found += [s for s in self.sides if s not in found]
        return found

    def _partner(self, read: Read, item: Found) -> list[str]:
        """ "signed deals with his Indonesian counterpart": the other side of a signing."""
        text = read.doc.text
        verb = text[item.verb[0] : item.verb[1]]
        if not _WITH_VERB.search(verb):
            return []
        partner = _PARTNER.match(text, item.verb[1], item.sentence.end)
        if partner is None:
            return []
        return self._sides_in(read, partner.start(1), partner.end(1))


#: A verb that sets its subject against the meeting: "Biden criticised the meeting".
_AGAINST: Final = Pattern(
    r"\b(?:criticis|criticiz|condemn|denounc|slamm?|protest)\w*\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:meeting|summit|talks|visit|deal|agreement|accord|declaration|gathering)\b",
    re.IGNORECASE,
)


def critics(reads: list[Read], people: People) -> set[str]:
    """The people every one of whose sentences sets them against the meeting ("US President
    Joe Biden criticised the meeting"): their countries are no side of it."""
    against: dict[str, bool] = {}
    for read in reads:
        doc = read.doc
        for mention in read.cast.mentions:
            key = people.local[(read.source_id, mention.person)]
            sentence = doc.sentence_at(mention.start)
            words = doc.slice(sentence) if sentence else ""
            against[key] = against.get(key, True) and bool(_AGAINST.search(words))
    return {key for key, always in against.items() if always}
