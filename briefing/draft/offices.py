"""Words of offices, ministries and those who speak for a person: whose side they are.

"The White House said", "India's Ministry of External Affairs said": the words are the side's
that the office names, never a person's; "Kapoor's spokesman said": not Kapoor's own. Split out
of `briefing.draft.speakers`, whose resolver reads with it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.draft.blocs import find_groupings
from briefing.draft.docspeak import Speaker
from briefing.draft.document import Document
from briefing.draft.lexicon import OFFICES, country_of
from briefing.draft.people import Cast, Mention
from briefing.draft.speech import INSTITUTION, NAME_START


class OfficeReader:
    """The part of the resolver that reads offices and those who speak for someone."""

    doc: Document
    cast: Cast

    if TYPE_CHECKING:

        def _mentions(self, start: int, end: int) -> list[Mention]: ...

        def _acronym(self, words: str) -> Speaker | None: ...

    def _speaks_for(self, person: str, words: str) -> Speaker:
        """Words of someone who speaks for PERSON ("Kapoor's spokesman", "an aide to
        Aoyama"): never PERSON's; an office ("the prime minister's office") speaks for
        PERSON's side, when the side is known."""
        shown = " ".join(words.split())
        country = self.cast.person(person).country
        if country and re.search(r"\b(?:office|ministry|government)\b", shown, re.IGNORECASE):
            return Speaker(
                "party", country, shown, "check the speaker: words of an office, given to its side"
            )
        return Speaker("unknown", "", shown, f"say who said it: '{shown}' speaks for a participant")

    def _institution(self, start: int, end: int, person: str | None) -> Speaker | None:
        """Words of an office ("the White House said", "the foreign ministry said"): its
        side if it names one, else the office, never a person."""
        words = self.doc.text[start:end]
        found = self._mentions(start, end)
        if person and not INSTITUTION().search(found[-1].text):
            return None  # a person, not an office taken for one
        match = INSTITUTION().search(words)
        if match is None and person is None:
            return self._acronym(words)
        if match is None or (person is None and NAME_START().search(words, 0, match.start())):
            return None  # "John Smith, a ministry official": someone not in the cast
        shown = " ".join(words.split())
        name = re.sub(r"^(?:the|a|an) ", "", match.group().strip(), flags=re.IGNORECASE)
        # Its side is named in its name or right before it ("Pakistan's Foreign Office"),
        # not elsewhere in the sentence ("attacks from Afghanistan, the Foreign Office said").
        clause = re.split(r"[,;:]", words[: match.start()])[-1].split()[-3:]
        near = " ".join([*clause, match.group()])
        countries = (country_of(w) for w in re.findall(r"[A-Z][\w.]+", near))
        country = next((c for c in countries if c), None)
        if country is None:
            # A seat of government ("the Kremlin"), or a grouping's office ("the ASEAN
            # Secretariat"); "the ministry said", "the Foreign Office said": which side's,
            # the words do not say.
            country = OFFICES.get(name) or next(iter(find_groupings(near)), None)
        if country is None:
            return Speaker("unknown", "", shown, f"say who said it: '{shown}' names no side")
        return Speaker(
            "party",
            country,
            shown,
            "check the speaker: words of an office, given to its side",
        )
