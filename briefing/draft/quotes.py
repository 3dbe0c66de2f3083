"""Direct quotations: where they open and close, and which are quotations at all.

Quotation marks are paired within a paragraph, so a mark that is never closed
cannot swallow the rest of an article:

- curly and guillemet marks say which way they face; a straight mark (or a
  doubled single one, ``''``, as some wires print) faces the way its
  neighbours say: after a space and before a word it opens, after a word and
  before a space or punctuation it closes, and otherwise it toggles;
- an opening mark met while a quotation is open ends that quotation there, and
  a paragraph that ends while one is open ends it at an attribution (", the
  statement said") or at the paragraph's end; both are reported for review;
- a paragraph that breaks off mid-sentence inside a quotation (a line break in
  a quoted post) runs on to the next paragraph's closing mark;
- a curly closing mark with no opening one closes a quotation that opened,
  unmarked, where its paragraph starts, or after the closing mark before it
  and a joining word ("..., and ...,” he added");
- single marks are quotation marks only in a text that has no double ones,
  except a curly pair outside any double quotation (was 'fruitful').

A quoted run of words is not a quotation when it names something: words all
capitalised ("Free and Open Indo-Pacific (FOIP)", a document's whole title),
or no words at all ("2+2"). A quotation inside a sentence is partial; whether
it is kept depends on whether someone can be found to have said it
(briefing.draft.speakers).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from briefing.draft.document import Document, lazy
from briefing.draft.regex import Pattern

_OPEN: Final = "\u201c\u201e\u00ab"
_CLOSE: Final = "\u201d\u00bb"
_SINGLE_OPEN: Final = "\u2018"
_SINGLE_CLOSE: Final = "\u2019"
#: Two apostrophes typed for a double mark (right or left curly ones, or straight) are one.
_DOUBLE_MARKS: Final = Pattern("''|\u2019\u2019|\u2018\u2018|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_SINGLE_MARKS: Final = Pattern("['\u2018\u2019]")
_LEFT_OF_OPEN: Final = " \t\n([{\u2014\u2013-/:"
_RIGHT_OF_CLOSE: Final = " \t\n.,;:!?)]}\u2014\u2013-"
_SMALL: Final = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)
_ATTRIBUTION_CUT: Final = lazy(
    r",\s+(?:the\s+\w+\s+|he\s+|she\s+|they\s+|[A-Z][\w.-]*\s+){1,3}"
    r"(?:said|says|stated|added|reads|noted|wrote)\b"
)


_JOINED: Final = lazy(r"[\s,]*(?:and|but|while)\s+(?=\w)")
_CURLY_SINGLE: Final = lazy('\u2018[^\u2018\u2019"\u201c\u201d]{1,80}\u2019(?![^\\W\\d_])')


class Quoted(NamedTuple):
    #: The words between the marks.
    start: int
    end: int
    #: The opening mark's offset and the closing mark's (-1 when never closed).
    opened: int
    closed: int
    paragraph: int
    #: Whether it sits inside a sentence of the writer's rather than standing alone.
    partial: bool


class _Mark(NamedTuple):
    at: int
    width: int
    #: "open", "close" or "either".
    way: str


def _facing(text: str, at: int, width: int, start: int, end: int) -> str:
    before = text[at - 1] if at > start else " "
    after = text[at + width] if at + width < end else " "
    left = before in _LEFT_OF_OPEN and not after.isspace()
    right = not before.isspace() and (after in _RIGHT_OF_CLOSE or at + width >= end)
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def _marks(text: str, start: int, end: int, single: bool) -> list[_Mark]:
    # Straight single marks are quotation marks only where no curly ones are printed.
    straight = single and _SINGLE_OPEN not in text[start:end]
    marks: list[_Mark] = []
    for found in (_SINGLE_MARKS if single else _DOUBLE_MARKS).finditer(text, start, end):
        at = found.start()
        char = found.group()
        if char in ("''", "\u2019\u2019"):
            marks.append(_Mark(at, 2, _facing(text, at, 2, start, end)))
        elif char == "\u2018\u2018":
            marks.append(_Mark(at, 2, "open"))
        elif char in _OPEN:
            marks.append(_Mark(at, 1, "open"))
        elif char in _CLOSE:
            way = _facing(text, at, 1, start, end)
            marks.append(_Mark(at, 1, "open" if way == "open" else "close"))
        elif char == '"':
            marks.append(_Mark(at, 1, _facing(text, at, 1, start, end)))
        elif char == _SINGLE_OPEN or (char == "'" and straight):
            way = _facing(text, at, 1, start, end)
            if char == _SINGLE_OPEN or way == "open":
                marks.append(_Mark(at, 1, "open"))
            elif way == "close" and not text[at + 1 : at + 2].isalpha():
                marks.append(_Mark(at, 1, "close"))
        elif (
            char == _SINGLE_CLOSE
            and _facing(text, at, 1, start, end) == "close"
            and not text[at + 1 : at + 2].isalpha()
        ):
            # An apostrophe inside a word ("India's") never closes; one after a word does,
            # while a quotation is open ("natural partners'"), as the pairing decides.
            marks.append(_Mark(at, 1, "close"))
    return marks


def _unclosed_end(text: str, start: int, end: int) -> int:
    """Where a quotation that is never closed ends: before an attribution, or at END."""
    cut = _ATTRIBUTION_CUT().search(text, start, end)
    stop = cut.start() if cut else end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return stop


_Pair = tuple[int, int, int, int]


def _stray_start(text: str, paragraph_start: int, last_close: int | None) -> int | None:
    """Where a quotation whose closing mark has no opening one starts: at its paragraph's
    start, or after a closing mark and a joining word (“..., and the rest,” he added); None
    when the words before it are the writer's."""
    if last_close is None:
        return paragraph_start
    joined = _JOINED().match(text, last_close + 1)
    return joined.end() if joined else None


def _pairs(doc: Document, index: int, single: bool, carried: Quoted | None) -> list[_Pair]:
    """(start, end, opened, closed) of each quotation in paragraph INDEX; CARRIED is a
    quotation the paragraph before left open in the middle of a sentence."""
    paragraph = doc.paragraphs[index]
    text = doc.text
    found: list[_Pair] = []
    open_mark: _Mark | None = None
    nested = 0
    last_close: int | None = None
    for mark in _marks(text, paragraph.start, paragraph.end, single):
        if open_mark is None:
            if mark.way in ("open", "either"):
                open_mark = mark
            elif carried is not None and last_close is None:
                # The quotation runs on over a line break: the previous paragraph opened it.
                found.append((carried.start, mark.at, carried.opened, mark.at))
                last_close = mark.at
            elif not single and text[mark.at] in _CLOSE:
                # A closing mark with no opening one: the opening mark was left out.
                start = _stray_start(text, paragraph.start, last_close)
                if start is not None:
                    found.append((start, mark.at, start, mark.at))
                last_close = mark.at
            carried = None
            continue
        carried = None
        char = text[mark.at]
        if text[open_mark.at] == '"' and char in _OPEN + _CLOSE:
            # Curly marks inside a straight quotation nest: "We said “no” to them," ...
            if char in _OPEN:
                nested += 1
                continue
            if nested:
                nested -= 1
                continue
        if mark.way == "open":
            inner = open_mark.at + open_mark.width
            stop = mark.at
            while stop > inner and text[stop - 1].isspace():
                stop -= 1
            found.append((inner, stop, open_mark.at, -1))
            open_mark = mark
            continue
        found.append((open_mark.at + open_mark.width, mark.at, open_mark.at, mark.at))
        last_close = mark.at
        open_mark = None
        nested = 0
    if open_mark is not None:
        inner = open_mark.at + open_mark.width
        found.append((inner, _unclosed_end(text, inner, paragraph.end), open_mark.at, -1))
    return found + _single_pairs(doc, index, single, found)


def _single_pairs(doc: Document, index: int, single: bool, double: list[_Pair]) -> list[_Pair]:
    """Curly single marks outside double ones where double marks quote: a word or a few that
    someone said (her talks were, single-quoted, fruitful), opened after a space and closed
    before anything but a letter."""
    if single:
        return []
    paragraph = doc.paragraphs[index]
    text = doc.text
    found: list[_Pair] = []
    for pair in _CURLY_SINGLE().finditer(text, paragraph.start, paragraph.end):
        opened, closed = pair.start(), pair.end() - 1
        inside = any(s[2] <= opened < (s[3] if s[3] >= 0 else s[1]) for s in double)
        if not inside and (opened == paragraph.start or text[opened - 1] in _LEFT_OF_OPEN):
            found.append((opened + 1, closed, opened, closed))
    return found


def _runs_on(doc: Document, quote: Quoted) -> bool:
    """Whether QUOTE is left open at its paragraph's end in the middle of a sentence (no stop
    before the break), as a line break inside a post prints it."""
    paragraph = doc.paragraphs[quote.paragraph]
    tail = doc.text[paragraph.start : paragraph.end].rstrip()
    if quote.closed >= 0 or not tail or quote.end < paragraph.start + len(tail):
        return False
    return tail[-1] not in ".!?\u2026:;"


def names_a_thing(words: str, *, inside: bool = False) -> bool:
    """Whether quoted words are a name ("Free and Open Indo-Pacific", "2+2"), not speech;
    INSIDE a sentence, one capitalised word is a name too (the "Quad")."""
    tokens = re.findall(r"[^\W\d_][\w'\u2019-]*", words)
    if not tokens:
        return True
    if inside and len(tokens) == 1 and tokens[0][0].isupper() and words.strip(" ,.") == tokens[0]:
        return True
    if len(tokens) > 16:
        return False
    content = [t for t in tokens if t.casefold() not in _SMALL]
    return bool(content) and all(t[0].isupper() for t in content) and len(content) > 1


def _partial(doc: Document, opened: int, index: int) -> bool:
    """Whether the quotation opening at OPENED is inside a sentence rather than starting one."""
    paragraph = doc.paragraphs[index]
    before = doc.text[max(paragraph.start, opened - 40) : opened].rstrip()
    if not before:
        return False
    if before[-1] in '.!?\u201d"':
        return False
    return not (before.endswith(":") or re.search(r"\b(?:said|says|added|adds|stated),$", before))


def _opens(text: str, marks: str) -> int:
    """How many of MARKS stand where a quotation opens: after a space, a bracket or a dash."""
    count = 0
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            count += at == 0 or text[at - 1] in _LEFT_OF_OPEN
            at = text.find(mark, at + 1)
    return count


def _single_primary(text: str) -> bool:
    """Whether single marks quote and double marks only nest, as British papers print."""
    singles = _opens(text, _SINGLE_OPEN)
    if singles == 0 and not any(c in text for c in '"\u201c\u201d\u00ab\u00bb'):
        return "''" not in text and _opens(text, "'") > 0
    return singles > _opens(text, '"\u201c\u00ab')


def find_quotations(doc: Document) -> list[Quoted]:
    """Every quotation in DOC, in order; names of things left out."""
    single = _single_primary(doc.text)
    found: list[Quoted] = []
    carried: Quoted | None = None
    for index, paragraph in enumerate(doc.paragraphs):
        if paragraph.kind in ("heading", "caption"):
            carried = None
            continue
        pairs = sorted(_pairs(doc, index, single, carried), key=lambda p: p[2])
        for start, end, opened, closed in pairs:
            if carried is not None and opened == carried.opened:
                # The previous paragraph's open quotation, closed here.
                found[-1] = carried._replace(end=end, closed=closed)
                continue
            words = doc.text[start:end]
            partial = _partial(doc, opened, index)
            if not words.strip() or names_a_thing(words, inside=partial):
                continue
            found.append(Quoted(start, end, opened, closed, index, partial))
        last = found[-1] if found else None
        carried = last if last and last.paragraph == index and _runs_on(doc, last) else None
    return found


def tagged(text: str, quote: Quoted) -> bool:
    """Whether a comma sets the quotation off from the words after it (`“...,” X said`,
    `“...”, X said`), so that they attribute it rather than go on with the sentence."""
    inside = text[quote.start : quote.closed].rstrip()
    return inside.endswith(",") or text[quote.closed + 1 : quote.closed + 3].lstrip().startswith(
        ","
    )
