"""Whom a text is about, sentence by sentence: the part of the speaker resolver
(`briefing.draft.speakers`) that remembers the subject of each sentence, so that "he said"
or "the minister added" in the next one can be read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from briefing.draft.describe import is_pronoun
from briefing.draft.docspeak import Speaker
from briefing.draft.regex import Pattern
from briefing.draft.speech import (
    ACTED_ON,
    ANONYMOUS,
    CLAUSE,
    COLLECTIVE,
    DESCRIPTION,
    first_verb,
)

if TYPE_CHECKING:
    from briefing.draft.docspeak import State
    from briefing.draft.document import Document
    from briefing.draft.people import Cast, Mention


#: Small words inside a title before a name: "Minister of Foreign Affairs of the Republic".
_TITLE_JOINS: Final = frozenset({"of", "the", "and", "for", "de", "da", "del"})


#: A sentence whose subject is a side or its government, not a person: "The Pakistani side
#: promised", "The Kenyan government said".
_A_SIDE_ACTS: Final = Pattern(
    r"\W*(?:[Tt]he\s+)?(?:(?!The\b)[A-Z][\w'-]*\s+){1,3}(?:side|government|ministry|delegation|"
    r"authorities|officials)\b"
)


class SubjectReader:
    """The part of the resolver that follows the subject from sentence to sentence."""

    doc: Document
    cast: Cast
    state: State

    if TYPE_CHECKING:

        def who(self, start: int, end: int, *, last: bool = True) -> Speaker | None: ...

        def _mentions(self, start: int, end: int) -> list[Mention]: ...

        def _stands_in(self, start: int, end: int, *, last: bool) -> bool: ...

        def _their_document(self, start: int, end: int) -> bool: ...

    def note_sentence(self, start: int, end: int) -> None:
        """Remember who speaks in a sentence of reported speech ("He said democratic ...")."""
        text = self.doc.text
        mentions = self.cast.mentions_in(start, end)
        for mention in mentions:
            self.state.named(mention.person)
        if self._their_document(start, end):
            return
        verb = first_verb(text, start, end)
        if verb is not None and text[start:verb].rstrip().endswith(","):
            # "Malaysia and Indonesia reached agreements, says Prime Minister Anwar.": the
            # one named after the verb spoke.
            after = self._mentions(verb, end)
            if (
                after
                and not self._mentions(start, verb)
                and len(text[verb : after[0].start].split()) <= 5
                and len(text[after[0].end : end].split()) <= 6
            ):
                self.state.spoke(Speaker("person", after[0].person, None, None))
                self.about(start, end, after[0].person)
                return
        comma = text.rfind(", ", start, verb) if verb is not None else -1
        if verb is not None and comma > start and not self._mentions(comma, verb):
            # "During his talks with Putin, the Kazakh president noted": the words after the
            # opening phrase are the subject, not the name inside it.
            speaker = self.who(comma + 2, verb)
            if speaker and speaker.kind == "person":
                self.state.spoke(speaker)
                self.about(start, end, speaker.who)
                return
        if verb is not None and self._next_to(start, verb):
            speaker = self.who(start, verb)
            if speaker and speaker.kind == "person":
                self.state.spoke(speaker)
                self.about(start, end, speaker.who)
                return
        self.about(start, end, self.subject_of(start, end))

    def about(self, start: int, end: int, subject: str | None) -> None:
        """Remember whom a sentence is about, whom it names, and who else is a clause's subject."""
        text = self.doc.text
        mentions = self._mentions(start, end)
        named = frozenset(m.person for m in self.cast.mentions_in(start, end))
        if subject is None and _A_SIDE_ACTS.match(text, start, end):
            # "The Pakistani side promised ...": a side has the floor, not the last speaker.
            self.state.named_since = True
        if subject is None and not named and not self._someone_else(start, end):
            # A sentence that names no one ("All the forum's members attended.") leaves the
            # text about whom it was: "he said" after it is still the one before's subject.
            return
        self.state.subject = subject
        self.state.mentioned = named
        sentence = self.doc.sentence_at(start)
        self.state.paragraph = sentence.paragraph if sentence is not None else -1
        self.state.rivals = frozenset(
            m.person
            for i, m in enumerate(mentions)
            if m.person != subject
            and (
                CLAUSE.search(text, start, m.start)
                or (i == 0 and len(text[start : m.start].split()) <= 3)
            )
        )

    def _someone_else(self, start: int, end: int) -> bool:
        """Whether a sentence that names no one is about some person all the same: a
        description, a pronoun or an unnamed source ("the minister", "she", "an aide")."""
        words = self.doc.text[start:end]
        people = (
            DESCRIPTION().search(words) or ANONYMOUS.search(words) or COLLECTIVE().search(words)
        )
        return bool(people) or any(is_pronoun(w) for w in words.split())

    def _next_to(self, start: int, verb: int) -> bool:
        """Whether the person last named before VERB is its subject ("Xi also said"), not
        someone named further back ("Prabowo's decision ... confirms continued ties")."""
        mentions = self._mentions(start, verb)
        if not mentions:
            return True  # a pronoun or a description: who() decides
        return len(self.doc.text[mentions[-1].end : verb].split()) <= 3

    def subject_of(self, start: int, end: int) -> str | None:
        """The first person named in a sentence, unless only as someone another speaks for."""
        mentions = self.cast.mentions_in(start, end)
        if not mentions or self._stands_in(start, end, last=False):
            return None
        first = mentions[0]
        text = self.doc.text
        # The sentence's subject: named in its first words, or after a title of capitalised
        # words ("Prime Minister of Malta, Hon. Dr. Joseph Muscat"), not "Prabowo's decision".
        before = text[start : first.start].split()
        titled = len(before) <= 8 and all(w[0].isupper() or w in _TITLE_JOINS for w in before)
        if (len(before) > 3 and not titled) or text[first.end : first.end + 1] in (
            "'",
            "\u2019",
        ):
            return None
        if first_verb(text, start, first.start) is not None or ACTED_ON.search(
            text, start, first.start
        ):
            return None  # "Mori said Sato had ...", "Novak criticised Berg": not the subject
        return first.person
