"""Score drafted knowledge files against the hand-written gold files.

    python benchmarks/draft_eval.py [--sources DIR] [--json] [--verbose] [--check]
    python benchmarks/draft_eval.py --drafts DIR [--json] [--verbose] [--check]

The gold files are data/dialogue.yaml and examples/**/*.yaml, each counted once
by its real path (a symlink to a file already read adds nothing); --gold PATH
picks others. Without --drafts, each gold file's sources (its
`dialogue.sources[].file`, resolved under --sources, else $BRIEFING_SOURCES,
else ../shared/sources beside the checkout) are drafted together, as one
dialogue, by briefing.draft; --save-drafts DIR keeps what it wrote. With
--drafts DIR, the YAML files under DIR are scored instead: a draft goes with
the gold file whose dialogue id it has, else whose file name (stem) or dialogue
id its stem is. A gold file with no draft is scored against an empty one.

Matching rules (each match is one-to-one):

  quotes       equal text after trimming white space and punctuation at both
               edges (quote marks and apostrophes, curly or straight, count as
               punctuation there) and collapsing white space inside to one
               space (in Unicode NFC); nothing else is forgiven
  speakers     of matched quotes, the share said by the same speaker. Ids are
               local to each file, so each is resolved to its participant (name
               and aliases) or party (name), and names are compared folded
               (case, accents, punctuation), without honorifics ("Dr", "PM")
               and bracketed remarks. Two participants agree when they have a
               name or alias in common, or the same surname (the last word of
               a name or alias, "Jr" and the like passed over) that is not a
               common word (a title, a role, a function word), or one's name
               is the other's in another order ("Hayashi Yoshimasa"). Two
               parties agree when their names are the same, or when both name
               the same countries ("EU and Japan", "Japan and the European
               Union", by the drafter's table of country names and short
               forms). A participant never
               agrees with a party; an id that names neither is read as a name
  commitments  by evidence text: white space collapsed and edges trimmed as for
               quotes, they match when one contains the other (of at least 3
               words) or both have a sentence of at least 8 words in common;
               the pairs with the most words in common are taken first
  kinds        of matched commitments, the share with the same `kind`
  participants gold to draft by the same rule as speakers, the same name first,
               then an alias in common, then a surname; roles agree when
               equal after case folding, dropping punctuation and a leading
               article or possessive ("the", "his", "Japan's")
  discussions, events
               recall by evidence, as for commitments (information, no target)

Overall figures are micro-averaged: every item of every article counts once
(hits summed over all articles, divided by the summed totals), not a mean of
the per-article figures. Each row of the table says PASS or FAIL against the
targets; --check judges the overall row only, since one article has few items.

Exit status: 0, or with --check 0 when every overall target is met and 1 when
one is missed; 2 when the drafter is missing, a source is missing, a draft
could not be made or read, or the usage is wrong.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import sys
import traceback
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, NamedTuple

import yaml

from briefing.match import bare, fold
from briefing.sentences import first_sentence

ROOT: Final = Path(__file__).resolve().parent.parent
DEFAULT_GOLD: Final = (ROOT / "data" / "dialogue.yaml", ROOT / "examples")

#: A plain knowledge document, as yaml.safe_load gives it.
Plain = Mapping[str, object]

#: A shared sentence counts when it has at least this many words.
MIN_SENTENCE_WORDS: Final = 8
#: Containment counts when the contained text has at least this many words.
MIN_CONTAINED_WORDS: Final = 3


# --------------------------------------------------------------------------
# Metrics


@dataclass(frozen=True, slots=True)
class Tally:
    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.hits + other.hits, self.total + other.total)


class Metric(NamedTuple):
    key: str
    column: str
    label: str
    target: float | None


METRICS: Final = (
    Metric("quotes_precision", "Quotes P", "quotes precision", 0.97),
    Metric("quotes_recall", "Quotes R", "quotes recall", 0.95),
    Metric("speakers", "Speakers", "speaker accuracy (matched quotes)", 0.95),
    Metric("commitments_precision", "Commit. P", "commitments precision", 0.85),
    Metric("commitments_recall", "Commit. R", "commitments recall", 0.85),
    Metric("kinds", "Kinds", "kind accuracy (matched commitments)", 0.80),
    Metric("roles", "Roles", "role accuracy (matched participants)", None),
    Metric("participants_recall", "Particip. R", "participants recall", None),
    Metric("discussions_recall", "Discuss. R", "discussions recall", None),
    Metric("events_recall", "Events R", "events recall", None),
)
TARGETED: Final = tuple(m for m in METRICS if m.target is not None)


class Miss(NamedTuple):
    """One thing a draft got wrong: WHAT (e.g. "missed quote") and the details."""

    what: str
    detail: str


@dataclass(slots=True)
class Score:
    tallies: dict[str, Tally] = field(default_factory=lambda: {m.key: Tally() for m in METRICS})
    misses: list[Miss] = field(default_factory=list)

    def value(self, key: str) -> float | None:
        return self.tallies[key].value

    def missed_targets(self) -> list[Metric]:
        """The targeted metrics below their target (an undefined one misses nothing)."""
        missed = []
        for metric in TARGETED:
            value = self.value(metric.key)
            assert metric.target is not None
            if value is not None and value < metric.target:
                missed.append(metric)
        return missed

    def __add__(self, other: Score) -> Score:
        return Score(
            {k: t + other.tallies[k] for k, t in self.tallies.items()},
            [*self.misses, *other.misses],
        )


# --------------------------------------------------------------------------
# Reading plain documents, whatever shape a draft has


def records(doc: Plain, key: str) -> list[Plain]:
    value = doc.get(key)
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, Mapping)]


def text_of(record: Plain, key: str) -> str:
    value = record.get(key)
    return value if isinstance(value, str) else ""


def texts_of(record: Plain, key: str) -> list[str]:
    value = record.get(key)
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def evidence_of(record: Plain) -> str:
    evidence = record.get("evidence")
    return text_of(evidence, "text") if isinstance(evidence, Mapping) else ""


def dialogue_of(doc: Plain) -> Plain:
    dialogue = doc.get("dialogue")
    return dialogue if isinstance(dialogue, Mapping) else {}


def one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------
# Text keys

#: Quote marks that are not Unicode punctuation (the rest are, and go anyway).
_MARKS: Final = frozenset("`\u00b4\u2032\u2033")


def _edge(char: str) -> bool:
    return char.isspace() or char in _MARKS or unicodedata.category(char).startswith("P")


def quote_key(text: str) -> str:
    """TEXT as quotes are compared: NFC, white space collapsed, edge punctuation trimmed."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    start, end = 0, len(text)
    while start < end and _edge(text[start]):
        start += 1
    while end > start and _edge(text[end - 1]):
        end -= 1
    return text[start:end]


def sentences(text: str) -> list[str]:
    """TEXT split at sentence ends (not after abbreviations or initials)."""
    rest = " ".join(text.split())
    found = []
    while rest:
        sentence = first_sentence(rest)
        found.append(sentence)
        rest = rest[len(sentence) :].strip()
    return found


def _words(text: str) -> int:
    return len(text.split())


def evidence_overlap(a: str, b: str) -> int:
    """How many words two evidence texts have in common, by the matching rule; 0 if none.

    One contains the other: the words of the shorter (when at least
    MIN_CONTAINED_WORDS). Otherwise the words of the sentences of at least
    MIN_SENTENCE_WORDS words that both have.
    """
    ka, kb = quote_key(a), quote_key(b)
    if not ka or not kb:
        return 0
    inner, outer = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if inner in outer and _words(inner) >= MIN_CONTAINED_WORDS:
        return _words(inner)
    in_a = {quote_key(s) for s in sentences(ka)}
    shared = {s for s in (quote_key(s) for s in sentences(kb)) if s in in_a}
    return sum(_words(s) for s in shared if _words(s) >= MIN_SENTENCE_WORDS)


# --------------------------------------------------------------------------
# Who is who

#: Words that are no one's surname: titles, roles, function words, name suffixes.
COMMON_WORDS: Final = frozenset(
    {
        "a", "an", "and", "the", "of", "for", "in", "on", "to", "at", "by", "with",
        "jr", "sr", "ii", "iii", "iv",
        "minister", "ministers", "ministry", "president", "prime", "pm", "foreign", "defence",
        "defense", "external", "affairs", "secretary", "spokesperson", "spokesman",
        "spokeswoman", "ambassador", "chancellor", "premier", "leader", "leaders", "official",
        "officials", "chief", "general", "deputy", "vice", "commissioner", "chair",
        "chairman", "chairperson", "king", "queen", "prince", "emperor", "governor",
        "senator", "envoy", "counterpart", "government", "office", "department", "statement",
        "readout", "side", "delegation", "council", "commission", "union",
        "state", "states", "republic", "joint", "dr", "mr", "mrs", "ms", "prof", "shri", "smt",
    }
)  # fmt: skip
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})
_BRACKETED: Final = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def name_form(name: str) -> str:
    """A name as names are compared: bracketed remarks dropped, folded, honorifics off."""
    words = bare(fold(_BRACKETED.sub(" ", name))).split()
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _surname(form: str) -> str | None:
    words = form.split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    last = words[-1] if words else ""
    return last if len(last) > 1 and not last.isdigit() and last not in COMMON_WORDS else None


@dataclass(frozen=True, slots=True)
class Who:
    """A speaker or participant resolved to what names it: KIND is participant, party or
    unknown (an id that names neither, taken as a name itself)."""

    kind: str
    id: str
    name: str
    forms: frozenset[str]

    @property
    def surnames(self) -> frozenset[str]:
        return frozenset(s for s in map(_surname, self.forms) if s is not None)

    @property
    def token_sets(self) -> frozenset[frozenset[str]]:
        sets = (frozenset(f.split()) - _SUFFIXES for f in self.forms)
        return frozenset(s for s in sets if len(s) > 1)

    def label(self) -> str:
        return f"{self.name} ({self.id})" if self.name != self.id else self.id


def _who(kind: str, id_: str, names: Iterable[str]) -> Who:
    listed = [n for n in names if n]
    forms = frozenset(f for f in map(name_form, listed) if f)
    return Who(kind, id_, listed[0] if listed else id_, forms)


def participant(record: Plain) -> Who:
    return _who(
        "participant",
        text_of(record, "id"),
        [text_of(record, "name"), *texts_of(record, "aliases")],
    )


def resolve(doc: Plain, id_: str) -> Who:
    """The participant or party ID_ names in DOC."""
    for record in records(doc, "participants"):
        if text_of(record, "id") == id_:
            return participant(record)
    for record in records(doc, "parties"):
        if text_of(record, "id") == id_:
            return _who("party", id_, [text_of(record, "name")])
    return _who("unknown", id_, [id_.replace("-", " ").replace("_", " ")])


def likeness(a: Who, b: Who) -> int:
    """3: the same name; 2: a name or alias in common; 1: the same surname, or the same
    words in another order ("Hayashi Yoshimasa", "Yoshimasa Hayashi"); 0: not the same."""
    kinds = {a.kind, b.kind} - {"unknown"}
    if len(kinds) > 1:  # a participant is never a party
        return 0
    name = name_form(a.name)
    if name and name == name_form(b.name):
        return 3
    if a.forms & b.forms:
        return 2
    if kinds == {"party"}:  # parties agree by name, or by the countries they name
        named = _countries(a.name)
        return 1 if named and named == _countries(b.name) else 0
    return 1 if a.surnames & b.surnames or a.token_sets & b.token_sets else 0


def _countries(name: str) -> frozenset[str]:
    """The countries a party's name names ("EU and Japan" -> European Union, Japan)."""
    from briefing.draft.lexicon import country_of

    words = re.findall(r"[\w.-]+", _BRACKETED.sub(" ", name))
    found = set()
    taken: set[int] = set()  # words of a longer name ("Guinea" in "Papua New Guinea")
    for size in (5, 4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            if taken.intersection(range(i, i + size)):
                continue
            country = country_of(" ".join(words[i : i + size]))
            if country:
                found.add(country)
                taken.update(range(i, i + size))
    return frozenset(found)


def same_speaker(a: Who, b: Who) -> bool:
    """Whether A and B are the same person or party (see likeness())."""
    return likeness(a, b) > 0


_LEADING: Final = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your"})
_POSSESSIVE: Final = re.compile(r"(['\u2019]s|s['\u2019])$")


def role_key(role: str) -> str:
    """A role as roles are compared: folded, without a leading article or possessive."""
    words = unicodedata.normalize("NFC", role).casefold().split()
    while len(words) > 1 and (words[0] in _LEADING or _POSSESSIVE.search(words[0])):
        words = words[1:]
    return fold(" ".join(words))


# --------------------------------------------------------------------------
# Scoring one draft against its gold file


def _greedy(pairs: Iterable[tuple[int, int, int, bool]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold, draft), taking the highest score first; ties favour an
    exact pair, then document order. PAIRS holds (gold, draft, score, exact)."""
    taken_g: set[int] = set()
    taken_d: set[int] = set()
    chosen = []
    for g, d, _, _ in sorted(pairs, key=lambda p: (-p[2], not p[3], p[0], p[1])):
        if g not in taken_g and d not in taken_d:
            taken_g.add(g)
            taken_d.add(d)
            chosen.append((g, d))
    return sorted(chosen)


def match_evidence(gold: Sequence[Plain], draft: Sequence[Plain]) -> list[tuple[int, int]]:
    """Pairs (gold index, draft index) of records matched by evidence."""
    g_texts = [evidence_of(r) for r in gold]
    d_texts = [evidence_of(r) for r in draft]
    pairs = []
    for g, gt in enumerate(g_texts):
        for d, dt in enumerate(d_texts):
            overlap = evidence_overlap(gt, dt)
            if overlap:
                pairs.append((g, d, overlap, quote_key(gt) == quote_key(dt)))
    return _greedy(pairs)


def _score_quotes(gold: Plain, draft: Plain, score: Score) -> None:
    g_quotes, d_quotes = records(gold, "quotes"), records(draft, "quotes")
    g_who = [resolve(gold, text_of(q, "speaker")) for q in g_quotes]
    d_who = [resolve(draft, text_of(q, "speaker")) for q in d_quotes]
    pairs = []
    for g, gq in enumerate(g_quotes):
        key = quote_key(text_of(gq, "text"))
        for d, dq in enumerate(d_quotes):
            if key and key == quote_key(text_of(dq, "text")):
                # Among equal texts, a pair whose speakers agree goes first.
                pairs.append((g, d, 1, same_speaker(g_who[g], d_who[d])))
    matched = _greedy(pairs)
    right = [(g, d) for g, d in matched if same_speaker(g_who[g], d_who[d])]
    score.tallies["quotes_precision"] = Tally(len(matched), len(d_quotes))
    score.tallies["quotes_recall"] = Tally(len(matched), len(g_quotes))
    score.tallies["speakers"] = Tally(len(right), len(matched))
    _unmatched(
        score,
        "quote",
        matched,
        [
            f"{g_who[g].label()}: \u201c{one_line(text_of(q, 'text'))}\u201d"
            for g, q in enumerate(g_quotes)
        ],
        [
            f"{d_who[d].label()}: \u201c{one_line(text_of(q, 'text'))}\u201d"
            for d, q in enumerate(d_quotes)
        ],
    )
    for g, d in matched:
        if (g, d) not in right:
            detail = (
                f"\u201c{one_line(text_of(g_quotes[g], 'text'))}\u201d gold"
                f" {g_who[g].label()}, draft {d_who[d].label()}"
            )
            score.misses.append(Miss("wrong speaker", detail))


def _unmatched(
    score: Score,
    what: str,
    matched: list[tuple[int, int]],
    gold: list[str],
    draft: list[str],
) -> None:
    """A miss for each gold item no draft item matched, and each draft item no gold one did,
    described by GOLD[i] and DRAFT[i]."""
    found_g = {g for g, _ in matched}
    found_d = {d for _, d in matched}
    score.misses.extend(Miss(f"missed {what}", d) for g, d in enumerate(gold) if g not in found_g)
    score.misses.extend(
        Miss(f"spurious {what}", d) for i, d in enumerate(draft) if i not in found_d
    )


def _score_commitments(gold: Plain, draft: Plain, score: Score) -> None:
    g_all, d_all = records(gold, "commitments"), records(draft, "commitments")
    matched = match_evidence(g_all, d_all)
    right = [(g, d) for g, d in matched if g_all[g].get("kind") == d_all[d].get("kind")]
    score.tallies["commitments_precision"] = Tally(len(matched), len(d_all))
    score.tallies["commitments_recall"] = Tally(len(matched), len(g_all))
    score.tallies["kinds"] = Tally(len(right), len(matched))
    described = [
        [f"{text_of(c, 'id')} ({c.get('kind')}): {one_line(evidence_of(c))}" for c in side]
        for side in (g_all, d_all)
    ]
    _unmatched(score, "commitment", matched, *described)
    for g, d in matched:
        if (g, d) not in right:
            detail = (
                f"{text_of(g_all[g], 'id')}: gold {g_all[g].get('kind')}, draft"
                f" {d_all[d].get('kind')} ({text_of(d_all[d], 'id')}):"
                f" {one_line(evidence_of(g_all[g]))}"
            )
            score.misses.append(Miss("wrong kind", detail))


def _score_participants(gold: Plain, draft: Plain, score: Score) -> None:
    g_all, d_all = records(gold, "participants"), records(draft, "participants")
    g_who, d_who = [participant(p) for p in g_all], [participant(p) for p in d_all]
    pairs = []
    for g, gw in enumerate(g_who):
        for d, dw in enumerate(d_who):
            if likeness(gw, dw):
                pairs.append((g, d, likeness(gw, dw), False))
    matched = _greedy(pairs)
    right = [
        (g, d)
        for g, d in matched
        if role_key(text_of(g_all[g], "role")) == role_key(text_of(d_all[d], "role"))
    ]
    score.tallies["participants_recall"] = Tally(len(matched), len(g_all))
    score.tallies["roles"] = Tally(len(right), len(matched))
    found_g = {g for g, _ in matched}
    for g, who in enumerate(g_who):
        if g not in found_g:
            detail = f"{who.label()}, {text_of(g_all[g], 'role')}"
            score.misses.append(Miss("missed participant", detail))
    for g, d in matched:
        if (g, d) not in right:
            detail = (
                f"{g_who[g].name}: gold \u201c{text_of(g_all[g], 'role')}\u201d,"
                f" draft \u201c{text_of(d_all[d], 'role')}\u201d"
            )
            score.misses.append(Miss("wrong role", detail))


def _score_recall(gold: Plain, draft: Plain, section: str, score: Score) -> None:
    g_all, d_all = records(gold, section), records(draft, section)
    matched = match_evidence(g_all, d_all)
    score.tallies[f"{section}_recall"] = Tally(len(matched), len(g_all))
    found = {g for g, _ in matched}
    what = "missed " + section.removesuffix("s")
    for g, r in enumerate(g_all):
        if g not in found:
            score.misses.append(Miss(what, f"{text_of(r, 'id')}: {one_line(evidence_of(r))}"))


def score(gold: Plain, draft: Plain) -> Score:
    """How well DRAFT reproduces GOLD, both plain knowledge documents."""
    result = Score()
    _score_quotes(gold, draft, result)
    _score_commitments(gold, draft, result)
    _score_participants(gold, draft, result)
    _score_recall(gold, draft, "discussions", result)
    _score_recall(gold, draft, "events", result)
    return result


# --------------------------------------------------------------------------
# Gold files and drafts


class RunError(Exception):
    """The run cannot go on (exit 2): a missing drafter or source, unreadable input."""


@dataclass(frozen=True, slots=True)
class Gold:
    path: Path
    #: The stems of every path that leads to the file (a symlink adds its own).
    stems: frozenset[str]
    doc: Plain

    @property
    def id(self) -> str:
        return text_of(dialogue_of(self.doc), "id") or self.path.stem

    @property
    def source_files(self) -> list[str]:
        return [f for s in records(dialogue_of(self.doc), "sources") if (f := text_of(s, "file"))]


def shown(path: Path) -> str:
    """PATH relative to the checkout when it is inside it."""
    try:
        return str(path.absolute().relative_to(ROOT))
    except ValueError:
        return str(path)


def yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def read_plain(path: Path) -> Plain:
    """PATH as yaml.safe_load reads it (through libyaml when it is there)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RunError(f"{shown(path)}: cannot read: {exc}") from None
    if not isinstance(doc, Mapping):
        raise RunError(f"{shown(path)}: not a knowledge document (no mapping at the top)")
    return doc


def load_golds(paths: Iterable[Path]) -> list[Gold]:
    """The gold files under PATHS, each once by real path, in the order first found."""
    found: dict[Path, tuple[Path, set[str]]] = {}
    for path in paths:
        if not path.exists():
            raise RunError(f"{shown(path)}: no such gold file or directory")
        for file in yaml_files(path):
            real = file.resolve()
            found.setdefault(real, (file, set()))[1].add(file.stem)
    return [Gold(first, frozenset(stems), read_plain(first)) for first, stems in found.values()]


#: A draft file and what it holds, or why it could not be read.
DraftFile = tuple[Path, Plain | RunError]


def pair_drafts(golds: Sequence[Gold], directory: Path) -> tuple[list[list[DraftFile]], list[str]]:
    """The drafts under DIRECTORY that go with each gold file, and the drafts that go with
    none. A draft goes with the gold file of its dialogue id, else with the one whose stem
    or dialogue id is the draft's stem (the only way for a draft that cannot be read)."""
    if not directory.is_dir():
        raise RunError(f"{directory}: no such directory of drafts")
    by_id = {g.id: i for i, g in enumerate(golds)}
    by_stem = {s: i for i, g in enumerate(golds) for s in (*g.stems, g.id)}
    chosen: list[list[DraftFile]] = [[] for _ in golds]
    unmatched = []
    for file in yaml_files(directory):
        draft: Plain | RunError
        try:
            draft = read_plain(file)
        except RunError as exc:
            draft = exc
        draft_id = text_of(dialogue_of(draft), "id") if isinstance(draft, Mapping) else ""
        index = by_id.get(draft_id, by_stem.get(file.stem))
        if index is None:
            unmatched.append(f"{file}: matches no gold file (dialogue id {draft_id or 'missing'})")
        else:
            chosen[index].append((file, draft))
    return chosen, unmatched


class Drafter(NamedTuple):
    read_source: Callable[[str], object]
    draft_plain: Callable[[list[object]], object]


def load_drafter() -> Drafter:
    """briefing.draft's API, imported only when drafts are to be made."""
    try:
        sources = importlib.import_module("briefing.draft.sources")
        assemble = importlib.import_module("briefing.draft.assemble")
    except ImportError as exc:
        if isinstance(exc, ModuleNotFoundError) and (exc.name or "").startswith("briefing.draft"):
            raise RunError(
                f"the drafter is not available ({exc.name} not found); to score drafts that"
                " are already written, use --drafts DIR"
            ) from None
        raise RunError(f"cannot import the drafter: {type(exc).__name__}: {exc}") from None
    read_source = getattr(sources, "read_source", None)
    draft_plain = getattr(assemble, "draft_plain", None)
    if not callable(read_source) or not callable(draft_plain):
        raise RunError(
            "the drafter lacks briefing.draft.sources.read_source or"
            " briefing.draft.assemble.draft_plain"
        )
    return Drafter(read_source, draft_plain)


def sources_dir(given: Path | None) -> Path:
    env = os.environ.get("BRIEFING_SOURCES")
    directory = given or (Path(env) if env else ROOT.parent / "shared" / "sources")
    if not directory.is_dir():
        raise RunError(
            f"source texts not found at {directory}: give --sources DIR or set BRIEFING_SOURCES"
        )
    return directory


def make_draft(drafter: Drafter, gold: Gold, directory: Path) -> Plain:
    """GOLD's sources drafted together as one dialogue."""
    files = gold.source_files
    if not files:
        raise RunError(f"{shown(gold.path)}: its sources name no file to draft from")
    for name in files:
        if not (directory / name).is_file():
            raise RunError(f"{shown(gold.path)}: source {name} not found under {directory}")
    texts = [drafter.read_source(str(directory / name)) for name in files]
    draft = drafter.draft_plain(texts)
    if not isinstance(draft, Mapping):
        raise TypeError(f"draft_plain returned {type(draft).__name__}, not a mapping")
    return draft


# --------------------------------------------------------------------------
# A run


@dataclass(slots=True)
class Article:
    gold: Gold
    draft: str | None  # where the draft came from; None when there is none
    score: Score
    error: str | None = None

    @property
    def note(self) -> str | None:
        if self.error is not None:  # "drafting failed: ...", "several drafts: ..."
            return "no score: " + self.error.split(":")[0]
        return "no draft" if self.draft is None else None


@dataclass(slots=True)
class Run:
    articles: list[Article] = field(default_factory=list)
    #: Worth knowing, such as a draft that matches no gold file.
    warnings: list[str] = field(default_factory=list)
    #: What makes the scores incomplete (exit 2): a draft not made, read or saved.
    errors: list[str] = field(default_factory=list)

    def failed(self, gold: Gold, error: str, *details: str) -> None:
        """GOLD is scored against an empty draft, for ERROR."""
        self.errors += [f"{gold.id}: {error}", *details]
        self.articles.append(Article(gold, None, score(gold.doc, {}), error))


def score_written(golds: Sequence[Gold], directory: Path) -> Run:
    chosen, unmatched = pair_drafts(golds, directory)
    run = Run(warnings=unmatched)
    for gold, files in zip(golds, chosen, strict=True):
        if len(files) > 1:
            run.failed(gold, "several drafts: " + ", ".join(str(f) for f, _ in files))
        elif not files:
            run.articles.append(Article(gold, None, score(gold.doc, {})))
            run.warnings.append(f"{gold.id}: no draft; scored as an empty one")
        else:
            [(file, draft)] = files
            if isinstance(draft, RunError):
                run.failed(gold, f"unreadable draft: {draft}")
            else:
                run.articles.append(Article(gold, str(file), score(gold.doc, draft)))
    return run


def save_draft(draft: Plain, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as fh:
        yaml.safe_dump(dict(draft), fh, allow_unicode=True, sort_keys=False, width=100)


def score_drafted(
    golds: Sequence[Gold],
    drafter: Drafter,
    directory: Path,
    *,
    save: Path | None = None,
    verbose: bool = False,
) -> Run:
    run = Run()
    for gold in golds:
        try:
            draft = make_draft(drafter, gold, directory)
        except RunError:
            raise
        except Exception as exc:  # a drafter bug: score the rest, and say so
            details = [traceback.format_exc().rstrip()] if verbose else []
            run.failed(gold, f"drafting failed: {type(exc).__name__}: {exc}", *details)
            continue
        origin = "drafted from " + ", ".join(gold.source_files)
        if save is not None:
            target = save / f"{gold.path.stem}.yaml"
            try:
                save_draft(draft, target)
                origin = str(target)
            except (OSError, yaml.YAMLError) as exc:
                run.errors.append(f"{gold.id}: the draft could not be saved: {exc}")
        run.articles.append(Article(gold, origin, score(gold.doc, draft)))
    return run


def overall(articles: Iterable[Article]) -> Score:
    """Every article's tallies summed: micro-averaged over all items."""
    total = Score()
    for article in articles:
        total = total + article.score
    return total


# --------------------------------------------------------------------------
# Output


def cell(tally: Tally) -> str:
    value = tally.value
    return "-" if value is None else f"{value:.2f} ({tally.hits}/{tally.total})"


def result(score: Score, note: str | None = None) -> str:
    missed = score.missed_targets()
    text = "FAIL" if missed else "PASS"
    details = [m.column for m in missed] + ([note] if note else [])
    return f"{text} ({', '.join(details)})" if details else text


def markdown(articles: Sequence[Article], total: Score) -> list[str]:
    head = ["Article", *(m.column for m in METRICS), "Result"]
    lines = [
        "| " + " | ".join(head) + " |",
        "|---|" + "---:|" * len(METRICS) + "---|",
    ]
    for article in articles:
        cells = [cell(article.score.tallies[m.key]) for m in METRICS]
        row = [article.gold.id, *cells, result(article.score, article.note)]
        lines.append("| " + " | ".join(row) + " |")
    cells = [cell(total.tallies[m.key]) for m in METRICS]
    lines.append("| " + " | ".join(["**Overall (micro)**", *cells, result(total)]) + " |")
    lines += [
        "",
        "Overall figures are micro-averaged: every quote, commitment, participant, discussion"
        " and event of every article counts once (hits summed over the articles, divided by the"
        " summed totals). Each cell is the ratio, then hits/total; `-` where there is nothing"
        " to count. Roles, participants, discussions and events have no target. Article rows"
        " show where the misses are; `--check` judges the overall row.",
        "",
        "| Target | Overall | Needed | Result |",
        "|---|---:|---:|---|",
    ]
    for metric in TARGETED:
        value = total.value(metric.key)
        shown_value = "-" if value is None else f"{value:.3f}"
        verdict = "-" if value is None else "FAIL" if metric in total.missed_targets() else "PASS"
        lines.append(f"| {metric.label} | {shown_value} | >= {metric.target:.2f} | {verdict} |")
    return lines


def misses_markdown(articles: Sequence[Article]) -> list[str]:
    lines = ["", "## Misses"]
    for article in articles:
        lines += ["", f"### {article.gold.id} ({shown(article.gold.path)})", ""]
        if article.note:
            # Scored as an empty draft: every gold item is a miss, not worth listing.
            lines.append(f"- {article.error or 'no draft'}; scored as an empty draft")
        else:
            lines += [f"- {m.what}: {m.detail}" for m in article.score.misses] or ["- none"]
    return lines


def tallies_json(score: Score) -> dict[str, object]:
    out: dict[str, object] = {}
    for metric in METRICS:
        tally = score.tallies[metric.key]
        value = tally.value
        out[metric.key] = {
            "hits": tally.hits,
            "total": tally.total,
            "value": value,
            "target": metric.target,
            "met": None if metric.target is None or value is None else value >= metric.target,
        }
    return out


def as_json(articles: Sequence[Article], total: Score) -> dict[str, object]:
    return {
        "averaging": "micro: hits and totals summed over every item of every article",
        "targets": {m.key: m.target for m in TARGETED},
        "articles": [
            {
                "dialogue_id": a.gold.id,
                "gold": shown(a.gold.path),
                "sources": a.gold.source_files,
                "draft": a.draft,
                "error": a.error,
                "metrics": tallies_json(a.score),
                "passed": not a.score.missed_targets(),
                "misses": [m._asdict() for m in a.score.misses],
            }
            for a in articles
        ],
        "overall": tallies_json(total),
        "passed": not total.missed_targets(),
    }


# --------------------------------------------------------------------------
# Command line


def _corpus(name: str, *, verbose: bool, as_json: bool, check: bool) -> int:
    """Draft and score the real-article corpus NAME (benchmarks/corpus_eval.py)."""
    import corpus_eval

    paths = corpus_eval.articles(corpus_eval.corpus_dir(name))
    if not paths:
        print(f"draft_eval: no articles with gold files in {name}", file=sys.stderr)
        return 2
    results = corpus_eval.run(paths)
    total = corpus_eval.overall(results)
    if as_json:
        print(json.dumps(corpus_eval.as_json(results, total), ensure_ascii=False, indent=2))
    else:
        lines = corpus_eval.table(results, total)
        if verbose:
            lines += corpus_eval.misses(results)
        print("\n".join(lines))
    return 1 if check and total.missed_targets() else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join((__doc__ or "").split("\n\n")[2:]),
    )
    parser.add_argument("--drafts", type=Path, metavar="DIR", help="score the drafts in DIR")
    parser.add_argument(
        "--corpus",
        metavar="NAME",
        help="score the real-article corpus: dev, heldout, or a folder of NAME.txt and"
        " NAME.gold.json (see benchmarks/corpus_eval.py)",
    )
    parser.add_argument(
        "--sources",
        type=Path,
        metavar="DIR",
        help="where the source texts are [$BRIEFING_SOURCES, else ../shared/sources]",
    )
    parser.add_argument(
        "--gold",
        type=Path,
        action="append",
        metavar="PATH",
        help="a gold file or directory (repeatable) [data/dialogue.yaml and examples/]",
    )
    parser.add_argument("--save-drafts", type=Path, metavar="DIR", help="write the drafts to DIR")
    parser.add_argument("--json", action="store_true", help="one JSON document, misses included")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when an overall target is missed"
    )
    args = parser.parse_args(argv)
    if args.corpus is not None:
        return _corpus(args.corpus, verbose=args.verbose, as_json=args.json, check=args.check)
    if args.drafts is not None and args.save_drafts is not None:
        parser.error("--save-drafts makes drafts; it cannot go with --drafts")

    try:
        golds = load_golds(args.gold or DEFAULT_GOLD)
        if args.drafts is not None:
            run = score_written(golds, args.drafts)
        else:
            drafter = load_drafter()
            directory = sources_dir(args.sources)
            run = score_drafted(
                golds, drafter, directory, save=args.save_drafts, verbose=args.verbose
            )
    except RunError as exc:
        print(f"draft_eval: {exc}", file=sys.stderr)
        return 2

    total = overall(run.articles)
    if args.json:
        print(json.dumps(as_json(run.articles, total), ensure_ascii=False, indent=2))
    else:
        lines = markdown(run.articles, total)
        if args.verbose:
            lines += misses_markdown(run.articles)
        print("\n".join(lines))
    for message in (*run.warnings, *run.errors):
        print(f"draft_eval: {message}", file=sys.stderr)
    if run.errors:
        return 2
    return 1 if args.check and total.missed_targets() else 0


if __name__ == "__main__":
    sys.exit(main())
