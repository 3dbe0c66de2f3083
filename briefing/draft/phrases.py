"""Phrases that stand for a speaker named elsewhere: a description ("the Lithuanian Prime
Minister"), "his counterpart", an office's initials ("the MEA said").

Split out of `briefing.draft.speakers`, whose resolver reads them with what it remembers
(see docspeak.State); none of them is a guess without a review note.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.draft.describe import describes
from briefing.draft.docspeak import Speaker, State
from briefing.draft.document import Document
from briefing.draft.lexicon import country_of
from briefing.draft.people import Cast
from briefing.draft.regex import Pattern
from briefing.draft.speech import DESCRIPTION, INSTITUTION, MEETING

#: Where a note names the person a speaker was resolved to; the draft puts the name in.
NAME: Final = "\u2039name\u203a"


#: An honorific that says someone's sex, right before their name.
_TITLE = Pattern(r"\b(Mr|Mrs|Ms|Miss|Mme|Madam)\.?\s+$")


class PhraseReader:
    """The part of the resolver that reads descriptions, counterparts and initials."""

    doc: Document
    cast: Cast
    state: State
    #: The two people the article has meeting, found when first needed.
    chairs: list[str] | None = None
    #: People's sex as honorifics give it ("Mr", "Ms"), found when first needed.
    sexes: dict[str, str] | None = None

    def _described(self, words: str, at: int) -> str | None:
        match = DESCRIPTION().search(words)
        if not match and re.match(r"\s*(?:PM|President|Premier|Chancellor)\b", words):
            # `“...,” says PM in Colombo`: a role with no article after the verb.
            match = DESCRIPTION().match("the " + words.lstrip())
        if not match:
            return None
        phrase = re.sub(r"\bPM\b", "prime minister", match.group(1), flags=re.IGNORECASE)
        fits = [p.key for p in self.cast.people if describes(phrase, p)]
        if not fits:
            # "the Lithuanian Prime Minister" when the article never gave the prime minister's
            # country: the one person of that role in the article, whatever their country,
            # if the article gives no country of theirs and everyone else's role is known
            # (someone with none may be the one described).
            loose = [p for p in self.cast.people if describes(phrase, p, unknown_country=True)]
            others = [p.role for p in self.cast.people if p not in loose]
            if len(loose) == 1 and loose[0].country is None and all(others):
                return loose[0].key
        # "The foreign secretary" is someone already named, not someone named later.
        named = {m.person for m in self.cast.mentions if m.start < at}
        if len(fits) > 1 and len([f for f in fits if f in named]) == 1:
            fits = [f for f in fits if f in named]
        if len(fits) == 1:
            return fits[0]
        # Two presidents: "the President" is whom the sentence before was about, unless that
        # sentence names the other as well ("Kovac met President Lind").
        subject = self.state.subject
        if subject in fits and not (set(fits) - {subject}) & self.state.mentioned:
            return subject
        current = self.state.current()
        if current is not None and current.kind == "person" and current.who in fits:
            return current.who
        # Someone whose role the article never gave: the description may be the only one.
        last = self.state.last_person
        if not fits and last is not None:
            person = self.cast.person(last)
            country = next((country_of(w) for w in match.group(1).split() if country_of(w)), None)
            if person.role is None and (country is None or person.country in (None, country)):
                return last
        return None

    def _acronym(self, words: str) -> Speaker | None:
        """ "The MEA said", where the text spells it out as an office before ("the Ministry of
        External Affairs (MEA)"): that office's words."""
        short = re.fullmatch(r"\W*(?:the\s+)?([A-Z]{2,6})\W*", words)
        if short is None:
            return None
        spelt = re.search(
            r"((?:[A-Z][\w'-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,6})\(\s*"
            + short.group(1)
            + r"\s*\)",
            self.doc.text,
        )
        office = INSTITUTION().fullmatch(spelt.group(1).strip()) if spelt else None
        if office is None:
            return None
        name = office.group()
        country = next((c for c in map(country_of, re.findall(r"[A-Z][\w.]+", name)) if c), None)
        shown = " ".join(words.split())
        if country is None:
            # An office, never a person: but which side's, the text does not say.
            return Speaker("unknown", "", shown, f"say who said it: '{shown}' names no side")
        return Speaker(
            "party",
            country,
            shown,
            f"check the speaker: '{short.group(1)}' taken to be the {name}, an office",
        )

    def _pair(self) -> list[str]:
        """The two people the first sentence with a word of meeting names, if it names two."""
        for sentence in self.doc.sentences:
            if MEETING().search(self.doc.text, sentence.start, sentence.end):
                found = self.cast.mentions_in(sentence.start, sentence.end)
                people = list(dict.fromkeys(m.person for m in found))
                return people if len(people) == 2 else []
        return []

    def _counterpart(self, said: str) -> Speaker | None:
        """ "His counterpart" is the other of the two people the article has meeting (in the
        first sentence with a word of meeting), when the one it is about, the subject of the
        sentence before or the last speaker, is one of them; otherwise it is not clear who."""
        if self.chairs is None:
            self.chairs = self._pair()
        current = self.state.current()
        about = self.state.subject or (
            current.who if current and current.kind == "person" else None
        )
        if len(self.chairs) != 2 or about not in self.chairs:
            return None
        if self.state.mentioned - set(self.chairs):
            # "Petrov later met Eva Lind. “...,” his counterpart said": Lind's, or the other's.
            return None
        other = next(c for c in self.chairs if c != about)
        country = next((country_of(w) for w in said.split() if country_of(w)), None)
        if country and self.cast.person(other).country not in (None, country):
            return None
        return Speaker("person", other, None, f"check the speaker: '{said}' taken to be " + NAME)

    def _sex(self, person: str) -> str | None:
        """ "m" or "f" when the text gives PERSON an honorific that says ("Mr Modi", "Ms
        Meloni"), else None: the drafter knows no one's sex otherwise."""
        if self.sexes is None:
            self.sexes = {}
            text = self.doc.text
            for mention in self.cast.mentions:
                title = _TITLE.search(text, max(0, mention.start - 8), mention.start)
                if title:
                    sex = "m" if title.group(1) == "Mr" else "f"
                    self.sexes[mention.person] = self.sexes.get(mention.person, sex)
        return self.sexes.get(person)

    def _by_sex(self, word: str, candidates: tuple[str, str]) -> str | None:
        """Of two people "he" or "she" could be, the only one it can be when the text gives
        the other the honorific of the other sex ("Mr Modi ... she said": not Modi)."""
        wanted = "m" if word.casefold() == "he" else "f"
        fits = [k for k in candidates if self._sex(k) in (None, wanted)]
        return fits[0] if len(fits) == 1 else None
