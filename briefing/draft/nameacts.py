"""What a run of capitalised words does beside it that makes it a person's name: it meets,
signs or is met ("António Costa met", "hosted Trudeau"), speaks after a quotation (`“...,”
said Wang`), or has a role set off after it ("Wang Yi, director of the Office").

Split out of `briefing.draft.people`, which reads the runs themselves.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.draft.lexicon import ROLE_HEADS, SPEECH_VERBS, country_of
from briefing.draft.regex import Pattern

#: A verb of meeting or signing after a name: "António Costa met", "Lula signed".
MEETS: Final = Pattern(
    r" (?:has |had |also |jointly )?(?:met|meets|signed|signs|hosted|hosts|visited|received|"
    r"welcomed|held talks|co-chaired|chaired|arrived|attended|accompanied|took part|"
    r"participated|(?:was|were) (?:also )?present)\b"
)
#: The first of two who meet: "Keir Starmer and Antonio Costa met".
PAIRED: Final = Pattern(r" and (?:[A-Z][\w'\u2019.-]* ){1,4}(?:met|signed|held talks)\b")
#: Before a name that is met: "met with Lula", "talks with Blinken", "hosted Trudeau".
MET: Final = Pattern(r"\b(?:met|meets|talks|hosted|hosts|received|welcomed)(?: with)? $")
#: After a name that is met, where the name is not a modifier ("talks with Taliban leaders").
MET_END: Final = Pattern(r"(?:'s|\u2019s)?\s*(?:[,.;:]|(?:and|on|in|at|for|to|during)\b|$)")
#: An aside between a name and its speech verb: "Amitabh Kant, India's G20 Sherpa, said".
ASIDE: Final = Pattern(r", [^,.;:\"\u201c\u201d()]{3,60}, (?:has |had |also )?(\w+)")

#: A quotation's tag with the verb first, right before a name: `“...,” said Wang`.
_SAID_FIRST: Final = Pattern(r"(?:[\"\u201d\u2019'][,.]?|[,.][\"\u201d\u2019'])\s+([A-Za-z]+)\s+$")
_WORD: Final = Pattern(r"[\w'\u2019.-]+|[,;:]")


def said_before(text: str, start: int) -> bool:
    """Whether the name at START follows a speech verb right after a closing mark."""
    match = _SAID_FIRST.search(text, max(0, start - 40), start)
    return bool(match and match.group(1).casefold() in SPEECH_VERBS)


def role_after(text: str, end: int) -> bool:
    """Whether a role follows the name ending at END, set off by a comma: "Wang Yi, director
    of the Office", "Tomas Berg, Freedonia's prime minister," (not "the minister's house")."""
    if text[end : end + 2] != ", ":
        return False
    for word in _WORD.findall(text, end + 2, end + 80)[:4]:
        if word in ",;:" or word.casefold() in ("former", "late"):
            return False
        if word.rstrip(".").casefold() in ROLE_HEADS:
            return True
    return False


def appositive_country(text: str, end: int) -> str | None:
    """The one country the role set off after a name (see role_after) names, if one."""
    stop = re.compile(r"[,;:.(]\s").search(text, end + 2, end + 200)
    words = re.findall(r"[A-Z][\w.'\u2019-]*", text[end + 2 : stop.start() if stop else end + 200])
    found = {c for c in map(country_of, words) if c}
    return found.pop() if len(found) == 1 else None


#: A title of several people, then a list of names: "Presidents Sadyr Japarov of Kyrgyzstan,
#: Emomali Rahmon of Tajikistan, and ...", "The presidents of Brazil, Lula; Argentina, ...".
_PLURAL_TITLE: Final = Pattern(
    r"\b((?i:presidents|prime ministers|foreign ministers|defen[cs]e ministers|ministers|"
    r"leaders|heads of state|heads of government))\s+(?=(?:of\s+)?[A-Z])"
)
#: One item of such a list and what follows it, up to the next name: a name (particles
#: allowed), its country in brackets or after "of", and a comma, semicolon or "and".
_LIST_ITEM: Final = (
    r"(?:of\s+)?(?:(?:[A-Z][\w.'\u2019-]*|da|de|del|dos|van|von|bin|al|el)\s+){0,5}?"
    r"(?:[A-Z][\w.'\u2019-]*)(?:\s*\([^()]{1,40}\)|\s+of\s+(?:the\s+)?[A-Z][\w.'\u2019-]*"
    r"(?:\s+[A-Z][\w.'\u2019-]*)?)?\s*(?:,\s*and|;\s*and|,|;|and)\s+"
)
_LISTED: Final = Pattern(rf"(?:{_LIST_ITEM})+")
#: A country in brackets right after a name: "Ivan Duque (Colombia)".
_BRACKET: Final = Pattern(r"\s*\(([A-Z][^()]{1,40})\)")
#: A country before a name in a list: "... of Brazil, Lula; Argentina, Alberto Fernández".
_COUNTRY_BEFORE: Final = Pattern(r"(?:^|[;,]|\bof)\s*((?:[A-Z][\w'\u2019-]*\s?){1,3}),\s*$")
_PLURALS: Final = {"presidents": "President", "ministers": "Minister", "leaders": "Leader"}


def list_title(text: str, start: int, at: int) -> str | None:
    """The title, made singular, of the list of names that the name at AT is in, its sentence
    starting at START ("Presidents A, B and C": "President"); None when it is in none."""
    for title in _PLURAL_TITLE.finditer(text, start, at + 1):
        listed = _LISTED.match(text, title.end(), at)
        if title.end() == at or (listed is not None and listed.end() == at):
            return singular(title.group(1))
    return None


def singular(role: str) -> str:
    """A role of one person: "Presidents" is "President", "foreign ministers" "Foreign
    Minister", "heads of state" "Head of State"."""
    words = role.split()
    if words[0].casefold() == "heads":
        return "Head " + " ".join(w.capitalize() if w != "of" else w for w in words[1:])
    last = words[-1].casefold()
    words[-1] = _PLURALS.get(last, words[-1])
    return " ".join(w[:1].upper() + w[1:] for w in words)


def listed_country(text: str, start: int, end: int) -> str | None:
    """The country beside a name in a list: in brackets after it, or named before it."""
    bracket = _BRACKET.match(text, end)
    if bracket and country_of(bracket.group(1)):
        return country_of(bracket.group(1))
    before = _COUNTRY_BEFORE.search(text, max(0, start - 40), start)
    return country_of(before.group(1).strip()) if before else None
