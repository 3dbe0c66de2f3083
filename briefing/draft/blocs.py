"""Groupings that meet as one side: the forms the press uses for each, their members (as of
2025, and since when), and finding them in a text. Kept apart from the lexicon so that it
can grow without crowding it."""

from __future__ import annotations

from typing import Final

_MORE_GROUPINGS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "Lancang-Mekong": (("Lancang-Mekong Cooperation", "Lancang-Mekong", "Mekong-Lancang",
                        "LMC"),
                       ("China", "Cambodia", "Laos", "Myanmar", "Thailand", "Vietnam")),
    "Pacific Alliance": (("Pacific Alliance", "Alianza del Pacífico", "Alianza del Pacifico"),
                         ("Chile", "Colombia", "Mexico", "Peru")),
    "Nordic-Baltic Eight": (("Nordic-Baltic Eight", "NB8", "NB-8", "Nordic-Baltic"),
                            ("Denmark", "Estonia", "Finland", "Iceland", "Latvia", "Lithuania",
                             "Norway", "Sweden")),
    "G4": (("G4", "G-4", "Group of Four"), ("Brazil", "Germany", "India", "Japan")),
    "Visegrad Group": (("Visegrad Group", "Visegrad Four", "Visegrád Group", "V4"),
                       ("Czech Republic", "Hungary", "Poland", "Slovakia")),
    "Andean Community": (("Andean Community",), ("Bolivia", "Colombia", "Ecuador", "Peru")),
    "Bucharest Nine": (("Bucharest Nine", "Bucharest Format", "B9", "B-9"),
                       ("Bulgaria", "Czech Republic", "Estonia", "Hungary", "Latvia", "Lithuania",
                        "Poland", "Romania", "Slovakia")),
    "IORA": (("IORA", "Indian Ocean Rim Association"),
             ("Australia", "Bangladesh", "Comoros", "France", "India", "Indonesia", "Iran",
              "Kenya", "Madagascar", "Malaysia", "Maldives", "Mauritius", "Mozambique", "Oman",
              "Seychelles", "Singapore", "Somalia", "South Africa", "Sri Lanka", "Tanzania",
              "Thailand", "United Arab Emirates", "Yemen")),
    "BIMSTEC": (("BIMSTEC",),
                ("Bangladesh", "Bhutan", "India", "Myanmar", "Nepal", "Sri Lanka", "Thailand")),
    "SAARC": (("SAARC",),
              ("Afghanistan", "Bangladesh", "Bhutan", "India", "Maldives", "Nepal", "Pakistan",
               "Sri Lanka")),
    # Not "Commonwealth" alone, which opens formal names ("the Commonwealth of Australia").
    "Commonwealth": (("Commonwealth of Nations", "Commonwealth Heads of Government", "CHOGM",
                      "Commonwealth leaders", "Commonwealth countries", "Commonwealth nations",
                      "Commonwealth summit", "Commonwealth member states"), ()),
    "Commonwealth of Independent States": (("Commonwealth of Independent States", "CIS"), ()),
    "ECOWAS": (("ECOWAS", "Economic Community of West African States"), ()),
    "SADC": (("SADC", "Southern African Development Community"), ()),
    "East African Community": (("East African Community",), ()),
    "OIC": (("OIC", "Organisation of Islamic Cooperation", "Organization of Islamic Cooperation"),
            ()),
    "Organization of American States": (("Organization of American States", "OAS"), ()),
    "Caricom": (("CARICOM", "Caricom"), ()),
}  # fmt: skip


#: Groupings that meet as one side: the forms the press uses for each, and its members
#: (as of 2025). A side that is a grouping stands for its members, so that a member is
#: not a side of its own beside it; a grouping with an open or long membership lists none.
GROUPINGS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "G7": (("G7", "G-7", "Group of Seven"),
           ("United States", "United Kingdom", "France", "Germany", "Italy", "Japan", "Canada")),
    "G20": (("G20", "G-20", "Group of 20", "Group of Twenty"),
            ("Argentina", "Australia", "Brazil", "Canada", "China", "France", "Germany", "India",
             "Indonesia", "Italy", "Japan", "Mexico", "Russia", "Saudi Arabia", "South Africa",
             "South Korea", "Turkey", "United Kingdom", "United States", "European Union",
             "African Union")),
    "BRICS": (("BRICS",),
              ("Brazil", "Russia", "India", "China", "South Africa", "Egypt", "Ethiopia", "Iran",
               "United Arab Emirates", "Indonesia")),
    "ASEAN": (("ASEAN", "Asean", "Association of Southeast Asian Nations",
               "Association of South-east Asian Nations"),
              ("Brunei", "Cambodia", "Indonesia", "Laos", "Malaysia", "Myanmar", "Philippines",
               "Singapore", "Thailand", "Vietnam")),
    "GCC": (("GCC", "Gulf Cooperation Council"),
            ("Saudi Arabia", "United Arab Emirates", "Qatar", "Kuwait", "Bahrain", "Oman")),
    "Quad": (("Quad", "Quadrilateral Security Dialogue"),
             ("United States", "Japan", "Australia", "India")),
    "SCO": (("SCO", "Shanghai Cooperation Organisation", "Shanghai Cooperation Organization"),
            ("China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "India",
             "Pakistan", "Iran", "Belarus")),
    # Bolivia, a full member from 2024, is left out: the founders are every round's sides.
    "Mercosur": (("Mercosur", "MERCOSUR", "Mercosul"),
                 ("Argentina", "Brazil", "Paraguay", "Uruguay")),
    "IBSA": (("IBSA",), ("India", "Brazil", "South Africa")),
    "ACTO": (("ACTO", "Amazon Cooperation Treaty Organization"),
             ("Bolivia", "Brazil", "Colombia", "Ecuador", "Guyana", "Peru", "Suriname",
              "Venezuela")),
    "Weimar Triangle": (("Weimar Triangle",), ("France", "Germany", "Poland")),
    "AUKUS": (("AUKUS",), ("Australia", "United Kingdom", "United States")),
    "Nordic countries": (("Nordic countries", "Nordic leaders", "Nordics", "Nordic Council",
                          "Nordic Prime Ministers", "Nordic prime ministers"),
                         ("Denmark", "Finland", "Iceland", "Norway", "Sweden")),
    "Baltic states": (("Baltic states", "Baltic countries", "Baltic States", "Baltic Council",
                       "Baltic Prime Ministers", "Baltic prime ministers", "Baltic leaders"),
                      ("Estonia", "Latvia", "Lithuania")),
    "Central Asia": (("C5+1", "C5", "Central Asian countries", "Central Asian states",
                      "Central Asia"),
                     ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan")),
    "African Union": (("African Union",), ()),
    "CELAC": (("CELAC", "Community of Latin American and Caribbean States"), ()),
    "Pacific Islands Forum": (("Pacific Islands Forum",), ()),
    "Arab League": (
        ("Arab League", "League of Arab States", "Arab Summit", "Arab summit", "Arab leaders"), ()
    ),
    "NATO": (("NATO", "Nato"), ()),
    **_MORE_GROUPINGS,
}  # fmt: skip
#: Every form of a grouping, longest first (so that "C5+1" wins over "C5").
_GROUPING_FORMS: Final = sorted(
    ((f, name) for name, (forms, _) in GROUPINGS.items() for f in forms),
    key=lambda pair: -len(pair[0]),
)


def _standalone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_-") and not (after.isalnum() or after == "_")


def grouping_spans(text: str) -> list[tuple[int, int, str]]:
    """Where TEXT names a grouping: (start, end, grouping), longest form first."""
    # A substring test per form costs less than compiling one alternation of them all.
    taken: list[tuple[int, int, str]] = []
    for form, name in _GROUPING_FORMS:
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            overlaps = any(a < end and start < b for a, b, _ in taken)
            if _standalone(text, start, end) and not overlaps:
                taken.append((start, end, name))
            start = text.find(form, end)
    return taken


def find_groupings(text: str) -> list[str]:
    """The groupings TEXT names, in the order it first names them, each once."""
    at: dict[str, int] = {}
    for start, _, name in grouping_spans(text):
        at[name] = min(at.get(name, start), start)
    return sorted(at, key=at.__getitem__)


#: Members that joined a grouping after it was founded, and the year they first sat as
#: members: a meeting of an earlier year did not have them ("the SCO" of 2018 is eight).
JOINED: Final[dict[str, dict[str, int]]] = {
    "BRICS": {"South Africa": 2011, "Egypt": 2024, "Ethiopia": 2024, "Iran": 2024,
              "United Arab Emirates": 2024, "Indonesia": 2025},
    "SCO": {"India": 2017, "Pakistan": 2017, "Iran": 2023, "Belarus": 2024},
    "G20": {"African Union": 2023},
    "ASEAN": {"Vietnam": 1995, "Laos": 1997, "Myanmar": 1997, "Cambodia": 1999},
    "IORA": {"Comoros": 2012, "Somalia": 2014, "Maldives": 2018, "France": 2020},
}  # fmt: skip


def members_of(grouping: str, year: int | None = None) -> tuple[str, ...]:
    """The members of GROUPING (as of 2025), or of YEAR when it is given."""
    members = GROUPINGS.get(grouping, ((), ()))[1]
    joined = JOINED.get(grouping)
    if year is None or joined is None:
        return members
    return tuple(m for m in members if joined.get(m, 0) <= year)
