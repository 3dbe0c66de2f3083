"""Who said each quotation: attribution patterns, a small resolver for pronouns and descriptions.

In order, a quotation's speaker is:

1. a document named with it ("according to a readout released by the U.S.
   Defense Department", "the statement reads", "said in a joint statement"):
   its issuer. "The statement" with no issuer of its own is the document last
   named, or else the side the sentence is about ("Japan also expressed ...");
2. the subject of a speech verb right after it (`"...," Jaishankar said`,
   `"...," said Leyen`, `"...," he explained`) or right before it
   (`Hayashi added: "..."`, `Kamikawa said, "..."`, `..., stating that "..."`);
3. for a quotation inside a sentence, the person named before it in that
   sentence (of several, the one a speech verb follows), or the speaker of a
   speech verb later in it;
4. for a quotation standing alone, the speaker of the quotation just before it
   in the same paragraph, or else the last person who spoke.

Pronouns ("he", "she") are the last person who spoke; descriptions ("the
Indian prime minister", "the Japanese foreign minister") are the person whose
role and country fit. Two people named together ("Marcos and Kishida"), "the
leaders" and "they" after a joint statement speak jointly. A short quotation
(three words or fewer) inside a sentence is kept only when one person says it:
otherwise it is a scare quote, not speech.
"""

from __future__ import annotations

import bisect
import re
from typing import Final, NamedTuple

from briefing.draft.document import Document, lazy
from briefing.draft.lexicon import SPEECH_VERBS, country_of
from briefing.draft.people import Cast, describes, is_pronoun
from briefing.draft.quotes import Quoted


class Speaker(NamedTuple):
    #: "person", "party" (a country or body speaking through a document) or "joint".
    kind: str
    #: The person's key, or the party's name ("Japan", "U.S. Defense Department").
    who: str
    #: How the source attributes the words when it is not a person speaking.
    attribution: str | None
    #: What a reviewer should check.
    review: str | None


class Attributed(NamedTuple):
    quote: Quoted
    speaker: Speaker | None
    #: The sentence that frames it, as a span.
    context: tuple[int, int]


_VERBS: Final = SPEECH_VERBS - {"according", "read"}
_DOC_WORDS: Final = (
    r"(?:statement|readout|read-out|declaration|communiqu[e\u00e9]|press release|release|"
    r"document|report|transcript)"
)
#: A cheap look for a document's name before the full pattern is compiled.
_DOC_HINT: Final = re.compile(
    r"statement|read-?out|declaration|communiqu|release|document|report|transcript", re.IGNORECASE
)
_ACCORDING: Final = lazy(
    r"according to (?:a|an|the) (?P<doc>(?:[\w.-]+ ){0,3}?" + _DOC_WORDS + r")"
    r"(?: (?:released|issued|published|put out))?(?: by (?P<by>(?:the )?(?:[A-Z][\w.'-]*\s?)+))?"
)
_DOC_SAID: Final = lazy(
    r"(?P<the>(?i:the|a|an|in a|in the|in its|in their)) (?P<doc>(?:joint |[\w.-]+ ){0,3}?"
    + _DOC_WORDS
    + r")(?: (?:said|says|reads|read|stated|states|noted|added))?"
)
#: An organisation that says something in a document: capitalised words, then "said in".
_ISSUER: Final = lazy(
    r"(?P<issuer>(?:[A-Z][\w.\u2019'-]*(?:'s|\u2019s)? )(?:(?:of|for|and|the) |[A-Z][\w.-]* ){0,6})"
    r"(?P<said>said|says|stated)\s*$"
)
#: Someone who speaks for a person: "Kapoor's spokesman", "an aide to Aoyama".
_STAND_INS: Final = (
    r"spokes(?:man|woman|person|people)|aides?|office|sources?|officials?|advisers?|advisors?"
    r"|representatives?|counterparts?|ministry|government|camp|team|allies|ally|envoys?"
)
_OWNED: Final = re.compile(r"\S*?(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,2}?(?:" + _STAND_INS + r")\b")
_SPEAKS_FOR: Final = re.compile(
    r"\b(?:" + _STAND_INS + r")\s+(?:for|to|close to|of|from|near)\s+(?:the\s+)?$"
)
_WORDS: Final = re.compile(r"[\w.'\u2019@-]+")
_LETTERS: Final = re.compile(r"[A-Za-z]+")


def _is_verb(word: str) -> bool:
    return word.casefold().rstrip(".") in _VERBS


def _run(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Up to LIMIT words from START, each one space after the last (a comma ends the run)."""
    found: list[tuple[int, int]] = []
    for match in _WORDS.finditer(text, start, end):
        if found and text[found[-1][1] : match.start()] != " ":
            break
        if not found and match.start() != start:
            break
        found.append((match.start(), match.end()))
        if len(found) == limit:
            break
    return found


def _after(text: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """Who speaks in the words right after a closing mark: `, Jaishankar said` (the last
    person named before the verb) or `, said Leyen` (the first after it)."""
    lead = re.match(r"\s*[,.\u2014-]?\s*", text[start:end])
    at = start + (lead.end() if lead else 0)
    words = _run(text, at, end, 8)
    for k in range(1, min(len(words), 7)):
        word = text[words[k][0] : words[k][1]]
        if _is_verb(word):
            before = k - 1 if text[words[k - 1][0] : words[k - 1][1]].endswith("ly") else k
            if before >= 1:
                return words[0][0], words[before - 1][1], True
    if words and _is_verb(text[words[0][0] : words[0][1]]) and len(words) > 1:
        return words[1][0], words[min(len(words), 7) - 1][1], False
    return None


def _before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Who speaks in the words right before an opening mark: `Hayashi added:`,
    `Kamikawa said,`, `... he said that`."""
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start and text[stop - 1] in ":,":
        stop -= 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if text[max(start, stop - 5) : stop] == " that":
        stop -= 5
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text, start, stop)]
    if len(words) < 2 or words[-1][1] != stop or not _is_verb(text[words[-1][0] : stop]):
        return None
    who = words[:-1]
    if text[who[-1][0] : who[-1][1]].endswith("ly") and len(who) > 1:
        who = who[:-1]
    run = [who[-1]]
    for word in reversed(who[:-1]):
        if text[word[1] : run[0][0]] != " " or len(run) == 6:
            break
        run.insert(0, word)
    return run[0][0], run[-1][1]


def first_verb(text: str, start: int, end: int) -> int | None:
    """Where the first speech verb between START and END begins."""
    for match in _LETTERS.finditer(text, start, end):
        if match.group().casefold() in _VERBS:
            return match.start()
    return None


_SAYING: Final = re.compile(r"\b(?:saying|stating|adding|noting|declaring)(?: that)?\s*[:,]?\s*$")
_DESCRIPTION: Final = lazy(
    r"\b(?:the|his|her) ((?:[A-Z][\w.]+ )?(?:[a-z-]+ ){0,3}"
    r"(?:minister|leader|president|premier|chancellor|secretary|spokesperson|spokesman|"
    r"spokeswoman|envoy|ambassador))\b",
    re.IGNORECASE,
)
_COLLECTIVE: Final = lazy(
    r"\b(?:the (?:two )?(?:[A-Z]?\w+ )?(?:leaders|ministers|sides|governments|heads)|they|"
    r"both (?:sides|leaders))\b",
    re.IGNORECASE,
)
_PAIR: Final = lazy(r"^\W*(?:[A-Z][\w.'-]*\s)*?[A-Z][\w.'-]* and (?:[A-Z][\w.'-]*\s?)+")


class _State:
    """What the resolver remembers while reading: the last speaker and the last document."""

    def __init__(self) -> None:
        self.last_person: str | None = None
        self.last_speaker: Speaker | None = None
        self.last_document: Speaker | None = None
        self.joint_document = False


def _sentence_span(doc: Document, offset: int) -> tuple[int, int]:
    sentence = doc.sentence_at(offset)
    if sentence is None:
        paragraph = next(p for p in doc.paragraphs if p.start <= offset <= p.end)
        return paragraph.start, paragraph.end
    return sentence.start, sentence.end


class Resolver:
    def __init__(self, doc: Document, cast: Cast) -> None:
        self.doc = doc
        self.cast = cast
        self.state = _State()

    # -- who a span of words is -------------------------------------------------

    def _person_in(self, start: int, end: int, *, last: bool) -> str | None:
        found = self.cast.mentions_in(start, end)
        if not found:
            return None
        return (found[-1] if last else found[0]).person

    def _described(self, words: str, at: int) -> str | None:
        match = _DESCRIPTION().search(words)
        if not match:
            return None
        fits = [p.key for p in self.cast.people if describes(match.group(1), p)]
        # "The foreign secretary" is someone already named, not someone named later.
        named = {m.person for m in self.cast.mentions if m.start < at}
        if len(fits) > 1 and len([f for f in fits if f in named]) == 1:
            fits = [f for f in fits if f in named]
        if len(fits) == 1:
            return fits[0]
        if self.state.last_person in fits:
            return self.state.last_person
        # Someone whose role the article never gave: the description may be the only one.
        last = self.state.last_person
        if not fits and last is not None:
            person = self.cast.person(last)
            country = next((country_of(w) for w in match.group(1).split() if country_of(w)), None)
            if person.role is None and (country is None or person.country in (None, country)):
                return last
        return None

    def _stands_in(self, start: int, end: int, *, last: bool) -> bool:
        """Whether the person named in TEXT[start:end] is only someone a speaker speaks for."""
        found = self.cast.mentions_in(start, end)
        mention = found[-1] if last else found[0]
        text = self.doc.text
        after = text[mention.start : min(end + 1, mention.end + 60)]
        before = text[max(start, mention.start - 40) : mention.start]
        return bool(_OWNED.match(after) or _SPEAKS_FOR.search(before))

    def who(self, start: int, end: int, *, last: bool = True) -> Speaker | None:
        """The speaker the words TEXT[start:end] name, if they name one."""
        words = self.doc.text[start:end]
        person = self._person_in(start, end, last=last)
        if person and self._stands_in(start, end, last=last):
            # "Kapoor's spokesman said", "an aide to Aoyama said": not Kapoor, not Aoyama.
            shown = " ".join(words.split())
            return Speaker("unknown", "", shown, f"'{shown}' speaks for a participant")
        if person and _PAIR().match(words) and len(self.cast.mentions_in(start, end)) >= 2:
            return Speaker("joint", "", None, "spoken by two people together")
        if person:
            return Speaker("person", person, None, None)
        tokens = words.split()
        if (tokens and is_pronoun(tokens[-1] if last else tokens[0])) or (
            len(tokens) <= 2 and any(is_pronoun(t) for t in tokens)
        ):
            if self.state.last_speaker and self.state.last_speaker.kind == "person":
                word = next(t for t in tokens if is_pronoun(t))
                return self.state.last_speaker._replace(review=f"speaker resolved from '{word}'")
            if self.state.last_person:
                return Speaker(
                    "person", self.state.last_person, None, "speaker resolved from a pronoun"
                )
            return None
        described = self._described(words, start)
        if described:
            phrase = _DESCRIPTION().search(words)
            said = phrase.group(0) if phrase else words.strip()
            return Speaker("person", described, None, f"speaker resolved from '{said}'")
        if _COLLECTIVE().search(words):
            if (
                self.state.last_speaker
                and self.state.last_speaker.kind in ("joint", "party")
                and (words.strip().casefold() == "they")
            ):
                return self.state.last_speaker
            return Speaker("joint", "", None, "spoken by both sides together")
        return None

    # -- documents ------------------------------------------------------------------

    def _document(self, start: int, end: int) -> Speaker | None:
        text = self.doc.text
        sentence = text[start:end]
        according = _ACCORDING().search(sentence) if "according" in sentence else None
        if according:
            issuer = according.group("by")
            attribution = according.group().rstrip(" .,")
            if issuer:
                name = re.sub(r"^the ", "", issuer.strip().rstrip(".,"))
                speaker = Speaker("party", name, attribution, None)
                self.state.last_document = speaker
                return speaker
            return self._earlier_document(attribution, start, end)
        said = _DOC_SAID().search(sentence) if _DOC_HINT.search(sentence) else None
        if said:
            doc_words = said.group("doc")
            attribution = said.group().strip()
            if "joint" in doc_words.casefold():
                self.state.joint_document = True
                return Speaker("joint", "", attribution, None)
            issuer = _ISSUER().search(sentence[: said.start()])
            if (
                issuer
                and said.group("the").casefold().startswith("in")
                and not self.cast.mentions_in(start + issuer.start(), start + said.start())
            ):
                # "India's Ministry of External Affairs said in a separate statement"
                name = issuer.group("issuer").strip()
                words = f"{issuer.group('said')} {attribution}"
                speaker = Speaker("party", name, words, "issuer of the document named before it")
                self.state.last_document = speaker
                return speaker
            return self._earlier_document(attribution, start, end)
        return None

    def _earlier_document(self, attribution: str, start: int, end: int) -> Speaker | None:
        if self.state.last_document is not None:
            return self.state.last_document._replace(
                attribution=attribution, review="document taken to be the one named earlier"
            )
        if self.state.joint_document:
            return Speaker("joint", "", attribution, None)
        for word in re.findall(r"[A-Z][\w.]+", self.doc.text[start:end])[:2]:
            country = country_of(word)
            if country:
                return Speaker(
                    "party", country, attribution, "side taken from the sentence's subject"
                )
        return None

    # -- one quotation ------------------------------------------------------------------

    def attribute(self, quote: Quoted, previous: list[Attributed]) -> Speaker | None:
        text = self.doc.text
        s_start, s_end = _sentence_span(self.doc, quote.opened)
        close = quote.closed if quote.closed >= 0 else quote.end
        _, c_end = _sentence_span(self.doc, max(close - 1, quote.start))
        document = self._document(s_start, max(c_end, s_end))
        if document:
            return document
        # A speech verb right after the closing mark.
        named: tuple[int, int] | None = None
        if quote.closed >= 0:
            after = _after(text, quote.closed + 1, c_end)
            if after:
                speaker = self.who(after[0], after[1], last=after[2])
                if speaker:
                    return speaker
                named = (after[0], after[1])
        # A speech verb (or "saying that") right before the opening mark.
        before = text[s_start : quote.opened]
        match = _before(text, s_start, quote.opened)
        if match:
            speaker = self.who(*match)
            if speaker:
                return speaker
            named = named or match
        if _SAYING.search(before) or match:
            speaker = self.who(s_start, quote.opened, last=False)
            if speaker:
                return speaker
        if quote.partial:
            several = self._several_named(s_start, quote.opened, previous)
            if several is not None:
                return several
            speaker = self.who(s_start, quote.opened) if before.strip() else None
            if speaker is None:
                later = first_verb(text, close, c_end)
                if later is not None:
                    speaker = self.who(close + 1, later)
            if speaker is None and len(quote_words(self.doc, quote)) > 3:
                speaker = self.who(s_start, quote.opened, last=False)
            return speaker
        if named is not None:
            # The source says who spoke, in words that name no participant ("a senior
            # official said", "critics said"): never someone else who spoke before.
            shown = " ".join(text[named[0] : named[1]].split())
            return Speaker("unknown", "", shown, f"attribution '{shown}' names no participant")
        # Standing alone: the quotation before it in the paragraph, or the last speaker.
        for earlier in reversed(previous[-3:]):
            if earlier.quote.paragraph != quote.paragraph:
                break
            if earlier.speaker:
                return earlier.speaker._replace(review=None)
        if self.state.last_speaker:
            return self.state.last_speaker._replace(
                attribution=None, review="no attribution: speaker taken from the paragraph before"
            )
        return None

    def _several_named(self, start: int, opened: int, previous: list[Attributed]) -> Speaker | None:
        """With two people or more named before a quotation inside a sentence, the nearest is
        often the one spoken to ("Aoyama urged Kapoor to ..."): the speaker is the one a speech
        verb follows, else the speaker of a quotation earlier in the sentence, else unknown."""
        mentions = self.cast.mentions_in(start, opened)
        text = self.doc.text
        if len({m.person for m in mentions}) < 2 or _PAIR().match(text[start:opened]):
            return None  # one person, or two speaking together ("Marcos and Kishida")
        for mention in reversed(mentions):
            after = text[mention.end : min(opened, mention.end + 40)].split()[:3]
            spoke = any(_is_verb(w.strip(",")) for w in after[:2]) or (
                after[:1] in (["has"], ["had"]) and len(after) > 1 and _is_verb(after[1])
            )
            if spoke and not self._stands_in(mention.start, mention.end, last=True):
                return Speaker("person", mention.person, None, None)
        for earlier in reversed(previous[-3:]):
            if earlier.context[0] <= start < earlier.context[1] and earlier.speaker:
                return earlier.speaker._replace(review=None)
        names = ", ".join(dict.fromkeys(self.cast.person(m.person).name for m in mentions))
        return Speaker("unknown", "", None, f"several people named before it ({names})")

    def note_sentence(self, start: int, end: int) -> None:
        """Remember who speaks in a sentence of reported speech ("He said democratic ...")."""
        text = self.doc.text
        for mention in self.cast.mentions_in(start, end):
            self.state.last_person = mention.person
        verb = first_verb(text, start, end)
        if verb is not None:
            speaker = self.who(start, verb)
            if speaker and speaker.kind == "person":
                self.state.last_speaker = speaker._replace(review=None)


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
            if speaker is None and quote.partial:
                continue
            found.append(Attributed(quote, speaker, (sentence.start, sentence.end)))
            if speaker is not None:
                resolver.state.last_speaker = speaker._replace(review=None)
                if speaker.kind == "person":
                    resolver.state.last_person = speaker.who
        if not inside:
            # A sentence inside a quotation is what a speaker said, not who speaks next.
            if not _within(sentence.start, spans):
                resolver.note_sentence(sentence.start, sentence.end)
        else:
            last_quote = inside[-1]
            end = last_quote.closed if last_quote.closed >= 0 else last_quote.end
            for mention in cast.mentions_in(sentence.start, sentence.end):
                if mention.start > end:
                    resolver.state.last_person = mention.person
    return found
