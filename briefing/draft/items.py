"""Commitments, discussions and events: each a sentence of the source, read by its verb.

A sentence is a commitment when a commitment verb (briefing.draft.lexicon, outcomes) has
a side for its subject: a country, "both sides", "the leaders", "they", "we",
a person, or the declaration itself. Its kind follows the verb that comes
first, and a future timeline turns an agreement into a plan ("agreed to
convene ... early this year"). Verbs of shared views ("stressed the importance
of", "discussed", "exchanged views on") make discussions instead, and so do the
items of a bulleted list after a sentence that discusses; calls, visits,
talks and signings make events. The timeline is kept in the source's words.
"""

from __future__ import annotations

import bisect
import re
from typing import Final, NamedTuple

from briefing.draft.document import Document, Sentence, lazy
from briefing.draft.lexicon import (
    CAPITAL_OF,
    COMMITMENT_VERBS,
    DISCUSSION_VERBS,
    EVENT_VERBS,
    UNDERTAKINGS,
    find_countries,
)
from briefing.draft.outcomes import (
    AS_BEFORE,
    CHROME,
    CONDITION,
    CONTEXT,
    FULL_STOP,
    INFINITIVE_AND,
    MORE_COMMITMENT_VERBS,
    PRESENT,
    TEXT_ISSUED,
)
from briefing.draft.people import Cast
from briefing.draft.regex import Pattern

_KIND_ORDER: Final = ("reaffirmation", "confirmation", "interest", "decision", "plan")
_VERBS: Final = tuple(
    (
        kind,
        Pattern(
            r"\b(?:"
            + "|".join(COMMITMENT_VERBS[kind] + MORE_COMMITMENT_VERBS.get(kind, ()))
            + r")\b",
            re.IGNORECASE,
        ),
    )
    for kind in _KIND_ORDER
)
_DISCUSS: Final = Pattern(r"\b(?:" + "|".join(DISCUSSION_VERBS) + r")\b", re.IGNORECASE)
_EVENT: Final = Pattern(r"\b(?:" + "|".join(EVENT_VERBS) + r")", re.IGNORECASE)
_SIGNING: Final = Pattern(r"\b(?:signed|signing of|inked)\b", re.IGNORECASE)
_SIDES: Final = Pattern(
    r"\b(?:both (?:sides|nations|countries|governments|leaders|ministers|parties)|"
    r"(?:the|these|those) (?:two )?(?:\w+ )?(?:sides|nations|countries|governments|leaders|"
    r"ministers|officials|"
    r"parties|partners)|"
    r"(?:the )?(?:\w+ )?(?:presidents|prime ministers|heads of (?:state|government)|participants|"
    r"signatories|attendees|delegates)|leaders|both|the (?:two|three|four)(?: (?:\w+ )?\w+)?|"
    r"the (?:\w+ )?(?:side|president|prime minister|premier|chancellor|(?:foreign )?minister|"
    r"secretary(?: of state)?)|"
    r"officials|diplomats|delegations?|(?:the )?authorities|they|we|our|"
    r"the (?:\w+ )?(?:dialogue|meeting|summit|talks)|"
    r"the (?:\w+ )?(?:declaration|agreement|statement|government)|"
    r"\w+(?:'s|\u2019s) (?:joint )?(?:declaration|agreement|statement|communiqu\w+|roadmap)|"
    r"those (?:taking part|present|attending)|the (?:\w+ )?(?:forum|bloc|grouping)|"
    r"member (?:states|countries|nations)|"
    r"there was)\b",
    re.IGNORECASE,
)
_CAPITAL: Final = lazy(r"\b(?:" + "|".join(CAPITAL_OF) + r")\b")
#: Words that, right before "will" or "would", name who will act.
_SIDE_WORDS: Final = frozenset(
    {"side", "sides", "country", "nations", "countries", "government", "governments", "leaders",
     "ministers", "officials", "they", "we", "he", "she", "delegation", "delegations", "forces",
     "military", "militaries", "navies", "armies", "companies", "firms", "ministries", "agencies",
     "diplomats", "envoys", "negotiators", "teams", "parties", "partners", "authorities",
     "forum", "bloc", "commission", "committee", "mechanism", "states", "members"}
)  # fmt: skip
_PLANNED: Final = Pattern(r"(?:will|would|is|are)(?: due)?(?: to)? be |would see", re.IGNORECASE)
_MODAL: Final = Pattern(r"^(?:will|would|shall|are to|is to)\b", re.IGNORECASE)
_NEGATED: Final = Pattern(
    r"\b(?:not|never|no longer|failed to|refused to|declined to)\b", re.IGNORECASE
)
#: What makes a sentence about a commitment not one: a condition, a doubt, someone else's
#: claim, or a plan that belongs to the past ("had planned").
_HEDGED: Final = Pattern(
    r"^(?:if|unless|whether)\b|\b(?:whether|if|unless|would consider|accused|alleged|allegedly"
    r"|criticis\w+|criticiz\w+|denied|had (?:planned|agreed|decided|pledged|signed|hoped|wanted"
    r"|intended|promised|vowed|sought))\b",
    re.IGNORECASE,
)
#: "said he had signed": the past of reported speech, not a plan given up.
_REPORTED: Final = Pattern(
    r"\b(?:said|says|announced|told \w+)(?: on \w+)?(?: that)? (?:(?:he|she|they|it|we|the \w+)"
    r"(?: and (?:his |her |the )?(?:\w+ )?[A-Z][\w-]+)?|both \w+|the two \w+)\s*$",
    re.IGNORECASE,
)
#: A time long before any meeting: what happened then is background. The present century
#: is a time of the past only in its early years ("for the 21st century" looks ahead).
_CENTURY: Final = Pattern(
    r"\b(?:(?:in|since|during) the (?:early |late |mid-)?(?:1?\d|20)(?:st|nd|rd|th) centur"
    r"(?:y|ies)|(?:in|since|during) the early 21st century|(?:centuries|decades|a century) ago)\b",
    re.IGNORECASE,
)
#: A verb right after a quotation and its comma introduces it ("...," assured the President).
_SPEECH_TAG: Final = Pattern(r"(?:[,.!?]['\u2019]?[\"\u201d]|[\"\u201d],)\s+$")
#: A past participle after a comma, with no object of its own, describes a thing ("the
#: format, established in 1991"); with one it goes on with the sentence ("met on Monday,
#: signed five deals").
_PARTICIPLE: Final = Pattern(r"(?:established|launched|adopted|signed|set up|founded)$")
_NO_OBJECT: Final = Pattern(
    r"\s*(?:[,.;:)]|$|(?:in|by|between|among|under|at|on|during|after|before|since|as|with|"
    r"for|to)\b)",
    re.IGNORECASE,
)
#: A document described by what was done with it: "the agreements that we have signed".
_DESCRIBED: Final = Pattern(
    r"\b(?:agreements?|deals?|documents?|accords?|MoUs?|memorand\w+) (?:that|which) "
    r"(?:\w+ ){1,2}(?:\w+ )?$",
    re.IGNORECASE,
)
#: An office or its spokesperson named as the one quoted ("...," the MEA said).
_BY_OFFICE: Final = Pattern(
    r"\b(?:spokes(?:man|woman|person)|ministry|MEA|foreign office)\b", re.IGNORECASE
)
#: A relative clause tells about the thing agreed, not a second undertaking.
_RELATIVE: Final = Pattern(r",\s*(?:\w+\s+)?(?:whose|which|who)\b")
_PASSIVE: Final = Pattern(
    r"\b(?:is|are|was|were|will be|would be|has been|have been|had been)\s+(?:being\s+)?"
    r"(?:(?:also|further|formally|officially|jointly)\s+)?(?:endorsed|approved|signed|launched|"
    r"opened|taken up|established|set up|adopted|concluded|reached|drawn up|ratified|announced|"
    r"unveiled)\b",
    re.IGNORECASE,
)
_MONTHS: Final = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_NUMBER: Final = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|few)"
TIMELINE: Final = Pattern(
    r"\b(?:"
    r"(?:early|earlier|later|late|mid|by the end of|the end of|end of|before the end of)"
    r" (?:this|next|the) (?:year|decade|month)"
    r"|(?:in|by|before|within|during|over|for) (?:the )?(?:first|second|latter|next|coming|"
    r"following|past) (?:half|quarter|"
    + _NUMBER
    + r" (?:years?|months?|weeks?)|months|years|weeks)"
    r"(?: of (?:\d{4}|this year|next year|the year))?"
    r"|(?:in|by|before|until|from) (?:early |mid-|late |the end of )?(?:" + _MONTHS + r")?"
    r" ?(?:\d{4})(?:-\d{2,4})?"
    r"|(?:in|by|before|until) (?:early |mid-|late )?(?:" + _MONTHS + r")(?! \d{1,2}\b)"
    r"|(?:this|next) (?:fiscal|financial) year|next year|this year"
    r"|(?:in|by|before|during) (?:the )?(?:early |late )?(?:spring|summer|autumn|fall|winter)"
    r"(?: of \d{4}| of next year| of this year)?"
    r"|(?:next|this|by next|in next) (?:" + _MONTHS + r")"
    r"|within (?:the )?(?:coming )?(?:months|weeks|days|years)"
    r"|(?:next|this|later this|early next|by next) (?:week|month|quarter)"
    r"|at the next (?:meeting|summit|round)"
    r"|(?:within|in) (?:" + _NUMBER + r") (?:years?|months?|weeks?|days?)"
    r")\b",
    re.IGNORECASE,
)

#: A year that dates a past act: an opening "In 1922," or a document named by its year
#: ("the 1998 accord") that the act made. Before the meeting's year it is background.
_YEAR: Final = r"(?:1[89]|20)\d\d"
_OPENING_YEAR: Final = Pattern(
    r"(?:back |earlier |later )?in (?:early |late |mid-)?(?:(?:\d{1,2} )?(?:"
    + _MONTHS
    + r")(?: \d{1,2})?,? )?"
    + _YEAR
    + r"(?=,|\s+(?:the\s+)?[A-Z])",  # "In 2019, Kenya ...", "In 2019 Kenya ..."
    re.IGNORECASE,
)
_DATED_DOCUMENT: Final = Pattern(
    r"\b" + _YEAR + r"(?:-\d{2,4})? (?:[\w-]+ ){0,3}?(?:accords?|agreements?|treaty|treaties|"
    r"deals?|declarations?|pacts?|communiqu\w*|charter|protocols?|memorand\w+|MoUs?|"
    r"conventions?|frameworks?)\b"
)
_CREATED: Final = Pattern(r"(?:signed|inked|adopted|concluded|reached|ratified)$", re.IGNORECASE)


class Found(NamedTuple):
    #: "commitment", "discussion" or "event".
    what: str
    sentence: Sentence
    kind: str | None
    #: Where the verb that decided it starts and ends.
    verb: tuple[int, int]
    timeline: str | None
    #: The words of the subject, for the parties.
    subject: str
    #: Whether the sentence is inside a quotation.
    quoted: bool
    review: str | None


def country_names(words: str) -> list[str]:
    """The countries named in WORDS, in order."""
    found: list[str] = []
    for _, _, name in find_countries(words):
        if name not in found:
            found.append(name)
    return found


def country_names_all(words: str) -> list[str]:
    """Every mention of a country in WORDS, repeats kept."""
    return [name for _, _, name in find_countries(words)]


def _has_side(subject: str, cast: Cast, start: int, verb: int) -> bool:
    return bool(
        find_countries(subject)
        or _SIDES.search(subject)
        or cast.mentions_in(start, verb)
        or _CAPITAL().search(subject)
    ) or bool(re.search(r"\b(?:he|she|who)\b", subject, re.IGNORECASE))


def _candidates(text: str, start: int, end: int) -> list[tuple[str, re.Match[str]]]:
    """Every commitment verb between START and END, in the order they are printed."""
    found = [
        (kind, match) for kind, pattern in _VERBS for match in pattern.finditer(text, start, end)
    ]
    order = {kind: n for n, kind in enumerate(_KIND_ORDER)}
    return sorted(found, key=lambda c: (c[1].start(), order[c[0]]))


def _modal_side(text: str, start: int, match: re.Match[str], cast: Cast) -> bool:
    """A modal plan needs its side right before it: "the two sides will", "India would"."""
    before = text[start : match.start()].rstrip()
    before = re.sub(r"\s+(?:also|then|now|soon|jointly)$", "", before)
    last = re.search(r"([\w.'\u2019-]+)$", before)
    if last is None:
        return False
    word = last.group(1)
    if word == "who" and re.search(r"[A-Z][\w.'-]*, who$", before):
        return True  # "Mr Albanese, who will attend ..."
    if cast.mentions_in(start + last.start(1) - 40, start + len(before) + 1):
        mention = cast.mentions_in(start, start + len(before) + 1)
        if mention and mention[-1].end >= start + len(before) - 1:
            return True
    tail = before[-40:].removesuffix("'s").removesuffix("\u2019s")
    named = find_countries(tail)
    return bool(
        find_countries(word.removesuffix("'s").removesuffix("\u2019s"))
        or (named and named[-1][1] == len(tail))  # "New Zealand will": a name of two words
        or word.casefold() in _SIDE_WORDS
        or _CAPITAL().search(before[-15:])  # "Cairo and Amman will": the capitals' governments
    )


def _commitment(
    doc: Document, cast: Cast, sentence: Sentence, quotes: list[tuple[int, int]]
) -> list[Found]:
    """The commitments a sentence makes: the first verb whose side acts, and a second of
    another kind after a comma ("Mr Albanese, who will attend ..., said the countries share
    an ambition to ...")."""
    text = doc.text
    candidates = _candidates(text, sentence.start, sentence.end)
    if len(candidates) > 1 and re.match(r"announced that", candidates[0][1].group()):
        # "announced that a ceasefire had been reached": what was announced is the outcome.
        candidates = candidates[1:] + candidates[:1]
    if not candidates:
        passive = _PASSIVE.search(text, sentence.start, sentence.end)
        if passive and _quote_at(passive.start(), quotes) is not None:
            candidates = [("decision", passive)]
    made: list[Found] = []
    for kind, match in candidates:
        if made and (
            kind == made[0].kind
            or match.start() < made[0].verb[1]
            or "," not in text[made[0].verb[1] : match.start()]
            or _RELATIVE.search(text, made[0].verb[1], match.start())
        ):
            continue
        found = _read_commitment(doc, cast, sentence, quotes, kind, match)
        if found is not None:
            made.append(found)
            if len(made) == 2:
                break
    return made


def _read_commitment(
    doc: Document,
    cast: Cast,
    sentence: Sentence,
    quotes: list[tuple[int, int]],
    kind: str,
    match: re.Match[str],
) -> Found | None:
    text = doc.text
    quote = _quote_at(match.start(), quotes)
    quoted = quote is not None
    clause = text[match.start() : sentence.end]
    if _NEGATED.search(text[max(sentence.start, match.start() - 12) : match.end() + 5]):
        return None
    if _hedged(text, sentence.start, match.end()) or CONDITION.search(
        text, match.end(), sentence.end
    ):
        return None
    if re.match(r"(?:would|could)\b", match.group(), re.IGNORECASE) and re.search(
        r"\bif\b", text[match.end() : sentence.end], re.IGNORECASE
    ):
        return None  # "Egypt would agree to talks if ...": the conditional mood
    if _not_undertaking(text, sentence, match):
        return None
    if PRESENT.match(match.group()) and (
        not FULL_STOP.search(text, sentence.start, sentence.end)
        or INFINITIVE_AND.search(text, sentence.start, match.start())
    ):
        # "China, Japan agree to boost ties": a headline's present, not a statement's; "an
        # occasion to share views and agree on cooperation": an infinitive, not an act.
        return None
    subject = text[sentence.start : match.start()]  # the words that say who acts
    # "will be held", "would see": what is planned is the subject, not who plans it.
    planned = _PLANNED.match(match.group()) is not None
    if (
        _MODAL.match(match.group())
        and not planned
        and not _modal_side(text, sentence.start, match, cast)
    ):
        return None
    if quoted:
        # "We have agreed to open a route," Ruto said: the speaker's words, kept as a quote;
        # an outcome is what the report itself states.
        return None
    if quote and _BY_OFFICE.search(text, quote[1], sentence.end):
        return None  # "...," the ministry said: an office's account, not the leaders' words
    # "there was agreement", "The visit saw the signing of": the outcome is the subject.
    carries_subject = re.match(
        r"there was|it (?:was|has been|is)|produced|saw|sees|marked|included|featured|culminated|"
        r"concluded with",
        match.group(),
        re.IGNORECASE,
    )
    is_passive = planned or (kind == "decision" and _PASSIVE.match(match.group()) is not None)
    if not (carries_subject or is_passive) and not _has_side(
        subject, cast, sentence.start, match.start()
    ):
        return None
    timeline_match = TIMELINE.search(clause)
    timeline = timeline_match.group() if timeline_match else None
    review = f"check the kind: read from '{match.group()}'"
    if kind == "decision" and timeline and re.match(r"agree", match.group(), re.IGNORECASE):
        kind = "plan"
        review = f"check the kind: a plan, from '{match.group()}' with '{timeline}'"
    if kind == "decision" and timeline is None:
        # Told after the plan's timeline, so that a dated past act stays a decision, which
        # the drafter drops as background when its year is before the meeting's.
        timeline = _dated(text, sentence, match)
    return Found(
        "commitment",
        sentence,
        kind,
        (match.start(), match.end()),
        timeline,
        subject,
        quoted,
        review,
    )


def _dated(text: str, sentence: Sentence, match: re.Match[str]) -> str | None:
    """The words that date a past act: "In 1922, Britain and Ireland restored ...", "The
    1998 accord was signed ...", "signed the 2015 accord"; None for a present or a future."""
    verb = match.group()
    if re.match(r"(?:are|is|has|have|come)\b", verb, re.IGNORECASE):
        return None  # "are launching", "have set": told as of now
    opening = _OPENING_YEAR.match(text, sentence.start, match.start())
    if opening:
        return opening.group()
    if re.match(r"(?:was|were|had been)\b", verb, re.IGNORECASE):
        document = _DATED_DOCUMENT.search(text, sentence.start, match.start())
    elif _CREATED.search(verb):
        article = re.compile(r"\s+(?:the |an? )?").match(text, match.end())
        document = _DATED_DOCUMENT.match(text, article.end()) if article else None
    else:
        return None
    return document.group()[:4] if document else None


def _hedged(text: str, start: int, end: int) -> bool:
    """A condition, a doubt or a past plan; "said he had signed" is only reported speech."""
    for hedge in _HEDGED.finditer(text, start, end):
        reported = hedge.group().startswith("had ") and _REPORTED.search(text, start, hedge.start())
        if not reported:
            return True
    return False


def _not_undertaking(text: str, sentence: Sentence, match: re.Match[str]) -> bool:
    """Whether the verb, read in its place, makes no undertaking."""
    verb = match.group()
    after = text[match.end() : match.end() + 40]
    if (
        re.match(r"agree", verb)
        and re.match(
            r"(?:,\s*\w+,)? (?:that|with)\b| on (?:an? |the )(?:\w+ )?(?:need|importance|"
            r"significance)\b",
            after,
        )
        and not _AGREED_ACT.match(text, match.end(), sentence.end)
    ):
        return True  # "agreed that terrorism is a threat", "agreed on the importance of"
    if _PAST_BEFORE.search(text[sentence.start : match.start()]):
        return True  # "Last year, the two countries signed ...": background
    before = text[sentence.start : match.start()]
    if _SPEECH_TAG.search(before):
        return True  # "...," assured the Congolese President: it says who spoke
    if _BELIEF.search(before) and re.match(r"(?:will|would|shall)\b", verb, re.IGNORECASE):
        return True  # "expressed confidence that Thailand will continue to": a belief, no plan
    if (
        _PARTICIPLE.match(verb)
        and before.rstrip().endswith(",")
        and _NO_OBJECT.match(text, match.end(), sentence.end)
    ):
        return True  # "the Weimar Triangle format, established between the three countries"
    if re.match(r"jointly (?:issued|published|released)", verb) and not TEXT_ISSUED.match(
        text, match.end()
    ):
        return True  # "jointly released a stamp": only a text they issue together is an outcome
    if _DESCRIBED.search(before):
        return True  # "the agreements that we have signed": what they are, not a new act
    if (
        _PARTICIPLE.match(verb)
        and text.startswith(" by ", match.end())
        and not _AUXILIARY.search(before)
    ):
        return True  # "the mechanisms established by the treaty": a thing, not an act
    if AS_BEFORE.search(before) or CONTEXT.search(before):
        # "progress as agreed in the agreement": an earlier act; "The talks came as Trump is
        # expected to ...", "and come ahead of a meeting where ...": what surrounds the meeting.
        return True
    if re.match(r"re-?affirm|reiterat|affirmed|confirmed", verb, re.IGNORECASE) and (
        _VIEW_THAT.match(text, match.end(), sentence.end)
        or (verb.endswith("that") and _NO_ACT.match(text, match.end(), sentence.end))
    ):
        # "reaffirmed that cooperation is vital", "affirmed that Kenya attaches importance to":
        # a view restated, not an undertaking
        return True
    if verb == "assured" and not re.search(
        r"\b(?:will|would|shall)\b|(?<!\bis )(?<!\bare )(?<!\bremains )\bto\b",
        text[match.end() : sentence.end],
    ):
        return True  # "assured that the common aim is to ...": a view, not an assurance of action
    if _EARLIER_ACT.search(text, sentence.start, match.start()):
        return True  # "after officials agreed in September to arrange a summit": before it
    clause = _CLAUSE_END.search(text, match.end(), sentence.end)
    if _PAST_TIME.search(text, match.end(), clause.start() if clause else sentence.end):
        return True  # "agreed to resume talks earlier this year": background
    return bool(_CENTURY.search(text, match.start(), sentence.end))


#: Before a verb: a clause of something done before the meeting ("after officials of the
#: three countries agreed", "since the two sides signed"), not the meeting itself ("after
#: talks the leaders agreed").
_EARLIER_ACT: Final = Pattern(
    r"\b(?:after|since|following)\s+(?!(?:the\s+|their\s+)?(?:\w+\s+)?(?:talks|meeting|summit|"
    r"discussions|negotiations|consultations)\b)(?:[\w'\u2019-]+\s+){1,6}$",
    re.IGNORECASE,
)
#: "reaffirmed that ..." with no act to come in its clause: a view restated.
_NO_ACT: Final = Pattern(
    r"(?![^.;]*\b(?:will|would|shall|to (?:continue|work|strengthen|deepen|support|promote|expand|"
    r"enhance|maintain|pursue|advance|uphold)\b))",
    re.IGNORECASE,
)
_VIEW_THAT: Final = Pattern(r"\s+that\b" + _NO_ACT.pattern, re.IGNORECASE)
#: Right before a past participle, the words that make it a verb of its own clause.
_AUXILIARY: Final = Pattern(
    r"\b(?:is|are|was|were|be|been|being|has|have|had)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
#: What makes "agreed that" or "agreed with" an undertaking, not a shared view: an act to come
#: ("agreed that the commission will meet in May") or an infinitive of an undertaking ("agreed
#: with his counterpart to hold talks").
_AGREED_ACT: Final = Pattern(
    r" that [^,.;]{1,80}?\b(?:will|would|shall|should) (?!be\b|have\b|not\b)\w+"
    r"| with [^,.;]{1,60}?\bto (?:" + "|".join(UNDERTAKINGS) + r")\b",
    re.IGNORECASE,
)
#: Before a verb: a time before the meeting, opening its sentence ("Last year, they signed") or
#: right before it ("had previously agreed"), not in a clause about something else ("the
#: leaders, who had previously met, agreed").
_PAST_BEFORE: Final = Pattern(
    r"^\s*(?:(?:back|and|but|also)\s+)?(?:last (?:year|month|week)|earlier this (?:year|month)|"
    r"in the past|previously|(?:\w+ )?(?:years|months) ago|since (?:19|20)\d\d|"
    # "In the last trilateral meeting in May, the ministers had first agreed"
    r"(?:in|at|during) (?:the|their) (?:last|previous|earlier) (?:[\w-]+ ){0,2}"
    r"(?:meeting|summit|talks|round|session|visit))\b"
    r"|\bpreviously\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: After a verb, in its clause: a time before the meeting.
_PAST_TIME: Final = Pattern(
    r"\b(?:earlier this (?:year|month|week)|last (?:year|month|week)|in the past|previously|"
    r"since (?:(?:19|20)\d\d|independence)|over the (?:past|last) (?:\w+ )?(?:years|decades))\b",
    re.IGNORECASE,
)
_CLAUSE_END: Final = Pattern(r"[,;:.]")
#: Before a modal: a belief about what will happen, not a plan ("expressed confidence that").
_BELIEF: Final = Pattern(
    r"\b(?:confiden(?:t|ce)|belie(?:f|ve[sd]?)|trust(?:s|ed)?|convinced|optimis\w+)\b"
    r"[^.;]{0,60}\bthat\b[^.;]*$",
    re.IGNORECASE,
)


_CONTINUES: Final = Pattern(r"(?:This|These|Under this|Under it|It)\b(?! is\b| was\b)")


def _second_undertaking(
    text: str, first: Found, quotes: list[tuple[int, int]] | None = None
) -> Found | None:
    """ "agreed to implement X and take Y": the second infinitive is a second commitment."""
    verb = text[first.verb[0] : first.verb[1]]
    if first.kind not in ("decision", "plan") or not verb.startswith(("agreed", "decided")):
        return None
    clause = text[first.verb[1] : first.sentence.end]
    including = re.search(r", including (\w+ing)\b", clause)
    if including:
        at = first.verb[1] + including.start(1)
        note = (first.review or "") + "; check the wording: a part ('including') of the agreement"
        return first._replace(verb=(at, at), review=note)
    for match in re.finditer(r",? and (\w+)\b", clause):
        if quotes and _quote_at(first.verb[1] + match.start(1), quotes) is not None:
            continue  # "... and ensure that our plans ...," in the speaker's words
        if match.group(1).casefold() in UNDERTAKINGS:
            at = first.verb[1] + match.start(1)
            note = (
                first.review or ""
            ) + "; check the wording: one of two undertakings joined by 'and'"
            return first._replace(verb=(at, at), review=note)
    return None


def _quote_at(offset: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation (of QUOTES, in text order) whose words hold OFFSET."""
    index = bisect.bisect_right(quotes, offset, key=lambda q: q[0]) - 1
    if index >= 0 and offset < quotes[index][1]:
        return quotes[index]
    return None


def _inside_quote(sentence: Sentence, quotes: list[tuple[int, int]]) -> bool:
    found = _quote_at(sentence.start + 1, quotes)
    return found is not None and sentence.end - 1 <= found[1] + 2


def find_items(doc: Document, cast: Cast, quotes: list[tuple[int, int]]) -> list[Found]:
    """Commitments, discussions and events of DOC, in the order of their sentences.

    QUOTES are the spans of the quotations, so that a commitment stated only
    inside one is flagged.
    """
    text = doc.text
    found: list[Found] = []
    discussing_list = False
    for sentence in doc.sentences:
        paragraph = doc.paragraphs[sentence.paragraph]
        if CHROME.match(text, paragraph.start, paragraph.end):
            continue  # "ALSO READ: Kenya, Egypt agree ...": a link to another story
        words = text[sentence.start : sentence.end]
        if paragraph.kind == "bullet" and discussing_list:
            found.append(
                Found("discussion", sentence, None, (sentence.start, sentence.start), None,
                      "", False, "check that this was discussed: an item of a list")
            )  # fmt: skip
            continue
        quoted = _inside_quote(sentence, quotes)
        made = _commitment(doc, cast, sentence, quotes)
        commitment = made[0] if made else None
        previous = found[-1] if found else None
        if (
            previous is not None
            and previous.what == "commitment"
            and previous.sentence.paragraph == sentence.paragraph
            and _CONTINUES.match(words)
        ):
            # "Under this, we will ...": the sentence goes on with the commitment before it.
            found[-1] = previous._replace(sentence=previous.sentence._replace(end=sentence.end))
            continue
        if commitment:
            found.extend(made)
            second = _second_undertaking(text, commitment, quotes)
            if second and len(made) == 1:
                found.append(second)
        discussion = _DISCUSS.search(words)
        discussing_list = bool(discussion) and words.rstrip().endswith(":")
        if discussion and not commitment and not discussing_list and not quoted:
            span = (sentence.start + discussion.start(), sentence.start + discussion.end())
            found.append(Found("discussion", sentence, None, span, None, "", False, None))
        event = _EVENT.search(words)
        signing = _SIGNING.search(words)
        if event and not quoted and (not commitment or signing):
            span = (sentence.start + event.start(), sentence.start + event.end())
            when = TIMELINE.search(words)
            found.append(
                Found(
                    "event", sentence, None, span, when.group() if when else None, "", False, None
                )
            )
    return found
