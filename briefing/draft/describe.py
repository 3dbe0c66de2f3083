"""Words that stand for a person already named: a pronoun ("he", "she"), or a description
("the Japanese foreign minister", "the Indian leader") that fits their role and country.

Split out of `briefing.draft.people`; `briefing.draft.speakers` decides which person a
pronoun or a description is in its place in the text.
"""

from __future__ import annotations

import re

from briefing.draft.lexicon import COUNTRY_FORMS
from briefing.draft.namewords import PRONOUNS
from briefing.draft.people import Person


def is_pronoun(word: str) -> bool:
    return word.casefold() in PRONOUNS


def describes(words: str, person: Person, *, unknown_country: bool = False) -> bool:
    """Whether a description ("the Japanese foreign minister", "the Indian leader") fits;
    with UNKNOWN_COUNTRY, its country may be any (the person's role alone must fit)."""
    folded = words.casefold().split()
    if not folded:
        return False
    country = None
    rest = []
    for each in folded:
        if each in ("the", "his", "her", "their"):
            continue
        word = re.sub(r"['\u2019]s$", "", each)  # "pakistan's"
        if COUNTRY_FORMS.get(word) and country is None:
            country = COUNTRY_FORMS[word]
            continue
        rest.append(word)
    if country and person.country != country and not unknown_country:
        return False
    if not rest:
        return False
    # "PM Modi" is a prime minister, as "the PM" is.
    role = re.sub(r"\bpm\b", "prime minister", (person.role or "").casefold())
    if rest[-1] == "leader":
        return any(r in role for r in ("prime minister", "president", "chancellor", "premier"))
    return " ".join(rest) in role
