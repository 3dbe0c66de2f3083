"""Who said each quotation: attribution patterns, a small resolver for pronouns and descriptions.

In order, a quotation's speaker is:

1. a document named with it ("according to a readout released by the U.S.
   Defense Department", "the statement reads", "said in a joint statement"):
   its issuer. "The statement" with no issuer of its own is the document last
   named, or else the side the sentence is about ("Japan also expressed ...");
2. the subject of a speech verb right after it (`"...," Jaishankar said`,
   `"...," said Leyen`, `"...," he explained`) or right before it
   (`Hayashi added: "..."`, `Kamikawa said, "..."`, `..., stating that "..."`);
3. for a quotation inside a sentence, the speaker of a quotation closed
   earlier in that sentence with nobody named since ("...," he said, hailing
   it as a "landmark meeting"), the person named before it in that sentence
   (of several, the one a speech verb follows; "In his view," is the person
   the sentence before was about), or the speaker of a speech verb later in it;
4. for a quotation standing alone, the speaker of the quotation just before it
   in the same paragraph, or else the last person who spoke.

Pronouns ("he", "she") are whom the sentence before was about, else the last
speaker if nobody else was named since; descriptions ("the Polish PM") are the
person whose role and country fit (see phrases), "his counterpart" the other of
the two who met. An aside between a name and its verb ("Kovac, who succeeded
Petrov, said") does not speak; a name set off by commas ("the president of the
Commission, Ursula von der Leyen, said") does. A quotation that runs on into
paragraphs opening with a mark is said by whom the one that closes it names; an
outlet's tag (`"...," Tass reported`) names nobody, unless it cites someone.
Words of an office ("the White House said") go to the office or its side, never
to a person; unclear is left unidentified: "he" when two people lead clauses of the sentence
before, "the president" or "his counterpart" when it names the other one too.
Two people named together ("Marcos and Kishida"), "the leaders" and "they"
after a joint statement speak jointly. A short quotation (three words or fewer)
inside a sentence is kept only when one person says it: otherwise it is a scare
quote, not speech. One of six words or more is somebody's words even when
nobody is found to say it, and is kept, unidentified.
"""

from __future__ import annotations

import bisect
import re
from typing import Final, NamedTuple

from briefing.draft.describe import is_pronoun
from briefing.draft.docspeak import DocumentReader, Speaker, State, named_nobody
from briefing.draft.document import Document
from briefing.draft.offices import OfficeReader
from briefing.draft.people import Cast, Mention
from briefing.draft.phrases import NAME, PhraseReader
from briefing.draft.quotes import Quoted, tagged
from briefing.draft.regex import Pattern
from briefing.draft.speech import (
    ACTED_ON,
    AND_COUNTERPART,
    ANONYMOUS,
    CITING,
    COLLECTIVE,
    COUNTERPART,
    DESCRIPTION,
    GROUP_SPEECH,
    IN_HIS_VIEW,
    LETTERS,
    OWNED,
    PAIR,
    PARTICIPLE,
    SAYING,
    SPEAKS_FOR,
    first_verb,
    is_verb,
    speaker_after,
    speaker_before,
    tag_after,
)
from briefing.draft.subjects import SubjectReader

#: A name in the possessive: "Marcos's concerns".
POSSESSIVE: Final = Pattern("['\u2019](?:s\\b|(?=\\s)|$)")

#: An opening mark (after white space), and a closing one.
_OPENS: Final = Pattern('\\s*["\u201c\u201e\u00ab]')
_CLOSES: Final = Pattern('["\u201d\u00bb]')

#: Words from which a quotation inside a sentence is speech even with no speaker found.
_SAID_WORDS: Final = 6


class Attributed(NamedTuple):
    quote: Quoted
    speaker: Speaker | None
    #: The sentence that frames it, as a span.
    context: tuple[int, int]


def _sentence_span(doc: Document, offset: int) -> tuple[int, int]:
    sentence = doc.sentence_at(offset)
    if sentence is None:
        # Between paragraphs (a quotation run on into the next one): the next paragraph.
        paragraph = next((p for p in doc.paragraphs if offset <= p.end), doc.paragraphs[-1])
        return paragraph.start, paragraph.end
    return sentence.start, sentence.end


class Resolver(DocumentReader, PhraseReader, OfficeReader, SubjectReader):
    def __init__(self, doc: Document, cast: Cast) -> None:
        self.doc = doc
        self.cast = cast
        self.state = State()
        self.chairs = None
        self.sexes = None

    # -- who a span of words is -------------------------------------------------

    def _mentions(self, start: int, end: int) -> list[Mention]:
        """The people named in TEXT[start:end] who could be speaking: not one named in the
        possessive ("shared Marcos's concerns"), unless someone speaks for them ("Kapoor's
        spokesman")."""
        text = self.doc.text
        return [
            m
            for m in self.cast.mentions_in(start, end)
            if not (POSSESSIVE.match(text, m.end) or POSSESSIVE.search(text, m.start, m.end))
            or OWNED.match(text[m.start : end])
        ]

    def _person_in(self, start: int, end: int, *, last: bool) -> str | None:
        found = self._mentions(start, end)
        if not found:
            return None
        return (found[-1] if last else found[0]).person

    def _stands_in(self, start: int, end: int, *, last: bool) -> bool:
        """Whether the person named in TEXT[start:end] is only someone a speaker speaks for."""
        found = self._mentions(start, end) or self.cast.mentions_in(start, end)
        mention = found[-1] if last else found[0]
        text = self.doc.text
        after = text[mention.start : min(end + 1, mention.end + 60)]
        before = text[max(start, mention.start - 40) : mention.start]
        return bool(OWNED.match(after) or SPEAKS_FOR.search(before))

    def _pronoun(self, word: str, at: int) -> Speaker | None:
        """A pronoun is whom the sentence before was about, else the last speaker if nobody else
        was named since: otherwise it is not clear who. When the sentence before is about
        someone other than the last speaker and names others too, "he" or "she" could be
        either (the drafter knows no one's sex), so it is left for a person to say, unless the
        text's honorifics rule one out ("Mr Modi", then "she said"). A sentence of the same
        paragraph that names its subject alone ("Putin addressed the summit. He said ...")
        settles it: across paragraphs, the last speaker may be meant."""
        note = f"check the speaker: '{word}' taken to be " + NAME
        subject, last = self.state.subject, self.state.last_speaker
        if subject is not None:
            rival = next(iter(sorted(self.state.rivals)), None)
            if rival is not None:
                # "Berg thanked Petrov, and Petrov praised Berg. “...,” he added": either.
                last = Speaker("person", rival, None, None)
            sentence = self.doc.sentence_at(at)
            here = sentence is not None and sentence.paragraph == self.state.paragraph
            alone = here and rival is None and self.state.mentioned == {subject}
            if last is not None and last.kind == "person" and last.who != subject and not alone:
                only = self._by_sex(word, (last.who, subject))
                if only is not None:
                    return Speaker("person", only, None, note + ", as the text's Mr or Ms says")
                names = " or ".join(self.cast.person(k).name for k in (last.who, subject))
                return Speaker("unknown", "", None, f"say who said it: '{word}' could be {names}")
            return Speaker("person", subject, None, note)
        current = self.state.current()
        if current is not None and current.kind == "person":
            return current._replace(review=note)
        return None

    def who(self, start: int, end: int, *, last: bool = True) -> Speaker | None:
        """The speaker the words TEXT[start:end] name, if they name one."""
        words = self.doc.text[start:end]
        person = self._person_in(start, end, last=last)
        if person and self._stands_in(start, end, last=last):
            # "Kapoor's spokesman said", "an aide to Aoyama said": not Kapoor, not Aoyama.
            return self._speaks_for(person, words)
        if person and last:
            after = self._mentions(start, end)[-1].end
            unnamed = ANONYMOUS.search(self.doc.text, after, end)
            if unnamed:
                # "After the meeting with Mr Johnson a presidential source said": the source.
                shown = " ".join(self.doc.text[after:end].split())
                return Speaker("unknown", "", shown, f"say who said it: '{shown}' names no one")
        institution = self._institution(start, end, person)
        if institution is not None:
            return institution
        if person and PAIR().match(words) and len(self.cast.mentions_in(start, end)) >= 2:
            return Speaker(
                "joint",
                "",
                None,
                "check the speaker: words of two people together, given to both sides",
            )
        if person:
            return Speaker("person", person, None, None)
        tokens = words.split()
        last_speaker = self.state.last_speaker
        if [t.casefold() for t in tokens] == ["it"] and last_speaker is not None:
            # "it noted": no person; the office or document that spoke last.
            if last_speaker.kind in ("party", "joint"):
                return last_speaker._replace(
                    review="check the speaker: 'it' taken to be the office or document before"
                )
            return None
        if (tokens and is_pronoun(tokens[-1] if last else tokens[0])) or (
            len(tokens) <= 2 and any(is_pronoun(t) for t in tokens)
        ):
            return self._pronoun(next(t for t in tokens if is_pronoun(t)), start)
        counterpart = COUNTERPART().fullmatch(words.strip())
        if counterpart:
            return self._counterpart(counterpart.group())
        described = self._described(words, start)
        phrase = DESCRIPTION().search(words)
        if described and phrase and OWNED.match(words, phrase.end()):
            # "the prime minister's office said": the office, not the prime minister.
            return self._speaks_for(described, words)
        if described:
            said = phrase.group(0) if phrase else words.strip()
            return Speaker(
                "person", described, None, f"check the speaker: '{said}' taken to be " + NAME
            )
        if COLLECTIVE().search(words):
            if (
                self.state.last_speaker
                and self.state.last_speaker.kind in ("joint", "party")
                and (words.strip().casefold() == "they")
            ):
                return self.state.last_speaker
            return Speaker(
                "joint", "", None, "check the speaker: words given to both sides together"
            )
        return None

    # -- one quotation ------------------------------------------------------------------

    def attribute(self, quote: Quoted, previous: list[Attributed]) -> Speaker | None:
        text = self.doc.text
        s_start, s_end = _sentence_span(self.doc, quote.opened)
        close = quote.closed if quote.closed >= 0 else quote.end
        _, c_end = _sentence_span(self.doc, max(close - 1, quote.start))
        document = self._document(s_start, max(c_end, s_end), (quote.opened, close))
        if document:
            # `The statement affirmed ...,” Prince Faisal added`: the person the tag names.
            # `The Tanzanian leader added, “...,” according to a statement`: the leader.
            tag = speaker_after(text, quote.closed + 1, c_end) if quote.closed >= 0 else None
            by_tag = self.who(tag[0], tag[1], last=tag[2]) if tag else None
            if by_tag is None or by_tag.kind != "person":
                lead = speaker_before(text, s_start, quote.opened)
                by_tag = self.who(*lead) if lead else None
            return by_tag if by_tag is not None and by_tag.kind == "person" else document
        # A speech verb right after the closing mark.
        named: tuple[int, int] | None = None
        if quote.closed >= 0:
            after = speaker_after(text, quote.closed + 1, c_end)
            if after:
                speaker = self.who(after[0], after[1], last=after[2])
                if speaker and speaker.kind == "party":
                    # "X claimed there was an “...”, the Foreign Office said": X's words,
                    # which the office relays.
                    relayed = self._relayed(s_start, quote.opened)
                    if relayed is not None:
                        return relayed
                if speaker:
                    return speaker
                named = (after[0], after[1])
                citing = CITING().match(text, after[1])
                cited = self.who(citing.end(), c_end, last=False) if citing else None
                if cited is not None and cited.kind == "person":
                    # `“...,” CCTV reported, citing Xi as saying`: the one the outlet cites.
                    return cited._replace(review="check the speaker: the one the report cites")
        # A speech verb (or "saying that") right before the opening mark.
        before = text[s_start : quote.opened]
        match = speaker_before(text, s_start, quote.opened)
        if match:
            speaker = self.who(*match)
            if speaker is None and text[match[0] : match[1]].strip() == "and":
                # "Yoon then evaluated that ..., and said, “...”": the sentence's subject.
                subject = self.subject_of(s_start, match[0])
                if subject is not None:
                    note = "check the speaker: taken to be the sentence's subject, " + NAME
                    return Speaker("person", subject, None, note)
            if speaker:
                return speaker
            named = named or match
        if SAYING.search(before) and match is None:
            # "..., saying:": the sentence's first person. Not when a speech verb has a
            # subject that names nobody ("After meeting Berg, a senior official said:").
            speaker = self.who(s_start, quote.opened, last=False)
            if speaker:
                return speaker
        if quote.partial and named is not None and tagged(text, quote):
            # `discussed “...,” the prime minister's office said`: the tag names its speaker,
            # in words that name no participant.
            return named_nobody(text, named)
        if quote.partial:
            return self._inside(quote, (s_start, close, c_end), previous)
        verb = first_verb(text, s_start, quote.opened)
        if named is None and verb is not None and before.rstrip().endswith(":"):
            # "Kant said the declaration focuses on: “...”": the one who said it, or nobody.
            speaker = self.who(s_start, verb)
            if speaker is not None:
                return speaker
            named = (s_start, verb)
        if named is not None:
            # The source says who spoke, in words that name no participant ("a senior
            # official said", "critics said"): never someone else who spoke before.
            return named_nobody(text, named)
        # Standing alone: the quotation before it in the paragraph, or the last speaker.
        for earlier in reversed(previous[-3:]):
            if earlier.quote.paragraph != quote.paragraph:
                break
            done = earlier.quote.closed if earlier.quote.closed >= 0 else earlier.quote.end
            # Named since (not in its tag, "said after Mr Sunak thanked him"): may be speaking.
            since = max(done, earlier.context[1])
            others = {m.person for m in self.cast.mentions_in(since, quote.opened)}
            if earlier.speaker and others - {earlier.speaker.who}:
                # “...,” Sato said. Cruz said the Philippines agreed. “...”: either of them.
                return Speaker("unknown", "", None, "say who said it: the source gives no speaker")
            if earlier.speaker:
                return earlier.speaker._replace(review=None)
        cut_off = self._cut_off(quote)
        if cut_off is not None:
            return cut_off
        if quote.closed >= 0 and tag_after(text, quote.closed + 1, c_end):
            # The sentence goes on to say who spoke, in words not read as a name: not
            # whoever spoke before, unless the words name them too.
            named_after = {m.person for m in self.cast.mentions_in(quote.closed + 1, c_end)}
            current = self.state.current()
            if current is None or current.kind != "person" or current.who not in named_after:
                return Speaker("unknown", "", None, "say who said it: the source names someone")
        current = self.state.current()
        if current is not None and current.kind == "unknown":
            # Words after words nobody was found to say: nobody is found to say these either.
            return current._replace(review="say who said it: the source gives no speaker")
        if current is not None:
            return current._replace(
                attribution=None,
                review="check the speaker: no attribution, so taken to be "
                + NAME
                + ", who spoke before",
            )
        return None

    def _relayed(self, start: int, opened: int) -> Speaker | None:
        """The person whose speech verb, before an opening mark, an office's tag relays."""
        verb = first_verb(self.doc.text, start, opened)
        if verb is None:
            return None
        speaker = self.who(start, verb)
        if speaker is None or speaker.kind != "person":
            return None
        return speaker._replace(
            review="check the speaker: words an office relays, given to " + NAME
        )

    def _cut_off(self, quote: Quoted) -> Speaker | None:
        """A quotation ended by the next opening mark ("... of this. “We suggest a ceasefire,”
        Kishida said.") lacks only its closing mark: the next one's speaker says it. So does
        one that runs on, as quotations of several paragraphs do, into paragraphs that open
        with a mark (“... the coast. ¶ “Nothing will stop us,” Berg added.): the speaker the
        first paragraph to close it names."""
        if quote.closed >= 0:
            return None
        text = self.doc.text
        paragraphs = self.doc.paragraphs
        end = paragraphs[quote.paragraph].end
        opened = _OPENS.match(text, quote.end)
        closed = _CLOSES.search(text, opened.end(), end) if opened else None
        review = "check where the quotation ends: the next one opens before it closes"
        if opened is None or opened.end() > end:
            closed, review = None, "check the speaker: the one named where the quotation goes on"
            for paragraph in paragraphs[quote.paragraph + 1 : quote.paragraph + 4]:
                opened = _OPENS.match(text, paragraph.start)
                if opened is None or opened.end() > paragraph.end:
                    break
                end = paragraph.end
                closed = _CLOSES.search(text, opened.end(), end)
                if closed is not None:
                    break
        after = speaker_after(text, closed.end(), end) if closed else None
        speaker = self.who(after[0], after[1], last=after[2]) if after else None
        opener = self.cast.mentions_in(paragraphs[quote.paragraph].start, quote.opened)
        if speaker is not None and opener and opener[0].person != speaker.who:
            # "Sato greeted Cruz. “Welcome. ¶ “Our ties are old,” Cruz said.": the one its
            # paragraph is about, or the one named where it closes.
            return Speaker("unknown", "", None, "say who said it: the source gives two speakers")
        return speaker._replace(review=review) if speaker else None

    def _inside(
        self, quote: Quoted, spans: tuple[int, int, int], previous: list[Attributed]
    ) -> Speaker | None:
        """Who says a quotation inside a sentence from START, closing at CLOSE, to END."""
        start, close, end = spans
        text = self.doc.text
        later = first_verb(text, close, end)
        spoken = first_verb(text, start, quote.opened) is not None
        tagged = re.match(r"[\W]{0,2},", text[close + 1 : close + 4]) is not None
        if later is not None and not spoken and tagged:
            # "The leaders discussed the “...”, the secretary said": the verb's subject (not
            # "an “indispensable” partner, while his counterpart said").
            speaker = self.who(close + 1, later)
            if speaker is not None:
                return speaker
        several = self._several_named(start, quote.opened, previous)
        if several is not None:
            return several
        same = self._same_sentence(quote, start, previous)
        if same is not None:
            return same
        view = IN_HIS_VIEW().fullmatch(text, start, quote.opened)
        if view is not None:
            # "In his view, “...”": the one the sentence before was about.
            return self._pronoun(view.group(1), start)
        speaker = self.who(start, quote.opened) if text[start : quote.opened].strip() else None
        if speaker is not None and speaker.kind == "person" and self._object(start, quote.opened):
            # "Marta Novak criticised Berg, calling the visit “...”": not Berg, whom the
            # sentence's subject (no participant) acts on.
            names = self.cast.person(speaker.who).name
            return Speaker("unknown", "", None, f"say who said it: {names} is only acted on")
        if speaker is None and later is not None:
            speaker = self.who(close + 1, later)
        if speaker is None and len(quote_words(self.doc, quote)) > 3:
            speaker = self.who(start, quote.opened, last=False)
        if speaker is not None and speaker.kind == "joint" and not speaker.attribution:
            words = {w.casefold() for w in LETTERS.findall(text, start, quote.opened)}
            pair = PAIR().match(text[start : quote.opened])  # "Marcos and Kishida concurred"
            if not spoken and not pair and not words & GROUP_SPEECH:
                # "They agreed to “...”": whose words these are is not said.
                return Speaker("unknown", "", None, "say who said it: the source gives no speaker")
        return speaker

    def _same_sentence(
        self, quote: Quoted, start: int, previous: list[Attributed]
    ) -> Speaker | None:
        """The speaker of a quotation earlier in the same sentence, with nobody named since
        (“...,” he said, hailing it as a “landmark meeting”)."""
        for earlier in reversed(previous[-3:]):
            done = earlier.quote.closed if earlier.quote.closed >= 0 else earlier.quote.end
            if not start <= done < quote.opened:
                continue
            named = self.cast.mentions_in(done, quote.opened)
            if earlier.speaker and earlier.speaker.kind == "person" and not named:
                return earlier.speaker._replace(review=None)
            return None
        return None

    def _several_named(self, start: int, opened: int, previous: list[Attributed]) -> Speaker | None:
        """With two people or more named before a quotation inside a sentence, the nearest is
        often the one spoken to ("Aoyama urged Kapoor to ..."): the speaker is the one a speech
        verb follows, else the speaker of a quotation earlier in the sentence, else unknown."""
        mentions = self.cast.mentions_in(start, opened)
        text = self.doc.text
        if len({m.person for m in mentions}) < 2 or PAIR().match(text[start:opened]):
            return None  # one person, or two speaking together ("Marcos and Kishida")
        other = next(m for m in mentions if m.person != mentions[0].person)
        if AND_COUNTERPART().fullmatch(text, mentions[0].end, other.start):
            # "Biden and his Mexican counterpart Lopez Obrador warned of ...": both.
            return Speaker(
                "joint",
                "",
                None,
                "check the speaker: words of two people together, given to both sides",
            )
        for mention in reversed(mentions):
            after = text[mention.end : min(opened, mention.end + 40)].split()[:3]
            spoke = any(is_verb(w.strip(",")) for w in after[:2]) or (
                after[:1] in (["has"], ["had"]) and len(after) > 1 and is_verb(after[1])
            )
            if spoke and not self._stands_in(mention.start, mention.end, last=True):
                return Speaker("person", mention.person, None, None)
        for earlier in reversed(previous[-3:]):
            if earlier.context[0] <= start < earlier.context[1] and earlier.speaker:
                return earlier.speaker._replace(review=None)
        subject = self.subject_of(start, opened)
        if subject is not None and PARTICIPLE().search(text, start, opened):
            # "Berg invited Kovac to visit, calling her “a true friend”": the clause after the
            # comma is the subject's, whoever else the sentence names.
            return Speaker(
                "person",
                subject,
                None,
                "check the speaker: the sentence's subject, whose words the clause gives",
            )
        names = ", ".join(dict.fromkeys(self.cast.person(m.person).name for m in mentions))
        return Speaker(
            "unknown", "", None, f"say who said it: several people are named before it ({names})"
        )

    def _object(self, start: int, end: int) -> bool:
        """Whether the last person named from START to END is the object of a verb ("met
        Berg", "criticised Prime Minister Berg") and the sentence's subject is not named."""
        mentions = self._mentions(start, end)
        if not mentions or self.subject_of(start, end) is not None:
            return False
        before = self.doc.text[start : mentions[-1].start]
        return bool(ACTED_ON.search(before)) and not self._mentions(start, mentions[-1].start)


def _within(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether OFFSET lies inside one of SPANS (in text order)."""
    index = bisect.bisect_right(spans, offset, key=lambda s: s[0]) - 1
    return index >= 0 and offset < spans[index][1]


def quote_words(doc: Document, quote: Quoted) -> list[str]:
    return re.findall(r"[\w'\u2019-]+", doc.text[quote.start : quote.end])


def attribute_all(doc: Document, cast: Cast, quotes: list[Quoted]) -> list[Attributed]:
    """Every quotation with its speaker, reading DOC in order."""
    resolver = Resolver(doc, cast)
    found: list[Attributed] = []
    pending = sorted(quotes, key=lambda q: q.opened)
    spans = [(q.opened, q.closed if q.closed >= 0 else q.end) for q in pending]
    next_quote = 0
    for sentence in doc.sentences:
        # Both are in text order: the quotations opening in this sentence come next.
        while next_quote < len(pending) and pending[next_quote].opened < sentence.start:
            next_quote += 1
        first = next_quote
        while next_quote < len(pending) and pending[next_quote].opened < sentence.end:
            next_quote += 1
        inside = pending[first:next_quote]
        for quote in inside:
            speaker = resolver.attribute(quote, found)
            if (
                speaker
                and quote.partial
                and len(quote_words(doc, quote)) <= 3
                and speaker.kind != "person"
                and not speaker.attribution
            ):
                speaker = None
            if speaker is None and quote.partial and len(quote_words(doc, quote)) < _SAID_WORDS:
                # A few words with nobody saying them are a term, not speech; a clause is
                # somebody's words even when the text does not say whose.
                continue
            found.append(Attributed(quote, speaker, (sentence.start, sentence.end)))
            if speaker is not None:
                resolver.state.spoke(speaker)
        if not inside:
            # A sentence inside a quotation is what a speaker said, not who speaks next.
            if not _within(sentence.start, spans):
                resolver.note_sentence(sentence.start, sentence.end)
        else:
            last_quote = inside[-1]
            end = last_quote.closed if last_quote.closed >= 0 else last_quote.end
            for mention in cast.mentions_in(sentence.start, sentence.end):
                if mention.start > end:
                    resolver.state.named(mention.person)
            spoken = found[-1].speaker if found and found[-1].quote in inside else None
            who = spoken.who if spoken is not None and spoken.kind == "person" else None
            resolver.about(sentence.start, sentence.end, who)
    return found


__all__ = ["NAME", "Attributed", "Resolver", "Speaker", "attribute_all", "quote_words"]
