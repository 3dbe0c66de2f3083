"""More words of outcomes, beside briefing.draft.lexicon: the grammar of what meetings decide,
as diplomatic reporting and joint statements print it.

`MORE_COMMITMENT_VERBS` adds, kind by kind, to `lexicon.COMMITMENT_VERBS` (briefing.draft.items
reads both): the present tense of joint statements ("The Parties agree to", "We commit to",
"We reiterate our commitment"), passives with an adverb ("was also signed"), the impersonal
passive ("It was agreed that"), outcomes told as nouns ("The visit saw the signing of"),
wishes told as nouns ("conveyed his keenness to"), and commitments stressed in a participle
("stressing a commitment to"). `MORE_CAPITALS` adds capitals that stand for their countries as a
verb's subject ("Ankara hopes to", "Cairo and Amman will"). The patterns at the end tell
briefing.draft.items when a sentence with such a verb makes no outcome: a condition, a headline's
present tense, a reference to an earlier act ("as agreed"), the news around the meeting ("The
talks came as ..."), a link to another story ("ALSO READ:").
"""

from __future__ import annotations

import re
from typing import Final

from briefing.draft.regex import Pattern

#: A capital stands for its government as the subject of a verb ("Ankara hopes to").
MORE_CAPITALS: Final = {
    "Ankara": "Turkey", "Cairo": "Egypt", "Amman": "Jordan", "Athens": "Greece",
    "Tehran": "Iran", "Riyadh": "Saudi Arabia", "Abu Dhabi": "United Arab Emirates",
    "Doha": "Qatar", "Nairobi": "Kenya", "Pretoria": "South Africa", "Abuja": "Nigeria",
    "Addis Ababa": "Ethiopia", "Kigali": "Rwanda", "Kinshasa": "Democratic Republic of the Congo",
    "Rabat": "Morocco", "Algiers": "Algeria", "Baghdad": "Iraq", "Damascus": "Syria",
    "Islamabad": "Pakistan", "Kabul": "Afghanistan", "Dhaka": "Bangladesh", "Colombo": "Sri Lanka",
    "Kathmandu": "Nepal", "Bangkok": "Thailand", "Kuala Lumpur": "Malaysia",
    "Wellington": "New Zealand", "Ottawa": "Canada", "Brasilia": "Brazil",
    "Bras\u00edlia": "Brazil",
    "Buenos Aires": "Argentina", "Bogota": "Colombia", "Bogot\u00e1": "Colombia",
    "Caracas": "Venezuela", "Havana": "Cuba", "Rome": "Italy", "Madrid": "Spain",
    "Warsaw": "Poland", "Budapest": "Hungary", "Stockholm": "Sweden", "Oslo": "Norway",
    "Helsinki": "Finland", "Copenhagen": "Denmark", "Tallinn": "Estonia", "Vilnius": "Lithuania",
    "Minsk": "Belarus", "Astana": "Kazakhstan", "Tashkent": "Uzbekistan", "Baku": "Azerbaijan",
    "Yerevan": "Armenia", "Tbilisi": "Georgia", "Pyongyang": "North Korea",
    "Ulaanbaatar": "Mongolia",
}  # fmt: skip

#: A word after a determiner is a noun or an adjective ("its resolve to", "the approved text").
_NOT_NOUN: Final = "".join(
    rf"(?<!\b{word} )" for word in ("the", "a", "an", "its", "their", "his", "her", "our", "newly")
)
#: A verb after a modal is a possibility ("may agree to"), after "to" a purpose, after "not" a
#: refusal.
_NO_MODAL: Final = "".join(
    rf"(?<!\b{word} )" for word in ("would", "could", "may", "might", "should", "to", "not")
)

MORE_COMMITMENT_VERBS: Final[dict[str, tuple[str, ...]]] = {
    "interest": (
        # "expressed Kenya's desire to", "conveyed his keenness to": the side's wish, as a noun.
        r"expressed [\w.]+(?:'s|\u2019s) (?:\w+ )?(?:hope|desire|wish|willingness|readiness)",
        r"(?:conveyed|voiced|signall?ed|indicated)(?= [^.;]{0,80}?\b(?:his|her|its|their|"
        r"[\w.]+(?:'s|\u2019s)) (?:\w+ )?(?:keenness|eagerness|readiness|willingness|desire) to\b)",
        r"(?:keenness|eagerness|readiness|willingness) to",
        # "noted the keenness of the two countries to", "pointed out to the keenness of".
        r"(?:noted|pointed (?:out )?to|stressed|underlined|emphasi[sz]ed|affirmed) (?:the |"
        r"his |her |its |their )?(?:keenness|eagerness|readiness|willingness) (?:of|to)\b",
        # "expects the Korean side to implement the plan": a wish of what the other will do.
        r"(?:expects?|expected) (?:the |its |his |her |their )?(?:[\w-]+ ){0,2}(?:side|sides|"
        r"government|counterparts?|partners?) to",
        # An offer waits on the other side's answer: a readiness, not yet an undertaking.
        r"(?:offered|offers) to",
    ),
    "reaffirmation": (
        # The present of a joint statement: "We reiterate our commitment to ...".
        r"reiterate(?= (?:our|their|its) )",
        # A commitment stressed in a participle or in a document's words, or restated: "stressing
        # a commitment to resolve ...", "The statement emphasized their commitment to ...".
        r"(?:emphasi[sz]ed|emphasi[sz]ing|stressing|underscoring|underlining|highlighted|"
        r"highlighting|restated|restating) (?:[\w.'\u2019-]+ ){0,4}?commitment",
    ),
    "plan": (
        # The present of a joint statement ("We commit to", "The Parties undertake to") and
        # the past of a promise ("Egypt undertook to").
        r"(?=commit|pledge|undertake|undertook)"  # the word first: the checks behind it are slow
        + _NO_MODAL
        + r"(?:commit|pledge|undertake|undertakes|undertook) to\b",
        r"committed (?:themselves|itself) to",
        r"expressed (?:its |their |his |her )?(?:\w+ )?determination to",
        # What a document sets out to happen: "The declaration envisages increased trade".
        r"(?:envisag|envision|foresee)(?:s|es|ed)?\b",
        # "will also jointly explore", "is to be specifically intensified".
        r"(?:will|would|shall) (?:also |jointly |further |together )+(?!be\b|have\b|not\b)\w+",
        r"(?:is|are) expecting to (?:convene|hold|sign|meet|launch|host|conclude)\b",
        r"(?:is|are) to be \w+ly \w+ed\b",
    ),
    "decision": (
        # A plan or text prepared together: "drew up an action plan", "has been drawn up".
        r"(?:drew|draw) up (?:a|an|the|their|its)\b",
        r"(?:was|were|has been|have been) drawn up\b",
        # "by adopting a declaration"; "declarations were ratified by the members"; "The
        # declaration was announced".
        r"by (?:adopting|signing|approving|endorsing) (?:a|an|the|their)\b",
        r"(?:was|were|has been|have been) (?:ratified|announced|unveiled)\b",
        # A body or a meeting called into being: "they convened the dialogue mechanism",
        # "scheduled a meeting of the Standing Committee" (not "the scheduled meeting").
        r"(?<!was )(?<!were )(?<!been )(?:convened|scheduled) (?:a|an|the)\b",
        r"witnessed the exchange of (?:the )?(?:\w+ )?(?:agreements|memorand\w+|MoUs|documents)",
        # The impersonal passive of minutes and readouts: "It was agreed that ...".
        r"it (?:was|has been|is) (?:also )?(?:agreed|decided|resolved)",
        # The present of a joint statement: "The Parties agree to", "Both sides decide to".
        r"(?=agree|decide|resolve)"
        + _NO_MODAL
        + _NOT_NOUN
        + r"(?:agree|decide|resolve)s? (?:to|on)\b",
        r"reached (?:[\w-]+ ){1,3}?agreements?\b",  # "reached wide ranging agreements"
        r"(?=endorsed|approved)"
        + _NOT_NOUN
        + r"(?:endorsed|approved)(?= (?:a|an|the|their|its|\d+|\w+ (?:plan|agreements?)))",
        # A passive with its adverb: "A memorandum on energy was also signed".
        r"(?:was|were|has been|have been) (?:also |further |formally |officially |jointly )"
        r"(?:signed|adopted|reached|concluded|endorsed|approved)",
        r"(?:was|were|has been|have been) (?:endorsed|approved)",
        # The verbs of the press for a deal done: "struck a deal", "sealed a pact", "finalised an
        # agreement", "concluded an accord", "exchanged MoUs", each with the text it made.
        r"(?:struck|sealed|clinched|finali[sz]ed|concluded|exchanged) (?:a |an |the |their |"
        r"\d+ |two |three |four |five |several )?(?:[\w-]+ ){0,3}?(?:deals?|agreements?|pacts?|"
        r"accords?|treaty|treaties|memorand\w+|MoUs?|protocols?|negotiations|instruments)\b",
        # A body set up or a plan unveiled: "set up a joint working group", "formed a task force".
        r"(?=set|formed|created|unveiled)(?<!\bto )(?<!\bwill )(?<!\bwould )(?:set up|formed|"
        r"created|unveiled) (?:a |an |the )?(?:[\w-]+ ){0,3}?(?:commission|committee|council|group|"
        r"force|mechanism|fund|partnership|alliance|hotline|roadmap|plan|initiative|framework|"
        r"programme|program|strategy)\b",
        r"gave (?:the |their )?(?:go-ahead|green light)",
        # The outcome told after the meeting, in a participle or a purpose: "concluded their
        # meeting on Friday, agreeing to hold a new round"; "gathered here to sign the
        # Declaration"; "held their first summit and declared a new strategic partnership".
        r"(?<=, )(?:agreeing|deciding|resolving) (?:to|on)\b",
        r"\b(?:gathered|convened|assembled) (?:[\w,]+ ){0,4}?to (?:sign|adopt|launch)\b",
        r"declared (?:a|an) (?:new )?(?:[\w-]+ ){0,2}?(?:partnership|alliance|initiative|"
        r"framework|zone|roadmap)\b",
        # A task given to those who carry it out: "The leaders tasked officials to finalise".
        # After "and" it goes on with the act before it ("agreed to ... and tasked the Sherpas").
        r"(?=directed|instructed|tasked|mandated)(?<!\band )"
        r"(?:directed|instructed|tasked|mandated) (?:the |their |his |her |its )?(?:\w+ ){0,3}?"
        r"(?:officials|ministers|ministries|teams|negotiators|agencies|authorities|sherpas)\b",
        # An outcome told as a noun, the meeting its subject: "The visit saw the signing of".
        r"(?:saw|sees|marked|included|featured|culminated (?:in|with)|concluded with)"
        r" the (?:signing|adoption|launch|establishment) of",
    ),
}


# -- what makes a sentence with such a verb no outcome (briefing.draft.items) ----------

#: A condition after the verb: "will resume talks only if ...", "would agree if ...". A plain
#: "if" after an act leaves it an undertaking ("agreed to consult if a crisis arises").
CONDITION: Final = Pattern(
    r"\b(?:only if|unless|on (?:the )?condition that|provided that|(?<!for )as long as|"
    r"once (?:the|its|their|it|they|all|both))\b",
    re.IGNORECASE,
)

#: What two sides issue together as an outcome: a text.
TEXT_ISSUED: Final = Pattern(
    r" (?:a |an |the )?(?:joint )?(?:\w+ )?(?:statement|declaration|communiqu\w*|call|document|"
    r"report|text|plan|roadmap|vision|framework|guidelines)\b",
    re.IGNORECASE,
)

#: "as agreed", "as previously decided": a reference to an earlier act.
AS_BEFORE: Final = Pattern(r"\bas\s+(?:previously\s+|earlier\s+|already\s+)?$", re.IGNORECASE)

#: A news report's setting of the meeting against other events: "The talks came as ...".
CONTEXT: Final = Pattern(
    r"\b(?:comes?|came)\s+(?:\w+\s+){0,2}?(?:as|amid|ahead of|after|before)\b",
    re.IGNORECASE,
)

#: The present of a joint statement ("The Parties agree to"), which a headline shares.
PRESENT: Final = Pattern(
    r"(?:agree|decide|resolve|commit|pledge|undertake|reiterate)s?\b", re.IGNORECASE
)

#: An infinitive that a present verb may be joined to by "and".
INFINITIVE_AND: Final = Pattern(r"\bto \w+\b[^,.;]*? and $", re.IGNORECASE)

#: A sentence's closing stop: a headline has none.
FULL_STOP: Final = Pattern(r"[.!?;:][\"'\u201d\u2019)]*\s*$")

#: A label that makes a line a link to another story, not a line of this one.
CHROME: Final = Pattern(
    r"\s*(?:also read|read more|read also|more from|related(?: news| stories| articles)?|"
    r"see also|watch|must read|recommended|trending)\s*(?:[:|\u2013\u2014-]|>>)",
    re.IGNORECASE,
)
