"""Direct quotations: where they open and close, and which are quotations at all.

Quotation marks are paired within a paragraph, never across one, so a mark
that is never closed cannot swallow the rest of an article:

- curly and guillemet marks say which way they face; a straight mark (or a
  doubled single one, ``''``, as some wires print) faces the way its
  neighbours say: after a space and before a word it opens, after a word and
  before a space or punctuation it closes, and otherwise it toggles;
- an opening mark met while a quotation is open ends that quotation there, and
  a paragraph that ends while one is open ends it at an attribution (", the
  statement said") or at the paragraph's end; both are reported for review;
- single marks are quotation marks only in a text that has no double ones.

A quoted run of words is not a quotation when it names something: a few words
all capitalised ("Free and Open Indo-Pacific (FOIP)"), or no words at all
("2+2"). A quotation inside a sentence is partial; whether it is kept depends
on whether someone can be found to have said it (briefing.draft.speakers).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from briefing.draft.document import Document, lazy

_OPEN: Final = "\u201c\u201e\u00ab"
_CLOSE: Final = "\u201d\u00bb"
_SINGLE_OPEN: Final = "\u2018"
_SINGLE_CLOSE: Final = "\u2019"
_DOUBLE_MARKS: Final = re.compile("''|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_SINGLE_MARKS: Final = re.compile("['\u2018\u2019]")
_LEFT_OF_OPEN: Final = " \t\n([{\u2014\u2013-/:"
_RIGHT_OF_CLOSE: Final = " \t\n.,;:!?)]}\u2014\u2013-"
_SMALL: Final = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)
_ATTRIBUTION_CUT: Final = lazy(
    r",\s+(?:the\s+\w+\s+|he\s+|she\s+|they\s+|[A-Z][\w.-]*\s+){1,3}"
    r"(?:said|says|stated|added|reads|noted|wrote)\b"
)


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
        if char == "''":
            marks.append(_Mark(at, 2, _facing(text, at, 2, start, end)))
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


def _pairs(doc: Document, index: int, single: bool) -> list[tuple[int, int, int, int]]:
    """(start, end, opened, closed) of each quotation in paragraph INDEX."""
    paragraph = doc.paragraphs[index]
    text = doc.text
    found: list[tuple[int, int, int, int]] = []
    open_mark: _Mark | None = None
    nested = 0
    for mark in _marks(text, paragraph.start, paragraph.end, single):
        if open_mark is None:
            if mark.way in ("open", "either"):
                open_mark = mark
            continue
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
        open_mark = None
        nested = 0
    if open_mark is not None:
        inner = open_mark.at + open_mark.width
        found.append((inner, _unclosed_end(text, inner, paragraph.end), open_mark.at, -1))
    return found


def names_a_thing(words: str, *, inside: bool = False) -> bool:
    """Whether quoted words are a name ("Free and Open Indo-Pacific", "2+2"), not speech;
    INSIDE a sentence, one capitalised word is a name too (the "Quad")."""
    tokens = re.findall(r"[^\W\d_][\w'\u2019-]*", words)
    if not tokens:
        return True
    if inside and len(tokens) == 1 and tokens[0][0].isupper() and words.strip(" ,.") == tokens[0]:
        return True
    if len(tokens) > 6:
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
    for index, paragraph in enumerate(doc.paragraphs):
        if paragraph.kind in ("heading", "caption"):
            continue
        for start, end, opened, closed in _pairs(doc, index, single):
            words = doc.text[start:end]
            partial = _partial(doc, opened, index)
            if not words.strip() or names_a_thing(words, inside=partial):
                continue
            found.append(Quoted(start, end, opened, closed, index, partial))
    return found
