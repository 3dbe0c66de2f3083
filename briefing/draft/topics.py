"""Topics: the article's own section headings, or else broad policy themes named by keywords.

When an article has two or more section headings, each is a topic and every
item belongs to the heading it sits under. Otherwise an item belongs to each
theme whose keywords its evidence uses (defence and security, economy and
investment, technology, energy and climate, ...), and to "Bilateral
relations" when it uses none. A topic's summary is assembled from the first
evidence sentences of its items, verbatim, and marked for review.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING, Final, NamedTuple

from briefing.draft.document import slug
from briefing.draft.regex import compile_pattern

if TYPE_CHECKING:
    from briefing.draft.document import Document
    from briefing.draft.items import Found
    from briefing.draft.speakers import Attributed

_THEMES: Final = (
    ("critical-minerals", "Critical minerals", r"critical minerals?|rare earths?"),
    ("defence-security", "Defence and security",
     r"defen[cs]e|security|military|exercises?|nav(?:y|al)|army|air force|deterren\w+|"
     r"marines?|troops|maritime|counterstrike|armed forces"),
    ("economy", "Economy and investment",
     r"econom\w+|invest\w*|trade|business\w*|yen|billion|companies|enterprises|startups?|"
     r"supply chains?"),
    ("technology", "Technology", r"\bAI\b|artificial intelligence|semiconductors?|digital|"
     r"technolog\w+|cyber\w*"),
    ("energy-climate", "Energy and climate",
     r"energy|climate|hydrogen|green|renewables?|fuels?|emissions?|crediting"),
    ("infrastructure", "Infrastructure", r"rail\w*|high-speed|bullet train|ports?|infrastructure|"
     r"aviation|ship-?building"),
    ("indo-pacific", "Indo-Pacific", r"Indo[- ]Pacific|\bQuad\b|ASEAN|the region\b"),
    ("ukraine", "Russia and Ukraine", r"Ukraine|Russia\w*"),
    ("people", "People and mobility",
     r"consulates?(?:-general)?|migration|mobility|students|people[- ]to[- ]people|tourism|"
     r"community|communities"),
    ("global-order", "Multilateral cooperation",
     r"\bG\d+\b|United Nations|multilateral|rules-based|global order|international order|"
     r"international forums?"),
    ("terrorism", "Terrorism", r"terror\w*"),
    ("health", "Health", r"health\w*|medicine|medical"),
    ("space", "Space", r"\bspace\b|satellites?|lunar|moon mission|space agenc\w+"),
)  # fmt: skip


@functools.cache
def _patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """The themes' patterns, compiled only for an article without headings."""
    return tuple(
        (key, name, compile_pattern(r"\b(?:" + words + r")", re.IGNORECASE))
        for key, name, words in _THEMES
    )


GENERAL: Final = ("relations", "Bilateral relations")


class Topic(NamedTuple):
    id: str
    name: str
    summary: str
    review: str


def _heading_sections(docs: list[Document]) -> bool:
    for doc in docs:
        first_text = next((i for i, p in enumerate(doc.paragraphs) if p.kind == "text"), None)
        if first_text is None:
            continue
        headings = [p for p in doc.paragraphs[first_text:] if p.kind == "heading"]
        if len(headings) >= 2:
            return True
    return False


def section_of(doc: Document, offset: int) -> str | None:
    """The heading above OFFSET, if the article has headings."""
    index = bisect.bisect_right(doc.paragraphs, offset, key=lambda p: p.start) - 1
    if index < 0:
        return None
    paragraph = doc.paragraphs[index]
    if offset > paragraph.end or paragraph.section < 0:
        return None
    heading = doc.paragraphs[paragraph.section]
    return doc.text[heading.start : heading.end]


def themes_of(words: str) -> list[str]:
    found = [key for key, _, pattern in _patterns() if pattern.search(words)]
    return found or [GENERAL[0]]


class Grouping(NamedTuple):
    topics: list[Topic]
    #: Whether topics are the article's headings (else themes).
    by_heading: bool


def _slug(words: str) -> str:
    return slug(words, 4, "topic")


def topic_ids(doc: Document, offset: int, words: str, by_heading: bool) -> list[str]:
    if by_heading:
        heading = section_of(doc, offset)
        if heading:
            return [_slug(heading)]
    return themes_of(words)


def group_topics(
    reads: list[tuple[str, Document, list[Found], list[Attributed]]],
) -> Grouping:
    docs = [doc for _, doc, _, _ in reads]
    by_heading = _heading_sections(docs)
    evidence: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    order: list[str] = []
    for _, doc, items, quotes in reads:
        spans = [(i.sentence.start, i.sentence.end) for i in items]
        spans += [a.context for a in quotes]
        for start, end in sorted(spans):
            words = doc.text[start:end]
            for key in topic_ids(doc, start, words, by_heading):
                if key not in names:
                    heading = section_of(doc, start) if by_heading else None
                    names[key] = heading or next((n for k, n, _ in _THEMES if k == key), GENERAL[1])
                    order.append(key)
                    evidence[key] = []
                said = " ".join(words.split())
                if len(evidence[key]) < 2 and said not in evidence[key]:
                    evidence[key].append(said)
    topics = [
        Topic(
            key,
            names[key],
            " ".join(evidence[key][:2]),
            "check the topic's name and summary: made from its items' sentences",
        )
        for key in order
    ]
    return Grouping(topics, by_heading)
