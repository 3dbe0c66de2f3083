"""The people an article names: who they are, their roles and countries, and every mention.

A run of capitalised words is a person when a role stands before it ("Foreign
Minister S Jaishankar", "Japan's foreign ministry spokesperson Toshihiro
Kitamura", "his Japanese counterpart Toshimitsu Motegi"), when an honorific
does ("Mr Albanese"), when a speech verb follows it ("Narendra Modi has
declared", "Malcolm Davis from the Australian Strategic Policy Institute
said"), when a quotation's tag puts the verb before it (`"...," said Wang Yi`),
when a role is set off after it ("Wang Yi, director of the Office"), when it
meets, attends or is present (see nameacts), or when it is a shorter form of
someone already found ("Jaishankar", "Leyen", "Kishida Fumio"). Countries, their
adjectives, role and portfolio words and news outlets ("Sky News Arabia") are
never names. A counterpart takes the role of the person it is the counterpart
of, with the country named beside it.
"""

from __future__ import annotations

import bisect
import re
from typing import Final, NamedTuple

from briefing.draft.document import Document, slug
from briefing.draft.lexicon import (
    CAPITALS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    OFFICES,
    ROLE_HEADS,
    ROLE_WORDS,
    SPEECH_VERBS,
    country_ending,
    country_of,
)
from briefing.draft.nameacts import (
    ASIDE,
    MEETS,
    MET,
    MET_END,
    PAIRED,
    appositive_country,
    list_title,
    listed_country,
    role_after,
    said_before,
)
from briefing.draft.namewords import (
    ADDRESS_TITLES,
    AGENCIES,
    BODY_WORDS,
    COMMON,
    GROUP_NOUNS,
    GROUP_PLURALS,
    GROUP_WORDS,
    INSTITUTIONS,
    NEWS_AGENCIES,
    OUTLET_WORDS,
    PORTFOLIO_WORDS,
    SEATS,
)
from briefing.draft.regex import Pattern

_TOKEN: Final = Pattern(r"[A-Za-z@\u00c0-\u024f][\w'\u2019.\-@]*")


class Person(NamedTuple):
    key: str
    name: str
    role: str | None
    country: str | None
    #: Notes for the reviewer: how the role or the country was found.
    notes: tuple[str, ...]
    #: The key of the person this one is named as the counterpart of, if any.
    counterpart_of: str | None = None


class Mention(NamedTuple):
    start: int
    end: int
    person: str
    #: The words as printed.
    text: str


class Cast(NamedTuple):
    people: tuple[Person, ...]
    mentions: tuple[Mention, ...]
    #: Name forms used for each person (besides its name).
    forms: dict[str, tuple[str, ...]]

    def person(self, key: str) -> Person:
        return next(p for p in self.people if p.key == key)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        # Mentions are in text order: look only at those that start in the span.
        first = bisect.bisect_left(self.mentions, start, key=lambda m: m.start)
        last = bisect.bisect_left(self.mentions, end, lo=first, key=lambda m: m.start)
        return [m for m in self.mentions[first:last] if m.end <= end]


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    #: The word without a final stop (unless an initial or "Jr.") or a possessive.
    bare: str
    folded: str


_KEEPS_STOP: Final = Pattern(r"(?:[A-Z]\.)+|Jr\.|Sr\.|[A-Z][a-z]?\.")


def _token(start: int, stop: int, word: str) -> _Token:
    bare = word if word in NAME_SUFFIXES or _INITIAL.fullmatch(word) else word.rstrip(".")
    bare = bare.removesuffix("'s").removesuffix("\u2019s")
    return _Token(start, stop, word, bare, bare.casefold())


_INITIAL: Final = Pattern(r"[A-Z]\.")


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    found = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        stop = match.end()
        # A trailing stop belongs to the token only for initials, "Jr." and "U.S.".
        if word.endswith(".") and not _KEEPS_STOP.fullmatch(word):
            word = word.rstrip(".")
            stop = match.start() + len(word)
        found.append(_token(match.start(), stop, word))
    return found


def _is_name_word(token: _Token) -> bool:
    word = token.bare
    if not word or word[0] == "@" or not word[0].isupper():
        return False
    folded = token.folded
    if folded in COMMON or folded in ADDRESS_TITLES or folded in ROLE_WORDS:
        return False
    if folded in PORTFOLIO_WORDS or country_of(word):
        return False
    return not word.isupper() or len(word) <= 2


def _runs(tokens: list[_Token], text: str) -> list[tuple[int, int]]:
    """Index ranges of name-like runs: capitalised words, initials and particles."""
    runs = []
    i = 0
    while i < len(tokens):
        if not _is_name_word(tokens[i]):
            i += 1
            continue
        if i + 1 < len(tokens) and country_of(f"{tokens[i].text} {tokens[i + 1].text}"):
            i += 2  # "the United Kingdom Keir Starmer": the country is no part of the name
            continue
        j = i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1].end : tokens[j].start]
            if gap.strip():
                break
            if _is_name_word(tokens[j]) or tokens[j].text in NAME_SUFFIXES:
                j += 1
            else:
                k = j
                while k < len(tokens) and tokens[k].folded in NAME_PARTICLES:
                    k += 1
                if k > j and k < len(tokens) and _is_name_word(tokens[k]):
                    j = k + 1
                else:
                    break
        runs.append((i, j))
        i = j
    return runs


def _role_before(tokens: list[_Token], first: int, text: str) -> tuple[str | None, str | None]:
    """The role and country printed just before the name at FIRST, if any."""
    i = first - 1
    while i >= 0 and tokens[i].folded in ADDRESS_TITLES:
        i -= 1
    stop = i
    country: str | None = None
    while i >= 0:
        gap = text[tokens[i].end : tokens[i + 1].start] if i + 1 < len(tokens) else ""
        if gap.strip() not in ("", ","):
            break
        if gap.strip() == "," and any(t.folded in ROLE_HEADS for t in tokens[i + 1 : stop + 1]):
            # "their German counterparts, Foreign Minister X": the role is after the comma,
            # and the country may be before it.
            if tokens[i].folded.startswith("counterpart") and i > 0:
                country = country or country_of(tokens[i - 1].text)
            break
        folded = tokens[i].folded
        # Longer countries first: "Papua New Guinea", "North Korean", "Sri Lankan".
        longer = country_ending(text, [(t.start, t.end) for t in tokens[max(0, i - 4) : i + 1]])
        if longer is not None:
            country = country or longer[0]
            i -= longer[1]
            continue
        found = country_of(tokens[i].text)
        institution = i + 1 <= stop and tokens[i + 1].folded in INSTITUTIONS
        if found and institution:
            country = country or found
            i -= 1
            continue
        # "US Secretary of State": the country when in capitals, not the pronoun "us".
        if found and (
            tokens[i].text.endswith(("'s", "\u2019s")) or folded != "us" or tokens[i].text == "US"
        ):
            country = country or found
            i -= 1
            continue
        if (
            (folded in ROLE_WORDS and folded not in ("the", "and", "for"))
            or folded in PORTFOLIO_WORDS
            or _joins_role(tokens, i)
            or (folded == "and" and i > 0 and _portfolio(tokens[i - 1].folded))
        ):
            i -= 1
            continue
        break
    words = tokens[i + 1 : stop + 1]
    for size in (3, 2):
        if len(words) > size and country_of(" ".join(t.text for t in words[:size])):
            words = words[size:]
            break
    while words and (
        words[0].folded in ("of", "and")
        or (country_of(words[0].text) and not (len(words) > 1 and words[1].folded in INSTITUTIONS))
    ):
        words = words[1:]
    role_tokens: list[_Token] = []
    for token in words:
        if country_of(token.text) and role_tokens and role_tokens[-1].folded == "of":
            role_tokens.pop()
            break
        role_tokens.append(token)
    heads = [n for n, t in enumerate(role_tokens) if t.folded in ROLE_HEADS]
    # The role ends in its head noun, or in "of" and what the head is of ("Minister of Defense").
    if not heads or not (
        heads[-1] == len(role_tokens) - 1
        or (role_tokens[heads[-1] + 1].folded == "of" and role_tokens[-1].text[:1].isupper())
    ):
        return None, country
    role = text[role_tokens[0].start : role_tokens[-1].end].rstrip(",")
    return role, country


def _joins_role(tokens: list[_Token], i: int) -> bool:
    """Whether "for" or "the" at I is inside a role: "Minister of State for Foreign
    Affairs", "Prime Minister of the United Kingdom" (not "a dinner for Prime Minister")."""
    before = [t.folded for t in tokens[max(0, i - 2) : i]]
    if tokens[i].folded == "for":
        return bool(before) and before[-1] in ROLE_WORDS and before[-1] not in _JOINERS
    return tokens[i].folded == "the" and before[1:] == ["of"] and before[0] in ROLE_WORDS


_JOINERS: Final = frozenset({"the", "and", "for", "of"})


def _portfolio(folded: str) -> bool:
    """Whether a word can stand before "and" in a portfolio ("Planning and Infrastructure")."""
    return (folded in ROLE_WORDS and folded not in _JOINERS) or folded in PORTFOLIO_WORDS


def _speech_after(tokens: list[_Token], last: int) -> bool:
    after = [t.folded for t in tokens[last + 1 : last + 4]]
    if not after:
        return False
    if after[0] in SPEECH_VERBS or after[0] in ("has", "had", "also", "on"):
        return after[0] in SPEECH_VERBS or any(w in SPEECH_VERBS for w in after[1:])
    return False


def _acts(tokens: list[_Token], first: int, last: int, text: str) -> bool:
    """Whether the name from FIRST to LAST speaks, meets or signs, or is met."""
    rest = text[tokens[last].end : tokens[last].end + 100]
    aside = ASIDE.match(rest)
    return (
        _speech_after(tokens, last)
        or said_before(text, tokens[first].start)
        or role_after(text, tokens[last].end)
        or bool(MEETS.match(rest))
        or bool(PAIRED.match(rest))
        or bool(aside and aside.group(1).casefold() in SPEECH_VERBS)
        or bool(aside and MEETS.match(rest, aside.start(1) - 1))
        or (
            bool(MET.search(text, max(0, tokens[first].start - 20), tokens[first].start))
            and bool(MET_END.match(text, tokens[last].end))
        )
    )


class _Lookups(NamedTuple):
    """What the text says of single words, gathered once: looking a word up, not searching
    the text for it, keeps drafting time linear in the length of the article."""

    #: Words as printed, and each part of a hyphenated or possessive word.
    printed: frozenset[str]
    #: Words after "in", "at", "from", "to", "into" or "across", as places are (and each
    #: beginning of them before a hyphen, apostrophe or stop).
    placed: frozenset[str]
    #: Folded words that end a longer name or follow a title ("President Putin").
    introduced: frozenset[str]


_WORD: Final = Pattern(r"\w+(?:['\u2019.\-]\w+)*")
_PLACED: Final = Pattern(r"\b(?:in|at|from|to|into|across) (\w+(?:['\u2019.\-]\w+)*)")
_JOINT: Final = Pattern(r"['\u2019.\-]")
_OF_COUNTRY: Final = Pattern(r" of (?:the )?([A-Z][\w.]+(?: [A-Z][\w.]+)?)")


def _lookups(text: str, sentences: list[tuple[list[_Token], list[tuple[int, int]]]]) -> _Lookups:
    printed = {part for word in _WORD.findall(text) for part in [word, *_JOINT.split(word)]}
    placed = {
        word[: m.start()] if m else word
        for word in _PLACED.findall(text)
        for m in [None, *_JOINT.finditer(word)]
    }
    introduced: set[str] = set()
    for tokens, runs in sentences:
        for first, stop in runs:
            before = tokens[first - 1].folded if first > 0 else ""
            titled = before in ADDRESS_TITLES or before in ROLE_HEADS
            if (stop - first >= 2 or titled) and not _not_a_person(tokens, first, stop, text):
                introduced.add(tokens[stop - 1].folded)
    return _Lookups(frozenset(printed), frozenset(placed), frozenset(introduced))


def _mononym(tokens: list[_Token], first: int, text: str, lookups: _Lookups) -> bool:
    """Whether the word at FIRST, printed alone, can be a person's name ("Blinken"): the text
    introduces it elsewhere with a given name or a title ("Hamas said" alone is no person);
    not after a possessive, an article or a capitalised word ("India's G20 Sherpa"), never
    written in lower case, never a capital, and never after "in", "at", "from" or "to" as a
    place is."""
    token = tokens[first]
    word = token.bare
    if token.folded not in lookups.introduced:
        return False
    before = tokens[first - 1] if first > 0 else None
    if before and (before.text != before.bare or before.folded in _DETERMINERS):
        return False
    if before and before.text[:1].isupper() and text[before.end : token.start] == " ":
        return False  # the tail of a longer capitalised phrase: "G20 Sherpa"
    if len(word) < 3 or word in CAPITALS or word.casefold() in SEATS:
        return False
    return word.lower() not in lookups.printed and word not in lookups.placed


_DETERMINERS: Final = frozenset({"the", "a", "an", "my", "his", "her", "its", "our", "their"})


def _not_a_person(tokens: list[_Token], first: int, stop: int, text: str) -> bool:
    """Whether the run from FIRST to STOP names a people, a body, a text, a place or a news
    agency ("Sunni Arab", "Central Committee", "UN Charter", "White House", "Xinhua")."""
    words = [t.folded for t in tokens[first:stop]]
    if any(w in AGENCIES or w in NEWS_AGENCIES or w in OUTLET_WORDS for w in words):
        return True  # a news outlet: "Sky News Arabia said", "WAM reported"
    if words[-1] in BODY_WORDS:
        return True
    if _group_phrase(tokens, first, stop):
        return True
    shown = text[tokens[first].start : tokens[stop - 1].end]
    if shown in CAPITALS or any(shown.startswith(office) for office in OFFICES):
        return True
    after = tokens[stop] if stop < len(tokens) else None
    return bool(after and after.folded in BODY_WORDS and after.start == tokens[stop - 1].end + 1)


def _group_phrase(tokens: list[_Token], first: int, stop: int) -> bool:
    """Whether a word of a people, faith or region in the run from FIRST to STOP qualifies a
    group ("Sunni Arab states", "Arab League", "Gulf Arab"), rather than being a given name
    before a surname ("Christian Lindner") or a name that speaks ("Christian said")."""
    words = [t.folded for t in tokens[first:stop]]
    for n, word in enumerate(words):
        if word in GROUP_PLURALS:
            return True
        if word not in GROUP_WORDS:
            continue
        rest = [w for w in words[n + 1 :] if w not in GROUP_WORDS]
        if rest and rest[0] in GROUP_NOUNS:
            return True
        if rest:
            continue  # a given name before a surname: "Christian Lindner"
        # Ending the run, it qualifies what follows ("Sunni Arab states", where "states" is
        # no speech verb), unless a speech verb follows ("Christian said").
        after = tokens[stop].folded if stop < len(tokens) else ""
        if after in GROUP_NOUNS or not _speech_after(tokens, stop - 1):
            return True
    return False


def _org_after(tokens: list[_Token], last: int, text: str) -> str | None:
    """ "from the Australian Strategic Policy Institute" after a name, before a speech verb."""
    org = re.compile(r" (?:from|of) the ((?:[A-Z][\w'-]*\s?)+?)(?=\s+(?:said|says|told)\b)")
    match = org.match(text, tokens[last].end)  # at the name, not in a copy of all the rest
    return match.group(1).strip() if match else None


class _Found(NamedTuple):
    start: int
    end: int
    words: tuple[str, ...]
    text: str
    role: str | None
    country: str | None
    note: str | None
    strong: bool
    #: The person this one is the counterpart of, by the words of their name.
    anchor: tuple[str, ...] | None = None


def _name_words(text: str) -> tuple[str, ...]:
    return tuple(
        w.casefold().rstrip(".")
        for w in text.replace("\u2019s", "").replace("'s", "").split()
        if w not in NAME_SUFFIXES
    )


def _scan(doc: Document) -> list[_Found]:
    found: list[_Found] = []
    last_person: _Found | None = None
    sentences = []
    for sentence in doc.sentences:
        tokens = _tokens(doc.text, sentence.start, sentence.end)
        sentences.append((tokens, _runs(tokens, doc.text)))
    lookups = _lookups(doc.text, sentences)
    for tokens, runs in sentences:
        for first, stop in runs:
            if _not_a_person(tokens, first, stop, doc.text):
                continue
            last = stop - 1
            start, end = tokens[first].start, tokens[last].end
            words = _name_words(doc.text[start:end])
            role, country = _role_before(tokens, first, doc.text)
            note = None
            titled = list_title(doc.text, tokens[0].start, start)
            if titled is not None and (role is None or titled.casefold() in role.casefold()):
                # "Presidents A of X, B of Y and C of Z": each a president, of their country.
                role = titled
                of_country = _OF_COUNTRY.match(doc.text, end)
                listed = country_of(of_country.group(1)) if of_country else None
                country = listed or listed_country(doc.text, start, end) or country
            # "DR Congo" is not "Dr Congo".
            honorific = first > 0 and tokens[first - 1].folded in ADDRESS_TITLES
            honorific = honorific and tokens[first - 1].text != "DR"
            anchor = None
            if role and role.split()[-1].casefold().startswith("counterpart"):
                anchor = last_person.words if last_person else None
                if last_person and last_person.role:
                    role = last_person.role
                    note = "check the role: taken from the counterpart's"
                else:
                    role = None
            of_country = _OF_COUNTRY.match(doc.text, end)  # "X of the United Kingdom"
            if country is None and of_country and country_of(of_country.group(1)):
                country = country_of(of_country.group(1))
            if country is None and not role and role_after(doc.text, end):
                # "Wang Yi, director of the ... Communist Party of China,": the role's country.
                country = appositive_country(doc.text, end)
                note = "check the country: taken from the role after the name" if country else None
            org = _org_after(tokens, last, doc.text) if not role else None
            if org:
                role, note = org, "check the role: the organisation named beside the name"
            acts = _acts(tokens, first, last, doc.text)
            # One word alone is a name only with a title, or when it speaks, meets or is met.
            strong = bool(role) or (stop - first >= 2 and acts)
            strong = strong or (honorific and (stop - first >= 2 or len(words[0]) >= 3))
            alone = stop - first == 1 and acts and _mononym(tokens, first, doc.text, lookups)
            strong = strong or alone
            shown = re.sub(r"(?:'s|\u2019s)$", "", doc.text[start:end])
            item = _Found(start, end, words, shown, role, country, note, strong, anchor)
            found.append(item)
            if strong or honorific:
                last_person = item
    return found


def _same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether name words B are a form of name words A (A the fuller)."""
    if not b or not a:
        return False
    big = [w for w in a if w not in NAME_PARTICLES]
    small = [w for w in b if w not in NAME_PARTICLES]
    if not small:
        return False
    misspelt = 0
    for word in small:
        if word in big:
            continue
        # An initial stands for a given name: "S" for "Subrahmanyam".
        if len(word) == 1 and any(w.startswith(word) for w in big):
            continue
        # One letter off in a long word, beside a word in common: "Tshisekede", "Tshisekedi".
        if len(small) > 1 and any(_one_letter_off(word, w) for w in big):
            misspelt += 1
            continue
        return False
    return any(len(w) > 1 for w in small) and misspelt < len(small)


def _one_letter_off(a: str, b: str) -> bool:
    return len(a) == len(b) >= 7 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _key(words: tuple[str, ...], taken: set[str]) -> str:
    base = slug(words[-1], 3, "person") if words else "person"
    key = base
    if key in taken:
        key = slug(" ".join(words), 8, "person")
    n = 2
    while key in taken:
        key = f"{base}-{n}"
        n += 1
    return key


def find_people(doc: Document) -> Cast:
    """Every person DOC names, with each mention of them."""
    scanned = _scan(doc)
    people: list[Person] = []
    words_of: dict[str, tuple[str, ...]] = {}
    forms: dict[str, list[str]] = {}
    mentions: list[Mention] = []
    for item in scanned:
        match = [k for k, w in words_of.items() if _same(w, item.words) or _same(item.words, w)]
        if len(match) == 1:
            key = match[0]
            index = next(i for i, p in enumerate(people) if p.key == key)
            person = people[index]
            if len(item.words) > len(words_of[key]) and _same(item.words, words_of[key]):
                forms[key].append(person.name)
                words_of[key] = item.words
                person = person._replace(name=item.text)
            elif item.text != person.name and item.text not in forms[key]:
                forms[key].append(item.text)
            if person.role is None and item.role:
                person = person._replace(role=item.role)
            if person.country is None and item.country:
                person = person._replace(country=item.country)
            people[index] = person
            mentions.append(Mention(item.start, item.end, key, item.text))
        elif not match and item.strong:
            key = _key(item.words, {p.key for p in people})
            words_of[key] = item.words
            forms[key] = []
            notes = (item.note,) if item.note else ()
            anchor = next((k for k, w in words_of.items() if w == item.anchor), None)
            people.append(Person(key, item.text, item.role, item.country, notes, anchor))
            mentions.append(Mention(item.start, item.end, key, item.text))
    mentions.sort()
    return Cast(tuple(people), tuple(mentions), {k: tuple(v) for k, v in forms.items()})


_CHAIRING: Final = Pattern(
    r"\b(?:co-chaired|chaired|led|hosted|held talks with|met)\b", re.IGNORECASE
)


def find_chairs(doc: Document, cast: Cast) -> list[str]:
    """Who chaired: the people before "led", "co-chaired", "chaired" or "held talks with" in
    the first sentence that has one, and the host and guest of "hosted" or "met"."""
    for sentence in doc.sentences:
        match = _CHAIRING.search(doc.text, sentence.start, sentence.end)
        if not match:
            continue
        before = [m.person for m in cast.mentions_in(sentence.start, match.start())]
        after = [m.person for m in cast.mentions_in(match.end(), sentence.end)]
        verb = match.group().casefold()
        people = before + after[:1] if verb in ("hosted", "held talks with", "met") else before
        chairs: list[str] = []
        for person in people:
            if person not in chairs:
                chairs.append(person)
        if chairs:
            return chairs
    return []


#: Before a name (and its role), words that name the person as the object of something
#: else rather than at the meeting: "the death of Queen Elizabeth", "the government of
#: Prime Minister X", "his predecessor X", "after meeting X" (another meeting), "a week
#: after X said" (another time), "the consensus reached by X", "criticised X".
_IN_PASSING: Final = Pattern(
    r"\b(?:(?:death|funeral|government|office|administration|regime|reign|tenure|era|legacy|"
    r"guidance|leadership)(?:\s+of)?|predecessor|successor|consensus\s+reached\s+by|"
    r"(?:after|before|since)(?:\s+(?:meeting|talks)(?:\s+with)?)?|"
    r"(?:criticis|criticiz|accus|condemn|blam|slamm|denounc)(?:ed|ing|es|e))\s*$",
    re.IGNORECASE,
)
#: After a name, a plan rather than the meeting: "X will travel to Washington".
_PLANS: Final = Pattern(r",?\s+(?:will|would|is to|is due to|is expected to|plans to)\b")


def in_passing(doc: Document, mention: Mention) -> bool:
    """Whether MENTION names its person only in passing: as the object of something else
    ("the death of Queen Elizabeth", "after meeting Narendra Modi") or with a plan for
    later ("Marcelo Ebrard will travel")."""
    sentence = doc.sentence_at(mention.start)
    start = sentence.start if sentence else 0
    tokens = _tokens(doc.text, start, mention.start)
    i = len(tokens)
    while i > 0 and (
        tokens[i - 1].folded in ROLE_WORDS
        or tokens[i - 1].folded in ADDRESS_TITLES
        or country_of(tokens[i - 1].text)
    ):
        i -= 1
    if i < len(tokens) and tokens[i].folded == "and":
        i += 1  # "and" joins two people, it is no part of a role
    head = tokens[i].start if i < len(tokens) else mention.start
    # The second of two named together is named as the first is: "by President X and Y".
    before = _LISTED.sub("", doc.text[start:head])
    return bool(_IN_PASSING.search(before) or _PLANS.match(doc.text, mention.end))


_LISTED: Final = Pattern(r"(?:[A-Z][\w.'\u2019-]*\s+){0,7}[A-Z][\w.'\u2019-]*\s+and\s+$")
