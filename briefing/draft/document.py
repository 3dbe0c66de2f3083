"""An article's text as paragraphs and sentences, each a span of the text as extracted.

Everything the drafter quotes or cites is a slice `text[start:end]` of the
source, so it is verbatim by construction. The layout rules:

- A text file may open with its URL on a line of its own and its headline on
  the next non-empty line; a headline in brackets is a placeholder, not a title.
  Both are kept out of the article's paragraphs.
- Blank lines separate paragraphs. Inside a block, lines that end without a
  sentence mark and run on in lower case are one wrapped paragraph (PDF text);
  other lines are paragraphs of their own, as many sites print them.
- A short line with no sentence mark at its end and most words capitalised is a
  heading; a line opening with a bullet is an item of a list.
- Sentences end at ".", "!" or "?" (with any closing quotes) before white space
  and a capital, a quote or a digit, except after an abbreviation or an
  initial; also where a stop runs into the next sentence with no space
  ("crore.He was"), as wire copy sometimes prints.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from typing import Final, NamedTuple

from briefing.draft.regex import Pattern, compile_pattern
from briefing.sentences import is_abbreviation


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled the first time it is needed: most articles never need some of them,
    and compiling is most of what drafting one costs."""
    return functools.cache(lambda: compile_pattern(pattern, flags))


class Span(NamedTuple):
    start: int
    end: int


class Sentence(NamedTuple):
    start: int
    end: int
    #: The index of its paragraph in Document.paragraphs.
    paragraph: int


class Paragraph(NamedTuple):
    start: int
    end: int
    #: "text", "heading", "bullet" or "caption".
    kind: str
    #: The heading this paragraph sits under (index), or -1.
    section: int


class Document(NamedTuple):
    text: str
    title: str | None
    url: str | None
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]

    def slice(self, span: Span | Sentence | Paragraph) -> str:
        return self.text[span.start : span.end]

    def sentence_at(self, offset: int) -> Sentence | None:
        # Sentences are in text order and do not overlap.
        index = bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None


_URL_LINE: Final = Pattern(r"\s*https?://\S+\s*")
_BULLET: Final = Pattern(r"[ \t]*(?:[\u2022\u25aa\u25cf\u2013\u2014*\u00b7-]|\d{1,2}[.)])[ \t]+")
_SENTENCE_END: Final = Pattern(r"[.!?\u2026]")
_CLOSERS: Final = "\"'\u201d\u2019)]"
_OPENERS: Final = "\"'\u201c\u2018(["
_SMALL_WORDS: Final = frozenset(
    """
    a an and as at but by for from in into of on or the to with vs via over amid
    """.split()  # noqa: SIM905
)
#: A stop run into a capitalised word ("crore.He", "year.PM"): a lower-case word of two
#: letters or more before, a capital after, and no other stop in the word before.
#: A picture credit closing a caption: "(9News)", "(Twitter/DrSJaishankar)", "(@DrSJaishankar)".
_CREDIT: Final = lazy(r"\s*\((?:@|[A-Z0-9])[^()\s]*(?:\s[^()\s]+){0,2}\)\s*$")
_RUN_ON: Final = Pattern(r"(?<=[a-z]{2})\.(?=[\u201c\"]?[A-Z][A-Za-z])")


def _lines(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    position = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append(Span(position + lead, position + lead + len(stripped)))
        position += len(line) + 1
    return spans


#: The longest line read as a headline (headlines run to about 150 characters).
_HEADLINE_MAX = 250


def _runs_on(text: str, lines: list[Span], i: int) -> bool:
    """Whether line I is hard-wrapped into the next: no blank line between them, and it
    stops on a small word ("at the end of the") or the next opens in lower case or with a
    number ("14th Pacific Alliance Summit")."""
    if i + 1 >= len(lines) or "\n\n" in text[lines[i].end : lines[i + 1].start].replace(" ", ""):
        return False
    last = text[lines[i].start : lines[i].end].rsplit(None, 1)[-1].casefold()
    first = text[lines[i + 1].start]
    return last in _SMALL_WORDS or first.islower() or first.isdigit()


def _header(text: str) -> tuple[str | None, str | None, int]:
    """The URL and headline a text file opens with, and where the article starts."""
    lines = _lines(text, 0, len(text))
    url = title = None
    used = 0
    if lines and _URL_LINE.fullmatch(text[lines[0].start : lines[0].end]):
        url = text[lines[0].start : lines[0].end]
        used = 1
        if len(lines) > 1:
            headline = text[lines[1].start : lines[1].end]
            if headline.startswith("[") and headline.endswith("]"):
                used = 2
            elif (
                # A line that ends a sentence, inside its quotation marks too, is the lede.
                headline.rstrip(_CLOSERS)[-1:] not in ".!?"
                and len(headline) <= _HEADLINE_MAX
                and not _runs_on(text, lines, 1)
            ):
                # A longer line is the article itself, stored without line breaks and
                # cut off mid-sentence, not a headline.
                title = headline
                used = 2
    start = lines[used].start if used < len(lines) else len(text)
    if used == 0 and lines:
        return None, None, 0
    return url, title, start


def is_heading(line: str) -> bool:
    """A short line with no closing sentence mark whose words are mostly capitalised."""
    words = re.findall(r"[A-Za-z][\w'\u2019.-]*", line)
    if not words or len(words) > 16 or line.rstrip()[-1:] in '.!?:;,\u201d"':
        return False
    big = [w for w in words if w[0].isupper() or w[0].isdigit()]
    content = [w for w in words if w.casefold() not in _SMALL_WORDS]
    return len(big) >= max(1, (len(content) * 3 + 3) // 4)


def _wrapped(text: str, lines: list[Span]) -> bool:
    """Whether the lines of a block are one paragraph broken by hard wraps."""
    if len(lines) < 2:
        return False
    runs = 0
    for here, after in itertools.pairwise(lines):
        last = text[here.end - 1]
        first = text[after.start]
        if last not in '.!?:\u201d"' and (first.islower() or first.isdigit()):
            runs += 1
    return runs * 2 >= len(lines) - 1


def _paragraphs(text: str, start: int) -> list[Paragraph]:
    blocks: list[Span] = []
    for match in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text[start:]):
        if match.group().strip():
            blocks.append(Span(start + match.start(), start + match.end()))
    found: list[Paragraph] = []
    section = -1
    for block in blocks:
        lines = _lines(text, block.start, block.end)
        pieces = [Span(lines[0].start, lines[-1].end)] if _wrapped(text, lines) else lines
        for piece in pieces:
            line = text[piece.start : piece.end]
            bullet = _BULLET.match(line)
            if bullet and len(line) > bullet.end():
                found.append(Paragraph(piece.start + bullet.end(), piece.end, "bullet", section))
            elif is_heading(line) and "\n" not in line:
                section = len(found)
                found.append(Paragraph(piece.start, piece.end, "heading", section))
            else:
                found.append(Paragraph(piece.start, piece.end, "text", section))
    return _captions(text, found)


def _captions(text: str, found: list[Paragraph]) -> list[Paragraph]:
    """Mark picture captions: a line ending in a credit, and the same words printed just before."""
    marked = list(found)
    for index, paragraph in enumerate(found):
        line = text[paragraph.start : paragraph.end]
        credit = _CREDIT().search(line) if line.endswith(")") else None
        if not credit or credit.start() == 0:
            continue
        bare = line[: credit.start()].strip()
        if "\n" in line or _cuts(text, paragraph.start, paragraph.start + credit.start()):
            continue
        marked[index] = paragraph._replace(kind="caption")
        before = found[index - 1] if index else None
        if before and text[before.start : before.end].strip() == bare:
            marked[index - 1] = before._replace(kind="caption")
    section = -1
    for index, paragraph in enumerate(marked):
        if paragraph.kind == "heading":
            section = index
        marked[index] = paragraph._replace(section=section)
    return marked


def caption_start(text: str, paragraph: Paragraph) -> int | None:
    """Where a caption that closes a paragraph begins: its last sentence before a credit."""
    line = text[paragraph.start : paragraph.end]
    credit = _CREDIT().search(line) if line.endswith(")") else None
    if not credit or credit.start() == 0:
        return None
    cuts = _cuts(text, paragraph.start, paragraph.start + credit.start())
    return cuts[-1] if cuts else None


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets at which sentences of TEXT[start:end] end."""
    cuts: list[int] = []
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.start()
        after = match.end()
        while after < end and text[after] in _CLOSERS:
            after += 1
        rest = after
        while rest < end and text[rest].isspace():
            rest += 1
        if rest >= end:
            continue
        next_char = text[rest]
        while next_char in _OPENERS and rest + 1 < end:
            rest += 1
            next_char = text[rest]
        if rest == after:
            continue
        if not (next_char.isupper() or next_char.isdigit() or next_char in "@#"):
            continue
        if text[stop] == "." and is_abbreviation(text, stop, start):
            continue
        cuts.append(after)
    for match in _RUN_ON.finditer(text, start, end):
        word = re.split(r"\s", text[max(start, match.start() - 80) : match.start()])[-1]
        if "." not in word and "@" not in word and "/" not in word:
            cuts.append(match.end())
    return sorted(set(cuts))


def _sentences(text: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    found: list[Sentence] = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind in ("heading", "caption"):
            continue
        begin = paragraph.start
        caption = caption_start(text, paragraph)
        end = paragraph.end if caption is None else caption
        for cut in [*_cuts(text, paragraph.start, end), end]:
            piece = text[begin:cut]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                trail = len(piece) - len(piece.rstrip())
                found.append(Sentence(begin + lead, cut - trail, index))
            begin = cut
    return found


#: Words left out of ids made from text.
SMALL_WORDS: Final = frozenset(
    {"a", "an", "the", "and", "of", "to", "in", "on", "for", "with", "by", "at", "as", "is",
     "are", "was", "were", "be", "this", "that", "it", "its", "their", "our", "we", "i"}
)  # fmt: skip


def slug(words: str, limit: int = 5, empty: str = "item") -> str:
    """An id of the first LIMIT words that say something ("India's priority": india-priority;
    "Piñera": pinera)."""
    words = re.sub(r"['\u2019]s\b", "", words.casefold())
    if not words.isascii():
        decomposed = unicodedata.normalize("NFKD", words)
        words = "".join(c for c in decomposed if not unicodedata.combining(c))
    tokens = [t for t in re.findall(r"[a-z0-9]+", words) if t not in SMALL_WORDS]
    return "-".join(tokens[:limit]) or empty


class Ids:
    """Ids made unique by a number: "dialogue", "dialogue-2", ... (without rescanning)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next: dict[str, int] = {}

    def add(self, base: str) -> str:
        key, n = base, self.next.get(base, 2)
        while key in self.taken:
            key = f"{base}-{n}"
            n += 1
        self.next[base] = n
        self.taken.add(key)
        return key


def read_document(text: str) -> Document:
    """TEXT split into paragraphs and sentences, with the URL and headline it opens with."""
    url, title, start = _header(text)
    paragraphs = _paragraphs(text, start)
    if url is None and title is None and paragraphs and paragraphs[0].kind == "heading":
        title = text[paragraphs[0].start : paragraphs[0].end]
    return Document(text, title, url, tuple(paragraphs), tuple(_sentences(text, paragraphs)))
