"""Score `briefing draft` on the corpus of real articles and their JSON gold files.

    python benchmarks/draft_eval.py --corpus dev [-v] [--json] [--check]
    python benchmarks/draft_eval.py --corpus heldout      # once at the start, once at the end
    python benchmarks/draft_eval.py --corpus DIR          # any folder of NAME.txt + NAME.gold.json

The corpus is tests/fixtures/draft/real/: `dev/` to develop on and `heldout/`,
frozen before any rule was changed, to measure on (see its README). Each
article is drafted alone, as `briefing draft ARTICLE.txt` would, and compared
with its gold file as a user would judge it:

  quotes        P and R; a quote matches when its text is equal after trimming white
                space and punctuation at both edges (draft_eval's rule)
  speakers      of matched quotes: right, unidentified ("Unidentified speaker") or
                wrong (given to another person, or to a person where the gold file
                has a document or an institution, or the reverse). Words of a person
                who was not at the meeting, or of an institution, given to "Unidentified
                speaker" count as unidentified (not wrong); an institution's or a
                document's given to the side it speaks for are right; a named person
                never stands in for either
  participants  P and R by name (same name, alias or surname); "not participants"
                counts draft participants and chairs that the gold file lists as
                only mentioned or as institutions (target: none)
  sides         P and R of the meeting's sides by country (the drafter's table of
                names, adjectives and short forms), groupings by name
  commitments   P and R by evidence (draft_eval's rule); kinds and parties of the
                matched ones (parties right when the set of sides is the same)
  date, place   of the articles whose gold file gives them: right, missed or wrong;
                an ordinal the text does not give counts as wrong

Overall figures are micro-averaged over every item of every article.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, NamedTuple

import draft_eval as de

ROOT: Final = Path(__file__).resolve().parent.parent
CORPUS: Final = ROOT / "tests" / "fixtures" / "draft" / "real"

Doc = dict[str, Any]

#: The id the drafter gives to words whose speaker it could not name.
UNIDENTIFIED: Final = "Unidentified speaker"


class Metric(NamedTuple):
    key: str
    column: str
    label: str
    #: The target, and whether the value must be at least it (True) or at most it.
    target: float | None
    at_least: bool = True


METRICS: Final = (
    Metric("quotes_precision", "Q P", "quotes precision", 0.95),
    Metric("quotes_recall", "Q R", "quotes recall", 0.95),
    Metric("speakers_right", "Spk ok", "speakers right (matched quotes)", 0.90),
    Metric("speakers_unidentified", "Spk ?", "speakers left unidentified", None),
    Metric("speakers_wrong", "Spk bad", "speakers wrong (another person)", 0.025, False),
    Metric("participants_precision", "Ppl P", "participants precision", None),
    Metric("participants_recall", "Ppl R", "participants recall", None),
    Metric(
        "not_participants", "Not ppl", "mentioned people, offices among participants", 0.0, False
    ),
    Metric("sides_precision", "Side P", "sides precision", 0.95),
    Metric("sides_recall", "Side R", "sides recall", 0.95),
    Metric("commitments_precision", "C P", "commitments precision", 0.90),
    Metric("commitments_recall", "C R", "commitments recall", 0.80),
    Metric("kinds", "Kinds", "kinds right (matched commitments)", 0.90),
    Metric("parties", "Parties", "parties right (matched commitments)", 0.90),
    Metric("dates", "Date", "dates found (gold gives one)", 1.0),
    Metric("dates_wrong", "Date bad", "dates wrong", 0.0, False),
    Metric("places", "Place", "places found (gold gives one)", None),
    Metric("ordinals_wrong", "Ord bad", "ordinals the text does not give", 0.0, False),
)
TARGETED: Final = tuple(m for m in METRICS if m.target is not None)


@dataclass(slots=True)
class Score:
    tallies: dict[str, de.Tally] = field(
        default_factory=lambda: {m.key: de.Tally() for m in METRICS}
    )
    misses: list[de.Miss] = field(default_factory=list)

    def count(self, key: str, hit: bool) -> None:
        t = self.tallies[key]
        self.tallies[key] = de.Tally(t.hits + int(hit), t.total + 1)

    def value(self, key: str) -> float | None:
        return self.tallies[key].value

    def missed_targets(self) -> list[Metric]:
        missed = []
        for m in TARGETED:
            value = self.value(m.key)
            assert m.target is not None
            if value is None:
                continue
            if (value < m.target) if m.at_least else (value > m.target):
                missed.append(m)
        return missed

    def miss(self, what: str, detail: str) -> None:
        self.misses.append(de.Miss(what, detail))

    def __add__(self, other: Score) -> Score:
        return Score(
            {k: t + other.tallies[k] for k, t in self.tallies.items()},
            [*self.misses, *other.misses],
        )


# --------------------------------------------------------------------------
# Names, people and sides


def short(text: str, limit: int = 100) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def gold_person(p: Doc) -> de.Who:
    names = [p["name"], *([p["surname"]] if p.get("surname") else [])]
    return de._who("participant", p["name"], names)


def draft_person(p: de.Plain) -> de.Who:
    return de.participant(p)


def same_person(a: de.Who, b: de.Who) -> bool:
    return de.likeness(a, b) > 0


def side_key(name: str) -> str:
    """A side as sides are compared: its grouping, else its country, else its folded name."""
    from briefing.draft.blocs import find_groupings

    groupings = find_groupings(name)
    if len(groupings) == 1:
        return groupings[0]
    countries = de._countries(name)
    if len(countries) == 1:
        return next(iter(countries))
    return de.name_form(name)


def sides_of(names: Iterable[str], year: int | None = None) -> set[str]:
    """The sides NAMES stand for, a grouping with a table of members as those members in
    YEAR (a draft's "Quad" is the gold file's Japan, United States, Australia and India)."""
    from briefing.draft.blocs import members_of

    found: set[str] = set()
    for name in names:
        if name:
            key = side_key(name)
            found |= set(members_of(key, year)) or {key}
    return found


def meeting_year(gold: Doc, draft: Doc) -> int | None:
    """The year of the meeting: the gold file's date, the date it says is printed, a year in
    the page's address, else the draft's date."""
    meeting = gold["meeting"]
    for text in (meeting["date"], meeting["date_printed"], gold["url"]):
        found = re.search(r"(?<!\d)((?:19|20)\d{2})(?:[01]\d[0-3]\d)?(?!\d)", text or "")
        if found:
            return int(found.group(1))
    drafted = de.dialogue_of(draft).get("date")
    return drafted.year if hasattr(drafted, "year") else None


def draft_sides(draft: Doc) -> list[str]:
    """The draft's parties that are sides: one country or grouping each, not a joint
    party ("India and Japan") nor an office that speaks for one."""
    found = []
    for p in de.records(draft, "parties"):
        name = de.text_of(p, "name")
        if " and " in name or len(de._countries(name)) > 1:
            continue
        if de._countries(name) and side_key(name) != de.name_form(name) and _office(name):
            continue
        found.append(name)
    return found


_OFFICE_WORDS: Final = frozenset(
    {"ministry", "department", "office", "government", "embassy", "house", "street",
     "kremlin", "agency", "presidency", "palace", "council", "secretariat", "statement",
     "readout", "spokesperson", "spokesman"}
)  # fmt: skip


def _office(name: str) -> bool:
    return bool(set(de.name_form(name).split()) & _OFFICE_WORDS)


def party_names(draft: Doc, ids: Iterable[str]) -> list[str]:
    by_id = {de.text_of(p, "id"): de.text_of(p, "name") for p in de.records(draft, "parties")}
    names: list[str] = []
    for i in ids:
        name = by_id.get(i, i)
        countries = de._countries(name)
        names += sorted(countries) if len(countries) > 1 else [name]
    return names


# --------------------------------------------------------------------------
# Scoring one article


def _speaker_of(draft: Doc, speaker_id: str) -> tuple[str, de.Who]:
    """What the draft gives a quote to: ("unidentified" | "person" | "party", who)."""
    who = de.resolve(draft, speaker_id)
    if who.kind == "participant" and who.name == UNIDENTIFIED:
        return "unidentified", who
    if who.kind == "party":
        return "party", who
    return "person", who


def _judge_speaker(gold: Doc, quote: Doc, kind: str, who: de.Who) -> str:
    """right, unidentified or wrong."""
    wanted = quote["speaker_type"]
    if kind == "unidentified":
        return "right" if wanted == "unidentified" else "unidentified"
    if wanted in ("participant", "mentioned"):
        if kind != "person":
            return "wrong"
        people = [*gold["participants"], *gold["mentioned"]]
        match = next((p for p in people if p["name"] == quote["speaker"]), None)
        target = (
            gold_person(match)
            if match
            else de._who("participant", quote["speaker"], [quote["speaker"]])
        )
        return "right" if same_person(target, who) else "wrong"
    if wanted in ("institution", "document"):
        if kind != "party":
            return "wrong"
        named = de._countries(quote["speaker"])
        got = de._countries(who.name) or {side_key(who.name)}
        return "right" if not named or named & got else "wrong"
    return "wrong"  # gold: unidentified; the draft names someone


def _score_quotes(gold: Doc, draft: Doc, s: Score) -> None:
    g_quotes = gold["quotes"]
    d_quotes = de.records(draft, "quotes")
    by_key: dict[str, list[int]] = {}
    for i, q in enumerate(d_quotes):
        by_key.setdefault(de.quote_key(de.text_of(q, "text")), []).append(i)
    used: set[int] = set()
    for q in g_quotes:
        key = de.quote_key(q["text"])
        found = next((i for i in by_key.get(key, []) if i not in used), None)
        s.count("quotes_recall", found is not None)
        if found is None:
            s.miss("missed quote", f"{short(q['text'])} ({q['speaker']})")
            continue
        used.add(found)
        kind, who = _speaker_of(draft, de.text_of(d_quotes[found], "speaker"))
        verdict = _judge_speaker(gold, q, kind, who)
        s.count("speakers_right", verdict == "right")
        s.count("speakers_unidentified", verdict == "unidentified")
        s.count("speakers_wrong", verdict == "wrong")
        if verdict != "right":
            s.miss(
                f"speaker {verdict}",
                f"{short(q['text'], 60)}: gold {q['speaker']} ({q['speaker_type']}),"
                f" draft {who.name}",
            )
    for i, q in enumerate(d_quotes):
        s.count("quotes_precision", i in used)
        if i not in used:
            s.miss("extra quote", short(de.text_of(q, "text")))


def _real_people(draft: Doc) -> list[de.Plain]:
    return [
        p
        for p in de.records(draft, "participants")
        if de.text_of(p, "name") not in (UNIDENTIFIED, "not stated in the source")
    ]


def _score_people(gold: Doc, draft: Doc, s: Score) -> None:
    wanted = [gold_person(p) for p in gold["participants"]]
    others = [gold_person(p) for p in gold["mentioned"]]
    offices = [de._who("participant", n, [n]) for n in gold["institutions"]]
    got = _real_people(draft)
    got_who = [draft_person(p) for p in got]
    matched: set[int] = set()
    for w in wanted:
        i = next((i for i, g in enumerate(got_who) if i not in matched and same_person(w, g)), None)
        s.count("participants_recall", i is not None)
        if i is None:
            s.miss("missed participant", w.name)
        else:
            matched.add(i)
    chairs = set(de.texts_of(de.dialogue_of(draft), "chairs"))
    bad = 0
    for i, (p, who) in enumerate(zip(got, got_who, strict=True)):
        s.count("participants_precision", i in matched)
        if i in matched:
            continue
        not_one = any(same_person(o, who) for o in others) or any(
            de.name_form(o.name) == de.name_form(who.name) for o in offices
        )
        label = "chair" if de.text_of(p, "id") in chairs else "participant"
        if not_one:
            bad += 1
            s.miss(f"not a participant, drafted as {label}", who.name)
        else:
            s.miss(f"extra {label}", f"{who.name} ({de.text_of(p, 'role')})")
    # Of every drafted participant, how many the gold file says were not there.
    s.tallies["not_participants"] += de.Tally(bad, len(got))


def _score_sides(gold: Doc, draft: Doc, s: Score) -> None:
    year = meeting_year(gold, draft)
    want = sides_of(gold["sides"], year)
    got = sides_of(draft_sides(draft), year)
    for side in sorted(want):
        s.count("sides_recall", side in got)
        if side not in got:
            s.miss("missed side", side)
    for side in sorted(got):
        s.count("sides_precision", side in want)
        if side not in want:
            s.miss("extra side", side)


def _score_commitments(gold: Doc, draft: Doc, s: Score) -> None:
    g_items = [{**c, "evidence": {"text": c["evidence"]}} for c in gold["commitments"]]
    d_items = de.records(draft, "commitments")
    pairs = de.match_evidence(g_items, d_items)
    matched_g = {g for g, _ in pairs}
    matched_d = {d for _, d in pairs}
    for g, c in enumerate(gold["commitments"]):
        s.count("commitments_recall", g in matched_g)
        if g not in matched_g:
            s.miss("missed commitment", f"[{c['kind']}] {short(c['evidence'])}")
    for d, c in enumerate(d_items):
        s.count("commitments_precision", d in matched_d)
        if d not in matched_d:
            s.miss("extra commitment", f"[{de.text_of(c, 'kind')}] {short(de.evidence_of(c))}")
    year = meeting_year(gold, draft)
    for g, d in pairs:
        want, got = gold["commitments"][g], d_items[d]
        kind = de.text_of(got, "kind")
        s.count("kinds", kind == want["kind"])
        if kind != want["kind"]:
            s.miss("wrong kind", f"{kind} for {want['kind']}: {short(want['evidence'], 70)}")
        parties = sides_of(party_names(draft, de.texts_of(got, "by")), year)
        wanted = sides_of(want["parties"], year)
        right = parties == wanted
        s.count("parties", right)
        if not right:
            s.miss(
                "wrong parties",
                f"{', '.join(sorted(parties))} for {', '.join(sorted(wanted))}:"
                f" {short(want['evidence'], 60)}",
            )


def _score_meeting(gold: Doc, draft: Doc, s: Score) -> None:
    meeting = gold["meeting"]
    dialogue = de.dialogue_of(draft)
    drafted = dialogue.get("date")
    got = (
        drafted.isoformat()
        if hasattr(drafted, "isoformat")
        else (str(drafted) if drafted else None)
    )
    if meeting["date"]:
        s.count("dates", got == meeting["date"])
        s.count("dates_wrong", got is not None and got != meeting["date"])
        if got != meeting["date"]:
            s.miss("date " + ("missed" if got is None else "wrong"), f"{got} for {meeting['date']}")
    elif got is not None:
        # A date the text does not fix (a weekday resolved from a dateline) is no error.
        s.count("dates_wrong", False)
    if meeting["place"]:
        where = de.name_form(de.text_of(dialogue, "location"))
        place = de.name_form(meeting["place"])
        right = bool(where) and (where in place or place in where)
        s.count("places", right)
        if not right:
            s.miss("place", f"{de.text_of(dialogue, 'location')} for {meeting['place']}")
    ordinal = dialogue.get("ordinal")
    if ordinal is not None or meeting["ordinal"] is not None:
        wrong = ordinal is not None and ordinal != meeting["ordinal"]
        s.count("ordinals_wrong", wrong)
        if wrong:
            s.miss("ordinal", f"{ordinal} for {meeting['ordinal']}")


SCORERS: Final[tuple[Callable[[Doc, Doc, Score], None], ...]] = (
    _score_quotes,
    _score_people,
    _score_sides,
    _score_commitments,
    _score_meeting,
)


def score(gold: Doc, draft: Doc) -> Score:
    s = Score()
    for scorer in SCORERS:
        scorer(gold, draft, s)
    return s


# --------------------------------------------------------------------------
# The corpus


def corpus_dir(name: str | Path) -> Path:
    """`dev`, `heldout`, `all` or a directory."""
    path = Path(name)
    if str(name) in ("dev", "heldout"):
        return CORPUS / str(name)
    return path


def articles(where: Path) -> list[Path]:
    """The articles under WHERE that have a gold file, in name order."""
    return sorted(p for p in where.rglob("*.txt") if p.with_suffix(".gold.json").exists())


def gold_of(article: Path) -> Doc:
    doc: Doc = json.loads(article.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return doc


def draft_of(article: Path) -> Doc:
    from briefing.draft.assemble import draft_plain
    from briefing.draft.sources import read_source

    plain: Doc = draft_plain([read_source(str(article))])
    return plain


def run(paths: Sequence[Path]) -> list[tuple[str, Score]]:
    return [(p.stem, score(gold_of(p), draft_of(p))) for p in paths]


def overall(results: Iterable[tuple[str, Score]]) -> Score:
    total = Score()
    for _, s in results:
        total = total + s
    return total


def _cell(t: de.Tally) -> str:
    return "-" if t.value is None else f"{t.value:.2f} ({t.hits}/{t.total})"


def table(results: Sequence[tuple[str, Score]], total: Score) -> list[str]:
    shown = list(METRICS)
    lines = [
        "| article | " + " | ".join(m.column for m in shown) + " |",
        "|---|" + "---:|" * len(shown),
    ]
    for name, s in results:
        lines.append(
            f"| {name} | "
            + " | ".join(
                "-"
                if s.tallies[m.key].value is None
                else f"{s.tallies[m.key].hits}/{s.tallies[m.key].total}"
                for m in shown
            )
            + " |"
        )
    lines += ["", "| measure | overall | target | |", "|---|---:|---:|---|"]
    missed = set(total.missed_targets())
    for m in METRICS:
        target = (
            "" if m.target is None else ("\u2265 " if m.at_least else "\u2264 ") + f"{m.target:g}"
        )
        verdict = (
            ""
            if m.target is None or total.value(m.key) is None
            else ("FAIL" if m in missed else "PASS")
        )
        lines.append(f"| {m.label} | {_cell(total.tallies[m.key])} | {target} | {verdict} |")
    return lines


def misses(results: Sequence[tuple[str, Score]]) -> list[str]:
    lines = ["", "## Misses"]
    for name, s in results:
        if s.misses:
            lines += ["", f"### {name}", *(f"- {m.what}: {m.detail}" for m in s.misses)]
    return lines


def as_json(results: Sequence[tuple[str, Score]], total: Score) -> dict[str, object]:
    def tallies(s: Score) -> dict[str, object]:
        return {
            k: {"hits": t.hits, "total": t.total, "value": t.value} for k, t in s.tallies.items()
        }

    return {
        "articles": [
            {"name": name, "tallies": tallies(s), "misses": [m._asdict() for m in s.misses]}
            for name, s in results
        ],
        "overall": tallies(total),
        "missed_targets": [m.key for m in total.missed_targets()],
    }
