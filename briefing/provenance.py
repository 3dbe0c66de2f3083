"""Proving quotations: every quote and evidence sentence against its source's archived text.

A source with an `archive` record has its text kept in the archive
(`briefing.archive`). Proving a dialogue means: each archived text is there,
inside the archive directory, readable and unchanged (its SHA-256 is the one
recorded), and every `quotes[].text` and `evidence.text` citing that source
occurs in it verbatim. Only line breaks and runs of spaces may differ; curly
and straight quotation marks, dashes and letters must be the source's own.

Each problem is located at the field it concerns, with a hint: for a quotation
that is not in the source, the closest passage of the source. A proof that
passed is kept in the cache under the knowledge file's bytes and the archived
texts' hashes, so an unchanged archive costs one read and one hash per source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final, NamedTuple

from briefing import archive
from briefing.cache import Store
from briefing.errors import Problem
from briefing.model import Commitment, Dialogue, Discussion, Event, Knowledge
from briefing.views import SourcePassage

#: A hint quotes at most this much of the source.
_HINT_CHARS: Final = 160
#: A passage shows about this much of the source on each side of a quotation.
_AROUND: Final = 240
#: What may stand around a word without being part of it, in comparing wordings.
_PUNCTUATION: Final = ".,;:!?\"'()[]\u201c\u201d\u2018\u2019\u2014\u2013-"


class Item(NamedTuple):
    """One verbatim text to prove: where it is in the file, which source it cites, its words."""

    path: str
    what: str
    source: str
    text: str


class Report(NamedTuple):
    """What proving found, over every dialogue read."""

    problems: tuple[Problem, ...]
    #: Sources cited, and how many of them have an archived text.
    sources: int
    archived: int
    #: Quotes and evidence sentences found verbatim in archived texts.
    proved: int
    #: Each source without an archived text: (file, dialogue id, source id, where it is).
    unarchived: tuple[tuple[str, str, str, str], ...]

    def counts(self) -> dict[str, int]:
        """What `validate` adds to its counts: sources, archived, proved."""
        return {"sources": self.sources, "archived": self.archived, "proved": self.proved}


def unarchived_problems(report: Report) -> list[Problem]:
    """Each source without an archived text, as a problem located at the source (--strict)."""
    found = []
    by_file: dict[str, list[tuple[str, str, str]]] = {}
    for file, did, sid, at in report.unarchived:
        by_file.setdefault(file, []).append((did, sid, at))
    for file, entries in sorted(by_file.items()):
        where = locate(file, [at for _, _, at in entries])
        for _did, sid, at in entries:
            line, col = where.get(at, (0, 0))
            found.append(
                Problem(
                    file,
                    line,
                    col,
                    at,
                    f"source '{sid}' has no archived text, so what cites it is not proved",
                    f"archive it: briefing archive FILE_OR_URL --id {sid} --data {file}",
                )
            )
    return found


def normalise(text: str) -> str:
    """TEXT with every run of white space (line breaks included) as one space."""
    return " ".join(text.split())


_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t\f\v]*\n")


def flatten(text: str) -> str:
    """A source's TEXT for proving: each paragraph normalised, paragraphs on lines of their
    own, so that no quotation is found across a paragraph break."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(normalise(p) for p in _PARAGRAPH_BREAK.split(text))


def verbatim_in(words: str, flat: str) -> bool:
    """Whether WORDS occur in FLAT (see `flatten`) as whole words, white space aside.

    "wavering" is not in "unwavering": a quotation that starts or ends with a letter
    or digit must start or end a word of the source too.
    """
    want = normalise(words)
    if not want:
        return False
    start = flat.find(want)
    while start >= 0:
        end = start + len(want)
        clean_start = start == 0 or not (want[0].isalnum() and flat[start - 1].isalnum())
        clean_end = end == len(flat) or not (want[-1].isalnum() and flat[end].isalnum())
        if clean_start and clean_end:
            return True
        start = flat.find(want, start + 1)
    return False


def items(d: Dialogue) -> Iterator[Item]:
    """Every quote and evidence sentence of D, with the path of its text in the file."""
    for i, q in enumerate(d.quotes):
        yield Item(f"quotes[{i}].text", f"quote '{q.id}'", q.source, q.text)
    sections: tuple[tuple[str, tuple[Commitment | Discussion | Event, ...]], ...] = (
        ("commitments", d.commitments),
        ("discussions", d.discussions),
        ("events", d.events),
    )
    for key, entries in sections:
        for i, x in enumerate(entries):
            yield Item(
                f"{key}[{i}].evidence.text",
                f"the evidence of {key[:-1]} '{x.id}'",
                x.evidence.source,
                x.evidence.text,
            )
    for i, p in enumerate(d.progress):
        yield Item(
            f"progress[{i}].evidence.text",
            f"the evidence of progress on {p.commitment}",
            p.evidence.source,
            p.evidence.text,
        )


def prove(
    knowledge: Knowledge,
    marks: dict[str, dict[str, tuple[int, int]]],
    *,
    root: Path | None = None,
    limit: int,
    keys: dict[str, str] | None = None,
    store: Store | None = None,
) -> Report:
    """Prove every dialogue of KNOWLEDGE against its archived sources.

    MARKS are the located fields of each dialogue (by id); ROOT is the archive
    directory given by option (else each file's own); KEYS, with STORE, are the
    cache keys of the files' bytes, under which a passed proof is remembered.
    """
    problems: list[Problem] = []
    sources = archived = proved = 0
    unarchived: list[tuple[str, str, str, str]] = []
    # Passed proofs of these files, by proof key, in one cache entry: one read, not one a file.
    where = "|".join(sorted(d.path for d in knowledge.dialogues)) + f"|{root or ''}"
    index_key = f"proofs-{_digest(where)}"
    known: dict[str, int] = {}
    if store is not None and keys is not None:
        stored = store.get_value(index_key)
        known = stored if isinstance(stored, dict) else {}
    passed: dict[str, int] = {}
    for d in knowledge.dialogues:
        found = _prove_one(d, marks.get(d.id, {}), root, limit, keys, known, passed)
        problems.extend(found.problems)
        sources += found.sources
        archived += found.archived
        proved += found.proved
        unarchived.extend(found.unarchived)
    if store is not None and keys is not None and passed != known:
        store.put_value(index_key, passed)
    return Report(tuple(problems), sources, archived, proved, tuple(unarchived))


def _prove_one(
    d: Dialogue,
    marks: dict[str, tuple[int, int]],
    option: Path | None,
    limit: int,
    keys: dict[str, str] | None,
    known: dict[str, int],
    passed: dict[str, int],
) -> Report:
    """Prove D; KNOWN are proofs passed before, by key, and PASSED receives this one's."""
    file = d.path
    root = archive.root_for(Path(file), option)
    problems: list[Problem] = []
    found: dict[str, archive.Text] = {}
    hashes: list[str] = []
    unarchived = []
    for i, source in enumerate(d.sources):
        at = f"dialogue.sources[{i}]"
        if source.archive is None:
            unarchived.append((file, d.id, source.id, at))
            continue
        record = source.archive
        line, col = marks.get(f"{at}.archive.path", (0, 0))
        try:
            got = archive.read(root, record.path, limit)
        except archive.ArchiveError as exc:
            hint = exc.hint
            if exc.message.startswith("no archived text"):
                hint = (
                    f"no archive directory at {root}: give --archive DIR or set $BRIEFING_ARCHIVE"
                    if not root.is_dir()
                    else f"archive it again: briefing archive FILE_OR_URL --id {source.id}"
                    f" --data {file}"
                )
            problems.append(Problem(file, line, col, f"{at}.archive.path", exc.message, hint))
            continue
        found[source.id] = got
        hashes.append(f"{source.id}:{got.sha256}")
        if got.sha256 != record.sha256.lower():
            try:
                got.text  # noqa: B018 - a binary file is said to be one, not to have changed
            except archive.ArchiveError as exc:
                problems.append(
                    Problem(file, line, col, f"{at}.archive.path", exc.message, exc.hint)
                )
                del found[source.id]
                continue
            sline, scol = marks.get(f"{at}.archive.sha256", (line, col))
            problems.append(_changed(file, sline, scol, at, record.sha256, got, source.id))
    key = ""
    if keys is not None and d.id in keys and not problems:
        key = _digest(f"{keys[d.id]}|{option or ''}|{';'.join(hashes)}")
        proved = known.get(key)
        if isinstance(proved, int):
            passed[key] = proved
            return Report((), len(d.sources), len(found), proved, tuple(unarchived))
    flat = {}
    for i, source in enumerate(d.sources):
        if source.id not in found:
            continue
        try:
            flat[source.id] = flatten(found[source.id].text)
        except archive.ArchiveError as exc:
            at = f"dialogue.sources[{i}].archive.path"
            line, col = marks.get(at, (0, 0))
            problems.append(Problem(file, line, col, at, exc.message, exc.hint))
    checked = [it for it in items(d) if it.source in flat]
    missing = [it for it in checked if not verbatim_in(it.text, flat[it.source])]
    if missing:
        where = locate(file, [it.path for it in missing])
        for it in missing:
            line, col = where.get(it.path, (0, 0))
            problems.append(
                Problem(
                    file,
                    line,
                    col,
                    it.path,
                    f"{it.what} is not verbatim in the archived text of source '{it.source}'",
                    _closest_hint(it.text, flat[it.source]),
                )
            )
    elif key:
        passed[key] = len(checked)
    return Report(
        tuple(problems),
        len(d.sources),
        len(found),
        len(checked) - len(missing),
        tuple(unarchived),
    )


def _digest(text: str) -> str:
    from briefing import cache

    return cache.blake2b(text.encode(), digest_size=16).hexdigest()


def _changed(
    file: str, line: int, col: int, at: str, recorded: str, got: archive.Text, source_id: str
) -> Problem:
    if not archive.good_hash(recorded):
        return Problem(
            file,
            line,
            col,
            f"{at}.archive.sha256",
            f"expected a SHA-256 of 64 hexadecimal digits, found '{recorded[:70]}'",
            f"the archived file's is {got.sha256}",
        )
    return Problem(
        file,
        line,
        col,
        f"{at}.archive.sha256",
        f"the archived text {got.path} has changed since it was archived: its SHA-256 is"
        f" now {got.sha256[:12]}..., not {recorded[:12]}...",
        "restore it from version control; if the change is meant, record it with"
        f" `briefing archive {got.path} --id {source_id} --data {file} --force`",
    )


def locate(file: str, paths: list[str]) -> dict[str, tuple[int, int]]:
    """The 1-based line and column of each of PATHS ("quotes[2].text") in FILE's YAML."""
    from yaml.nodes import MappingNode, SequenceNode

    from briefing.errors import DataError
    from briefing.parse.compose import compose

    try:
        with open(file, encoding="utf-8") as fh:
            top = compose(fh.read(), file)
    except (OSError, UnicodeDecodeError, DataError):
        return {}
    found = {}
    for path in paths:
        node: object = top
        for step in re.findall(r"[^.\[\]]+|\[\d+\]", path):
            if step.startswith("[") and isinstance(node, SequenceNode):
                index = int(step[1:-1])
                node = node.value[index] if index < len(node.value) else None
            elif isinstance(node, MappingNode):
                node = next((v for k, v in node.value if k.value == step), None)
            else:
                node = None
            if node is None:
                break
        if node is not None:
            mark = node.start_mark  # type: ignore[attr-defined]
            found[path] = (mark.line + 1, mark.column + 1)
    return found


def closest(text: str, source: str) -> str:
    """The passage of SOURCE (normalised) most like TEXT: what the source probably said.

    Compared word by word over windows as long as TEXT, starting at the words
    that share most with it; empty when nothing is even half alike.
    """
    import difflib

    def bare(word: str) -> str:
        return word.strip(_PUNCTUATION).casefold()

    want = [bare(w) for w in text.split()]
    tokens = [(m.start(), m.end(), bare(m.group())) for m in re.finditer(r"\S+", source)]
    if not want or not tokens:
        return ""
    n = len(want)
    wanted = set(want)
    starts = sorted(
        range(max(1, len(tokens) - n + 1)),
        key=lambda i: -sum(t[2] in wanted for t in tokens[i : i + n]),
    )[:24]
    best, best_ratio = (0, 0), 0.0
    lengths = sorted({max(1, n - 1), n, n + 1, n + 2, n + n // 5})
    for i in sorted(starts):
        for size in lengths:
            window = [t[2] for t in tokens[i : i + size]]
            ratio = difflib.SequenceMatcher(None, want, window, autojunk=False).ratio()
            if ratio > best_ratio:
                best, best_ratio = (i, min(i + size, len(tokens)) - 1), ratio
    if best_ratio < 0.5:
        return ""
    passage = source[tokens[best[0]][0] : tokens[best[1]][1]]
    return passage.strip("\"'\u201c\u201d\u2018\u2019")


def _closest_hint(text: str, source: str) -> str:
    near = closest(text, source)
    if not near:
        return "copy the words from the source exactly, or cite the source that says them"
    shown = near if len(near) <= _HINT_CHARS else near[:_HINT_CHARS].rsplit(" ", 1)[0] + "..."
    return f'did the source say: "{shown}"?'


def passage_in(text: str, words: str) -> tuple[int, int] | None:
    """The span of WORDS in TEXT where only white space may differ, or None."""
    parts = words.split()
    if not parts:
        return None
    pattern = r"\s+".join(re.escape(p) for p in parts)
    if parts[0][0].isalnum():
        pattern = r"(?<![^\W_])" + pattern
    if parts[-1][-1].isalnum():
        pattern += r"(?![^\W_])"
    for m in re.finditer(pattern, text):
        if not _PARAGRAPH_BREAK.search(m.group().replace("\r\n", "\n").replace("\r", "\n")):
            return m.start(), m.end()
    return None


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    """The source's words before START and after END, to about a paragraph's length."""
    head = text.rfind("\n\n", 0, start)
    head = max(head + 2 if head >= 0 else 0, start - _AROUND)
    tail = text.find("\n\n", end)
    tail = min(tail if tail >= 0 else len(text), end + _AROUND)
    before, after = text[head:start], text[end:tail]
    if head > 0 and text[head - 1] not in "\n" and " " in before:
        before = "..." + before.split(" ", 1)[1]
    if tail < len(text) and text[tail] not in "\n" and " " in after:
        after = after.rsplit(" ", 1)[0] + "..."
    return normalise_keep_edges(before), normalise_keep_edges(after)


def normalise_keep_edges(text: str) -> str:
    """TEXT with runs of white space as one space, keeping a space at either end."""
    inner = normalise(text)
    if not inner:
        return " " if text and text.isspace() else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return lead + inner + trail


def passages(
    dialogues: tuple[Dialogue, ...], *, root: Path | None = None, limit: int
) -> dict[tuple[str, str], SourcePassage]:
    """Each quote's passage in its archived source, by (dialogue id, quote id)."""
    out: dict[tuple[str, str], SourcePassage] = {}
    for d in dialogues:
        base = archive.root_for(Path(d.path), root)
        texts: dict[str, tuple[str, str, str]] = {}
        for source in d.sources:
            if source.archive is None:
                continue
            try:
                got = archive.read(base, source.archive.path, limit)
                text = got.text
            except archive.ArchiveError:
                texts[source.id] = ("archive unreadable", _shown(base / source.archive.path), "")
                continue
            ok = got.sha256 == source.archive.sha256.lower()
            texts[source.id] = ("verbatim" if ok else "archive changed", _shown(got.path), text)
        for q in d.quotes:
            status, file, text = texts.get(q.source, ("not archived", "", ""))
            span = passage_in(text, q.text) if text else None
            if span is None:
                near = ""
                if status in ("verbatim", "archive changed"):
                    # A changed archive keeps saying so: it may be why the words are gone.
                    status = "not in the source" if status == "verbatim" else status
                    near = closest(q.text, normalise(text))
                out[(d.id, q.id)] = SourcePassage(status, q.source, file, 0, "", "", "", near)
                continue
            start, end = span
            before, after = _around(text, start, end)
            line = text.count("\n", 0, start) + 1
            out[(d.id, q.id)] = SourcePassage(
                status, q.source, file, line, before, text[start:end], after
            )
    return out


def _shown(path: Path) -> str:
    """PATH as a reader would type it: relative to the working directory when inside it."""
    import os

    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return str(path) if relative.startswith("..") else relative
