"""Word lists that tell people's names from other capitalised words: the words that open
sentences, words for peoples and faiths, bodies, seats of government and news agencies.

Data for `briefing.draft.people`, kept apart so that the rules read on their own.
"""

from __future__ import annotations

from typing import Final

from briefing.draft.lexicon import HONORIFICS

#: Capitalised words that start sentences and clauses but are not names.
COMMON: Final = frozenset(
    """
    the a an in on at during after before besides while when where which who this that these
    those it its his her their our we they he she i you both all some many most under over
    amid with without from for by as and but or so yet if then also however meanwhile
    building referring pointing lauding addressing exchanging speaking january february
    march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday mr mrs ms dr quad g20 g7 g4 ai new north south
    east west indo-pacific asia africa europe pacific prime minister president alliance
    dialogue summit forum initiative partnership agreement department ministry institute
    council commission mechanism forces force party union declaration statement readout
    corridor programme program republic supreme member members meeting commander lanka lankan
    papua
    """.split()  # noqa: SIM905
)
PRONOUNS: Final = frozenset({"he", "she"})
#: Titles of address before a name besides the lexicon's: "H.E Amb. Mauro Vieira".
ADDRESS_TITLES: Final = HONORIFICS | frozenset(
    {
        "amb",
        "h.e",
        "h.h",
        "h.h.",
        "hon",
        "hon.",
        "rt",
        "rt.",
        "highness",
        "majesty",
        "honourable",
        "honorable",
        "excellency",
        "prof",
        "professor",
    }
)
#: Words of peoples, faiths and regions ("Sunni Arab states", "Gulf Arab"). Some are also
#: given names ("Christian Lindner"), so they rule out a name only as adjectives of a group.
GROUP_WORDS: Final = frozenset(
    """
    arab arabs sunni shia shiite muslim muslims islamic christian jewish kurdish gulf nordic
    baltic latin western eastern northern southern african asian
    """.split()  # noqa: SIM905
)
#: Peoples and faiths in the plural, never a person; and nouns of a group that those words
#: qualify ("Arab League", "Gulf states").
GROUP_PLURALS: Final = frozenset({"arabs", "muslims", "christians", "jews", "kurds", "shiites"})
GROUP_NOUNS: Final = frozenset(
    """
    state states country countries nation nations world league community communities republic
    brotherhood spring people peoples democrats democratic socialists region bloc balkans
    """.split()  # noqa: SIM905
)
#: Nouns that end the name of a body, a text or a place, not of a person ("Central
#: Committee", "UN Charter", "Prime Minister's Office", "Downing Street").
BODY_WORDS: Final = frozenset(
    """
    committee charter office house street press agency bureau palace secretariat
    organisation organization association treaty convention fund bank university college
    times post news herald tribune relations cooperation affairs court assembly congress
    senate embassy consulate group foundation centre center mission
    """.split()  # noqa: SIM905
)
#: Capitals that stand for their governments as speakers ("Kinshasa says"), besides the
#: lexicon's.
SEATS: Final = frozenset(
    """
    kinshasa kigali tehran ankara kabul islamabad riyadh cairo nairobi pretoria abuja luanda
    kampala pyongyang taipei bangkok ottawa wellington brasilia caracas havana bogota lima
    rome madrid warsaw budapest vienna prague athens stockholm oslo helsinki copenhagen
    dublin lisbon minsk tbilisi yerevan baku doha damascus baghdad beirut amman jerusalem
    algiers rabat tunis tripoli khartoum dhaka kathmandu colombo vientiane
    """.split()  # noqa: SIM905
)
#: News agencies, whose names take speech verbs as people's do ("Xinhua said").
AGENCIES: Final = frozenset(
    """
    xinhua reuters kyodo yonhap tass bernama antara pajhwok anadolu interfax ria
    """.split()  # noqa: SIM905
)
#: Words after a country's adjective that make it part of a role ("European Commission President").
INSTITUTIONS: Final = frozenset({"commission", "council", "parliament", "central", "federal"})


#: Words that make a run of capitalised words a news outlet, never a person ("Sky News
#: Arabia", "The Times of India", "Yonhap News TV"); no person's name has one.
OUTLET_WORDS: Final = frozenset(
    """
    news radio television tv broadcasting broadcaster daily gazette journal telegraph tribune
    times newspaper agency
    """.split()  # noqa: SIM905
)
#: News agencies known by a one-word name besides AGENCIES ("Sputnik reported"); names in
#: capitals ("WAM", "CCTV") are never taken for a person's anyway.
NEWS_AGENCIES: Final = frozenset({"sputnik", "ukrinform", "prensa", "belta", "kazinform"})
#: Words of a minister's portfolio, besides COMMON's, that are never a name ("Minister of
#: National Planning and Infrastructure").
PORTFOLIO_WORDS: Final = frozenset(
    """
    planning housing aviation fisheries communications technology petroleum mines works
    sports youth resources telecommunications
    """.split()  # noqa: SIM905
)
