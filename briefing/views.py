"""View objects: what a command shows, independent of any output format.

`query` builds them from the model; every renderer in `render/` takes them.
Block text is passed as the knowledge file holds it: each renderer folds white
space and makes control characters visible itself (`render.oneline`).
A view is a short document of blocks (headings, paragraphs, tables, quotes,
bullet lists), plus the one table that stands for it in CSV, plus the JSON
document with its documented shape (docs/json.md).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from briefing.errors import Problem


class Column(NamedTuple):
    header: str
    #: "text" wraps; "number" aligns right; "bar" is a small weight bar in a terminal;
    #: "id" never wraps; "dialogue" is the dialogue id, hidden when there is only one;
    #: "key" is an id for machines (CSV), left out of tables meant for reading;
    #: "review" is what a person should still check in the row's item: renderers
    #: mark the row with it (`Table.reviews`), and it is left out when no row has one;
    #: "state" is a follow-up state's words (`model.STATE_LABELS`), kept whole, which
    #: renderers that have colour show in the state's colour.
    kind: Literal["text", "number", "bar", "id", "dialogue", "key", "review", "state"] = "text"
    #: For text, a hint to layouts with little room: "main" is the prose that takes the
    #: width left over; "label" is a short value (a name, a place, a status) kept whole;
    #: "note" is secondary text that may wrap.
    role: Literal["main", "label", "note"] = "note"


class Table(NamedTuple):
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = "Nothing to show."

    def for_display(self) -> Table:
        """The table for reading: no machine keys, no dialogue column for a single dialogue,
        no review column when every item is signed off."""
        keep = [
            i
            for i, c in enumerate(self.columns)
            if c.kind != "key"
            and (c.kind != "dialogue" or len({row[i] for row in self.rows}) > 1)
            and (c.kind != "review" or any(row[i] for row in self.rows))
        ]
        return self._only(keep)

    def reviews(self) -> tuple[Table, tuple[str, ...]]:
        """The table without its review column, and each row's review note ("" for none).

        A renderer shows the note as a mark on the row's item, not as a column.
        """
        at = [i for i, c in enumerate(self.columns) if c.kind == "review"]
        if not at:
            return self, ()
        notes = tuple("; ".join(row[i] for i in at if row[i]) for row in self.rows)
        return self._only([i for i in range(len(self.columns)) if i not in at]), notes

    @property
    def item_column(self) -> int:
        """The column that says what each row is (a mark on the row goes there): the main
        text, else the first text column, else the first."""
        texts = [i for i, c in enumerate(self.columns) if c.kind == "text"]
        main = [i for i in texts if self.columns[i].role == "main"]
        return (main or texts or [0])[0]

    def _only(self, keep: list[int]) -> Table:
        if len(keep) == len(self.columns):
            return self
        return Table(
            self.title,
            tuple(self.columns[i] for i in keep),
            tuple(tuple(row[i] for i in keep) for row in self.rows),
            self.empty,
        )


class Heading(NamedTuple):
    text: str
    level: int = 1
    #: The follow-up state (`model.FOLLOW_UP_STATES`) a section is about, for colour ("" none).
    state: str = ""


class Paragraph(NamedTuple):
    text: str
    #: "note" is secondary text (sources, interpretations), shown dimmed.
    style: Literal["body", "note", "meta"] = "body"
    #: What a person should still check in what the paragraph says ("" when nothing).
    review: str = ""


class Bullets(NamedTuple):
    items: tuple[str, ...]
    #: Each item's review note, in the same order ("" for none); empty when no item has one.
    reviews: tuple[str, ...] = ()

    @property
    def marked(self) -> tuple[tuple[str, str], ...]:
        """Each item with its review note ("" for none)."""
        notes = self.reviews or ("",) * len(self.items)
        return tuple(zip(self.items, notes, strict=True))


class SourcePassage(NamedTuple):
    """Where a quotation stands in its archived source (`quotes --verify`)."""

    #: "verbatim", "not in the source", "archive changed", "archive unreadable" or
    #: "not archived".
    status: str
    #: The source's id, and the archived file ("" when there is none).
    source: str
    file: str
    #: The line of the archived text where the quotation starts (0 when not found).
    line: int
    before: str
    match: str
    after: str
    #: When the quotation is not in the source, the passage most like it ("" for none).
    closest: str = ""

    @property
    def verdict(self) -> str:
        """What the check found, in a few words."""
        return {
            "verbatim": "Verbatim in the archived source",
            "not in the source": "NOT FOUND in the archived source",
            "archive changed": "Found, but the archived text has changed since it was archived",
            "archive unreadable": "The archived text cannot be read",
            "not archived": "Not provable: the source has no archived text",
        }.get(self.status, self.status)

    @property
    def where(self) -> str:
        """'sources/x/ht.txt, line 14' (empty when not archived)."""
        if not self.file:
            return ""
        return f"{self.file}, line {self.line}" if self.line else self.file

    @property
    def caption(self) -> str:
        """The verdict and where, in one line."""
        return f"{self.verdict} ({self.where})" if self.where else self.verdict


class QuoteBlock(NamedTuple):
    id: str
    dialogue: str
    speaker_id: str
    speaker: str
    role: str
    country: str
    text: str
    topics: tuple[str, ...]
    context: str
    #: The citation line; empty where the view cites its sources elsewhere.
    source: str
    #: What a person should still check in the quote ("" when nothing).
    review: str = ""
    #: Its passage in the archived source, when the command was asked to verify it.
    passage: SourcePassage | None = None

    @property
    def credits(self) -> tuple[str, ...]:
        """What follows the speaker's name: role and country, or the source's attribution."""
        return tuple(part for part in (self.role, self.country) if part)

    @property
    def speaker_is_person(self) -> bool:
        """False for words the source gives to a side (a joint statement, a readout)."""
        return bool(self.country)

    @property
    def attribution(self) -> str:
        return ", ".join((self.speaker, *self.credits))

    @property
    def detail(self) -> str:
        """Where and how it was said, and its topics, in one line."""
        parts = [self.context]
        if self.topics:
            parts.append(f"Topic: {'; '.join(self.topics)}.")
        return " ".join(p for p in parts if p)


class Chart(NamedTuple):
    """A picture of commitment windows on a date axis, today marked (the dashboard's).

    ITEMS are follow-up items in their JSON shape (docs/json.md): those with a window
    are drawn, one row each, in the order given. HTML draws an SVG; the terminal and
    text formats a chart of characters; `summary` says in words what it shows.
    """

    title: str
    items: tuple[dict[str, Any], ...]
    #: The as-of date, ISO.
    as_of: str
    #: What the chart shows, in one sentence, for formats and readers without pictures.
    summary: str


Block = Heading | Paragraph | Bullets | Table | QuoteBlock | Chart


class View(NamedTuple):
    """What one command shows."""

    command: str
    blocks: tuple[Block, ...]
    data: dict[str, Any]
    table: Table | None = None
    #: Words to highlight where the format can (search results).
    highlight: tuple[str, ...] = ()


class ProblemsView(NamedTuple):
    """What `validate` found: every problem, or none and the counts of what is valid.

    Its text is one problem per line (for stderr) or a one-line summary; its
    JSON is the documented bare list of problems (docs/json.md), not the
    envelope of the other commands.
    """

    location: str
    problems: tuple[Problem, ...]
    #: What valid data holds (dialogues, participants, topics, ...); empty with problems.
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        n = self.counts

        def many(key: str, word: str) -> str:
            count = n.get(key, 0)
            return f"{count} {word}{'' if count == 1 else 's'}"

        return (
            f"{self.location}: ok: {many('dialogues', 'dialogue')},"
            f" {many('participants', 'participant')}, {many('topics', 'topic')},"
            f" {many('commitments', 'commitment')}, {many('interests', 'interest')},"
            f" {many('quotes', 'quote')}" + self._proved
        )

    @property
    def _proved(self) -> str:
        """'; 12 of 14 sources archived (2 cited by URL or name only), 180 quotes and
        evidence sentences proved verbatim'."""
        n = self.counts
        if "sources" not in n:
            return ""
        total, archived, proved = n["sources"], n["archived"], n["proved"]
        line = f"; {archived} of {total} source{'s' if total != 1 else ''} archived"
        if archived < total:
            line += f" ({total - archived} cited by URL or name only)"
        if archived:
            line += (
                f", {proved} quote{'s' if proved != 1 else ''} and evidence"
                f" sentence{'s' if proved != 1 else ''} proved verbatim"
            )
        return line


def highlight_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Where any of WORDS starts a word, ignoring case (what search matched)."""
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})", re.IGNORECASE)
