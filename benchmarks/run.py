"""Time briefing as whole processes against floors measured in the same run.

    python benchmarks/run.py [--quick] [--sizes 100,1000] [--runs K] [--seed S] [--only GROUPS]
                             [--index-size N]

Each measured command and its floor get one warm-up run each, then K runs,
interleaved (command, floor, command, floor, ...) so that noise on the machine
falls on both alike. Every process writes stdout and stderr to files, never to
a terminal, and sees a temporary BRIEFING_CACHE_DIR, never the real cache.
Wall time is taken around spawn and reap; peak memory is the child's ru_maxrss
from os.wait4.

Floors (scripts in benchmarks/floors/):
  A  a minimal Typer app printing one line
  B  the same app printing a two-row Rich table
  C  Python parsing the same YAML files with yaml.CSafeLoader
  D  Python json.load-ing one JSON dump of the same data

"Cold" means briefing's cache is empty (the files themselves are in the OS page
cache, as they are for the floors). The table lists medians, the min-max
range, each ratio to its floor and whether the target is met. The cost of one
edited file is the median of paired differences (edited run minus the warm run
of the same round), since it is far smaller than the noise on a whole run.

--only runs some groups of rows, each measured exactly as in a whole run:
start-up (rows 1, 1b, 1c, 2), cold (3a, 3b, 4, 5), warm (3c, 3d), edit (3e),
across (6, 7, 8, 8b), draft (9, 9b, 9c), proof (10a, 10b: validate proving every quotation
against archived sources, against validate of the same files without archive records) and
index (11a-11e: selective questions answered from the SQLite index on a corpus of
--index-size dialogues, 1000 unless given, 5000 for the issue's targets).

Exit status: 0 when every target is met (always 0 with --quick, which only
proves the benchmark works); 1 when a target is missed; 2 when a command
crashed or printed the wrong thing, so that the timings mean nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Final

import generate
import yaml

HERE: Final = Path(__file__).resolve().parent
FLOORS: Final = HERE / "floors"
DEFAULT_SIZES: Final = (100, 1000)
#: The article the drafting rows draft, under the source texts (BRIEFING_SOURCES).
SEED_ARTICLE: Final = "india-japan-strategic-dialogue-18.txt"
QUICK_SIZES: Final = (20, 50)
DEFAULT_RUNS: Final = 3
QUICK_RUNS: Final = 2
#: The groups of rows --only can pick, in the order they run.
GROUPS: Final = ("start-up", "cold", "warm", "edit", "across", "draft", "proof", "index")
#: Dialogues in the index rows' corpus (--index-size), --quick included.
INDEX_SIZE: Final = 1000
TABLE_HEADER: Final = (
    "| # | Measurement | Median | Range | Floor | Floor median | Ratio | Target | Result |"
)

Env = dict[str, str]
#: An error line from `briefing validate`: FILE:LINE:COL: ...
_LOCATED: Final = re.compile(r"(.+?\.ya?ml):\d+:\d+: ")


class BenchmarkError(Exception):
    """A measured process failed or printed the wrong thing."""


# --------------------------------------------------------------------------
# Running processes


@dataclass(frozen=True, slots=True)
class Sample:
    seconds: float
    max_rss_kib: int


@dataclass(slots=True)
class Job:
    """One command to time; PREPARE runs untimed before each run and may add to its env."""

    label: str
    argv: list[str]
    prepare: Callable[[], Env] | None = None
    expect_code: int = 0
    samples: list[Sample] = field(default_factory=list)
    stdout: Path | None = None
    stderr: Path | None = None

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def low(self) -> float:
        return min(s.seconds for s in self.samples)

    @property
    def high(self) -> float:
        return max(s.seconds for s in self.samples)

    @property
    def median_rss_mib(self) -> float:
        return statistics.median(s.max_rss_kib for s in self.samples) / 1024


class Runner:
    def __init__(self, work: Path, env: Env, runs: int) -> None:
        self.work = work
        self.env = env
        self.runs = runs
        self.count = 0

    def once(self, job: Job) -> Sample:
        extra = job.prepare() if job.prepare is not None else {}
        self.count += 1
        for old in (job.stdout, job.stderr):
            if old is not None:
                old.unlink(missing_ok=True)
        job.stdout = self.work / "out" / f"{self.count:05d}.stdout"
        job.stderr = job.stdout.with_suffix(".stderr")
        job.stdout.parent.mkdir(exist_ok=True)
        with job.stdout.open("wb") as out, job.stderr.open("wb") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(
                job.argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=self.env | extra
            )
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code != job.expect_code:
            detail = job.stderr.read_text("utf-8", "replace").strip().splitlines()[-3:]
            raise BenchmarkError(
                f"{job.label}: exit status {code}, expected {job.expect_code}\n"
                f"  command: {' '.join(job.argv)}\n  " + "\n  ".join(detail)
            )
        # Linux reports ru_maxrss in KiB.
        return Sample(seconds, usage.ru_maxrss)

    def measure(self, *jobs: Job, check: Callable[[], None] | None = None) -> None:
        """A warm-up run of each job, then RUNS rounds running each job once, in turn."""
        for job in jobs:
            self.once(job)
            if check is not None and job is jobs[0]:
                check()
        for _ in range(self.runs):
            for job in jobs:
                job.samples.append(self.once(job))


# --------------------------------------------------------------------------
# Results


def fmt_seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.2f} s"


@dataclass(frozen=True, slots=True)
class Row:
    number: str
    what: str
    median: str
    spread: str
    floor: str
    floor_median: str
    ratio: float | None
    limit: float | None
    ok: bool

    def markdown(self) -> str:
        ratio = f"{self.ratio:.2f}" if self.ratio is not None else "-"
        target = f"<= {self.limit:g} x" if self.limit is not None else "-"
        cells = (
            self.number,
            self.what,
            self.median,
            self.spread,
            self.floor,
            self.floor_median,
            ratio,
            target,
            "PASS" if self.ok else "FAIL",
        )
        return "| " + " | ".join(cells) + " |"


def paired_row(number: str, what: str, extra: list[float], parse: list[float]) -> Row:
    """A row of extra time over warm, paired run by run, against twice a one-file parse."""
    extra_median = statistics.median(extra)
    allowed = 2 * max(statistics.median(parse), 0.0)
    return Row(
        number,
        what,
        f"{extra_median * 1000:+.0f} ms",
        f"{min(extra) * 1000:+.0f} - {max(extra) * 1000:+.0f} ms",
        "2 x one-file parse (C)",
        f"{allowed * 1000:.1f} ms",
        extra_median / allowed if allowed > 0 else None,
        1,
        extra_median <= allowed,
    )


def timed_row(number: str, what: str, job: Job, floor: Job, limit: float) -> Row:
    ratio = job.median / floor.median
    return Row(
        number,
        what,
        fmt_seconds(job.median),
        f"{fmt_seconds(job.low)} - {fmt_seconds(job.high)}",
        floor.label,
        fmt_seconds(floor.median),
        ratio,
        limit,
        ratio <= limit,
    )


# --------------------------------------------------------------------------
# Set-up


def machine() -> list[str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "not installed"

    return [
        f"- CPU: {model}, {os.cpu_count()} cores ({usable} usable)",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()} ({sys.executable})",
        f"- briefing {version('briefing')}, Typer {version('typer')}, Rich {version('rich')},"
        f" PyYAML {version('pyyaml')}",
        f"- yaml.CSafeLoader available: {'yes' if hasattr(yaml, 'CSafeLoader') else 'NO'}",
    ]


def briefing_script() -> str:
    beside = Path(sys.executable).parent / "briefing"
    found = str(beside) if beside.exists() else shutil.which("briefing")
    if found is None:
        raise BenchmarkError("the briefing script is not installed; activate the project's venv")
    return found


#: Variables that would change what or how the measured processes run.
_DROPPED_ENV: Final = (
    "FORCE_COLOR",
    "NO_COLOR",
    "TTY_COMPATIBLE",
    "BRIEFING_DATA",
    "BRIEFING_MAX_FILE_SIZE",
    "BRIEFING_INDEX",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONPROFILEIMPORTTIME",
)


def child_env(work: Path) -> Env:
    """The environment of every measured process: a private cache and bytecode cache.

    Bytecode goes to a private prefix so that every process, briefing and
    floors alike, runs from compiled modules after its warm-up, whatever
    PYTHONDONTWRITEBYTECODE says and without writing into the source tree.
    """
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
    env.update(
        COLUMNS="100",
        BRIEFING_CACHE_DIR=str(work / "cache"),
        PYTHONPYCACHEPREFIX=str(work / "pycache"),
    )
    return env


def json_dump(corpus: Path, target: Path) -> None:
    """One JSON file holding every dialogue of CORPUS, for floor D."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    documents = []
    for file in sorted(corpus.glob("*.yaml")):
        with file.open("rb") as fh:
            documents.append(yaml.load(fh, Loader=loader))
    with target.open("w", encoding="utf-8") as fh:
        json.dump(documents, fh, ensure_ascii=False, default=str)


class FreshCache:
    """Before each run: a new, empty cache directory (the previous one is removed)."""

    def __init__(self, parent: Path, name: str) -> None:
        self.parent = parent
        self.name = name
        self.current: Path | None = None
        self.made = 0

    def __call__(self) -> Env:
        if self.current is not None:
            shutil.rmtree(self.current, ignore_errors=True)
        self.made += 1
        self.current = self.parent / f"cache-{self.name}-{self.made:04d}"
        return {"BRIEFING_CACHE_DIR": str(self.current)}


class EditOne:
    """Before each run: append a numbered comment to one file, so its bytes change."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self.edits = 0

    def __call__(self) -> Env:
        self.edits += 1
        with self.file.open("a", encoding="utf-8") as fh:
            fh.write(f"# benchmark edit {self.edits}\n")
        return {}


def imports_rich(argv: Sequence[str], env: Env, work: Path, package: str = "rich") -> list[str]:
    """The modules of PACKAGE imported by ARGV run under -X importtime (stdout to a file)."""
    with (work / "importtime.stdout").open("wb") as out:
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", *argv],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
    if proc.returncode != 0:
        raise BenchmarkError(f"importtime run of {' '.join(argv)} failed: {proc.stderr[-300:]!r}")
    names = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.decode().splitlines()]
    return [n for n in names if n == package or n.startswith(package + ".")]


# --------------------------------------------------------------------------
# The benchmark


def benchmark(
    sizes: tuple[int, int],
    runs: int,
    seed: int,
    work: Path,
    only: Sequence[str] = GROUPS,
    index_size: int = INDEX_SIZE,
    quick: bool = False,
) -> list[Row | str]:
    small, large = sizes
    py = sys.executable
    briefing = briefing_script()
    env = child_env(work)
    runner = Runner(work, env, runs)
    results: list[Row | str] = []

    def floor(label: str, script: str, *args: str) -> Job:
        return Job(label, [py, str(FLOORS / script), *args])

    if "start-up" in only:
        # 1, 2: start-up on the bundled data, cache warm (the warm-up run fills it).
        topics = Job("briefing topics", [briefing, "topics"])
        floor_a = floor("A: Typer app", "typer_app.py", "topics")
        runner.measure(topics, floor_a)
        results.append(timed_row("1", "`briefing topics` (bundled, piped)", topics, floor_a, 1.15))
        rich_modules = imports_rich(["-m", "briefing", "topics"], env, work)
        results.append(
            Row(
                "1b",
                "Rich imported by piped `briefing topics`",
                f"{len(rich_modules)} modules" if rich_modules else "none",
                "-",
                "-",
                "-",
                None,
                None,
                not rich_modules,
            )
        )
        drafter = imports_rich(["-m", "briefing", "topics"], env, work, "briefing.draft")
        results.append(
            Row(
                "1c",
                "drafter imported by piped `briefing topics`",
                f"{len(drafter)} modules" if drafter else "none",
                "-",
                "-",
                "-",
                None,
                None,
                not drafter,
            )
        )
        rich = Job("briefing topics --format rich", [briefing, "topics", "--format", "rich"])
        floor_b = floor("B: Typer + Rich table", "rich_app.py", "topics")
        runner.measure(rich, floor_b)
        results.append(timed_row("2", "`briefing topics --format rich`", rich, floor_b, 1.15))

    # The corpora, the broken one (for validate) and floor D's JSON dump.
    corpus = {n: work / f"corpus-{n}" for n in sizes}
    broken = work / f"broken-{large}"
    dump = work / f"dump-{large}.json"
    if set(only) & {"cold", "warm", "edit", "across", "proof"}:
        for n, directory in corpus.items():
            generate.generate(n, directory, seed)
        if "cold" in only:
            generate.generate(large, broken, seed, broken=True)
        if "warm" in only:
            json_dump(corpus[large], dump)
        size_mb = sum(f.stat().st_size for f in corpus[large].iterdir()) / 1e6
        results.append(
            f"Corpus: {large} dialogues, {size_mb:.1f} MB of YAML"
            f" ({size_mb * 1000 / large:.1f} KB per file)"
            + (f"; JSON dump {dump.stat().st_size / 1e6:.1f} MB." if "warm" in only else ".")
        )

    def quotes(n: int, *extra: str) -> list[str]:
        return [
            briefing,
            "quotes",
            "--speaker",
            generate.SPEAKER,
            "--format",
            "json",
            "--data",
            str(corpus[n]),
            *extra,
        ]

    if "cold" in only:
        # 3a, 3b, 5: the cold paths on the large corpus share one floor C, interleaved
        # with all three (a run of each takes seconds, so they are measured together).
        cold = Job(f"quotes cold, N={large}", quotes(large), FreshCache(work, "cold"))
        no_cache = Job(f"quotes --no-cache, N={large}", quotes(large, "--no-cache"))
        validate = Job(
            f"validate, every file broken, N={large}",
            [briefing, "validate", str(broken)],
            FreshCache(work, "validate"),
            expect_code=1,
        )
        floor_c = floor(f"C: CSafeLoader, N={large}", "yaml_parse.py", str(corpus[large]))
        runner.measure(cold, no_cache, validate, floor_c)
        results.append(
            timed_row("3a", f"quotes, cold (empty cache), N={large}", cold, floor_c, 1.15)
        )
        results.append(timed_row("3b", f"quotes --no-cache, N={large}", no_cache, floor_c, 1.15))

    if "warm" in only:
        warm = Job(f"quotes warm, N={large}", quotes(large))
        floor_d = floor(f"D: json.load, N={large}", "json_load.py", str(dump))

        def check_quotes() -> None:
            assert warm.stdout is not None
            found = {q["dialogue_id"] for q in json.loads(warm.stdout.read_bytes())["quotes"]}
            if len(found) != large:
                raise BenchmarkError(
                    f"quotes --speaker {generate.SPEAKER} found quotes in {len(found)} of"
                    f" {large} dialogues; the corpus should have them in every one"
                )

        runner.measure(warm, floor_d, check=check_quotes)
        results.append(timed_row("3c", f"quotes, warm cache, N={large}", warm, floor_d, 3))
        rss_ratio = warm.median_rss_mib / floor_d.median_rss_mib
        results.append(
            Row(
                "3d",
                f"peak RSS, quotes warm, N={large}",
                f"{warm.median_rss_mib:.0f} MiB",
                f"{min(s.max_rss_kib for s in warm.samples) / 1024:.0f} -"
                f" {max(s.max_rss_kib for s in warm.samples) / 1024:.0f} MiB",
                "D: peak RSS",
                f"{floor_d.median_rss_mib:.0f} MiB",
                rss_ratio,
                2,
                rss_ratio <= 2,
            )
        )

    if "edit" in only:
        edited_file = sorted(corpus[large].glob("*.yaml"))[large // 2]
        edited = Job(f"quotes, one file edited, N={large}", quotes(large), EditOne(edited_file))
        warm2 = Job(f"quotes warm, N={large}", quotes(large))
        one_file = floor("C: CSafeLoader, one file", "yaml_parse.py", str(edited_file))
        # Parsing one file in a fresh process costs loading PyYAML and parsing;
        # only the interpreter's own start-up is taken off.
        start_up = Job("Python start-up", [py, "-c", "pass"])
        runner.measure(edited, warm2, one_file, start_up)
        # Paired differences within each round cancel most of the noise that the
        # separate medians of two multi-second commands would carry.
        extra = [e.seconds - w.seconds for e, w in zip(edited.samples, warm2.samples, strict=True)]
        parse = [
            f.seconds - s.seconds for f, s in zip(one_file.samples, start_up.samples, strict=True)
        ]
        extra_median = statistics.median(extra)
        within_whole = extra_median <= 2 * one_file.median
        results.append(
            paired_row(
                "3e", f"quotes after one edit, time over warm (paired), N={large}", extra, parse
            )
        )
        results.append(
            f"One edit: quotes {fmt_seconds(edited.median)}"
            f" against warm {fmt_seconds(warm2.median)}"
            f" in the same rounds; one-file parse = floor C on that file"
            f" ({fmt_seconds(one_file.median)}) minus Python's start-up"
            f" ({fmt_seconds(start_up.median)}), median of the paired differences"
            f" {statistics.median(parse) * 1000:.1f} ms. Against the whole"
            f" single-file floor C instead, the budget would be warm +"
            f" {fmt_seconds(2 * one_file.median)}: {'met' if within_whole else 'missed'}."
        )

    if "cold" in only:
        # 4: cold cost per dialogue, small against large corpus.
        cold_small = Job(f"quotes cold, N={small}", quotes(small), FreshCache(work, "small"))
        floor_c_small = floor(f"C: CSafeLoader, N={small}", "yaml_parse.py", str(corpus[small]))
        runner.measure(cold_small, floor_c_small)
        per_large = cold.median / large
        per_small = cold_small.median / small
        growth = per_large / per_small
        results.append(
            Row(
                "4",
                f"cold time per dialogue, N={large} vs N={small}",
                f"{per_large * 1000:.2f} ms",
                f"{cold.low / large * 1000:.2f} - {cold.high / large * 1000:.2f} ms",
                f"cold per dialogue, N={small}",
                f"{per_small * 1000:.2f} ms",
                growth,
                1.2,
                growth <= 1.2,
            )
        )
        results.append(
            f"Cold quotes: N={small} {fmt_seconds(cold_small.median)}"
            f" ({per_small * 1000:.2f} ms per dialogue,"
            f" floor C {fmt_seconds(floor_c_small.median)});"
            f" N={large} {fmt_seconds(cold.median)} ({per_large * 1000:.2f} ms per dialogue)."
        )

    if "cold" in only:
        # 5: validate, measured above with the cold runs.
        assert validate.stderr is not None
        located = [
            m.group(1)
            for m in map(_LOCATED.match, validate.stderr.read_text("utf-8").splitlines())
            if m is not None
        ]
        complete = len(located) == large and len(set(located)) == large
        row = timed_row("5", f"validate, every file broken, N={large}", validate, floor_c, 1.15)
        results.append(replace(row, ok=row.ok and complete))
        results.append(
            f"Validate reported {len(located)} located errors in {len(set(located))} of {large}"
            f" files ({'one per file, as expected' if complete else 'EXPECTED ONE PER FILE'});"
            f" its floor C parsed the valid corpus of the same size."
        )

    if "across" in only:
        # 6, 7, 8, 8b, 8c: following commitments across the meetings of the large corpus (series,
        # follows and progress), warm, against topics on the same data; JSON for all four,
        # so that each pays for its own results and not for wrapping text.
        def on_large(*args: str) -> list[str]:
            return [briefing, *args, "--format", "json", "--data", str(corpus[large])]

        topics_large = Job(f"topics warm, N={large}", on_large("topics"))
        follow = Job(f"followups warm, N={large}", on_large("followups", "--as-of", "2026-11-27"))
        if large > generate.SERIES:
            compared = ["--series", generate.series_of(large)[0]]  # its last two rounds
        else:  # too few dialogues for a series of two rounds: any two
            compared = [generate.dialogue_id(seed, 1), generate.dialogue_id(seed, large)]
        diff = Job(f"diff warm, N={large}", on_large("diff", *compared))
        timeline = Job(f"timeline warm, N={large}", on_large("timeline"))
        score = Job(f"scorecard warm, N={large}", on_large("scorecard", "--as-of", "2026-11-27"))
        board = Job(f"dashboard warm, N={large}", on_large("dashboard", "--as-of", "2026-11-27"))
        runner.measure(topics_large, follow, diff, timeline, score, board)
        for number, job in (
            ("6", follow),
            ("7", diff),
            ("8", timeline),
            ("8b", score),
            ("8c", board),
        ):
            what = job.label.replace(" warm", ", warm")
            results.append(timed_row(number, what, job, topics_large, 1.3))

    if "draft" in only:
        results.extend(drafting(runner, briefing, work))

    if "proof" in only:
        # 10a, 10b: validate proving every quote and evidence sentence against the archived
        # sources, against validate of the same files without their archive records.
        archived = work / f"archived-{large}"
        generate.generate(large, archived, seed, archived=True)
        validate_plain = [briefing, "validate", str(corpus[large])]
        plain = Job(f"validate, N={large}, not archived", validate_plain)
        proving = Job(f"validate proving, N={large}", [briefing, "validate", str(archived)])

        def check_proved() -> None:
            assert proving.stdout is not None
            line = proving.stdout.read_text("utf-8")
            if "proved verbatim" not in line or "(" in line.split(";", 1)[-1]:
                raise BenchmarkError(f"validate did not prove every source: {line.strip()}")

        runner.measure(proving, plain, check=check_proved)
        results.append(
            timed_row("10a", f"validate proving quotes, warm, N={large}", proving, plain, 1.2)
        )
        cold_plain = Job(
            f"validate cold, N={large}, not archived",
            validate_plain,
            FreshCache(work, "plain"),
        )
        cold_proving = Job(
            f"validate proving cold, N={large}",
            [briefing, "validate", str(archived)],
            FreshCache(work, "proving"),
        )
        runner.measure(cold_proving, cold_plain)
        results.append(
            timed_row(
                "10b", f"validate proving quotes, cold, N={large}", cold_proving, cold_plain, 1.2
            )
        )
    if "index" in only:
        results.extend(indexed(runner, briefing, work, index_size, seed, quick=quick))
    return results


#: Names that the index rows' corpus gives to a few dialogues only (see `selective_corpus`).
RARE_SPEAKER: Final = "Quillfeather"
RARE_PARTY: Final = "Ruritania"
RARE_PHRASE: Final = "zephyrine lighthouse"
_SPEAKER_ALIASES: Final = '    aliases: ["Marchand", "Dr Élodie Marchand"]\n'
_FIRST_PARTY: Final = re.compile(r"^(parties:\n  - id: \S+\n    name: )\"[^\"]*\"", re.MULTILINE)


def selective_corpus(count: int, directory: Path, seed: int) -> dict[str, set[str]]:
    """A generated corpus where a few dialogues answer selective questions: the speaker
    RARE_SPEAKER (an alias of Marchand) in 1% of them, the party RARE_PARTY in another 1%
    and RARE_PHRASE (two more aliases) in 10 of them; returns their file names by question."""
    chosen: dict[str, set[str]] = {"speaker": set(), "party": set(), "phrase": set()}
    for n, path in enumerate(generate.generate(count, directory, seed)):
        text = path.read_text("utf-8")
        aliases = ['"Marchand"', '"Dr Élodie Marchand"']
        if n % 100 == 50:
            aliases.append(f'"{RARE_SPEAKER}"')
            chosen["speaker"].add(path.name)
        if n % (count // 10) == 7:
            aliases.extend(f'"{w.title()}"' for w in RARE_PHRASE.split())
            chosen["phrase"].add(path.name)
        if n % 100 == 25:
            text, found = _FIRST_PARTY.subn(rf'\g<1>"{RARE_PARTY}"', text, count=1)
            if not found:
                raise BenchmarkError(f"{path.name}: no party to rename")
            chosen["party"].add(path.name)
        if len(aliases) > 2:
            if _SPEAKER_ALIASES not in text:
                raise BenchmarkError(f"{path.name}: no aliases of {generate.SPEAKER} to extend")
            text = text.replace(_SPEAKER_ALIASES, f"    aliases: [{', '.join(aliases)}]\n", 1)
        path.write_text(text, "utf-8")
    return chosen


def indexed(
    runner: Runner, briefing: str, work: Path, count: int, seed: int, *, quick: bool
) -> list[Row | str]:
    """11a-11e: selective questions answered from the index, its cold build and one edit."""
    corpus = work / f"corpus-index-{count}"
    chosen = selective_corpus(count, corpus, seed)
    ids = {
        what: {generate.dialogue_id(seed, int(name[9:-5])) for name in names}
        for what, names in chosen.items()
    }

    def on_corpus(*args: str) -> list[str]:
        return [briefing, *args, "--format", "json", "--data", str(corpus)]

    quotes = Job(f"quotes --speaker (1%), N={count}", on_corpus("quotes", "-s", RARE_SPEAKER))
    search = Job(f"search (10 dialogues), N={count}", on_corpus("search", *RARE_PHRASE.split()))
    party = Job(f"commitments --party (1%), N={count}", on_corpus("commitments", "-p", RARE_PARTY))
    full = Job(
        f"quotes --speaker without the index, N={count}",
        on_corpus("quotes", "-s", RARE_SPEAKER),
        lambda: {"BRIEFING_INDEX": "off"},
    )
    topics = Job("briefing topics (bundled)", [briefing, "topics"])

    def found(job: Job, key: str, field: str = "dialogue_id") -> set[str]:
        assert job.stdout is not None
        return {item[field] for item in json.loads(job.stdout.read_bytes())[key]}

    def check() -> None:
        got = {
            "speaker": found(quotes, "quotes"),
            "phrase": found(search, "hits"),
            "party": found(party, "commitments"),
        }
        for what, expected in ids.items():
            if got[what] != expected:
                raise BenchmarkError(
                    f"index rows: the {what} question found {len(got[what])} dialogues,"
                    f" expected {len(expected)}"
                )

    runner.measure(quotes, search, party, topics, full)
    check()
    results: list[Row | str] = [
        timed_row("11a", f"quotes --speaker, 1% of N={count}, indexed", quotes, topics, 1.5),
        timed_row("11b", f"search, 10 of N={count} dialogues, indexed", search, topics, 1.5),
        timed_row("11c", f"commitments --party, 1% of N={count}, indexed", party, topics, 1.5),
    ]
    # 11d: the index built from nothing (empty cache: every file parsed), against the bare
    # parse. At N=1000 a run takes seconds: --quick measures one run of each, no warm-up.
    cold = Job(
        f"index built cold, N={count}",
        on_corpus("quotes", "-s", RARE_SPEAKER),
        FreshCache(work, "index"),
    )
    floor_c = Job(f"C: CSafeLoader, N={count}", [sys.executable, str(FLOORS / "yaml_parse.py")])
    floor_c.argv.append(str(corpus))
    if quick:
        cold.samples.append(runner.once(cold))
        floor_c.samples.append(runner.once(floor_c))
    else:
        runner.measure(cold, floor_c)
    what = f"index built cold (empty cache), N={count}"
    results.append(timed_row("11d", what, cold, floor_c, 1.2))
    # 11e: one file edited, re-indexed alone: time over the warm run of the same round.
    edited_file = sorted(corpus.glob("*.yaml"))[count // 2]
    edited = Job(f"quotes --speaker, one file edited, N={count}", quotes.argv, EditOne(edited_file))
    warm = Job(f"quotes --speaker, N={count}", quotes.argv)
    one_file = Job("C: CSafeLoader, one file", [sys.executable, str(FLOORS / "yaml_parse.py")])
    one_file.argv.append(str(edited_file))
    start_up = Job("Python start-up", [sys.executable, "-c", "pass"])
    runner.measure(edited, warm, one_file, start_up)
    extra = [e.seconds - w.seconds for e, w in zip(edited.samples, warm.samples, strict=True)]
    parse = [f.seconds - p.seconds for f, p in zip(one_file.samples, start_up.samples, strict=True)]
    results.append(
        paired_row(
            "11e", f"one edited file re-indexed, time over warm (paired), N={count}", extra, parse
        )
    )
    results.append(
        f"Index: N={count}; quotes --speaker {fmt_seconds(quotes.median)} from the index"
        f" ({quotes.median_rss_mib:.0f} MiB) against {fmt_seconds(full.median)} loading every"
        f" dialogue ({full.median_rss_mib:.0f} MiB); search {fmt_seconds(search.median)},"
        f" commitments --party {fmt_seconds(party.median)}; built cold"
        f" {fmt_seconds(cold.median)} against floor C {fmt_seconds(floor_c.median)}."
    )
    return results


def _sources() -> Path | None:
    given = os.environ.get("BRIEFING_SOURCES")
    for candidate in ([Path(given)] if given else []) + [HERE.parent.parent / "shared" / "sources"]:
        if (candidate / SEED_ARTICLE).is_file():
            return candidate
    return None


def _as_html(text: str) -> str:
    """The article as a saved web page: a title, site metadata, and one paragraph per block."""
    import html

    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    paragraphs = "\n".join(f"<p>{html.escape(b)}</p>" for b in blocks[1:])
    return (
        "<!doctype html><html><head><meta charset=utf-8>"
        f"<title>{html.escape(blocks[0])}</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2026-01-16T10:00:00+05:30">'
        "</head><body><nav><a href=/>Home</a> <a href=/world>World</a></nav><article>"
        f"<h1>{html.escape(blocks[0])}</h1>{paragraphs}</article>"
        "<footer>Copyright Example News</footer></body></html>\n"
    )


def drafting(runner: Runner, briefing: str, work: Path) -> list[Row | str]:
    """9: drafting one plain-text article against validating the bundled file; 9b: the same
    article saved as a web page, against the plain text (what HTML reading adds)."""
    sources = _sources()
    if sources is None:
        return [f"Drafting rows skipped: {SEED_ARTICLE} not found (set BRIEFING_SOURCES)."]
    article = sources / SEED_ARTICLE
    page = work / "article.html"
    page.write_text(_as_html(article.read_text("utf-8")), "utf-8")
    draft = Job("draft, one text article", [briefing, "draft", str(article)])
    validate = Job("validate, bundled file", [briefing, "validate"])
    draft_html = Job("draft, the same article as HTML", [briefing, "draft", str(page)])
    fresh = iter(range(1_000_000))

    def empty_cache() -> Env:
        # A cache directory of its own for each run: no compiled patterns kept, as on the
        # first draft after installing or upgrading.
        return {"BRIEFING_CACHE_DIR": str(work / f"draft-cache-{next(fresh)}")}

    first = Job("draft, nothing kept yet", [briefing, "draft", str(article)], empty_cache)
    runner.measure(draft, validate, draft_html, first)
    return [
        timed_row("9", "`briefing draft` one text article", draft, validate, 1.5),
        replace(
            timed_row("9b", "`briefing draft` the article as HTML", draft_html, draft, 0),
            limit=None,
            ok=True,
        ),
        replace(
            timed_row(
                "9c", "`briefing draft` with no patterns kept (a first draft)", first, draft, 0
            ),
            limit=None,
            ok=True,
        ),
        f"Drafting: text {fmt_seconds(draft.median)}, HTML {fmt_seconds(draft_html.median)}"
        f" (HTML adds {fmt_seconds(draft_html.median - draft.median)}: importing and running"
        f" trafilatura), validate {fmt_seconds(validate.median)}; a first draft, compiling"
        f" every pattern it uses, {fmt_seconds(first.median)}.",
    ]


def parse_sizes(text: str) -> tuple[int, int]:
    try:
        values = [int(v) for v in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError("give two whole numbers, e.g. 100,1000") from None
    if len(values) != 2 or not 0 < values[0] < values[1]:
        raise argparse.ArgumentTypeError("give two sizes, smaller first, e.g. 100,1000")
    return values[0], values[1]


def parse_groups(text: str) -> list[str]:
    groups = [g.strip() for g in text.split(",") if g.strip()]
    unknown = [g for g in groups if g not in GROUPS]
    if unknown or not groups:
        raise argparse.ArgumentTypeError(
            f"unknown group {', '.join(unknown) or text!r}; groups: {', '.join(GROUPS)}"
        )
    return [g for g in GROUPS if g in groups]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"sizes {QUICK_SIZES[0]},{QUICK_SIZES[1]}, {QUICK_RUNS} runs; never fails on timing",
    )
    parser.add_argument("--sizes", type=parse_sizes, help="small,large corpus sizes [100,1000]")
    parser.add_argument("--runs", type=int, help=f"timed runs per command [{DEFAULT_RUNS}]")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED, help="corpus seed")
    parser.add_argument(
        "--only",
        type=parse_groups,
        help=f"run only these groups of rows, comma-separated: {','.join(GROUPS)} [all]",
    )
    parser.add_argument(
        "--index-size",
        type=int,
        default=INDEX_SIZE,
        help=f"dialogues in the index rows' corpus [{INDEX_SIZE}; 5000 for the issue's targets]",
    )
    args = parser.parse_args(argv)
    if args.index_size < 100:
        parser.error("--index-size must be at least 100")
    sizes: tuple[int, int] = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    runs: int = args.runs or (QUICK_RUNS if args.quick else DEFAULT_RUNS)
    if runs < 1:
        parser.error("--runs must be at least 1")

    print("# briefing benchmark\n")
    print("\n".join(machine()))
    groups = "" if args.only is None else f"; only {', '.join(args.only)}"
    print(
        f"- Sizes {sizes[0]} and {sizes[1]} dialogues; 1 warm-up + {runs} runs per command"
        f"{groups}\n"
    )
    sys.stdout.flush()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        try:
            results = benchmark(
                sizes,
                runs,
                args.seed,
                Path(tmp),
                args.only or list(GROUPS),
                args.index_size,
                quick=args.quick,
            )
        except BenchmarkError as exc:
            print(f"benchmark failed: {exc}", file=sys.stderr)
            return 2
    rows = [r for r in results if isinstance(r, Row)]
    print(TABLE_HEADER)
    print("|---|---|---:|---:|---|---:|---:|---|---|")
    for row in rows:
        print(row.markdown())
    print()
    for note in results:
        if isinstance(note, str):
            print(f"- {note}")
    failed = [r.number for r in rows if not r.ok]
    print(f"- Took {time.monotonic() - started:.0f} s.")
    if failed:
        print(
            f"\nMissed targets: {', '.join(failed)}"
            + (" (ignored with --quick)" if args.quick else "")
        )
    return 0 if args.quick or not failed else 1


if __name__ == "__main__":
    sys.exit(main())
