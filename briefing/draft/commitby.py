"""Who made a commitment, where the subject of its verb names no side outright.

`PartiesOf.by` (briefing.draft.parties) reads the sides a subject names; where it falls back on
every side, or finds one side for two people named together, the grammar of reporting often
still says who: a capital standing for its government ("Ankara hopes to"), a participant named
by office alone ("The Prime Minister looked forward to"), the two sides after a passive's
"between" ("A ceasefire had been reached between Rwanda and the Congo"), "the country" in the
words of one side's officials, or two names joined by "and" at a meeting of two sides. Each
such reading carries a review note saying what it was read from.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from briefing.draft.lexicon import CAPITAL_OF, find_countries
from briefing.draft.parties import PartiesOf, _clause_start, _subject_span
from briefing.draft.regex import Pattern

if TYPE_CHECKING:
    from briefing.draft.gather import Read
    from briefing.draft.items import Found

_ALL_TAKEN: Final = "check the parties: taken to be all sides"
#: A participant named by office alone, as a readout names its own leader.
_OFFICE: Final = Pattern(
    r"the (prime minister|president|chancellor|premier|foreign minister|foreign secretary|"
    r"secretary of state|king|emir|crown prince)",
    re.IGNORECASE,
)
_OFFICE_ACTS: Final = Pattern(_OFFICE.pattern + r"\s+(?:was|were|is|are|has|had)\b", re.IGNORECASE)
_TWO_NAMES: Final = Pattern(
    r"(?:^|,)\s*(?:[A-Z][\w'-]+|he|she) and [A-Z][\w'-]+(?:\s+(?:had|have|also|jointly))*\s*$"
)
_ONE_SIDE: Final = Pattern(r"(?:the (?:country|government|nation|kingdom)|it)", re.IGNORECASE)
_CAPITAL_NAME: Final = Pattern(r"\b(?:" + "|".join(CAPITAL_OF) + r")\b")
#: A passive's parties: "was signed between Kenya and Egypt".
_BETWEEN: Final = Pattern(r"\bbetween\s+([^,;.]+)")


def _bare_role(role: str) -> str:
    """A role without the country it is of: "Prime Minister of the United Kingdom"."""
    of = re.match(r"(.*?)\s+of\s+(.*)$", role)
    return of.group(1) if of and find_countries(of.group(2)) else role


class CommitmentParties(PartiesOf):
    """The part of the draft's builder that refines who made each commitment."""

    sides: list[str]

    def name_of(self, key: str) -> str:
        raise NotImplementedError

    def commitment_by(self, read: Read, item: Found) -> tuple[list[str], str | None]:
        """Who made a commitment (PartiesOf.by), and where that falls back on every side, a
        side the subject still names: a capital ("Ankara hopes to"), one participant's office
        ("The Prime Minister looked forward to"), or the two sides after a passive's
        "between" ("A ceasefire had been reached between Rwanda and the Congo")."""
        by, note = self.by(read, item)
        named = [self.name_of(b) for b in by]
        if len(self.sides) >= 2 and not set(named) & set(self.sides):
            # "Ethiopia has vowed to ..." at a meeting of Kenya and Egypt: told beside it.
            outside = f"check the parties: {' and '.join(named)} not among the meeting's sides;"
            return by, f"{outside} keep it only if it is an outcome of the meeting"
        text = read.doc.text
        start = _clause_start(text, item.sentence.start, item.verb[0])[1]
        span = _subject_span(text, start, item.verb[0])
        subject = text[slice(*span)]
        # "Jokowi and Albanese signed": two people named together at a meeting of two sides,
        # one of them not known by that name, are the two sides' leaders.
        if (
            note is None
            and len(by) == 1
            and len(self.sides) == 2
            and _TWO_NAMES.search(subject)
            and len({m.person for m in read.cast.mentions_in(*span)}) == 1
        ):
            note = "check the parties: two people named together, one of them not known"
            return [self.party(s) for s in self.sides], note
        if note != _ALL_TAKEN:
            return by, note
        names: list[str] = []
        capitals = _CAPITAL_NAME.findall(subject)
        # "The Prime Minister", "The Foreign Minister and the Secretary of State": offices only.
        bare = re.sub(r"^[^,]*,\s*", "", subject.strip())
        # "The Prime Minister was pleased to accept ... and looked forward to": its subject.
        offices = [
            _OFFICE.fullmatch(part) or _OFFICE_ACTS.match(part)
            for part in (p.strip() for p in re.split(r"\band\b", bare))
            if part
        ]
        verb = text[item.verb[0] : item.verb[1]]
        between = _BETWEEN.search(text, item.verb[1], item.sentence.end)
        if capitals:
            names = [CAPITAL_OF[c] for c in capitals]
            why = f"read from '{', '.join(capitals)}', capitals standing for their countries"
        elif offices and all(offices):
            sides = [self._office_side(o.group(1)) for o in offices if o]
            names = [n for side in sides for n in side] if all(sides) else []
            why = f"read from '{bare}'"
        elif between and re.search(r"\b(?:been|was|were)\b", verb):
            names = [n for _, _, n in find_countries(between.group(1))]
            why = "read from 'between'"
        elif _ONE_SIDE.fullmatch(subject.strip()):
            # "Brazilian officials said the country would": the side of who reports it.
            names = [n for _, _, n in find_countries(text[item.sentence.start : start])]
            names = names if len(set(names)) == 1 else []
            why = f"'{subject.strip()}' read as the side of who said it"
        names = [n for n in dict.fromkeys(names) if n in self.sides]
        one = capitals or (offices and all(offices)) or _ONE_SIDE.fullmatch(subject.strip())
        if not names or (not one and len(names) < 2):
            return by, note
        return [self.party(n) for n in names], f"check the parties: {why}"

    def _office_side(self, office: str) -> list[str]:
        """The side of the one participant who holds OFFICE; when the source gives that
        participant no country, the one side no other participant stands for."""
        present = [e for e in self.people.entries if e.get("present", True)]
        office = office.casefold()
        # "Prime Minister of the United Kingdom" holds it, "Deputy Prime Minister" does not.
        roles = [(e, _bare_role(e["role"] or "").casefold()) for e in present]
        holders = [
            e
            for e, role in roles
            if (role == office or role.endswith(" " + office))
            and not re.search(r"\b(?:vice|deputy)[\s-]*" + office + "$", role)
        ]
        if len(holders) != 1:
            return []
        if holders[0]["country"]:
            return [holders[0]["country"]]
        held = {e["country"] for e in present if e is not holders[0]}
        free = [s for s in self.sides if s not in held]
        return free if len(free) == 1 else []
