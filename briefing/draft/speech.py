"""The words around a quotation that say who spoke: a speech verb and the name beside it.

`, Jaishankar said` and `, said Leyen` after a closing mark, `Hayashi added:` before an
opening one; split out of `briefing.draft.speakers`, which decides whom the name denotes.
"""

from __future__ import annotations

import re
from typing import Final

from briefing.draft.document import lazy
from briefing.draft.lexicon import SPEECH_VERBS
from briefing.draft.regex import Pattern

#: Verbs that introduce words; "according" and "read" only with their own patterns.
VERBS: Final = (SPEECH_VERBS - {"according", "read"}) | {
    "assured",
    "assures",
    # `“...,” Tass reported`: an outlet names itself, and no one before it, as the source.
    "reported",
    "reports",
}
WORDS: Final = Pattern(r"[\w.'\u2019@-]+")
LETTERS: Final = Pattern(r"[A-Za-z]+")


def is_verb(word: str) -> bool:
    return word.casefold().rstrip(".") in VERBS


def word_run(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Up to LIMIT words from START, each one space after the last (a comma ends the run)."""
    found: list[tuple[int, int]] = []
    for match in WORDS.finditer(text, start, end):
        if found and text[found[-1][1] : match.start()] != " ":
            break
        if not found and match.start() != start:
            break
        found.append((match.start(), match.end()))
        if len(found) == limit:
            break
    return found


#: An aside between a name and its speech verb: ", who met Petrov on Monday, said".
ASIDE: Final = Pattern(
    r", (?P<aside>(?:[^,.;:\"\u201c\u201d()]|\.(?=\w))+), (?:has |had |also |then )?"
    r"(?P<verb>\w+)"
)

#: The head of a list of offices in a title, up to its last two ("Trade, Industry and ...").
_OFFICE_LIST: Final = Pattern(r"(?:[A-Z][a-z]+, )+(?=[A-Z][a-z]+ and [A-Z][a-z]+ [A-Z])")

#: Words that go on with a sentence after a quotation rather than name who said it.
_GOES_ON: Final = frozenset({"and", "but", "or", "then", "which", "who", "that", "while"})


def speaker_after(text: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """Who speaks in the words right after a closing mark: `, Jaishankar said` (the last
    person named before the verb) or `, said Leyen` (the first after it)."""
    lead = re.match(r"\s*[,.\u2014-]?\s*", text[start:end])
    at = start + (lead.end() if lead else 0)
    # "Trade, Industry and Tourism Minister Jose Restrepo told": a title's list of offices.
    listed = _OFFICE_LIST.match(text, at, end)
    at = listed.end() if listed else at
    # Up to nine words: "European Commission president Ursula von der Leyen said".
    words = word_run(text, at, end, 11)
    if words and text[words[0][0] : words[0][1]].casefold() in _GOES_ON:
        return None  # "“...,” and stressed the need": the sentence goes on, no one is named
    for k in range(1, min(len(words), 10)):
        word = text[words[k][0] : words[k][1]]
        if is_verb(word):
            before = k - 1 if text[words[k - 1][0] : words[k - 1][1]].endswith("ly") else k
            if before >= 1:
                return words[0][0], words[before - 1][1], True
    if words and is_verb(text[words[0][0] : words[0][1]]) and len(words) > 1:
        return words[1][0], words[min(len(words), 8) - 1][1], False
    aside = ASIDE.match(text, words[-1][1], end) if words and len(words) <= 6 else None
    if aside and is_verb(aside.group("verb")):
        if text[aside.start("aside")].islower():
            # `“...,” Kovac, who met Petrov on Monday, said`: the one before the aside.
            return words[0][0], words[-1][1], True
        # `“...,” Kovac's foreign minister, Ivo Lasko, said` (the name set off by commas) or
        # `“...,” Berg, Freedonia's leader, said`: the last person named before the verb.
        return words[0][0], aside.end("aside"), True
    return None


def is_told(text: str, word: tuple[int, int]) -> bool:
    return text[word[0] : word[1]].casefold() == "told"


def speaker_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Who speaks in the words right before an opening mark: `Hayashi added:`,
    `Kamikawa said,`, `... he said that`."""
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start and text[stop - 1] in ":,":
        stop -= 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if text[max(start, stop - 5) : stop] == " that":
        stop -= 5
    words = [(m.start(), m.end()) for m in WORDS.finditer(text, start, stop)]
    told = [i for i in range(max(0, len(words) - 4), len(words) - 1) if is_told(text, words[i])]
    if told and words[-1][1] == stop:
        # "Luxon told reporters:": the one who told, not the ones told.
        words = words[: told[-1] + 1]
        stop = words[-1][1]
    if len(words) < 2 or words[-1][1] != stop or not is_verb(text[words[-1][0] : stop]):
        return None
    who = words[:-1]
    opening = [i for i in range(len(who) - 1) if text[who[i][1] : who[i + 1][0]] == ", "]
    # "Kovac, who succeeded Ivan Petrov last year, said:": the one before the aside, not the
    # last person named in it (an aside that is a name, "the president of the Commission,
    # Ursula von der Leyen, said", is the one who speaks).
    aside = bool(opening) and text[who[-1][1] : words[-1][0]].strip() == ","
    if aside and text[who[opening[-1] + 1][0]].islower():
        who = who[: opening[-1] + 1]
    if text[who[-1][0] : who[-1][1]].endswith("ly") and len(who) > 1:
        who = who[:-1]
    run = [who[-1]]
    for word in reversed(who[:-1]):
        if text[word[1] : run[0][0]] != " " or len(run) == 6:
            break
        run.insert(0, word)
    return run[0][0], run[-1][1]


def first_verb(text: str, start: int, end: int) -> int | None:
    """Where the first speech verb between START and END begins."""
    for match in LETTERS.finditer(text, start, end):
        if match.group().casefold() in VERBS:
            return match.start()
    return None


# Patterns of attribution the resolver in `briefing.draft.speakers` reads.

#: Words that say a group spoke ("both leaders pledged to \"...\"", "made an announcement").
GROUP_SPEECH: Final = frozenset(
    {"pledged", "vowed", "promised", "committed", "announcement", "declaration", "statement"}
)
DOC_WORDS: Final = (
    r"(?i:statement|readout|read-out|declaration|communiqu[e\u00e9]|press release|release|"
    r"document|report|transcript)"
)
#: A cheap look for a document's name before the full pattern is compiled.
DOC_HINT: Final = Pattern(
    r"statement|read-?out|declaration|communiqu|release|document|report|transcript", re.IGNORECASE
)
ACCORDING: Final = lazy(
    r"(?i:according) to (?:a|an|the) (?P<doc>(?:[\w.-]+ ){0,3}?" + DOC_WORDS + r")"
    r"(?: (?:released|issued|published|put out|given))?(?: by (?P<by>(?:the )?"
    r"(?:(?:office|ministry|embassy|presidency|government) of )?(?:[A-Z][\w.'-]*\s?)+))?"
)
DOC_SAID: Final = lazy(
    r"\b(?P<the>(?i:the|a|an|in a|in the|in its|in their)) (?P<doc>(?:joint |[\w.-]+ ){0,3}?"
    + DOC_WORDS
    + r")\b(?: (?:said|says|reads|read|stated|states|noted|added))?"
)
#: An organisation that says something in a document: capitalised words, then "said in".
ISSUER: Final = lazy(
    r"(?P<issuer>(?:[A-Z][\w.\u2019'-]*(?:'s|\u2019s)? )(?:(?:of|for|and|the) |[A-Z][\w.-]* ){0,6})"
    r"(?P<said>said|says|stated)\s*$"
)
#: After a name, before a speech verb: someone else, unnamed ("a presidential source").
ANONYMOUS: Final = Pattern(
    r"\b(?:an?|one|two|several|some) (?:[\w-]+ ){0,2}(?:sources?|officials?|aides?|diplomats?)\b"
)
#: Someone who speaks for a person: "Kapoor's spokesman", "an aide to Aoyama".
STAND_INS: Final = (
    r"spokes(?:man|woman|person|people)|aides?|office|sources?|officials?|advisers?|advisors?"
    r"|representatives?|counterparts?|ministry|government|camp|team|allies|ally|envoys?"
)
OWNED: Final = Pattern(r"\S*?(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,2}?(?:" + STAND_INS + r")\b")
SPEAKS_FOR: Final = Pattern(
    r"\b(?:" + STAND_INS + r")\s+(?:for|to|close to|of|from|near)\s+(?:the\s+)?$"
)
#: The start of a clause of its own, right before a name: "..., and Petrov praised".
CLAUSE: Final = Pattern(
    r"(?:[,;]\s+(?:and|but|while|whereas)|;|\bwhile|\bwhereas)\s+(?:[A-Z][\w.-]*\s+){0,3}$"
)

#: A verb right before a name, and the titles between them: "criticised Prime Minister ".
ACTED_ON: Final = Pattern(
    r"\b(?:[a-z]{2,}ed|met|told|urged|thanked|praised|hosted|welcomed)\s+(?:[A-Z][\w.-]*\s+){0,3}$"
)

SAYING: Final = Pattern(r"\b(?:saying|stating|adding|noting|declaring)(?: that)?\s*[:,]?\s*$")
DESCRIPTION: Final = lazy(
    # "the Japanese foreign minister", "Pakistan's foreign minister".
    r"\b(?:(?:the|his|her) |(?=[A-Z][a-z]+['\u2019]s [a-z]))((?:[A-Z][\w.]+(?:['\u2019]s)? )?"
    r"(?:[a-z-]+ ){0,3}"
    r"(?:minister|leader|president|premier|chancellor|secretary|spokesperson|spokesman|pm|"
    r"spokeswoman|envoy|ambassador))\b",
    re.IGNORECASE,
)
COLLECTIVE: Final = lazy(
    r"\b(?:the (?:two )?(?:[A-Z]?\w+ )?(?:leaders|ministers|sides|governments|heads)|they|"
    r"both (?:sides|leaders))\b",
    re.IGNORECASE,
)
#: A document the sides issue together: "the declaration", "the joint communique".
DOC_SPEAKS: Final = lazy(r"^according|\b(?:said|says|reads|read|stated|states|noted|added)$")
JOINT_DOC: Final = lazy(r"\b(?:joint|declaration|communiqu)", re.IGNORECASE)
NAMED_DOC: Final = lazy(
    r"\b(?:(?i:joint (?:press |media |final )?(?:statement|communiqu[e\u00e9]))|"
    r"(?:[A-Z][\w-]*|final|joint|summit) (?i:declaration))\b"
)
IN_HIS_VIEW: Final = lazy(r"\s*(?:In|To)\s+(his|her)\s+(?:view|words|mind|opinion),?\s*")
AND_COUNTERPART: Final = lazy(r"\s+and\s+(?:(?:his|her|the)\s+)?(?:[\w-]+\s+){0,3}")
INSTITUTION: Final = lazy(
    r"(?:(?:the|a|an) )?(?:[A-Z][\w.'-]* )*(?i:ministry|foreign office|white house|kremlin|"
    r"embassy|presidency|presidential office|secretariat)\b(?: of(?: [A-Z][\w.'-]*| the)+)?"
)
NAME_START: Final = lazy(r"\b[A-Z][a-z]+ [A-Z]")
PAIR: Final = lazy(r"^\W*(?:[A-Z][\w.'-]*\s)*?[A-Z][\w.'-]* and (?:[A-Z][\w.'-]*\s?)+")
#: After an outlet's tag, the one it gives the words to: "reported, citing Xi as saying".
CITING: Final = lazy(r"\s+(?:\w+ly\s+)?\w+,?\s+(?:citing|quoting)\s+")
#: The other of the two who met: "his counterpart", "her Japanese counterpart".
COUNTERPART: Final = lazy(r"(?i:his|her|the|their)\s+(?:[A-Z][\w-]*\s+)?(?i:counterpart)")
#: A word of meeting, in the sentence that says who met whom.
MEETING: Final = lazy(
    r"\b(?:met|meets|meeting with|held talks|talks with|hosted|hosts|received|welcomed|"
    r"spoke (?:with|to|by phone)|phone call with|call with)\b"
)
#: A clause of the subject's words after a comma: ", calling her “...”", ", describing it as".
PARTICIPLE: Final = lazy(
    r",\s+(?:calling|describing|terming|dubbing|saying|adding|noting|stressing|declaring)\b"
    r"[^,;:\"\u201c\u201d]*$"
)


def tag_after(text: str, start: int, end: int) -> bool:
    """Whether the words after a closing mark, to the end of its sentence, are a tag
    naming a speaker: a capitalised word, then a speech verb, in the next twenty words."""
    words = [m.group() for m in WORDS.finditer(text, start, end)][:20]
    for k, word in enumerate(words):
        if is_verb(word) and any(w[:1].isupper() for w in words[:k]):
            return True
    return False
