"""More groupings that meet as one side, in the form of `lexicon.GROUPINGS`: the forms the
press uses for each, and its members (as of 2025); one with an open or long membership
lists none. Kept apart from the lexicon so that it can grow without crowding it."""

from __future__ import annotations

from typing import Final

MORE_GROUPINGS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
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
