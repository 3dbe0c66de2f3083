"""The knowledge format, declared once: every record, its fields, and the model it builds.

Everything else follows from this spec: the parser's walker validates the
nodes of a file against it, `briefing.build` turns the validated plain form
into the model, `briefing.schema_export` writes the JSON Schema that editors use and the
field tables of docs/schema.md, and the cache key changes with it.

Adding a field to the format is one line here (its kind, whether it is required
and what it means), the field in the model class, and the code that uses it.

Kinds of field:

- text: any non-empty YAML string.
- id: lowercase letters, digits, '-', '_' and '.'; an id field of a record that
  lives in a table (`table=True`) names that record for references.
- date: YYYY-MM-DD.
- integer: plain digits, optionally with a minimum.
- choice: one of a fixed list of words.
- ref: the id of a record in one of the named tables.
- link: DIALOGUE_ID/COMMITMENT_ID, a commitment of any dialogue read
  together, resolved once every file is loaded (`briefing.links`).
- record: a nested mapping read by its own spec.

Any kind can be a list (`many=True`), optionally with a minimum length.
Rules that span several fields are named checks (`Record.checks`), implemented
beside the walker in `briefing.parse.checks`.
"""

from typing import Final, NamedTuple

from briefing import model
from briefing.model import KINDS, SCHEMA_VERSION, STATUSES

TEXT: Final = "text"
ID: Final = "id"
DATE: Final = "date"
INTEGER: Final = "integer"
CHOICE: Final = "choice"
REF: Final = "ref"
LINK: Final = "link"
RECORD: Final = "record"


class Field(NamedTuple):
    name: str
    kind: str
    required: bool
    doc: str
    many: bool = False
    #: The fewest items a list may hold.
    min_items: int = 0
    #: An id field: whether it names its record for references (the table is the record's plural).
    table: bool = False
    #: A ref field: the tables whose ids it may name.
    refs: tuple[str, ...] = ()
    #: A record field: the record's name.
    record: str = ""
    choices: tuple[str, ...] = ()
    #: An integer field: the smallest value, and an example for messages.
    minimum: int | None = None
    example: str = ""
    #: The only value allowed (the schema version).
    const: int | None = None
    #: A hint for a value out of range (an empty list, a number below the minimum).
    hint: str = ""
    #: A record field whose fields are spread into the parent's model class.
    inline: bool = False
    #: Whether the model keeps the field (the schema version is only checked).
    in_model: bool = True
    #: Whether the field's line and column outlive parsing, for checks across files.
    located: bool = False


class Record(NamedTuple):
    name: str
    #: How messages name one ("a commitment").
    title: str
    #: The name of a list of them, and of their table of ids ("commitments").
    plural: str
    fields: tuple[Field, ...]
    #: The model class built from it, with its fields in the spec's order.
    model: type
    #: Named rules that span fields (see briefing.parse.checks).
    checks: tuple[str, ...] = ()
    #: The heading of docs/schema.md that describes it.
    anchor: str = ""
    #: Model fields that do not come from the file.
    extra: tuple[str, ...] = ()


def text(name: str, doc: str, *, required: bool = True, many: bool = False) -> Field:
    return Field(name, TEXT, required, doc, many=many)


def ident(doc: str, *, table: bool = True) -> Field:
    return Field("id", ID, True, doc, table=table)


def date(name: str, doc: str, *, required: bool = True) -> Field:
    return Field(name, DATE, required, doc)


def ref(
    name: str,
    tables: tuple[str, ...],
    doc: str,
    *,
    required: bool = True,
    many: bool = False,
    min_items: int = 0,
    hint: str = "",
) -> Field:
    return Field(name, REF, required, doc, many=many, refs=tables, min_items=min_items, hint=hint)


def record(
    name: str,
    of: str,
    doc: str,
    *,
    required: bool = True,
    many: bool = False,
    min_items: int = 0,
    hint: str = "",
    inline: bool = False,
) -> Field:
    return Field(
        name,
        RECORD,
        required,
        doc,
        many=many,
        record=of,
        min_items=min_items,
        hint=hint,
        inline=inline,
    )


def choice(name: str, choices: tuple[str, ...], doc: str, *, required: bool = True) -> Field:
    return Field(name, CHOICE, required, doc, choices=choices)


def link(name: str, doc: str, *, required: bool = True, many: bool = False) -> Field:
    return Field(name, LINK, required, doc, many=many, located=True)


def review(item: str, example: str) -> Field:
    """The note of what a person should still check in ITEM; deleting it signs the item off.

    Located, so that `briefing validate --strict` can point at each line to delete.
    """
    return Field(
        "review",
        TEXT,
        False,
        f'what a person should still check in {item} ("{example}"); delete the line once checked',
        located=True,
    )


_EVIDENCE: Final = record("evidence", "evidence", "the sentence of the source this rests on")
_TOPIC_IDS: Final = "the topics it belongs to (may be `[]`)"

RECORDS: Final[tuple[Record, ...]] = (
    Record(
        "document",
        "the file",
        "documents",
        (
            Field(
                "schema",
                INTEGER,
                True,
                f"the format version; always `{SCHEMA_VERSION}` for this format",
                const=SCHEMA_VERSION,
                example=str(SCHEMA_VERSION),
                in_model=False,
            ),
            record("dialogue", "dialogue", "the meeting itself", inline=True),
            record(
                "parties",
                "party",
                "the countries or organisations that make commitments",
                required=False,
                many=True,
            ),
            record("participants", "participant", "the people named in the source", many=True),
            record("topics", "topic", "what the meeting was about", many=True),
            record(
                "commitments",
                "commitment",
                "decisions, plans, reaffirmations, confirmations and expressions of interest",
                required=False,
                many=True,
            ),
            record(
                "discussions",
                "discussion",
                "matters discussed without a commitment",
                required=False,
                many=True,
            ),
            record(
                "quotes", "quote", "words a participant said, verbatim", required=False, many=True
            ),
            record(
                "events",
                "event",
                "things that happened around the meeting",
                required=False,
                many=True,
            ),
            record(
                "progress",
                "progress",
                "what later happened to commitments, of this meeting or of earlier ones",
                required=False,
                many=True,
            ),
        ),
        model.Dialogue,
        checks=("shared-ids",),
        anchor="top-level",
        extra=("path",),
    ),
    Record(
        "dialogue",
        "the dialogue",
        "dialogues",
        (
            ident(
                "names the dialogue; unique across all files read together"
                " (`--dialogue ID` picks it)",
                table=False,
            )._replace(located=True),
            text("title", "the meeting's name"),
            Field(
                "ordinal",
                INTEGER,
                False,
                "which meeting in a series: `18` for the 18th",
                minimum=1,
                example="18",
                hint="the ordinal counts meetings: 18 for the 18th; leave it out if unknown",
                located=True,
            ),
            Field(
                "series",
                ID,
                False,
                "the recurring meeting this is a round of (`india-japan-strategic-dialogue`);"
                " rounds of a series are ordered by date, then ordinal",
                located=True,
            ),
            date(
                "date",
                "the day of the meeting; leave it out only while it is not known (every command"
                ' then says "date not found", and `validate --strict` fails)',
                required=False,
            ),
            text(
                "date_as_written",
                'the date in the source\'s own words ("Friday") when the source gives no'
                " calendar date",
                required=False,
            ),
            text(
                "date_note",
                "where the calendar date comes from, when it is not in the source",
                required=False,
            ),
            text("location", "where the meeting took place"),
            ref(
                "chairs",
                ("participants",),
                "who chaired or led the meeting",
                many=True,
                min_items=1,
                hint="name at least one",
            ),
            record(
                "sources",
                "source",
                "what the file is based on",
                many=True,
                min_items=1,
                hint="cite the source the file is based on",
            ),
            review("the meeting itself", "date taken from other reporting"),
        ),
        model.Dialogue,
        anchor="dialogue",
    ),
    Record(
        "source",
        "a source",
        "sources",
        (
            ident(
                "what `evidence.source` and a quote's `source` refer to; unique among the sources"
            ),
            text("title", "the headline or title of the source"),
            text("publisher", "who published it", required=False),
            text("url", "where it can be read", required=False),
            date("date", "when it was published", required=False),
            text(
                "file",
                "the name of the file the source was read from, when it was a local file",
                required=False,
            ),
            record(
                "archive",
                "archive",
                "where the text read from the source is archived, and its hash;"
                " `briefing validate` proves every quote and evidence sentence against it",
                required=False,
            ),
        ),
        model.Source,
        anchor="dialogue",
    ),
    Record(
        "archive",
        "an archive record",
        "archives",
        (
            Field(
                "path",
                TEXT,
                True,
                "the archived text, relative to the archive directory (`sources/` beside the"
                " knowledge file, unless `--archive DIR` or `$BRIEFING_ARCHIVE` says otherwise)",
                located=True,
            ),
            Field(
                "sha256",
                TEXT,
                True,
                "the SHA-256 of the archived file's bytes, 64 hexadecimal digits; a file that"
                " no longer matches it is an error",
                located=True,
            ),
            text(
                "retrieved",
                "when the text was read, in UTC (`2026-01-17T09:12:00Z`)",
                required=False,
            ),
        ),
        model.Archive,
        anchor="archive",
    ),
    Record(
        "party",
        "a party",
        "parties",
        (
            ident("what a commitment's `by` list refers to"),
            text("name", "the display name"),
            review("the party", "name read from 'Tokyo'"),
        ),
        model.Party,
        anchor="parties",
    ),
    Record(
        "participant",
        "a participant",
        "participants",
        (
            ident(
                "what `speaker`, `chairs`, `stated_by`, `by` and an event's `participants` refer to"
            ),
            text("name", "the name as the source gives it"),
            text(
                "aliases",
                'other forms of the name **that the source uses** ("Jaishankar",'
                ' "Dr Jaishankar"); `--speaker` matches them',
                required=False,
                many=True,
            ),
            record(
                "other_names",
                "other_name",
                "names the source does **not** use, each with a note",
                required=False,
                many=True,
            ),
            text("role", "the role as the source describes it"),
            text(
                "role_note",
                "a correction or remark about the role, kept apart from the source's wording",
                required=False,
            ),
            text("country", "the country the participant represents"),
            review("the participant", "role taken from a photo caption"),
        ),
        model.Participant,
        anchor="participants",
    ),
    Record(
        "other_name",
        "an other_names entry",
        "other names",
        (
            text("name", "the name"),
            text("note", "where it comes from; say that the source does not use it"),
        ),
        model.OtherName,
        anchor="other-names",
    ),
    Record(
        "topic",
        "a topic",
        "topics",
        (
            ident(
                "what the `topics` lists of commitments, discussions, quotes and events refer to"
            ),
            text("name", "a short display name"),
            text("summary", "a paragraph on what the meeting said about the topic"),
            review("the topic", "summary generated"),
        ),
        model.Topic,
        anchor="topics",
    ),
    Record(
        "commitment",
        "a commitment",
        "commitments",
        (
            ident("unique among the commitments"),
            text("text", "what was committed to, in a short sentence of your own"),
            ref(
                "by",
                ("parties", "participants"),
                "who is committed",
                many=True,
                min_items=1,
                hint="name at least one",
            ),
            ref(
                "stated_by",
                ("participants",),
                "who announced it, when the source says so",
                required=False,
            ),
            ref("topics", ("topics",), _TOPIC_IDS, many=True),
            choice("kind", KINDS, "what sort of commitment the source describes"),
            text(
                "timeline",
                'when, **in the source\'s exact words** ("early this year")',
                required=False,
            ),
            record(
                "window",
                "window",
                "a date range read into the timeline, marked as an interpretation",
                required=False,
            ),
            choice(
                "status", STATUSES, "how far it has got, as the source reports it", required=False
            ),
            text("note", "a remark on how the source was read", required=False),
            record(
                "other_names",
                "other_name",
                "names for the subject that the source does not use",
                required=False,
                many=True,
            ),
            _EVIDENCE,
            link(
                "follows",
                "earlier commitments this one continues, reaffirms or raises, each as"
                " `DIALOGUE_ID/COMMITMENT_ID`",
                required=False,
                many=True,
            ),
            review("the commitment", "kind chosen between plan and decision"),
        ),
        model.Commitment,
        anchor="commitments",
    ),
    Record(
        "window",
        "a window",
        "windows",
        (
            date("start", "the first day of the window"),
            date("end", "the last day; on or after `start`"),
            text("note", "why these dates: say that it is an interpretation and of what"),
        ),
        model.Window,
        checks=("window-order",),
        anchor="timeline-and-window",
    ),
    Record(
        "evidence",
        "an evidence block",
        "evidence",
        (
            ref("source", ("sources",), "which source"),
            text("text", "the words, **verbatim from the source**"),
        ),
        model.Evidence,
        anchor="evidence",
    ),
    Record(
        "progress",
        "a progress entry",
        "progress",
        (
            link(
                "commitment",
                "the commitment it reports on, as `DIALOGUE_ID/COMMITMENT_ID`; it may be in"
                " another file",
            ),
            Field("date", DATE, True, "when it happened, or when it was reported", located=True),
            choice("status", STATUSES, "where the commitment stands after this"),
            text("text", "what happened, in your words"),
            _EVIDENCE,
            review("the progress entry", "date of the report, not of the event"),
        ),
        model.Progress,
        anchor="progress",
    ),
    Record(
        "discussion",
        "a discussion",
        "discussions",
        (
            ident("unique among the discussions"),
            text("text", "what was discussed, in your words"),
            ref("topics", ("topics",), _TOPIC_IDS, many=True),
            _EVIDENCE,
            review("the discussion", "two paragraphs condensed into one"),
        ),
        model.Discussion,
        anchor="discussions",
    ),
    Record(
        "quote",
        "a quote",
        "quotes",
        (
            ident("unique among the quotes"),
            ref(
                "speaker",
                ("participants", "parties"),
                "who said it: a participant, or a party for words the source gives to a side"
                " (a joint statement, a readout)",
            ),
            text(
                "text",
                "the words, **verbatim from the source**, including its punctuation",
            ),
            ref("topics", ("topics",), _TOPIC_IDS, many=True),
            text("context", "when or why it was said, in your words"),
            ref("source", ("sources",), "where the words are printed"),
            text(
                "attribution",
                "how the source attributes the words, in its own words, when it is not a person"
                ' speaking ("the joint statement reads", "according to a readout")',
                required=False,
            ),
            review("the quote", "speaker resolved from 'he' across a paragraph"),
        ),
        model.Quote,
        anchor="quotes",
    ),
    Record(
        "event",
        "an event",
        "events",
        (
            ident("unique among the events"),
            text("text", "what happened, in your words"),
            ref("participants", ("participants",), "who took part", required=False, many=True),
            text("when", "when, in the source's words", required=False),
            ref("topics", ("topics",), "related topics", required=False, many=True),
            _EVIDENCE,
            review("the event", "order of the calls inferred"),
        ),
        model.Event,
        anchor="events",
    ),
)

#: Every record by name.
SPEC: Final[dict[str, Record]] = {r.name: r for r in RECORDS}
#: The record whose ids make up each table ("participants" -> the participant record).
TABLES: Final[dict[str, Record]] = {
    r.plural: r for r in RECORDS if any(f.kind == ID and f.table for f in r.fields)
}
#: The top of a knowledge file.
DOCUMENT: Final = SPEC["document"]


def tables_under(name: str) -> frozenset[str]:
    """The tables whose ids are defined inside a record of NAME (itself included)."""
    seen: set[str] = set()
    found: set[str] = set()
    stack = [name]
    while stack:
        current = SPEC[stack.pop()]
        if current.name in seen:
            continue
        seen.add(current.name)
        if current.plural in TABLES:
            found.add(current.plural)
        stack.extend(f.record for f in current.fields if f.kind == RECORD)
    return frozenset(found)


def fingerprint() -> str:
    """A text that changes whenever the spec does (part of the cache key)."""
    return repr([(r.name, r.fields, r.model.__name__, r.model._fields, r.checks) for r in RECORDS])  # type: ignore[attr-defined]
