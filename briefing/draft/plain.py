"""The draft as plain data in the knowledge format: ids, wording, parties, review notes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from briefing.draft.commitby import CommitmentParties
from briefing.draft.document import SMALL_WORDS, Ids, slug
from briefing.draft.lexicon import in_a_sentence
from briefing.draft.regex import Pattern
from briefing.draft.speakers import NAME
from briefing.draft.topics import Grouping, topic_ids

if TYPE_CHECKING:
    from briefing.draft.document import Document
    from briefing.draft.gather import People, Read, SourceLike
    from briefing.draft.items import Found
    from briefing.draft.speakers import Speaker

_STATUS: Final = {
    "decision": "agreed",
    "reaffirmation": "agreed",
    "confirmation": "planned",
    "plan": "planned",
}
_LEAD: Final = Pattern(r"^(?:to|that|on|in|of|about|for)\s+", re.IGNORECASE)
#: A passive verb: the commitment's subject is the thing done.
_BEEN: Final = Pattern(r"\b(?:be|been|being|is|are|was|were)\s+\w+$", re.IGNORECASE)
#: Verbs whose act is itself the commitment ("signed", "adopted").
_ACT: Final = Pattern(
    r"\b(?:signed|inked|adopted|launched|established|issued|published|released|restored|"
    r"witnessed the signing)\b",
    re.IGNORECASE,
)
_SIGNING: Final = Pattern(r"\b(?:signed|inked|signing)\b", re.IGNORECASE)
_NOT_STATED: Final = "not stated in the source"


def _sentence_case(words: str) -> str:
    words = " ".join(words.split()).strip(" ,;:\"'\u201c\u201d")
    if not words:
        return words
    if not words.endswith((".", "!", "?")):
        words += "."
    return words[0].upper() + words[1:]


def _wording(*candidates: str) -> str:
    """The first candidate of three words or more, as a sentence; the evidence says the rest."""
    for words in candidates:
        wording = _sentence_case(words)
        if len(words.split()) >= 3 and any(c.isalpha() for c in wording):
            return wording
    return "See the evidence."


def _commitment_text(doc: Document, item: Found) -> str:
    """The words after the verb, to the end of its sentence ("decided to establish X":
    "Establish X."); "reaffirmed its commitment to X" gives "Commitment to X."."""
    text = doc.text
    own = doc.sentence_at(item.verb[0])
    end = min(own.end, item.sentence.end) if own else item.sentence.end
    rest = text[item.verb[1] : end].strip(" ,")
    verb = text[item.verb[0] : item.verb[1]]
    whole = text[item.sentence.start : end]
    if _BEEN.search(verb):
        return _wording(whole)  # "A hotline will be established between ...": what, and done
    noun = re.search(r"\b(signing|adoption|launch|establishment|exchange) of$", verb)
    if verb.casefold().endswith("commitment"):
        rest = "commitment " + rest
    elif noun:
        rest = f"{noun.group(1)} of {rest}"  # "saw the signing of a memorandum": the signing
    elif _ACT.search(verb):
        rest = f"{verb} {rest}"  # "signed 18 agreements": the act is the commitment
    return _wording(_LEAD.sub("", rest), whole)


class _Builder(CommitmentParties):
    def __init__(
        self, people: People, sides: list[str], within: frozenset[str], grouping: Grouping
    ) -> None:
        self.people = people
        self.sides = sides
        self.within = within
        self.grouping = grouping
        self.parties: list[dict[str, Any]] = []
        #: Whether the article quotes a joint statement: joint words are then its words.
        self.statement = False
        #: The placeholder for speakers not identified, once one is needed.
        self.nobody: str | None = None
        self.party_ids: dict[str, str] = {}
        self.party_keys = Ids()
        # A party's id never takes a participant's: a 'by' list may name either.
        self.party_keys.taken.update(str(e["id"]) for e in people.entries)
        for side in sides:
            self.party(side)

    def party(self, name: str) -> str:
        if name not in self.party_ids:
            key = self.party_keys.add(slug(name, 4))
            self.party_ids[name] = key
            self.parties.append({"id": key, "name": name})
        return self.party_ids[name]

    def joint(self, attribution: str | None) -> str:
        names = self.sides[:2] if len(self.sides) >= 2 else self.sides or ["All sides"]
        joined = " and ".join(in_a_sentence(n) for n in names)
        if attribution and re.search(r"statement|declaration", attribution, re.IGNORECASE):
            self.statement = True
        if self.statement:
            joined += " (joint statement)"
        return self.party(joined)

    def speaker_id(self, read: Read, speaker: Speaker | None) -> str:
        if speaker is None or speaker.kind == "unknown":
            return self.unidentified()
        if speaker.kind == "person":
            key = self.people.local[(read.source_id, speaker.who)]
            # Someone only mentioned is no participant: their words are kept, unassigned.
            return key if self.present(key) else self.unidentified()
        if speaker.kind == "joint":
            return self.joint(speaker.attribution)
        return self.party(speaker.who)

    def name_of(self, key: str) -> str:
        """The name of the participant or party KEY, as a note names it."""
        for record in (*self.people.entries, *self.parties):
            if record["id"] == key:
                return str(record["name"])
        return key

    def person(self, key: str) -> dict[str, Any] | None:
        """The people's entry KEY (None for a key that is no person's)."""
        return next((e for e in self.people.entries if e["id"] == key), None)

    def present(self, key: str) -> bool:
        entry = self.person(key)
        return entry is None or bool(entry.get("present", True))

    def absent_note(self, read: Read, speaker: Speaker | None) -> str | None:
        """What to check when a quote's speaker was not at the meeting, else None."""
        if speaker is None or speaker.kind != "person":
            return None
        entry = self.person(self.people.local[(read.source_id, speaker.who)])
        if entry is None or entry.get("present", True):
            return None
        role = f" ({entry['role']})" if entry["role"] else ""
        return (
            f"check the speaker: the source gives these words to {entry['name']}{role},"
            " whom it does not place at the meeting"
        )

    def unidentified(self) -> str:
        """A participant standing for whoever said words the drafter could not attribute, so
        that they are never given to someone who did not say them."""
        if self.nobody is None:
            self.nobody = self.people.keys.add("unidentified")
            self.people.entries.append(
                {"id": self.nobody, "name": "Unidentified speaker", "aliases": [],
                 "role": None, "country": None, "counterpart_of": None,
                 "notes": ["give each quote of this stand-in its speaker, or keep it"
                           " unidentified: it stands for speakers the source does not name"]}
            )  # fmt: skip
        return self.nobody

    def topics(self, read: Read, start: int, end: int) -> list[str]:
        return topic_ids(read.doc, start, read.doc.text[start:end], self.grouping.by_heading)


def _content(words: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", words.casefold()) if w not in SMALL_WORDS}


def _alike(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= 0.6


def _repeats(a: set[str], b: set[str]) -> bool:
    """Whether one wording holds (nearly) all the words of the other, and has some."""
    return min(len(a), len(b)) >= 4 and _overlap(a, b) >= 0.9


def _overlap(a: set[str], b: set[str]) -> float:
    """The share of the smaller set's words that the other has."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _notes(*notes: str | None) -> str | None:
    kept = [n for n in notes if n]
    return "; ".join(kept) if kept else None


def _put(record: dict[str, Any], review: str | None) -> dict[str, Any]:
    if review:
        record["review"] = review
    return record


def _quotes(builder: _Builder, reads: list[Read]) -> list[dict[str, Any]]:
    builder.statement = any(
        a.speaker is not None
        and a.speaker.kind == "joint"
        and re.search(r"statement|declaration", a.speaker.attribution or "", re.IGNORECASE)
        for r in reads
        for a in r.quotes
    )
    found: list[dict[str, Any]] = []
    seen: dict[str, dict[str, Any]] = {}
    taken = Ids()
    for read in reads:
        for attributed in read.quotes:
            quote, speaker = attributed.quote, attributed.speaker
            text = read.doc.text[quote.start : quote.end]
            speaker_id = builder.speaker_id(read, speaker)
            # The same words from two speakers are two quotations, never one.
            key = speaker_id + "|" + " ".join(text.split()).strip(" ,.;:").casefold()
            if key in seen:
                earlier = seen[key]
                earlier["context"] += f" (Also reported by source {read.source_id}.)"
                continue
            context = read.doc.text[attributed.context[0] : attributed.context[1]]
            unclosed = (
                "check where the quotation ends: the source never closes it"
                if quote.closed < 0
                else None
            )
            review = (
                "say who said it: the source names no speaker near it"
                if speaker is None
                else builder.absent_note(read, speaker) or speaker.review
            )
            if review and NAME in review:
                review = review.replace(NAME, builder.name_of(speaker_id))
            record: dict[str, Any] = {
                "id": taken.add(slug(text)),
                "speaker": speaker_id,
                "text": text,
                "topics": builder.topics(read, *attributed.context),
                "context": " ".join(context.split()),
                "source": read.source_id,
            }
            if speaker is not None and speaker.kind != "person" and speaker.attribution:
                record["attribution"] = speaker.attribution
            _put(
                record,
                _notes(
                    review,
                    unclosed,
                    "check that these are the speaker's words: a partial quotation"
                    if quote.partial
                    else None,
                ),
            )
            seen[key] = record
            found.append(record)
    return found


def _past(words: str, year: int | None) -> bool:
    """Whether WORDS name a year before the meeting's ("in 2022" for a meeting in 2026)."""
    return year is not None and any(int(y) < year for y in re.findall(r"\b(?:19|20)\d\d\b", words))


class _Items:
    """Commitments, discussions and events of every source, in the order read."""

    def __init__(self, builder: _Builder, several: bool, year: int | None) -> None:
        self.builder = builder
        #: Whether there are several sources, whose commitments may be the same.
        self.several = several
        #: The meeting's year, when known: an earlier one is background, not a timeline.
        self.year = year
        self.out: dict[str, list[dict[str, Any]]] = {
            "commitments": [], "discussions": [], "events": []
        }  # fmt: skip
        self.taken = {k: Ids() for k in self.out}
        self.seen: set[tuple[str, str]] = set()
        #: Each commitment's words, id and source, to find one told twice.
        self.said: list[tuple[set[str], str, str]] = []
        #: Each commitment's words, source and sentence, to find one told again in a source.
        self.told: list[tuple[set[str], tuple[str, int]]] = []
        #: The sources where a signing was drafted.
        self.signed: set[str] = set()

    def add(self, read: Read, item: Found) -> None:
        sentence = read.doc.text[item.sentence.start : item.sentence.end]
        seen = (item.what, " ".join(sentence.split()))
        if seen in self.seen and item.what != "commitment":
            return
        self.seen.add(seen)
        evidence = {"source": read.source_id, "text": sentence}
        topics = self.builder.topics(read, item.sentence.start, item.sentence.end)
        if item.what == "commitment":
            self._commitment(read, item, evidence, topics)
        elif item.what == "discussion":
            self._discussion(read, item, evidence, topics)
        else:
            self._event(read, item, evidence, topics)

    def _commitment(
        self, read: Read, item: Found, evidence: dict[str, str], topics: list[str]
    ) -> None:
        timeline = item.timeline if not _past(item.timeline or "", self.year) else None
        if item.kind == "decision" and item.timeline and timeline is None:
            return  # "Poland signed a framework agreement in 2022": background
        wording = _commitment_text(read.doc, item)
        words = _content(wording)
        # The same undertaking told again in the speaker's words, close by (not pages later).
        if item.quoted and any(_alike(words, w) for w, _, _ in self.said[-20:]):
            return
        # A caption or a repeated lede tells again, in the same source, what was drafted.
        signing = _SIGNING.search(read.doc.text, item.verb[0], item.verb[1] + 1) is not None
        if item.quoted and signing and read.source_id in self.signed:
            return  # "we have just witnessed the signing," the President said: told again
        told = (read.source_id, item.sentence.start)
        # Only wordings of four words or more can repeat one another (see _repeats): a long
        # article of short commitments is not compared pair by pair.
        if len(words) >= 4:
            if any(at[0] == told[0] and at != told and _repeats(words, w) for w, at in self.told):
                return
            self.told.append((words, told))
        if signing:
            self.signed.add(read.source_id)
        # Another report of the same undertaking is kept, and pointed out, never merged.
        near = [
            (_overlap(words, w), key, source)
            for w, key, source in (self.said if self.several else ())
            if source != read.source_id
        ]
        best = max(near, default=None)
        same = (
            f"probably the same as {best[1]} (source {best[2]})"
            if best and best[0] >= 0.35
            else None
        )
        by, by_note = self.builder.commitment_by(read, item)
        record: dict[str, Any] = {
            "id": self.taken["commitments"].add(slug(wording)),
            "text": wording,
            "by": by,
            "topics": topics,
            "kind": item.kind,
        }
        if timeline:
            record["timeline"] = timeline
        if item.kind in _STATUS:
            record["status"] = _STATUS[item.kind]
        record["evidence"] = evidence
        _put(record, _notes("check the wording against the evidence", item.review, by_note, same))
        self.said.append((words, record["id"], read.source_id))
        self.out["commitments"].append(record)

    def _discussion(
        self, read: Read, item: Found, evidence: dict[str, str], topics: list[str]
    ) -> None:
        text = read.doc.text
        verb = text[item.verb[0] : item.verb[1]]
        rest = text[item.verb[1] : item.sentence.end].strip(" ,")
        noun = re.search(r"(importance|need|significance|priority)$", verb)
        rest = f"the {noun.group(1)} {rest}" if noun else _LEAD.sub("", rest)
        wording = _wording(rest, evidence["text"])
        record = {
            "id": self.taken["discussions"].add(slug(wording)),
            "text": wording,
            "topics": topics,
            "evidence": evidence,
        }
        _put(record, _notes("check the wording against the evidence", item.review))
        self.out["discussions"].append(record)

    def _event(self, read: Read, item: Found, evidence: dict[str, str], topics: list[str]) -> None:
        people: list[str] = []
        for mention in read.cast.mentions_in(item.sentence.start, item.sentence.end):
            key = self.builder.people.local[(read.source_id, mention.person)]
            if key not in people and self.builder.present(key):
                people.append(key)
        record: dict[str, Any] = {
            "id": self.taken["events"].add(slug(evidence["text"])),
            "text": _wording(evidence["text"]),
        }
        if people:
            record["participants"] = people
        if item.timeline:
            record["when"] = item.timeline
        record["topics"] = topics
        record["evidence"] = evidence
        _put(record, "check the wording against the evidence")
        self.out["events"].append(record)


def _items(
    builder: _Builder, reads: list[Read], year: int | None
) -> dict[str, list[dict[str, Any]]]:
    items = _Items(builder, len(reads) > 1, year)
    for read in reads:
        for item in read.items:
            items.add(read, item)
    return items.out


def _source_record(source: SourceLike, source_id: str, title: str | None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": source_id, "title": source.title or title or source.name}
    if source.publisher:
        record["publisher"] = source.publisher
    if source.url:
        record["url"] = source.url
    if source.date:
        record["date"] = source.date
    if source.file:
        record["file"] = source.file
    return record


def _participants(people: People) -> list[dict[str, Any]]:
    """The people at the meeting; those the source only mentions are left out."""
    found = []
    for entry in people.entries:
        if not entry.get("present", True):
            continue
        aliases = []
        for alias in entry["aliases"]:
            if alias != entry["name"] and alias not in aliases:
                aliases.append(alias)
        notes = list(entry["notes"])
        if entry["role"] is None:
            notes.append("add the role: the source gives none")
        if entry["country"] is None:
            notes.append("add the country: the source gives none")
        record: dict[str, Any] = {"id": entry["id"], "name": entry["name"]}
        if aliases:
            record["aliases"] = aliases
        record["role"] = entry["role"] or _NOT_STATED
        record["country"] = entry["country"] or _NOT_STATED
        found.append(_put(record, _notes(*notes)))
    return found


def build_plain(
    *,
    sources: Sequence[SourceLike],
    reads: list[Read],
    people: People,
    sides: list[str],
    topics: Grouping,
    date: dt.date | None,
    ident: str | None,
    within: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    builder = _Builder(people, sides, within, topics)
    quotes = _quotes(builder, reads)
    meeting = next((r.meeting for r in reads if r.meeting.title), reads[0].meeting)
    dated = next((r.meeting for r in reads if r.meeting.date), None)
    notes: list[str] = []
    title = meeting.title
    if meeting.headline:
        notes.append("name the meeting: the title is the article's headline")
    if title is None:
        title = " and ".join(sides[:2]) + " meeting" if sides else "Meeting"
        notes.append("name the meeting: the source names none, so the title is made from the sides")
    dialogue: dict[str, Any] = {
        "id": ident or slug(title, 6),
        "title": title,
    }
    if meeting.ordinal:
        dialogue["ordinal"] = meeting.ordinal
    written = note = None
    when: dt.date | None
    if date is not None:
        when = date
        note = "date given on the command line"
    elif dated is not None and dated.date is not None:
        when, written, note = dated.date, dated.date_as_written, dated.date_note
        if note:
            notes.append("check the date: worked out from the source's words (see date_note)")
    else:
        # No date at all rather than a made-up one: every command shows "date not
        # found", and `validate --strict` fails until a person adds the real date.
        when = None
        written = next(
            (r.meeting.date_as_written for r in reads if r.meeting.date_as_written), None
        )
        notes.append("add the meeting's date (date: YYYY-MM-DD): the source gives none")
    if when is not None:
        dialogue["date"] = when
    items = _items(builder, reads, None if when is None else when.year)
    if written:
        dialogue["date_as_written"] = written
    if note:
        dialogue["date_note"] = note
    location = next((r.meeting.location for r in reads if r.meeting.location), None)
    if location is None:
        notes.append("add the place: the source gives none")
    dialogue["location"] = location or _NOT_STATED
    if not any(e.get("present", True) for e in people.entries):
        people.entries.append(
            {"id": "unknown", "name": _NOT_STATED, "aliases": [], "role": None, "country": None,
             "notes": ["name the chair: nobody is named in the source"]}
        )  # fmt: skip
    chairs: list[str] = []
    for read in reads:
        for local in read.chairs:
            key = people.local[(read.source_id, local)]
            if key not in chairs and builder.present(key):
                chairs.append(key)
        if chairs:
            break
    if not chairs:
        chairs = [p["id"] for p in people.entries if p.get("present", True)][:2]
        notes.append("check the chairs: taken to be the first people named")
    dialogue["chairs"] = chairs
    dialogue["sources"] = [
        _source_record(s, r.source_id, r.doc.title) for s, r in zip(sources, reads, strict=True)
    ]
    _put(dialogue, _notes(*notes))
    plain: dict[str, Any] = {"schema": 1, "dialogue": dialogue}
    plain["parties"] = builder.parties
    plain["participants"] = _participants(people)
    plain["topics"] = [
        {"id": t.id, "name": t.name, "summary": t.summary, "review": t.review}
        for t in topics.topics
    ]
    for name in ("commitments", "discussions", "quotes", "events"):
        values = quotes if name == "quotes" else items[name]
        if values:
            plain[name] = values
    return plain
