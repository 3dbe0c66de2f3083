"""Names typed on the command line, matched to what the knowledge holds.

Case, accents and punctuation do not matter; a person may be named by id, name,
alias, surname or a name behind an honorific; a topic by id, name, or an
unambiguous prefix. When nothing matches, the error says what was meant.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from briefing.model import Dialogue, Knowledge, Participant, Topic


class NotFoundError(Exception):
    """A name given on the command line matches nothing (exit 1)."""


@cache
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    import unicodedata  # only when a name is matched: most commands never do

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Accents go; the marks that remain are parts of letters (Devanagari vowel
    # signs, anusvara), so they stay inside their word although not \w.
    kept = (
        c if c.isalnum() or c == "_" or unicodedata.category(c)[0] == "M" else " "
        for c in decomposed
        if not unicodedata.combining(c)
    )
    return " ".join("".join(kept).split())


_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "prof", "shri", "smt", "he", "hon", "pm"})


def bare(folded: str) -> str:
    """A folded name without its leading honorifics ('dr s jaishankar' -> 's jaishankar')."""
    words = folded.split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


@cache
def person_names(p: Participant) -> frozenset[str]:
    """Every folded form a user may type for a participant."""
    forms = {p.id, p.name, *p.aliases, *(o.name for o in p.other_names)}
    folded = {fold(f) for f in forms}
    folded |= {bare(f) for f in folded}
    folded |= {f.split()[-1] for f in folded if f}
    return frozenset(folded)


def names_of(p: Participant) -> str:
    """Every name of a participant as written, for searching."""
    return " ".join([p.name, *p.aliases, *(o.name for o in p.other_names)])


class PersonMatch(NamedTuple):
    ids: frozenset[tuple[str, str]]  # (dialogue id, participant id)
    names: tuple[str, ...]


def match_person(dialogues: Iterable[Dialogue], name: str) -> PersonMatch:
    """The participants NAME stands for, across dialogues; NotFoundError if none."""
    wanted = bare(fold(name))
    ids: set[tuple[str, str]] = set()
    names: list[str] = []
    # Every form a person may be called by, for suggestions: a misspelt
    # surname or alias is closer to the alias than to the full name.
    forms: dict[str, str] = {}
    for d in dialogues:
        for p in d.participants:
            forms.update(dict.fromkeys(sorted(person_names(p)), p.name))
            if wanted and wanted in person_names(p):
                ids.add((d.id, p.id))
                if p.name not in names:
                    names.append(p.name)
    if not ids:
        raise NotFoundError(
            f"no participant matches '{name}'"
            + suggest(name, sorted(set(forms.values())), "participants", forms=forms)
        )
    return PersonMatch(frozenset(ids), tuple(names))


def suggest(word: str, known: list[str], what: str, *, forms: dict[str, str] | None = None) -> str:
    """' (did you mean ...?)' naming what WORD is closest to, else a few of the KNOWN names.

    FORMS maps other folded forms (aliases, surnames) to the known name they stand for.
    """
    from briefing.errors import close_matches

    choices = {fold(k): k for k in known} | (forms or {})
    close = close_matches(bare(fold(word)), list(choices), n=6, cutoff=0.5)
    named = list(dict.fromkeys(choices[c] for c in close))[:3]
    if named:
        return " (did you mean " + " or ".join(f"'{c}'" for c in named) + "?)"
    listed = sorted(known)
    # A long list is cut, and says so.
    if len(listed) > 10:
        listed = [*listed[:8], f"and {len(listed) - 8} more"]
    shown = ", ".join(listed)
    return f" (known {what}: {shown})" if shown else ""


def match_topics(dialogues: Iterable[Dialogue], name: str) -> list[tuple[Dialogue, Topic]]:
    """Topics whose id or name is NAME, or starts with it when that is unambiguous."""
    wanted = fold(name)
    exact: list[tuple[Dialogue, Topic]] = []
    prefix: list[tuple[Dialogue, Topic]] = []
    known: set[str] = set()
    names: dict[str, str] = {}
    for d in dialogues:
        for t in d.topics:
            known.add(t.id)
            names[fold(t.name)] = t.id
            forms = {fold(t.id), fold(t.name)}
            if wanted in forms:
                exact.append((d, t))
            elif wanted and any(
                f.startswith(wanted) or any(w.startswith(wanted) for w in f.split()) for f in forms
            ):
                prefix.append((d, t))
    if exact:
        return exact
    ids = sorted({t.id for _, t in prefix})
    if len(ids) == 1:
        return prefix
    if len(ids) > 1:
        raise NotFoundError(
            f"'{name}' matches several topics: {', '.join(ids)} (type more of the name)"
        )
    raise NotFoundError(
        f"no topic matches '{name}'" + suggest(name, sorted(known), "topics", forms=names)
    )


def match_party(dialogues: Iterable[Dialogue], party: str) -> set[tuple[str, str]]:
    """(dialogue id, party or participant id) pairs PARTY stands for; NotFoundError if none."""
    wanted = fold(party)
    found: set[tuple[str, str]] = set()
    known: set[str] = set()
    for d in dialogues:
        for p in d.parties:
            known.add(p.name)
            if wanted in (fold(p.id), fold(p.name)):
                found.add((d.id, p.id))
        for person in d.participants:
            if wanted and wanted in person_names(person):
                found.add((d.id, person.id))
    if not found:
        raise NotFoundError(
            f"no party matches '{party}'" + suggest(party, sorted(known), "parties")
        )
    return found


def select_dialogues(knowledge: Knowledge, dialogue_id: str | None) -> tuple[Dialogue, ...]:
    """Every dialogue, or the one with DIALOGUE_ID (an exact id); NotFoundError if none."""
    if dialogue_id is None:
        return knowledge.dialogues
    chosen = tuple(d for d in knowledge.dialogues if d.id == dialogue_id)
    if not chosen:
        known = [d.id for d in knowledge.dialogues]
        raise NotFoundError(
            f"no dialogue with id '{dialogue_id}'" + suggest(dialogue_id, known, "dialogues")
        )
    return chosen
