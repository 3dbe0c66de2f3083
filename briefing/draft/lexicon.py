"""Word lists the drafter reads news with: speech verbs, roles, countries, commitment verbs.

They are general English and general geography, not lists made for particular
articles: every rule that uses them says which list and why (docs/draft.md).
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Final

from briefing.draft.outcomes import MORE_CAPITALS
from briefing.draft.regex import Pattern

#: Verbs that introduce reported or quoted speech, in the forms wire copy uses.
SPEECH_VERBS: Final = frozenset(
    """
    said says say saying stated states stating told tells added adds adding explained
    explains explaining noted notes noting remarked remarks declared declares declaring
    announced announces announcing asserted asserts insisted insists stressed stresses
    emphasised emphasized emphasises emphasizes underlined underlines underscored
    underscores observed observes wrote writes tweeted tweets posted posts recalled recalls
    warned warns urged urges argued argues acknowledged acknowledges affirmed affirms
    reiterated reiterates replied replies responded responds continued continues concluded
    concludes commented comments described describes called calls reads read according
    highlighted highlights mentioned mentions maintained maintains suggested suggests
    claimed claims pointed points asked asks
    """.split()  # noqa: SIM905
)


#: Words a role is made of. A role is a run of these ending in a head noun.
ROLE_HEADS: Final = frozenset(
    """
    minister ministers president presidents secretary secretaries spokesperson spokesman
    spokeswoman chancellor premier king queen prince princess emperor ambassador ambassadors
    envoy envoys counterpart counterparts leader leaders chief director governor adviser
    advisor chairman chairwoman chair chairperson commissioner representative head deputy pm
    fm mp senator general admiral official officials minister-president vice-president
    taoiseach sultan emir
    """.split()  # noqa: SIM905
)
ROLE_WORDS: Final = ROLE_HEADS | frozenset(
    """
    prime foreign external affairs defence defense home finance trade commerce industry
    economy economic state junior senior vice deputy assistant principal first national
    security cabinet chief ministry department commission council parliament parliamentary
    european union federal chief executive of for and the international development energy
    health environment climate digital science education interior justice agriculture
    transport infrastructure culture tourism labour labor treasury external minister-of
    former then acting incoming outgoing indo-pacific strategic policy joint staff armed
    forces naval navy army air force
    """.split()  # noqa: SIM905
)
#: Titles that go before a name and are not part of the role.
HONORIFICS: Final = frozenset(
    """
    mr mr. mrs mrs. ms ms. dr dr. shri smt smt. sri sir dame lord lady h.e. mx
    """.split()  # noqa: SIM905
)
#: Words between or after the parts of a name.
NAME_PARTICLES: Final = frozenset(
    """
    von van der den de del da di du le la bin binti al el ibn
    """.split()  # noqa: SIM905
)
NAME_SUFFIXES: Final = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III"})


#: Country names, the forms the press uses for them, and their adjectives.
#: name: (other names, adjectives)
_COUNTRIES: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "Afghanistan": ((), ("Afghan",)),
    "Algeria": ((), ("Algerian",)),
    "Armenia": ((), ("Armenian",)),
    "Azerbaijan": ((), ("Azerbaijani",)),
    "Bahrain": ((), ("Bahraini",)),
    "Belarus": ((), ("Belarusian",)),
    "Bulgaria": ((), ("Bulgarian",)),
    "Colombia": ((), ("Colombian",)),
    "Croatia": ((), ("Croatian",)),
    "Cuba": ((), ("Cuban",)),
    "Estonia": ((), ("Estonian",)),
    "Ethiopia": ((), ("Ethiopian",)),
    "Fiji": ((), ("Fijian",)),
    "Georgia": ((), ("Georgian",)),
    "Ghana": ((), ("Ghanaian",)),
    "Hungary": ((), ("Hungarian",)),
    "Jordan": ((), ("Jordanian",)),
    "Kazakhstan": ((), ("Kazakh",)),
    "Kuwait": ((), ("Kuwaiti",)),
    "Latvia": ((), ("Latvian",)),
    "Lebanon": ((), ("Lebanese",)),
    "Lithuania": ((), ("Lithuanian",)),
    "Morocco": ((), ("Moroccan",)),
    "Oman": ((), ("Omani",)),
    "Papua New Guinea": (("PNG",), ()),
    "Peru": ((), ("Peruvian",)),
    "Romania": ((), ("Romanian",)),
    "Serbia": ((), ("Serbian",)),
    "Slovakia": ((), ("Slovak",)),
    "Slovenia": ((), ("Slovenian",)),
    "Syria": ((), ("Syrian",)),
    "Timor-Leste": (("East Timor",), ("Timorese",)),
    "Tunisia": ((), ("Tunisian",)),
    "Uzbekistan": ((), ("Uzbek",)),
    "Venezuela": ((), ("Venezuelan",)),
    "Argentina": ((), ("Argentine", "Argentinian")),
    "Australia": ((), ("Australian",)),
    "Austria": ((), ("Austrian",)),
    "Bangladesh": ((), ("Bangladeshi",)),
    "Belgium": ((), ("Belgian",)),
    "Bhutan": ((), ("Bhutanese",)),
    "Brazil": ((), ("Brazilian",)),
    "Brunei": ((), ("Bruneian",)),
    "Cambodia": ((), ("Cambodian",)),
    "Canada": ((), ("Canadian",)),
    "Chile": ((), ("Chilean",)),
    "China": (("PRC", "Beijing"), ("Chinese",)),
    "Czech Republic": (("Czechia",), ("Czech",)),
    "Denmark": ((), ("Danish",)),
    "Egypt": ((), ("Egyptian",)),
    "European Union": (("EU", "E.U."), ("European",)),
    "Finland": ((), ("Finnish",)),
    "France": ((), ("French",)),
    "Germany": ((), ("German",)),
    "Greece": ((), ("Greek",)),
    "India": (("Bharat",), ("Indian",)),
    "Indonesia": ((), ("Indonesian",)),
    "Iran": ((), ("Iranian",)),
    "Iraq": ((), ("Iraqi",)),
    "Ireland": ((), ("Irish",)),
    "Israel": ((), ("Israeli",)),
    "Italy": ((), ("Italian",)),
    "Japan": ((), ("Japanese",)),
    "Kenya": ((), ("Kenyan",)),
    "Laos": ((), ("Lao", "Laotian")),
    "Malaysia": ((), ("Malaysian",)),
    "Maldives": (("the Maldives",), ("Maldivian",)),
    "Mexico": ((), ("Mexican",)),
    "Mongolia": ((), ("Mongolian",)),
    "Myanmar": ((), ("Myanmarese",)),
    "Nepal": ((), ("Nepali", "Nepalese")),
    "Netherlands": (("the Netherlands",), ("Dutch",)),
    "New Zealand": ((), ()),
    "Nigeria": ((), ("Nigerian",)),
    "North Korea": (("DPRK",), ("North Korean",)),
    "Norway": ((), ("Norwegian",)),
    "Pakistan": ((), ("Pakistani",)),
    "Philippines": (("the Philippines", "Manila"), ("Philippine", "Filipino")),
    "Poland": ((), ("Polish",)),
    "Portugal": ((), ("Portuguese",)),
    "Qatar": ((), ("Qatari",)),
    "Russia": (("Moscow",), ("Russian",)),
    "Saudi Arabia": ((), ("Saudi",)),
    "Singapore": ((), ("Singaporean",)),
    "South Africa": ((), ("South African",)),
    "South Korea": (("Korea", "Republic of Korea", "ROK", "Seoul"), ("South Korean", "Korean")),
    "Spain": ((), ("Spanish",)),
    "Sri Lanka": ((), ("Sri Lankan",)),
    "Sweden": ((), ("Swedish",)),
    "Switzerland": ((), ("Swiss",)),
    "Taiwan": ((), ("Taiwanese",)),
    "Thailand": ((), ("Thai",)),
    "Turkey": (("Turkiye", "Türkiye"), ("Turkish",)),
    "Ukraine": (("Kyiv",), ("Ukrainian",)),
    "United Arab Emirates": (("UAE",), ("Emirati",)),
    "United Kingdom": (("UK", "U.K.", "Britain", "Great Britain"), ("British",)),
    "United States": (
        ("US", "U.S.", "USA", "U.S.A.", "America", "Washington"),
        ("American", "U.S.", "US"),
    ),
    "Vietnam": (("Viet Nam",), ("Vietnamese",)),
    "Angola": ((), ("Angolan",)),
    "Bolivia": ((), ("Bolivian",)),
    "Botswana": ((), ("Motswana",)),
    "Cameroon": ((), ("Cameroonian",)),
    "Costa Rica": ((), ("Costa Rican",)),
    "Cyprus": ((), ("Cypriot",)),
    "Democratic Republic of the Congo": (("Democratic Republic of Congo",), ("Congolese",)),
    "Dominican Republic": ((), ("Dominican",)),
    "Ecuador": ((), ("Ecuadorian",)),
    "El Salvador": ((), ("Salvadoran",)),
    "Guatemala": ((), ("Guatemalan",)),
    "Honduras": ((), ("Honduran",)),
    "Iceland": ((), ("Icelandic",)),
    "Ivory Coast": ((), ("Ivorian",)),
    "Jamaica": ((), ("Jamaican",)),
    "Kyrgyzstan": ((), ("Kyrgyz",)),
    "Libya": ((), ("Libyan",)),
    "Luxembourg": ((), ()),
    "Madagascar": ((), ("Malagasy",)),
    "Malawi": ((), ("Malawian",)),
    "Mali": ((), ("Malian",)),
    "Malta": ((), ("Maltese",)),
    "Mauritius": ((), ("Mauritian",)),
    "Moldova": ((), ("Moldovan",)),
    "Montenegro": ((), ("Montenegrin",)),
    "Mozambique": ((), ("Mozambican",)),
    "Namibia": ((), ("Namibian",)),
    "Nicaragua": ((), ("Nicaraguan",)),
    "Niger": ((), ("Nigerien",)),
    "North Macedonia": ((), ("Macedonian",)),
    "Panama": ((), ("Panamanian",)),
    "Paraguay": ((), ("Paraguayan",)),
    "Rwanda": ((), ("Rwandan",)),
    "Senegal": ((), ("Senegalese",)),
    "Somalia": ((), ("Somali",)),
    "Sudan": ((), ("Sudanese",)),
    "South Sudan": ((), ("South Sudanese",)),
    "Tajikistan": ((), ("Tajik",)),
    "Tanzania": ((), ("Tanzanian",)),
    "Tonga": ((), ("Tongan",)),
    "Trinidad and Tobago": ((), ("Trinidadian",)),
    "Turkmenistan": ((), ("Turkmen",)),
    "Uganda": ((), ("Ugandan",)),
    "Uruguay": ((), ("Uruguayan",)),
    "Vanuatu": ((), ()),
    "Yemen": ((), ("Yemeni",)),
    "Zambia": ((), ("Zambian",)),
    "Zimbabwe": ((), ("Zimbabwean",)),
    "Samoa": ((), ("Samoan",)),
    "Solomon Islands": ((), ()),
    "Palau": ((), ("Palauan",)),
    "Kiribati": ((), ()),
    "Albania": ((), ("Albanian",)),
    "Bosnia and Herzegovina": ((), ("Bosnian",)),
    "Kosovo": ((), ("Kosovar",)),
    "Republic of the Congo": (
        ("Congo-Brazzaville", "Congo Republic", "Republic of Congo", "Congo Brazzaville"),
        (),
    ),
    "Guyana": ((), ("Guyanese",)),
    "Suriname": ((), ("Surinamese",)),
    "Greenland": ((), ("Greenlandic",)),
    "Faroe Islands": (("the Faroe Islands", "Faroes"), ("Faroese",)),
    "Åland Islands": (("Åland", "the Åland Islands", "Aland Islands"), ("Ålandic",)),
    "Nauru": ((), ("Nauruan",)),
    "Tuvalu": ((), ("Tuvaluan",)),
    "Marshall Islands": (("the Marshall Islands",), ("Marshallese",)),
    "Micronesia": ((), ("Micronesian",)),
    "Cook Islands": (("the Cook Islands",), ()),
    "Niue": ((), ()),
    "Belize": ((), ("Belizean",)),
    "Barbados": ((), ("Barbadian",)),
    "Bahamas": (("the Bahamas",), ("Bahamian",)),
    "Haiti": ((), ("Haitian",)),
    "Gabon": ((), ("Gabonese",)),
    "Chad": ((), ("Chadian",)),
    "Burkina Faso": ((), ("Burkinabe",)),
    "Sierra Leone": ((), ("Sierra Leonean",)),
    "Liberia": ((), ("Liberian",)),
    "Togo": ((), ("Togolese",)),
    "Benin": ((), ("Beninese",)),
    "Eritrea": ((), ("Eritrean",)),
    "Djibouti": ((), ()),
    "Burundi": ((), ("Burundian",)),
    "Lesotho": ((), ()),
    "Eswatini": ((), ()),
    "Gambia": (("the Gambia",), ("Gambian",)),
    "Mauritania": ((), ("Mauritanian",)),
    "Cape Verde": (("Cabo Verde",), ()),
    "Seychelles": ((), ()),
    "Comoros": (("the Comoros",), ("Comorian",)),
    "Guinea": ((), ("Guinean",)),
    "Guinea-Bissau": (("Guinea Bissau",), ("Bissau-Guinean",)),
    "Equatorial Guinea": ((), ("Equatoguinean",)),
    "Central African Republic": ((), ()),
    "Sao Tome and Principe": (("São Tomé and Príncipe", "Sao Tome"), ()),
    "Antigua and Barbuda": ((), ()),
    "Dominica": ((), ()),
    "Grenada": ((), ("Grenadian",)),
    "Saint Kitts and Nevis": (("St Kitts and Nevis", "St. Kitts and Nevis"), ()),
    "Saint Lucia": (("St Lucia", "St. Lucia"), ()),
    "Saint Vincent and the Grenadines": (
        (
            "St Vincent and the Grenadines",
            "St. Vincent and the Grenadines",
            "St Vincent",
            "St. Vincent",
        ),
        ("Vincentian",),
    ),
    "Palestine": (("State of Palestine",), ()),
    "Andorra": ((), ()),
    "Liechtenstein": ((), ()),
    "Monaco": ((), ()),
    "San Marino": ((), ()),
}

#: Capitals, which stand for their country's government as the subject of a sentence
#: ("Washington and Manila plan to ..."), though not elsewhere.
CAPITAL_OF: Final = {
    "Tokyo": "Japan", "Beijing": "China", "Washington": "United States", "Moscow": "Russia",
    "Manila": "Philippines", "Seoul": "South Korea", "Kyiv": "Ukraine", "Canberra": "Australia",
    "New Delhi": "India", "Delhi": "India", "London": "United Kingdom", "Paris": "France",
    "Berlin": "Germany", "Brussels": "European Union", "Jakarta": "Indonesia", "Hanoi": "Vietnam",
    **MORE_CAPITALS,
}  # fmt: skip
#: Capitals are not countries' names: they stand for a country only as a sentence's subject.
CAPITALS: Final = frozenset(CAPITAL_OF)


def _country_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for name, (others, adjectives) in _COUNTRIES.items():
        forms[name.casefold()] = name
        for other in (*others, *adjectives):
            if other not in CAPITALS:
                forms[other.casefold()] = name
    return forms


#: Every form of a country, folded, to its name.
COUNTRY_FORMS: Final = _country_forms()
#: Every form of a country as it is written (case counts: "US", not "us").
_EXACT: Final = {
    form: name
    for name, (others, adjectives) in _COUNTRIES.items()
    for form in (name, *others, *adjectives)
    if form not in CAPITALS
}
_LONGEST: Final = max(len(form.split()) for form in _EXACT)
_TOKEN: Final = Pattern(r"[^\W\d_](?:\w|\.(?=[A-Za-z]))*\.?")


_OUTLET: Final = Pattern(
    r" (?:News Agency|News|Times|Herald|Daily|Tribune|Gazette|Broadcasting|Television|TV)\b"
)


#: Right before an adjective of a country, words that make it a region's: "Latin American
#: and Caribbean States", "South American leaders", "the Inter-American Development Bank".
_REGION_BEFORE: Final = Pattern(r"\b(?:Latin|South|North|Central|Pan|Inter|Meso)[ -]$")


@functools.lru_cache(maxsize=256)
def find_countries(
    text: str, start: int = 0, end: int | None = None
) -> tuple[tuple[int, int, str], ...]:
    """Every country named in TEXT[start:end], as (start, end, country), longest form first.

    A form is matched as written ("US" but not "us"), possessives included ("Japan's").
    """
    stop = len(text) if end is None else end
    words = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, stop)]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST, len(words) - i), 0, -1):
            first, last = words[i], words[i + size - 1]
            if any(words[k][1] + 1 != words[k + 1][0] for k in range(i, i + size - 1)):
                continue
            form = text[first[0] : last[1]]
            name = _EXACT.get(form) or _EXACT.get(form.rstrip("."))
            if name and _OUTLET.match(text, last[1]):
                name = None  # "Kuwait News Agency", "China Daily": an outlet, not its country
            if name and _REGION_BEFORE.search(text, max(0, first[0] - 8), first[0]):
                name = None  # "Latin American", "Inter-American": a region, not the country
            if name:
                found.append((first[0], last[1], name))
                i += size
                break
        else:
            i += 1
    return tuple(found)


def country_ending(text: str, words: list[tuple[int, int]]) -> tuple[str, int] | None:
    """The longest country of two or more of WORDS (spans in TEXT) that ends with the last
    of them, the words one space apart ("Papua New Guinea" before "Prime Minister", not
    "Guinea"), and how many words it has."""
    for size in range(min(_LONGEST, len(words)), 1, -1):
        span = words[-size:]
        if any(text[a[1] : b[0]] != " " for a, b in itertools.pairwise(span)):
            continue
        found = country_of(text[span[0][0] : span[-1][1]])
        if found:
            return found, size
    return None


def in_a_sentence(name: str) -> str:
    """A country's name as a sentence puts it: "the Philippines", "Japan"."""
    others = _COUNTRIES.get(name, ((), ()))[0]
    return f"the {name}" if f"the {name}" in others else name


def country_of(word: str) -> str | None:
    """The country a name or adjective stands for ("Japanese" -> "Japan")."""
    word = word.strip().removesuffix("'s").removesuffix("\u2019s").rstrip("'\u2019")
    return COUNTRY_FORMS.get(word.casefold())


#: A participle after a determiner is an adjective ("the signed text", "a promised visit"),
#: and "pledges" after one a noun: neither is an act of the sides.
_NOT_NOUN: Final = "".join(
    rf"(?<!\b{word} )" for word in ("the", "a", "an", "its", "their", "his", "her", "our", "newly")
)

#: Verbs that make a commitment, by kind. A signed agreement is a decision. An entry led by
#: checks behind it looks at its word first ("(?=signed)"): the checks run only where it is.
COMMITMENT_VERBS: Final[dict[str, tuple[str, ...]]] = {
    "interest": (
        r"expressed (?:[\w.]+(?:'s|\u2019s) |its |their |his |her )?(?:\w+ )?interest",
        r"expressed (?:the |their |its |his |her )?(?:hope|desire|wish|willingness|readiness)",
        r"(?:is|are|was|were|remain|remains) (?:also )?(?:willing|ready|eager) to",
        r"look(?:s|ed|ing)? forward to",
        r"looked ahead to",
        r"(?:shares?|shared) (?:an? |the )?(?:ambition|desire|hope|wish)",
        r"wants? to",
        r"wanted to",
        r"(?:hopes?|hoped) to",
        r"(?:is|are|was|were) keen to",
        # "has sought to reassert": a perfect tells a course of the past, not an undertaking.
        r"(?=seek|sought)(?<!has )(?<!have )(?<!had )(?:seeks?|sought) to",
        r"(?:is|are|was|were) (?:exploring|looking into)",
        r"welcomed the (?:idea|proposal|possibility)",
    ),
    "reaffirmation": (
        # "reaffirmed the importance of": a shared view, not a reaffirmation.
        r"(?:reaffirm(?:ed|s)?|re-affirm(?:ed|s)?)"
        r"(?! the (?:\w+ )?(?:importance|need|significance|strength|value)\b)",
        # "reiterated his warning", "reiterated the need": a view restated.
        r"reiterat(?:ed|es)(?! (?:his|her|its|their|the) (?:\w+ )?(?:warnings?|calls?|concerns?|"
        r"criticism|need|importance|views?|opposition)\b)",
        r"(?<!\ba )(?<!\bthe )renew(?:ed|s)",  # not "a renewed system"
        r"recommit(?:ted|s)?",
        r"(?:confirmed|underscored|underlined|stressed|reinforced) (?:[\w.'\u2019-]+ ){0,4}?"
        r"commitment",
        r"(?:underlined|underscored|reiterated) (?:their|its|his|her) (?:\w+ )?support for",
        r"expressed (?:its |their |his |her )?(?:\w+ )?commitment",
        r"(?:is|are|remain|remains) committed to",
        r"assured",
    ),
    # "confirms": the present of a commentary ("the visit confirms Jakarta's commitment").
    "confirmation": (r"confirmed", r"affirmed that"),
    "plan": (
        r"(?:will|would|is to|are to|is due to|are due to) be (?!(?:needed|required|expected|"
        r"based|interested|concerned|pleased|delighted|aimed|focused|dedicated|committed|guided|"
        r"determined|tied|linked|related|used|affected|involved|discussed)\b)(?:\w+ed|held|"
        r"set up|built|ready|chosen|made|done|laid|taken up|given|undertaken|drawn up|begun|"
        r"sent|shown|brought|run|won|kept|put in place|put)",
        r"would see",
        r"plans? to",
        r"planned to",
        r"(?:is|are) planning",
        r"intends? to",
        r"intention to",
        # Not a traveller's itinerary ("will later fly to Berlin", "will then leave for"); a
        # trip to go on with the talks stays a plan ("will travel to Washington").
        r"(?:will|would|shall) (?!be\b|have\b|also\b|not\b|continue to be\b|"
        r"(?:later |then |soon )?(?:fly|leave|depart|head)\b)\w+",
        # "is scheduled to attend": a traveller's itinerary, not an undertaking.
        r"(?:is|are) (?:set|due|expected|scheduled|slated) to (?!(?:attend|visit|travel|fly|"
        r"arrive|depart|leave|return|meet|address|speak|stop)\b)",
        r"announced (?:that |a |an |the )",
        r"(?:is|are) to (?!be\b)\w+",
        r"proposed (?=to |that |a |an |the )",  # active; not "initiatives proposed in 2024"
        r"vow(?:ed|s|ing) to",
        # A verb of undertaking with its infinitive or object, never the adjective or the
        # noun: "described the talks as promising", "the pledges", "the promised aid".
        r"(?=pledg|promis)" + _NOT_NOUN + r"(?:pledg|promis)(?:ed|es)(?= [\w$\"\u201c])",
        r"(?:pledg|promis)ing(?= to\b)",
        r"(?<=, )(?:pledg|promis)ing(?= (?!to\b)[\w$\"\u201c])",  # "..., promising closer ties"
        r"(?:is|are|was|were) (?:also )?determined to",
        r"(?=committed)(?<!is )(?<!are )(?<!remain )(?<!remains )committed to",
    ),
    "decision": (
        r"agreed",
        r"(?:came|come) to an agreement",
        r"(?:there was|reached) (?:also )?(?:an )?agreement",
        r"produced (?:\w+ )?agreements?",
        r"(?:reached|received|achieved) (?:a |the )?consensus",
        r"(?:jointly )?(?:issued|published|released) (?:a |the )?joint (?:\w+ )?"
        r"(?:statement|declaration|call|communiqu\w*)",
        r"jointly (?:issued|published|released|adopted|signed)",
        r"restored (?:full |normal )?(?:\w+ )?(?:relations|ties)",
        r"(?:has |have )?(?:directed|instructed|tasked) (?:their|his|her|its) ",
        r"(?:was|were|has been|have been|had been) (?:signed|adopted|reached|concluded)",
        r"decided",
        r"resolved to",
        r"concurred",
        r"(?=signed)" + _NOT_NOUN + r"signed",
        r"(?=inked)" + _NOT_NOUN + r"inked",
        r"(?=launched)" + _NOT_NOUN + r"launched",
        r"(?:are|is|were) launching",
        r"(?:are|is|were) (?:also )?beginning",
        r"set (?:a|the) (?:goal|target)",
        r"have set",
        r"(?=adopted)" + _NOT_NOUN + r"adopted",
        r"(?=established)" + _NOT_NOUN + r"established",
        r"affirmed to",
        r"witnessed the signing",
        r"(?:are|is) being taken up",
    ),
}

#: Verbs that, after "and", start a second undertaking of one agreement
#: ("agreed to implement the vision ... and take strong action").
UNDERTAKINGS: Final = frozenset(
    """
    take expand launch strengthen enhance establish promote deepen hold work continue
    boost build explore develop increase advance convene set create conclude implement
    support cooperate pursue open resume accelerate address ensure facilitate improve
    intensify maintain reinforce upgrade organise organize arrange start begin step
    """.split()  # noqa: SIM905
)

#: Shared views that are not commitments; a sentence led by one is a discussion.
DISCUSSION_VERBS: Final = (
    r"discuss(?:ed|es|ing)?",
    r"exchanged (?:views|ideas|notes)",
    r"exchanging views",
    r"talked about",
    r"raised the issue",
    r"raised (?:concerns?|the matter)",
    r"reviewed",
    r"explored",
    r"focused on",
    r"deliberated",
    r"held (?:talks|discussions) on",
    r"touched (?:up)?on",
    r"(?:emphasi[sz]ed|stressed|underscored|highlighted|underlined) (?:the )?"
    r"(?:importance|need|significance|priority)",
    r"(?:emphasi[sz]ed|stressed|underlined) (?:[A-Z][\w.]*(?:'s|\u2019s)|their|its|his|her)",
    r"expressed (?:optimism|concern|confidence)",
    r"referred to",
    r"progressed",
    r"welcomed the progress",
    r"(?:are|is) working (?:on|closely)",
    r"called for",
    r"agreed on (?:an? |the )(?:\w+ )?(?:need|importance|significance)",
    r"extended (?:its|their|his|her) support",
)

#: What happens around a meeting.
EVENT_VERBS: Final = (
    r"called on",
    r"paid a (?:courtesy )?call",
    r"held talks",
    r"hosted",
    r"(?:met|meets) (?:with )?",
    r"visit(?:ed|s)?",
    r"(?:is|was) (?:on|in) (?:a |an )?(?:\w+[- ])*visit",
    r"press (?:conference|briefing|statements?)",
    r"joint (?:statement|declaration) (?:was )?(?:released|issued)",
    r"released (?:a |the )?(?:joint )?(?:statement|readout|results)",
    r"extended (?:his|her|their) (?:heartfelt )?condolences",
    r"(?:were|was) held",
    r"signing of",
    r"attended",
    r"took place",
    r"(?:told|briefed) reporters",
)


#: Seats and offices of government that stand for their country: where a host receives a
#: guest ("at Downing Street"), and whose words are the government's ("the Kremlin said").
OFFICES: Final = {
    "Downing Street": "United Kingdom", "No 10": "United Kingdom", "Number 10": "United Kingdom",
    "White House": "United States", "State Department": "United States",
    "Pentagon": "United States", "Kremlin": "Russia", "Élysée": "France",
    "Élysée Palace": "France", "Elysee": "France", "Elysee Palace": "France",
    "Quai d'Orsay": "France", "Blue House": "South Korea", "Kantei": "Japan",
    "Zhongnanhai": "China", "Malacañang": "Philippines", "Malacanang": "Philippines",
    "Malacañang Palace": "Philippines", "Malacanang Palace": "Philippines",
    "Rashtrapati Bhavan": "India", "Hyderabad House": "India", "South Block": "India",
    "Planalto": "Brazil", "Itamaraty": "Brazil", "Casa Rosada": "Argentina",
    "Los Pinos": "Mexico", "Palacio Nacional": "Mexico", "Chigi Palace": "Italy",
    "Palazzo Chigi": "Italy", "Bundeskanzleramt": "Germany",
    "Kirribilli House": "Australia", "Rideau Hall": "Canada", "Union Buildings": "South Africa",
}  # fmt: skip


def office_country(place: str) -> str | None:
    """The country whose seat of government PLACE is ("Downing Street", "the Kremlin")."""
    return OFFICES.get(re.sub(r"^(?:the|at)\s+", "", place.strip(), flags=re.IGNORECASE))
