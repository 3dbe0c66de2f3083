"""Who was at the meeting: the words that place a person there, clause by clause.

A person is present when a clause naming them has a word of meeting ("met", "talks with",
"hosted", "signed", "agreed") that is about this meeting, or when they are the one a speech
verb's clause is about ("Lapid said", "said Leyen"). Not present: someone named as a former
office-holder, or only in passing (see people.in_passing), or only

- in a clause about another meeting: one earlier or later ("the previous Quad Leaders'
  Summit brought together ...", "the summit hosted by King Abdullah last August"), or one
  only hoped for ("may not be able to meet this year", "are expected to speak with Trump
  later");
- beside a speech verb whose subject is someone else ("He emphasized the pledge, with
  President Trump's backing");
- in a clause set apart from the meeting's by "as", "while" or a semicolon ("spoke with
  Sheinbaum as US President Donald Trump prepares to announce ...");
- as the sender or addressee of a message ("a verbal message from King Abdullah II",
  "conveyed his greetings to King Abdullah").
"""

from __future__ import annotations

import functools
import re
from typing import Final

from briefing.draft.document import Document
from briefing.draft.lexicon import SPEECH_VERBS
from briefing.draft.outcomes import CONTEXT
from briefing.draft.people import Mention
from briefing.draft.regex import Pattern
from briefing.draft.speakers import POSSESSIVE

#: Words that put a person at the meeting when a clause names them with one.
AT_THE_MEETING: Final = Pattern(
    r"\b(?:me[e]?t(?:s|ing)?|talks|held|hosts?|hosted|hosting|visit(?:s|ed|ing)?|welcomed|"
    r"received|receiving|sign(?:s|ed|ing)?|summit|attend(?:s|ed|ing)?|join(?:s|ed)|calls?|"
    r"called|spoke (?:with|to|by)|speak (?:with|to)|phone|co-chaired|chaired|led|"
    r"discuss(?:ed|es|ing)?|agreed?|press conference|reporters|counterparts?|told|said|says|"
    r"added|stated|noted|thanked|urged|stressed|reaffirmed|pledged|announced|arrived|guest|"
    r"host|hailed|praised|expressed|conveyed|assured|congratulated|invited|lauded|welcomes?|"
    r"underlined|accompan(?:ied|ying)|present|participated|took part)\b",
    re.IGNORECASE,
)
#: In a clause: a meeting that is not this one ("the previous Quad Leaders' Summit").
_OTHER_MEETING: Final = Pattern(
    r"\b(?:previous|last|next|upcoming|forthcoming|earlier|future)\s+(?:[\w'\u2019-]+\s+){0,3}"
    r"(?:summit|meeting|talks|visit|session|dialogue|round|conference)\b"
    # "including a summit this month between Xi and Biden": a meeting told in passing.
    r"|\ba (?:[\w-]+ )?(?:summit|meeting) (?:this|last|earlier this|next) (?:week|month|year)\b",
    re.IGNORECASE,
)
#: Before a word of meeting: one only hoped for ("may not be able to meet", "are expected
#: to speak with").
_HOPED_FOR: Final = Pattern(
    r"\b(?:may|might|could|expected to|hopes? to|plans? to)\s+(?:not\s+)?"
    r"(?:be\s+able\s+to\s+)?(?:also\s+)?$",
    re.IGNORECASE,
)
#: After a word of meeting, in its clause: a date long past ("last August", "last year"),
#: or a meeting still to come ("their summit is likely"). Used with match(), which anchors
#: it where the word ends (a "^" would only match at the start of the text).
_LONG_AGO: Final = Pattern(
    r"[^,;.]{0,60}?\blast\s+(?:year|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b|\s+(?:is|are)\s+(?:likely|expected)\b"
)
#: Where one clause ends and another, set apart from it, begins.
_CLAUSE_BREAK: Final = Pattern(r"\s\u2014\s|,\s+but\s|,?\s+(?:as|while|whereas)\s+(?=[A-Z])")
#: Before a name: its sender or addressee, not someone at the meeting.
_MESSAGE: Final = Pattern(
    r"\b(?:message|letter|greetings|regards|condolences|invitation)\s+(?:\w+\s+){0,2}"
    r"(?:from|to|of)\s+(?:the\s+)?(?:[\w.'-]+\s+){0,4}$",
    re.IGNORECASE,
)
_WORDS: Final = Pattern(r"[A-Za-z]+")
#: Speech verbs that are not also a meeting ("called on the President").
_SPEECH_ONLY: Final = SPEECH_VERBS - {"called", "calls"}


_QUOTE_MARK: Final = Pattern('["\u201c\u201d\u2018]')
#: Words of this meeting in a sentence of someone's words.
_ABOUT_THE_MEETING: Final = Pattern(
    r"\b(?:talks|meeting|met|summit|visit|discussions?|call|conversation|counterparts?|"
    r"agreed|agreements?|signed|reporters|press|dialogue|consultations|bilateral|ties|"
    r"relations|relationship|cooperation|partnership|alliance|format|bloc|forum|sides|"
    r"leaders|ministers|delegations?|confirmed|accords?|deals?|memorand\w+|trip)\b",
    re.IGNORECASE,
)


def _clause(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause of the sentence from START to END that holds offset AT."""
    first, last = start, end
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.end() <= at:
            first = match.end()
        elif match.start() >= at:
            last = match.start()
            break
    return first, last


def _subject_of_speech(text: str, start: int, end: int, mention: Mention) -> bool:
    """Whether a speech verb of the clause is MENTION's own: within eight words after the
    name ("Lapid added", "Malcolm Davis from the Australian Strategic Policy Institute
    said") or right before it ("said Leyen")."""
    if POSSESSIVE.search(text, mention.start, mention.end) or POSSESSIVE.match(text, mention.end):
        return False  # "with President Trump's backing"
    stop = re.compile(r"[,;:\"\u201c\u201d]").search(text, mention.end, end)
    after = _WORDS.findall(text, mention.end, stop.start() if stop else end)[:8]
    before = _WORDS.findall(text, max(start, mention.start - 12), mention.start)[-1:]
    return any(w.casefold() in SPEECH_VERBS for w in after + before)


#: Words that make someone a commentator on the meeting rather than one at it.
_COMMENTS: Final = (
    r"(?:professor|analyst|expert|researcher|scholar|economist|commentator|lecturer|"
    r"academic|observer|critic|opposition(?:\s+\w+)?|institute|university|think[\s-]tank|"
    r"chamber|research|studies)"
)
#: Words that put even a commentator at the meeting: "Professor X attended the talks".
_THERE: Final = Pattern(
    r"\b(?:met|meets|talks|attend\w*|accompan\w*|present|joined|participated|took part|"
    r"delegation)\b",
    re.IGNORECASE,
)


#: A commentator introduced after the name ("Ivo Lasko, a professor at") or before it
#: ("analyst Ivo Lasko"); not a clause about the person ("Berg, who studied at ...,").
_COMMENTATOR_AFTER: Final = Pattern(
    rf"([A-Z][\w'\u2019-]+),\s+(?!wh)(?:[\w'\u2019-]+\s+){{0,6}}?(?i:{_COMMENTS})\b"
)
_COMMENTATOR_BEFORE: Final = Pattern(
    rf"(?i:\b{_COMMENTS})\s+((?:[A-Z][\w.'\u2019-]*\s+){{0,3}}[A-Z][\w'\u2019-]+)"
)


@functools.lru_cache(maxsize=8)
def _commentators(text: str) -> frozenset[str]:
    """The words of the names TEXT introduces as commentators, found once per text."""
    found = {m.group(1).casefold() for m in _COMMENTATOR_AFTER.finditer(text)}
    for match in _COMMENTATOR_BEFORE.finditer(text):
        found.update(w.casefold() for w in match.group(1).split())
    return frozenset(found)


def _commentator(text: str, mention: Mention) -> bool:
    """Whether the text introduces MENTION's person as a commentator: "said Ivo Lasko, a
    professor at Vallis University", "Ivo Lasko, head of the Vallis Institute", "analyst
    Ivo Lasko", "opposition leader Mara Lind"."""
    return mention.text.split()[-1].casefold() in _commentators(text)


def places_at_meeting(doc: Document, mention: Mention, start: int, end: int) -> bool:
    """Whether the sentence from START to END places MENTION's person at the meeting."""
    text = doc.text
    if _MESSAGE.search(text, max(start, mention.start - 80), mention.start):
        return False
    first, last = _clause(text, start, end, mention.start)
    if _commentator(text, mention):
        return bool(_THERE.search(text, first, last))
    # "The visit comes after his trip to New Delhi, where he assured Modi": another meeting.
    other = (
        _OTHER_MEETING.search(text, first, last) is not None
        or CONTEXT.search(text, start, mention.start) is not None
    )
    for match in AT_THE_MEETING.finditer(text, first, last):
        if other or match.group().casefold() in _SPEECH_ONLY:
            continue  # a speech verb is its subject's alone
        if _HOPED_FOR.search(text, max(first, match.start() - 50), match.start()):
            continue
        if _LONG_AGO.match(text, match.end(), last):
            continue
        return True
    # Words of theirs place them there when quoted, or when about the meeting ("Modi said
    # the talks were productive"), not when about something else ("Trump claims that the
    # tariffs will ...").
    return _subject_of_speech(text, first, last, mention) and (
        _QUOTE_MARK.search(text, start, end) is not None
        or _ABOUT_THE_MEETING.search(text, start, end) is not None
    )
