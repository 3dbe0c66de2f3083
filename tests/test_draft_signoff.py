"""Signing off is safe: each `review` note is one line; deleting it changes nothing else.

A person signs an item off by deleting its `review:` line. If a note were folded
over two lines, deleting "the review line" would leave a stray line that YAML
reads into the next value (an evidence sentence ending "... be all sides"). So
every note is written on one line, and here every review line of several real
drafts is deleted, one at a time, and the rest of the file must read back the same.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefing.draft.assemble import draft_plain
from briefing.draft.emit import to_yaml
from briefing.draft.sources import read_source
from tests.conftest import ROOT

REAL = ROOT / "tests" / "fixtures" / "draft" / "real" / "dev"
ARTICLES = sorted(REAL.glob("*.txt"))[::6]
REVIEW = re.compile(r"^( *)(?:- )?review: ")


def drafted(path: Path) -> str:
    return to_yaml(draft_plain([read_source(str(path))]), [path.name])


def without_note(doc: Any, path: tuple[Any, ...]) -> Any:
    """DOC with the `review` key at PATH removed."""
    doc = copy.deepcopy(doc)
    node = doc
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return doc


def review_paths(doc: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Where every `review` key of DOC is, in document order."""
    found: list[tuple[Any, ...]] = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key == "review":
                found.append((*here, key))
            else:
                found += review_paths(value, (*here, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            found += review_paths(value, (*here, i))
    return found


def test_there_are_articles_to_sign_off() -> None:
    assert len(ARTICLES) >= 5


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_deleting_each_review_line_changes_nothing_else(path: Path) -> None:
    text = drafted(path)
    whole = yaml.safe_load(text)
    lines = text.split("\n")
    review_lines = [i for i, line in enumerate(lines) if REVIEW.match(line)]
    paths = review_paths(whole)
    assert review_lines, "a draft always has notes to review"
    assert len(review_lines) == len(paths), "every note is on a line of its own"
    for i, where in zip(review_lines, paths, strict=True):
        # A note never continues on the next line.
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        indent = len(REVIEW.match(lines[i]).group(1))  # type: ignore[union-attr]
        assert not nxt.startswith(" " * (indent + 1)) or nxt.lstrip().startswith("- "), nxt
        signed = "\n".join(lines[:i] + lines[i + 1 :])
        assert yaml.safe_load(signed) == without_note(whole, where)


def test_the_first_line_says_how_many_items_await_review_and_how_to_sign_off() -> None:
    text = drafted(ARTICLES[0])
    first = text.split("\n", 1)[0]
    count = len(review_paths(yaml.safe_load(text)))
    undated = "date" not in yaml.safe_load(text)["dialogue"]
    assert re.match(rf"# {count + undated} items? awaits? review: ", first)
    assert "delete its one `review:` line" in first


#: How a note begins: with what a person should do, not with what the drafter did.
TO_DO = re.compile(r"(?:check |add |say who said it|name the |give each )")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_every_note_says_what_to_check(path: Path) -> None:
    plain = draft_plain([read_source(str(path))])
    notes = [part for where in review_paths(plain) for part in _at(plain, where).split("; ")]
    assert notes
    assert [n for n in notes if not TO_DO.match(n)] == []


def _at(doc: Any, path: tuple[Any, ...]) -> str:
    for step in path:
        doc = doc[step]
    return str(doc)
