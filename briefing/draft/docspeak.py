"""Words that a document speaks, and what the speaker resolver remembers while reading.

Split out of `briefing.draft.speakers`: a quotation named with a document ("according to a
readout released by X", "the statement reads", "X said in a statement") is its issuer's;
"the statement" with no issuer of its own is the document last named.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from briefing.draft.document import Document
from briefing.draft.lexicon import country_of
from briefing.draft.people import Cast
from briefing.draft.regex import Pattern
from briefing.draft.speech import (
    ACCORDING,
    DOC_HINT,
    DOC_SAID,
    DOC_SPEAKS,
    ISSUER,
    JOINT_DOC,
    LETTERS,
    NAMED_DOC,
    is_verb,
)


class Speaker(NamedTuple):
    #: "person", "party" (a country or body speaking through a document) or "joint".
    kind: str
    #: The person's key, or the party's name ("Japan", "U.S. Defense Department").
    who: str
    #: How the source attributes the words when it is not a person speaking.
    attribution: str | None
    #: What a reviewer should check.
    review: str | None


class State:
    """What the resolver remembers while reading: the last speaker and the last document."""

    def __init__(self) -> None:
        self.last_person: str | None = None
        self.last_speaker: Speaker | None = None
        self.last_document: Speaker | None = None
        self.joint_document = False
        #: The person the sentence before is about (its first person named), if any.
        self.subject: str | None = None
        #: Whether someone other than the last speaker was named after they spoke.
        self.named_since = False
        #: Everyone the sentence before names, and those of them who are the subject of a
        #: clause of their own ("Berg thanked Petrov, and Petrov praised Berg"): with such a
        #: rival, "he" or "she" after it is not clearly the sentence's subject.
        self.mentioned: frozenset[str] = frozenset()
        self.rivals: frozenset[str] = frozenset()
        #: The paragraph of the sentence the subject was taken from.
        self.paragraph = -1

    def spoke(self, speaker: Speaker) -> None:
        self.last_speaker = speaker._replace(review=None)
        self.named_since = False
        if speaker.kind == "person":
            self.last_person = speaker.who

    def named(self, person: str) -> None:
        self.last_person = person
        last = self.last_speaker
        if last is None or last.kind != "person" or last.who != person:
            self.named_since = True

    def current(self) -> Speaker | None:
        """The last speaker, unless someone else was named since."""
        return None if self.named_since else self.last_speaker


#: A sentence that tells what the meeting's own document says: "In their declaration, ...".
_THEIR_DOCUMENT: Final = Pattern(
    r"\s*(?:In|According to) ((?:their|the) (?:joint |final )?(?:declaration|statement|"
    r"communiqu[e\u00e9]))\b",
    re.IGNORECASE,
)


class DocumentReader:
    """The part of the resolver that reads documents named with a quotation."""

    doc: Document
    cast: Cast
    state: State

    def _document(self, start: int, end: int, quoted: tuple[int, int]) -> Speaker | None:
        """The document that the sentence from START to END names as the source of the
        quotation QUOTED (its marks' span): named outside the quoted words, whose own
        "statement" or "released" is something the speaker says."""
        text = self.doc.text
        first, last = max(start, quoted[0]), min(end, quoted[1])
        sentence = text[start:first] + " " * max(0, last - first) + text[max(first, last) : end]
        according = ACCORDING().search(sentence) if "ccording" in sentence else None
        if according:
            issuer = according.group("by")
            attribution = according.group().rstrip(" .,")
            if issuer:
                name = re.sub(r"^the ", "", issuer.strip().rstrip(".,"))
                speaker = Speaker("party", name, attribution, None)
                self.state.last_document = speaker
                return speaker
            # "According to the document": a document that speaks.
            return self._earlier_document(attribution, start, end, speaks=True)
        said = DOC_SAID().search(sentence) if DOC_HINT.search(sentence) else None
        if said:
            doc_words = said.group("doc")
            attribution = said.group().strip()
            # "The statement emphasized ...", "the leaders stated in the declaration": the
            # document speaks, not one only spoken about.
            verb = LETTERS.match(sentence, said.end() + 1)
            before = LETTERS.findall(sentence, max(0, said.start() - 20), said.start())
            speaks = bool(verb and is_verb(verb.group())) or (
                said.group("the").casefold().startswith("in")
                and bool(before)
                and is_verb(before[-1])
            )
            if "joint" in doc_words.casefold():
                self.state.joint_document = True
                return Speaker("joint", "", attribution, None)
            issuer = ISSUER().search(sentence[: said.start()])
            if issuer and self._names_someone(start + issuer.start(), start + said.start()):
                # "Takal said in a statement", "Fiame Naomi Mata'afa said in a statement":
                # the person speaks (a name the issuer only ends is still theirs).
                return None
            if issuer and said.group("the").casefold().startswith("in"):
                # "India's Ministry of External Affairs said in a separate statement"
                name = issuer.group("issuer").strip()
                words = f"{issuer.group('said')} {attribution}"
                speaker = Speaker(
                    "party",
                    name,
                    words,
                    "check the speaker: the issuer of the document named before it",
                )
                self.state.last_document = speaker
                return speaker
            return self._earlier_document(attribution, start, end, speaks=speaks)
        return None

    def _names_someone(self, start: int, end: int) -> bool:
        """Whether a person's name lies in, or runs into, TEXT[start:end]."""
        return any(m.end > start for m in self.cast.mentions_in(max(0, start - 80), end))

    def _their_document(self, start: int, end: int) -> bool:
        """Whether the sentence from START to END tells what the meeting's own document says
        ("In their declaration, the four prime ministers confirmed ..."): then what follows
        unattributed is the document's, and it is taken as the last to speak."""
        told = _THEIR_DOCUMENT.match(self.doc.text, start, end)
        if told is None:
            return False
        self.state.joint_document = True
        self.state.spoke(Speaker("joint", "", told.group(1), None))
        return True

    def _earlier_document(
        self, attribution: str, start: int, end: int, *, speaks: bool = False
    ) -> Speaker | None:
        if self.state.last_document is not None:
            return self.state.last_document._replace(
                attribution=attribution,
                review="check the speaker: the document taken to be the one named earlier",
            )
        if self.state.joint_document:
            return Speaker("joint", "", attribution, None)
        # Only a document that speaks ("the declaration said"), not one spoken about.
        speaks = speaks or bool(DOC_SPEAKS().search(attribution))
        if speaks and JOINT_DOC().search(attribution):
            return Speaker("joint", "", attribution, None)
        earlier = NAMED_DOC().search(self.doc.text, 0, start)
        the_doc = r"the (?:document|text|statement|declaration|communiqu\w*)\b"
        if speaks and earlier and re.match(r"(?:according to )?" + the_doc, attribution, re.I):
            # "This is also reflected in the final declaration. ... the document says"
            return Speaker(
                "joint",
                "",
                attribution,
                "check the speaker: the document taken to be the one named before",
            )
        for word in re.findall(r"[A-Z][\w.]+", self.doc.text[start:end])[:2]:
            country = country_of(word)
            if country:
                return Speaker(
                    "party",
                    country,
                    attribution,
                    "check the speaker: the side is the sentence's subject",
                )
        return None


def named_nobody(text: str, named: tuple[int, int]) -> Speaker:
    """Words whose attribution names someone who is no participant."""
    shown = " ".join(text[named[0] : named[1]].split())
    return Speaker(
        "unknown", "", shown, f"say who said it: the attribution '{shown}' names no participant"
    )
