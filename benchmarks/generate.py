"""Write a synthetic corpus of knowledge files for the performance benchmark.

    python benchmarks/generate.py N DIR [--seed S] [--broken] [--archived]

Each file is one dialogue in schema 1, shaped like data/dialogue.yaml but
larger: 6 participants and 6 parties, 8 topics, 25 commitments, 25 quotes,
5 discussions and 1-2 events, about 28 KB in all (27.6 MB per 1,000 files). Names include
accented European spellings, and Japanese and Hindi names in native script
appear as aliases. Every reference resolves, so the corpus passes
`briefing validate`; with --broken each file instead has exactly one quote
whose speaker is not defined (one error per file).

The participant SPEAKER_NAME ("Élodie Marchand", id `marchand`) is in every
file and speaks several quotes in each, so
`briefing quotes --speaker Marchand` finds quotes in every dialogue.

With --archived, each source also has an archived text under DIR/sources/
(an article made of every quote and evidence sentence citing it, between
sentences of filler) and an `archive` record with its SHA-256, so that
`briefing validate` proves every quotation; the files are otherwise the same.

The output depends only on N, the seed and the options: the same arguments give
the same bytes. YAML is written by hand (strings as JSON, which YAML reads as
double-quoted scalars; long text as folded blocks) so that generating a
thousand files takes well under a second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

#: The display name of the participant present in every generated file.
SPEAKER_NAME: Final = "Élodie Marchand"
#: What to pass to `briefing quotes --speaker` to match SPEAKER_NAME everywhere.
SPEAKER: Final = "Marchand"
SPEAKER_ID: Final = "marchand"
#: The undefined speaker used by --broken, once per file.
DANGLING_SPEAKER: Final = "nobody-known"
DEFAULT_SEED: Final = 1

COMMITMENTS: Final = 25
QUOTES: Final = 25
DISCUSSIONS: Final = 5
TOPICS: Final = 8
PARTIES: Final = 6
OTHER_PARTICIPANTS: Final = 5

# Words for sentences and ids (ids use the plain lowercase ones). Short function
# words are listed several times so that word lengths are close to real prose.
_CONTENT_WORDS: Final = (
    "agreement alliance ambition assistance balance bilateral border capacity cooperation "
    "commitment connectivity corridor council decade defence delegation development dialogue "
    "diplomacy economy energy engagement envoy exchange export framework freight growth "
    "harbour investment initiative innovation institution joint leaders logistics maritime "
    "minerals ministry mission network ocean partnership people pipeline policy port "
    "principle priority programme progress prosperity protocol region reform resilience "
    "review road security shared stability strategy summit supply support sustainable "
    "talks technology trade training transition treaty trust vision water welfare workforce "
    "both sides will continue deepen expand strengthen advance promote explore through "
    "across between towards under within long-term regional global national practical "
    "concrete open stable secure inclusive"
)
_FUNCTION_WORDS: Final = (
    "the their a an and of for in on with to by at as is are be we it this that our all "
    "new more key its has was been so not can may"
)
_WORDS: Final = tuple(_CONTENT_WORDS.split()) + tuple(_FUNCTION_WORDS.split()) * 4
# Accented loanwords that turn up in diplomatic prose, for realistic UTF-8 text.
_ACCENTED: Final = (
    "détente",
    "communiqué",
    "démarche",
    "entente",
    "rapprochement",
    "tête-à-tête",
    "régime",
    "façade",
    "protégé",
    "naïve",
)
_ID_WORDS: Final = tuple(w for w in _WORDS if re.fullmatch(r"[a-z]{4,}", w))


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]


_SPEAKER_PERSON: Final = Person(SPEAKER_ID, SPEAKER_NAME, (SPEAKER, "Dr Élodie Marchand"))
_PEOPLE: Final = (
    Person("alvarez", "José Álvarez", ("Álvarez", "J. Álvarez")),
    Person("kjaergaard", "Søren Kjærgaard", ("Kjærgaard",)),
    Person("muller", "Zoë Müller", ("Müller", "Dr Müller")),
    Person("lefevre", "François Lefèvre", ("Lefèvre",)),
    Person("wrobel", "Łukasz Wróbel", ("Wróbel",)),
    Person("fassbender", "Jürgen Faßbender", ("Faßbender",)),
    Person("goncalves", "Inês Gonçalves", ("Gonçalves",)),
    Person("haland", "Ørjan Håland", ("Håland",)),
    Person("ozturk", "Mehmet Öztürk", ("Öztürk",)),
    Person("watanabe", "Kenji Watanabe", ("Watanabe", "渡辺健二")),
    Person("takahashi", "Yuko Takahashi", ("Takahashi", "高橋優子")),
    Person("nakamura", "Hiroshi Nakamura", ("Nakamura", "中村浩")),
    Person("sharma", "Priya Sharma", ("Sharma", "प्रिया शर्मा")),
    Person("mehta", "Arjun Mehta", ("Mehta", "अर्जुन मेहता")),
    Person("rao", "Kavita Rao", ("Rao", "कविता राव")),
    Person("okafor", "Amara Okafor", ("Okafor",)),
    Person("oconnor", "Liam O'Connor", ("O'Connor",)),
    Person("mwangi", "Grace Mwangi", ("Mwangi",)),
    Person("haddad", "Nadia Haddad", ("Haddad",)),
    Person("petrova", "Olga Petrova", ("Petrova",)),
    Person("silva", "Mateus Silva", ("Silva",)),
    Person("becker", "Thomas Becker", ("Becker",)),
)
_ROLES: Final = (
    "Foreign Minister",
    "Deputy Foreign Minister",
    "Trade Minister",
    "Defence Minister",
    "National Security Adviser",
    "Ambassador",
    "Special Envoy",
    "foreign ministry spokesperson",
)
_PARTIES: Final = (
    ("india", "India"),
    ("japan", "Japan"),
    ("france", "France"),
    ("germany", "Germany"),
    ("brazil", "Brazil"),
    ("kenya", "Kenya"),
    ("indonesia", "Indonesia"),
    ("australia", "Australia"),
    ("canada", "Canada"),
    ("mexico", "Mexico"),
    ("nigeria", "Nigeria"),
    ("norway", "Norway"),
    ("poland", "Poland"),
    ("portugal", "Portugal"),
    ("south-korea", "South Korea"),
    ("turkiye", "Türkiye"),
    ("viet-nam", "Viet Nam"),
    ("chile", "Chile"),
    ("cote-divoire", "Côte d'Ivoire"),
    ("spain", "Spain"),
)
_TOPICS: Final = (
    ("ai", "Artificial intelligence"),
    ("critical-minerals", "Critical minerals"),
    ("economic-security", "Economic security"),
    ("high-speed-rail", "High-speed rail"),
    ("maritime-security", "Maritime security"),
    ("climate-finance", "Climate finance"),
    ("energy-transition", "Energy transition"),
    ("semiconductors", "Semiconductors"),
    ("health", "Health cooperation"),
    ("space", "Space cooperation"),
    ("cyber", "Cyber security"),
    ("digital-payments", "Digital payments"),
    ("fisheries", "Fisheries"),
    ("education", "Education and exchanges"),
    ("counter-terrorism", "Counter-terrorism"),
    ("disaster-relief", "Disaster relief"),
    ("startups", "Startups"),
    ("agriculture", "Agriculture and food security"),
    ("water", "Water management"),
    ("infrastructure", "Infrastructure"),
)
_LOCATIONS: Final = (
    "New Delhi",
    "Tokyo",
    "São Paulo",
    "Zürich",
    "Kraków",
    "Reykjavík",
    "Montréal",
    "Nairobi",
    "Jakarta",
    "Canberra",
)
_TIMELINES: Final = (
    ("early this year", 0, 120),
    ("by the end of the year", 0, 365),
    ("within six months", 0, 183),
    ("next year", 365, 730),
    ("in the coming months", 30, 270),
)
_PUBLISHERS: Final = ("Wire Service", "Ministry of Foreign Affairs", "The Daily Record")
_KINDS: Final = ("decision", "plan", "reaffirmation", "confirmation", "interest")
_STATUSES: Final = ("agreed", "planned", "under way", "done", "lapsed")
_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Ids are written as plain scalars only when YAML cannot read them as anything
# but text; everything else is quoted.
_PLAIN_ID: Final = re.compile(r"[a-z][a-z0-9-]*\Z")
_YAML_WORDS: Final = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_WRAP: Final = 78
#: Where a source's archive record goes, until its text (and so its hash) is known.
_ARCHIVE_MARK: Final = "#@archive "


# --------------------------------------------------------------------------
# Text


def sentence(rng: random.Random, low: int = 20, high: int = 40) -> str:
    """One sentence of LOW to HIGH words (mostly nearer LOW) from the fixed word lists."""
    count = low + int((high - low + 1) * rng.random() ** 2)
    words = [
        rng.choice(_ACCENTED) if rng.random() < 0.03 else rng.choice(_WORDS) for _ in range(count)
    ]
    if count > 12:
        words[rng.randrange(4, count - 4)] += ","
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + "."


def _quoted(value: str) -> str:
    # JSON strings are valid YAML double-quoted scalars.
    return json.dumps(value, ensure_ascii=False)


def _ident(value: str) -> str:
    if _PLAIN_ID.match(value) and value not in _YAML_WORDS:
        return value
    return _quoted(value)


def _ids(values: Sequence[str]) -> str:
    return "[" + ", ".join(_ident(v) for v in values) + "]"


def _texts(values: Sequence[str]) -> str:
    return "[" + ", ".join(_quoted(v) for v in values) + "]"


class _Writer:
    """Accumulates YAML lines, and the verbatim texts citing each source."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cited: dict[str, list[str]] = {}

    def cite(self, source: str, text: str, *, quoted: bool = False) -> str:
        self.cited.setdefault(source, []).append(f"\u201c{text}\u201d" if quoted else text)
        return text

    def line(self, text: str = "") -> None:
        self.lines.append(text)

    def text(self, indent: int, key: str, value: str, *, fold: bool = False) -> None:
        """KEY: VALUE, quoted on one line, or as a folded block the way people wrap prose."""
        pad = " " * indent
        if not fold or len(value) + indent + len(key) + 2 <= _WRAP:
            self.lines.append(f"{pad}{key}: {_quoted(value)}")
            return
        self.lines.append(f"{pad}{key}: >-")
        inner = pad + "  "
        current = ""
        for word in value.split(" "):
            if current and len(inner) + len(current) + 1 + len(word) > _WRAP:
                self.lines.append(inner + current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        self.lines.append(inner + current)

    def render(self) -> str:
        return "\n".join(self.lines) + "\n"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --------------------------------------------------------------------------
# One dialogue


def _slug(rng: random.Random, n: int) -> str:
    return f"{rng.choice(_ID_WORDS)}-{rng.choice(_ID_WORDS)}-{n}"


def _evidence(w: _Writer, rng: random.Random, indent: int, sources: Sequence[str]) -> None:
    pad = " " * indent
    w.line(f"{pad}evidence:")
    source = rng.choice(sources)
    w.line(f"{pad}  source: {_ident(source)}")
    w.text(indent + 2, "text", w.cite(source, sentence(rng)), fold=True)


#: Dialogues are rounds of this many series, in turn: dialogue N is round (N-1)//SERIES + 1
#: of series (N-1) % SERIES, a year or so after the round before.
SERIES: Final = 50
#: How many of a round's commitments follow one of the round before, and how many
#: progress entries it records on the round before's.
FOLLOWS: Final = 5
PROGRESS: Final = 5
_COMMITMENT_ID = re.compile(r"^  - id: (\S+)$", re.MULTILINE)


def series_of(index: int) -> tuple[str, int]:
    """The series id and the ordinal of dialogue INDEX."""
    return f"series-{(index - 1) % SERIES:02d}", (index - 1) // SERIES + 1


def dialogue_id(seed: int, index: int) -> str:
    return f"synthetic-{seed}-{index:05d}"


def commitment_ids(text: str) -> list[str]:
    """The commitment ids of a generated file."""
    section = text.split("\ncommitments:\n", 1)[1].split("\ndiscussions:\n", 1)[0]
    return _COMMITMENT_ID.findall(section)


def dialogue_text(
    index: int,
    seed: int,
    *,
    broken: bool = False,
    earlier: Sequence[str] = (),
    archive: dict[str, str] | None = None,
) -> str:
    """The YAML text of dialogue number INDEX (1-based) for SEED.

    EARLIER holds the commitment ids of the series' round before (dialogue
    INDEX - SERIES): some commitments follow them, and progress is recorded
    on some of them. ARCHIVE, when given, receives each source's archived
    text by its path in the archive, and the file records them.
    """
    rng = random.Random(f"briefing-bench:{seed}:{index}")
    series, ordinal = series_of(index)
    before = dialogue_id(seed, index - SERIES)
    w = _Writer()
    parties = rng.sample(_PARTIES, PARTIES)
    people = [_SPEAKER_PERSON, *rng.sample(_PEOPLE, OTHER_PARTICIPANTS)]
    topics = rng.sample(_TOPICS, TOPICS)
    # Each round about a year after the one before, so progress follows its promise.
    date = dt.date(2000, 1, 1) + dt.timedelta(days=(ordinal - 1) * 400 + rng.randrange(300))
    host, guest = parties[0][1], parties[1][1]
    source_ids = ["article", "communique"][: rng.randint(1, 2)]
    person_ids = [p.id for p in people]
    party_ids = [p[0] for p in parties]
    topic_ids = [t[0] for t in topics]

    w.line(f"# Synthetic knowledge file {index} (seed {seed}) for the briefing benchmark.")
    w.line("schema: 1")
    w.line()
    w.line("dialogue:")
    w.line(f"  id: {_ident(dialogue_id(seed, index))}")
    w.line(f"  title: {_quoted(f'{_ordinal(ordinal)} {host}-{guest} Strategic Dialogue')}")
    w.line(f"  ordinal: {ordinal}")
    w.line(f"  series: {series}")
    w.line(f"  date: {date.isoformat()}")
    if rng.random() < 0.5:
        w.line(f"  date_as_written: {_quoted(_WEEKDAYS[date.weekday()])}")
        w.text(2, "date_note", sentence(rng))
    w.line(f"  location: {_quoted(rng.choice(_LOCATIONS))}")
    w.line(f"  chairs: {_ids(person_ids[:2])}")
    w.line("  sources:")
    for sid in source_ids:
        w.line(f"    - id: {_ident(sid)}")
        w.text(6, "title", sentence(rng, 6, 12).rstrip("."))
        w.line(f"      publisher: {_quoted(rng.choice(_PUBLISHERS))}")
        w.line(f"      url: {_quoted(f'https://example.org/{seed}/{index}/{sid}')}")
        w.line(f"      date: {date.isoformat()}")
        w.line(f"      file: {_quoted(f'dialogue-{index}-{sid}.txt')}")
        w.line(f"{_ARCHIVE_MARK}{sid}")
    w.line()

    w.line("parties:")
    for pid, name in parties:
        w.line(f"  - id: {_ident(pid)}")
        w.line(f"    name: {_quoted(name)}")
    w.line()

    w.line("participants:")
    for n, person in enumerate(people):
        w.line(f"  - id: {_ident(person.id)}")
        w.line(f"    name: {_quoted(person.name)}")
        w.line(f"    aliases: {_texts(person.aliases)}")
        if n == 0:
            w.line("    other_names:")
            w.line(f"      - name: {_quoted('Élodie A. Marchand')}")
            w.text(8, "note", "Full name from other reporting; not stated in the source.")
        w.line(f"    role: {_quoted(rng.choice(_ROLES))}")
        if rng.random() < 0.3:
            w.text(4, "role_note", sentence(rng))
        w.line(f"    country: {_quoted(parties[n % 2 if n < 2 else rng.randrange(PARTIES)][1])}")
    w.line()

    w.line("topics:")
    for tid, name in topics:
        w.line(f"  - id: {_ident(tid)}")
        w.line(f"    name: {_quoted(name)}")
        w.text(4, "summary", sentence(rng), fold=True)
    w.line()

    w.line("commitments:")
    for n in range(COMMITMENTS):
        kind = rng.choice(_KINDS)
        w.line(f"  - id: {_ident(_slug(rng, n))}")
        w.text(4, "text", sentence(rng, 8, 16))
        by = rng.sample(party_ids, rng.randint(1, 2))
        if rng.random() < 0.1:
            by = [rng.choice(person_ids)]
        w.line(f"    by: {_ids(by)}")
        if rng.random() < 0.3:
            w.line(f"    stated_by: {_ident(rng.choice(person_ids))}")
        w.line(f"    topics: {_ids(rng.sample(topic_ids, rng.randint(1, 2)))}")
        w.line(f"    kind: {kind}")
        if rng.random() < 0.4:
            words, start, end = rng.choice(_TIMELINES)
            w.line(f"    timeline: {_quoted(words)}")
            if rng.random() < 0.6:
                w.line("    window:")
                w.line(f"      start: {(date + dt.timedelta(days=start)).isoformat()}")
                w.line(f"      end: {(date + dt.timedelta(days=end)).isoformat()}")
                w.text(6, "note", f'Interpretation of "{words}"; the source gives no date.')
        if kind != "interest":
            w.line(f"    status: {_quoted(rng.choice(_STATUSES))}")
        if rng.random() < 0.1:
            w.text(4, "note", sentence(rng))
        if rng.random() < 0.05:
            w.line("    other_names:")
            w.line(f"      - name: {_quoted(rng.choice(_ID_WORDS).upper())}")
            w.text(8, "note", "Widely used name; not used in the source.")
        _evidence(w, rng, 4, source_ids)
        if earlier and n < FOLLOWS:
            w.line(f"    follows: [{before}/{rng.choice(earlier)}]")
        w.line()

    w.line("discussions:")
    for n in range(DISCUSSIONS):
        w.line(f"  - id: {_ident(_slug(rng, n))}")
        w.text(4, "text", sentence(rng, 8, 16))
        w.line(f"    topics: {_ids(rng.sample(topic_ids, rng.randint(1, 2)))}")
        _evidence(w, rng, 4, source_ids)
    w.line()

    w.line("quotes:")
    dangling = rng.randrange(QUOTES) if broken else -1
    for n in range(QUOTES):
        speaker = SPEAKER_ID if n % 4 == 0 else rng.choice(person_ids)
        if n == dangling:
            speaker = DANGLING_SPEAKER
        w.line(f"  - id: {_ident(_slug(rng, n))}")
        w.line(f"    speaker: {_ident(speaker)}")
        text = sentence(rng)
        w.text(4, "text", text)
        w.line(f"    topics: {_ids(rng.sample(topic_ids, rng.randint(1, 2)))}")
        w.text(4, "context", sentence(rng, 5, 10))
        source = rng.choice(source_ids)
        w.cite(source, text, quoted=True)
        w.line(f"    source: {_ident(source)}")
    w.line()

    w.line("events:")
    for n in range(rng.randint(1, 2)):
        w.line(f"  - id: {_ident(_slug(rng, n))}")
        w.text(4, "text", sentence(rng))
        w.line(f"    participants: {_ids(rng.sample(person_ids, 2))}")
        w.line(f"    when: {_quoted(rng.choice(('Before the dialogue', 'After the talks')))}")
        if rng.random() < 0.5:
            w.line(f"    topics: {_ids(rng.sample(topic_ids, 1))}")
        _evidence(w, rng, 4, source_ids)
    if earlier:
        w.line()
        w.line("progress:")
        for target in rng.sample(list(earlier), min(PROGRESS, len(earlier))):
            w.line(f"  - commitment: {before}/{target}")
            w.line(f"    date: {date.isoformat()}")
            w.line(f"    status: {_quoted(rng.choice(_STATUSES))}")
            w.text(4, "text", sentence(rng, 8, 16))
            _evidence(w, rng, 4, source_ids)
    text = w.render()
    if archive is None:
        return re.sub(f"(?m)^{_ARCHIVE_MARK}.*\n", "", text)
    # Each source's article: its cited texts in order, between sentences of filler.
    filler = random.Random(f"briefing-bench-archive:{seed}:{index}")
    for sid in source_ids:
        paragraphs = [
            f"{sentence(filler, 6, 12)} {cited} {sentence(filler, 6, 12)}"
            for cited in w.cited.get(sid, [])
        ]
        article = "\n\n".join(paragraphs) + "\n"
        relative = f"{dialogue_id(seed, index)}/{sid}.txt"
        archive[relative] = article
        digest = hashlib.sha256(article.encode("utf-8")).hexdigest()
        record = (
            f"      archive:\n        path: {_quoted(relative)}\n"
            f"        sha256: {_quoted(digest)}\n"
        )
        text = text.replace(f"{_ARCHIVE_MARK}{sid}\n", record, 1)
    return text


def file_name(index: int, count: int) -> str:
    return f"dialogue-{index:0{max(4, len(str(count)))}d}.yaml"


def generate(
    count: int,
    directory: Path,
    seed: int = DEFAULT_SEED,
    *,
    broken: bool = False,
    archived: bool = False,
) -> list[Path]:
    """Write COUNT dialogue files into DIRECTORY, and with ARCHIVED their sources' archived
    texts under DIRECTORY/sources; return the paths of the dialogue files."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    ids: dict[int, list[str]] = {}
    for index in range(1, count + 1):
        path = directory / file_name(index, count)
        texts: dict[str, str] | None = {} if archived else None
        text = dialogue_text(
            index, seed, broken=broken, earlier=ids.pop(index - SERIES, []), archive=texts
        )
        ids[index] = commitment_ids(text)
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
        for relative, article in (texts or {}).items():
            kept = directory / "sources" / relative
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_bytes(article.encode("utf-8"))
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("count", metavar="N", type=int, help="number of dialogue files")
    parser.add_argument("directory", metavar="DIR", type=Path, help="where to write them")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="default: %(default)s")
    parser.add_argument(
        "--broken", action="store_true", help="give every file one undefined quote speaker"
    )
    parser.add_argument(
        "--archived", action="store_true", help="archive every source's text, for proving"
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    paths = generate(
        args.count, args.directory, args.seed, broken=args.broken, archived=args.archived
    )
    size = sum(p.stat().st_size for p in paths)
    sys.stdout.write(
        f"wrote {len(paths)} files, {size / 1e6:.1f} MB, to {args.directory}"
        f" (every file has quotes by --speaker {SPEAKER})\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
