"""The loader: every bad knowledge file gives exactly the expected located messages.

Most files in tests/bad/ are tests/bad/ok-minimal.yaml with one thing broken;
a few (billion laughs, deep nesting, a top-level list or scalar, an empty file)
are written from scratch. The first line of each says what is wrong.
`briefing validate FILE` runs from that directory, so the messages name the
file by a stable relative path.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from briefing import load
from briefing.build import build_dialogue
from briefing.cli import app
from briefing.errors import DataError, Problem
from briefing.load import bundled_data, load_knowledge, parse_plain
from tests.conftest import GOLDEN, Golden

BAD = Path(__file__).parent / "bad"
runner = CliRunner()


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache directory; the user's cache is never touched."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(directory))
    monkeypatch.delenv("BRIEFING_MAX_FILE_SIZE", raising=False)
    monkeypatch.delenv("BRIEFING_DATA", raising=False)
    return directory


@pytest.fixture
def in_bad(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(BAD)
    return BAD


def validate(*args: str) -> Result:
    return runner.invoke(app, ["validate", *args])


def assert_fails_with(result: Result, lines: list[str]) -> None:
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == lines


# --------------------------------------------------------------------------
# The corpus of bad files

BAD_FILES = sorted(p.name for p in BAD.glob("*.yaml") if not p.name.startswith("ok-"))


def expected(name: str) -> list[str]:
    """The messages NAME must give, kept in tests/golden/bad/ (rewritten by --update-golden)."""
    path = GOLDEN / "bad" / f"{Path(name).stem}.txt"
    assert path.exists(), f"missing {path}; run pytest --update-golden and review it"
    return path.read_text(encoding="utf-8").splitlines()


def test_every_bad_file_has_expected_messages() -> None:
    kept = {p.stem for p in (GOLDEN / "bad").glob("*.txt")}
    assert kept == {Path(name).stem for name in BAD_FILES}


@pytest.mark.parametrize("name", BAD_FILES)
@pytest.mark.usefixtures("in_bad")
def test_bad_file(name: str, golden: Golden) -> None:
    result = validate(name)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    golden.check(f"bad/{Path(name).stem}.txt", result.stderr)
    assert result.stderr.strip(), "a bad file must give at least one message"


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_through_the_api(name: str) -> None:
    """The same problems, located, from parse_plain; nothing but DataError escapes."""
    with pytest.raises(DataError) as caught:
        parse_plain((BAD / name).read_bytes(), name)
    assert [str(p) for p in caught.value.problems] == expected(name)
    assert all(p.line >= 1 and p.column >= 1 for p in caught.value.problems)


@pytest.mark.usefixtures("in_bad")
def test_several_problems_are_all_reported_in_file_order() -> None:
    result = validate("several-problems.yaml")
    assert_fails_with(result, expected("several-problems.yaml"))
    places = [tuple(int(n) for n in line.split(":")[1:3]) for line in result.stderr.splitlines()]
    assert len(places) == 6
    assert places == sorted(places)


@pytest.mark.parametrize("name", ["ok-minimal.yaml", "ok-bom.yaml"])
@pytest.mark.usefixtures("in_bad")
def test_valid_files_pass(name: str) -> None:
    result = validate(name)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.startswith(f"{name}: ok")


def test_byte_order_mark_changes_nothing() -> None:
    plain = parse_plain((BAD / "ok-minimal.yaml").read_bytes(), "a.yaml")
    with_bom = (BAD / "ok-bom.yaml").read_bytes()
    assert with_bom.startswith(b"\xef\xbb\xbf")
    assert parse_plain(with_bom, "b.yaml")["dialogue"] == plain["dialogue"]


@pytest.mark.parametrize("name", ["billion-laughs.yaml", "deep-nesting.yaml", "self-alias.yaml"])
@pytest.mark.usefixtures("in_bad")
def test_hostile_files_fail_fast(name: str) -> None:
    start = time.monotonic()
    result = validate(name)
    assert time.monotonic() - start < 2
    assert_fails_with(result, expected(name))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: " + "[" * 100_000 + "\n", "1:68: nesting is too deep"),
        ("a: " + "{a: " * 5_000 + "}" * 5_000 + "\n", "1:260: nesting is too deep"),
        ("a: " + "[]" * 50 + "[" * 65 + "\n", "1:168: nesting is too deep"),
        ("- " * 5_000 + "x\n", "1:1: nesting is too deep"),
        ("a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 400)), "257:1: nesting is too"),
    ],
    ids=["unclosed-brackets", "braces", "pairs-then-unclosed", "dashes", "indentation"],
)
def test_deep_nesting_is_a_located_error(text: str, message: str) -> None:
    start = time.monotonic()
    with pytest.raises(DataError) as caught:
        parse_plain(text.encode(), "deep.yaml")
    assert time.monotonic() - start < 2
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"deep.yaml:{message}")


@pytest.mark.parametrize(
    "name", ["dangling-speaker.yaml", "nul-byte.yaml", "tab-indent.yaml", "not-utf8.yaml"]
)
@pytest.mark.parametrize("newline", [b"\r\n", b"\r"], ids=["crlf", "cr"])
def test_positions_do_not_depend_on_line_endings(name: str, newline: bytes) -> None:
    data = (BAD / name).read_bytes().replace(b"\n", newline)
    with pytest.raises(DataError) as caught:
        parse_plain(data, name)
    assert [str(p) for p in caught.value.problems] == expected(name)


def test_many_shallow_brackets_are_fine() -> None:
    """Hundreds of one-line lists nest one level deep; no false alarm."""
    ok = (BAD / "ok-minimal.yaml").read_text(encoding="utf-8")
    more = "".join(
        f"  - id: c{n}\n    text: T.\n    by: [india]\n    topics: [ai]\n    kind: plan\n"
        "    evidence: {source: article, text: T.}\n"
        for n in range(200)
    )
    text = ok.replace("\nquotes:\n", more + "\nquotes:\n")
    assert text.count("[") > 400
    plain = parse_plain(text.encode(), "many.yaml")
    assert len(plain["commitments"]) == 201


# --------------------------------------------------------------------------
# Problems found by the parser and by the schema, one small edit at a time

EDITED: list[tuple[str, str | None, str, list[str]]] = [
    (
        "document-end-then-more",
        None,
        "a: b\n...\nc: d\n",
        [
            (
                "t.yaml:3:1: expected the end of the file, found more content (remove what "
                "follows the end of the document: a '...' line or an extra closing bracket "
                "ends it early)"
            ),
        ],
    ),
    (
        "duplicate-anchor",
        None,
        "a: &x 1\nb: &x 2\n",
        [
            (
                "t.yaml:2:4: expected a plain value, found a second anchor of the same "
                "name; anchors and aliases are not allowed (remove each '&name' anchor and "
                "write each value out in full)"
            ),
        ],
    ),
    (
        "star-then-space",
        None,
        "a: * foo\n",
        [
            (
                "t.yaml:1:4: expected a value, found '*', which starts an alias (put the "
                "text in quotes: YAML reads a value starting with '*' specially)"
            ),
        ],
    ),
    (
        "ampersand-then-space",
        None,
        "a: & foo\n",
        [
            (
                "t.yaml:1:4: expected a value, found '&', which starts an anchor (put the "
                "text in quotes: YAML reads a value starting with '&' specially)"
            ),
        ],
    ),
    (
        "broken-tag",
        None,
        "a: !<foo\n",
        [
            (
                "t.yaml:1:4: expected a value, found a malformed tag ('!') (put the text "
                "in quotes: YAML reads a value starting with '!' as a tag)"
            ),
        ],
    ),
    (
        "at-sign",
        None,
        "a: @x\n",
        [
            (
                "t.yaml:1:4: expected a value, found '@', which cannot start unquoted text "
                "(put the text in quotes)"
            ),
        ],
    ),
    (
        "backtick",
        None,
        "a: `x`\n",
        [
            (
                "t.yaml:1:4: expected a value, found '`', which cannot start unquoted text "
                "(put the text in quotes)"
            ),
        ],
    ),
    (
        "dash-after-key",
        None,
        "a: - b\n",
        [
            (
                "t.yaml:1:4: expected a value, found a '- ' list item on the same line as "
                "its key (start the list on the next line, indented, or put the text in "
                "quotes)"
            ),
        ],
    ),
    (
        "bad-escape",
        None,
        'a: "x\\qy"\n',
        [
            (
                "t.yaml:1:6: expected a valid escape after '\\' in double-quoted text "
                "(write a backslash as \\\\, or use single quotes)"
            ),
        ],
    ),
    (
        "line-without-colon",
        None,
        "a: b\nthis is text\nc: d\n",
        [
            (
                "t.yaml:2:1: expected 'key: value', found a line without ': ' (indent a "
                "continued value further than its key, or put it in quotes)"
            ),
        ],
    ),
    (
        "list-then-key",
        None,
        "- a\nb: c\n",
        [
            (
                "t.yaml:2:1: expected a '- ' list item at this indentation (line this up "
                "with the other items of the list, or indent it under its key)"
            ),
        ],
    ),
    (
        "unclosed-brace",
        None,
        "a: {b: c\n",
        [
            (
                "t.yaml:2:1: expected ',' or '}' in the mapping opened at line 1, column 4 "
                "(close the mapping with '}', and quote values that contain ',', '{' or "
                "'}')"
            ),
        ],
    ),
    (
        "block-scalar-header",
        None,
        "a: |x\n  y\n",
        [
            (
                "t.yaml:1:5: expected a line break after the '|' or '>' that starts a "
                "block of text (start the text on the next line, indented; only '-', '+' "
                "or a digit may follow)"
            ),
        ],
    ),
    (
        "tab-in-block-scalar",
        None,
        "a: |\n\t x\n",
        [
            (
                "t.yaml:2:1: expected spaces, found a tab used for indentation (indent "
                "with spaces only)"
            ),
        ],
    ),
    (
        "tab-after-dash",
        None,
        "a:\n  -\tb\n",
        [
            (
                "t.yaml:2:4: expected spaces, found a tab used for indentation (indent "
                "with spaces only)"
            ),
        ],
    ),
    (
        "null-document",
        None,
        "~\n",
        [
            (
                "t.yaml:1:1: expected a mapping at the top of the file, got '~', which "
                "YAML reads as nothing (null) (a knowledge file starts with 'schema: 1', "
                "then 'dialogue:')"
            ),
        ],
    ),
    (
        "tagged-document",
        None,
        "!!binary aGk=\n",
        [
            (
                "t.yaml:1:1: expected plain text, numbers, dates, lists or mappings, found "
                "a value tagged '!!binary' (remove the tag; knowledge files use no tags)"
            ),
        ],
    ),
    (
        "unused-anchor",
        "  location: New Delhi\n",
        "  location: &city New Delhi\n",
        [
            (
                "t.yaml:9:13: dialogue.location: expected a plain value, found the anchor "
                "'&city'; anchors and aliases are not allowed (remove '&city')"
            ),
        ],
    ),
    (
        "alias-on-three-lines",
        "    name: S Jaishankar\n",
        (
            "    name: &n S Jaishankar\n"
            "    aliases: [*n]\n    role_note: *n\n"
            "    other_names: [{name: *n, note: *n}]\n"
        ),
        [
            (
                "t.yaml:23:11: participants[0].name: expected a plain value, found the "
                "anchor '&n'; anchors and aliases are not allowed (remove '&n' and write "
                "the value out in place of the 4 uses of '*n', on lines 24, 25 and 26)"
            ),
        ],
    ),
    (
        "alias-on-many-lines",
        "    name: S Jaishankar\n",
        (
            "    name: &n S Jaishankar\n"
            "    aliases:\n      - *n\n"
            "      - *n\n      - *n\n"
            "      - *n\n      - *n\n"
        ),
        [
            (
                "t.yaml:23:11: participants[0].name: expected a plain value, found the "
                "anchor '&n'; anchors and aliases are not allowed (remove '&n' and write "
                "the value out in place of the 5 uses of '*n', on lines 25, 26, 27 and 2 "
                "more)"
            ),
        ],
    ),
    (
        "alias-as-key",
        "    name: India\n",
        "    &k name: India\n    *k : Bharat\n",
        [
            (
                "t.yaml:17:5: parties[0]: expected a plain value, found the anchor '&k'; "
                "anchors and aliases are not allowed (remove '&k' and write the value out "
                "in place of '*k' at line 18, column 5)"
            ),
        ],
    ),
    (
        "prose-with-stars-and-ampersands",
        "  location: New Delhi\n",
        "  location: R & D * 2 &c\n",
        [],
    ),
    (
        "str-tag-on-list",
        "  location: New Delhi\n",
        "  location: !!str [New, Delhi]\n",
        [
            (
                "t.yaml:9:13: dialogue.location: expected plain text, numbers, dates, "
                "lists or mappings, found a list tagged '!!str' (remove the tag '!!str')"
            ),
        ],
    ),
    (
        "map-tag-on-text",
        "  location: New Delhi\n",
        "  location: !!map New Delhi\n",
        [
            (
                "t.yaml:9:13: dialogue.location: expected plain text, numbers, dates, "
                "lists or mappings, found a value tagged '!!map' (remove the tag '!!map')"
            ),
        ],
    ),
    (
        "explicit-str-tag",
        "    country: Japan\n",
        "    country: !!str NO\n",
        [],
    ),
    (
        "null-key",
        "    name: India\n",
        "    name: India\n    ~: x\n",
        [
            (
                "t.yaml:18:5: parties[0]: expected a field name, found '~', which YAML "
                "reads as nothing (null) (keys are field names such as 'name'; see "
                "docs/schema.md)"
            ),
        ],
    ),
    (
        "bool-key",
        "    name: India\n",
        "    name: India\n    yes: x\n",
        [
            (
                "t.yaml:18:5: parties[0]: expected a field name, found 'yes', which YAML "
                "reads as the boolean true (keys are field names such as 'name'; see "
                "docs/schema.md)"
            ),
        ],
    ),
    (
        "list-key",
        "    name: India\n",
        "    name: India\n    [a, b]: x\n",
        [
            (
                "t.yaml:18:5: parties[0]: expected a field name, found a list used as a "
                "key (complex keys such as '? ...' or '[a]: b' are not allowed; use a "
                "field name)"
            ),
        ],
    ),
    (
        "quoted-ordinal",
        "  date: 2026-01-16\n",
        "  date: 2026-01-16\n  ordinal: '18'\n",
        [
            (
                "t.yaml:9:12: dialogue.ordinal: expected a whole number like 18, got '18', "
                "which YAML reads as text (remove the quotes)"
            ),
        ],
    ),
    (
        "leading-zero-ordinal",
        "  date: 2026-01-16\n",
        "  date: 2026-01-16\n  ordinal: 018\n",
        [
            (
                "t.yaml:9:12: dialogue.ordinal: expected a whole number like 18, got "
                "'018', which YAML reads as text (write it without leading zeros, e.g. 18)"
            ),
        ],
    ),
    (
        "decimal-ordinal",
        "  date: 2026-01-16\n",
        "  date: 2026-01-16\n  ordinal: 1.5\n",
        [
            (
                "t.yaml:9:12: dialogue.ordinal: expected a whole number like 18, got '1.5' "
                "(write plain digits with no sign, point or leading zero, e.g. 18)"
            ),
        ],
    ),
    (
        "zero-ordinal",
        "  date: 2026-01-16\n",
        "  date: 2026-01-16\n  ordinal: 0\n",
        [
            (
                "t.yaml:9:12: dialogue.ordinal: expected a whole number of 1 or more, got "
                "0 (the ordinal counts meetings: 18 for the 18th; leave it out if unknown)"
            ),
        ],
    ),
    (
        "list-ordinal",
        "  date: 2026-01-16\n",
        "  date: 2026-01-16\n  ordinal: [18]\n",
        [
            (
                "t.yaml:9:12: dialogue.ordinal: expected a whole number like 18, got a "
                "list (write the number, e.g. 18)"
            ),
        ],
    ),
    (
        "empty-ordinal-is-absent",
        "  date: 2026-01-16\n",
        "  date: 2026-01-16\n  ordinal:\n",
        [],
    ),
    (
        "null-schema",
        "schema: 1\n",
        "schema:\n",
        [
            (
                "t.yaml:3:8: schema: expected a whole number like 1, got nothing (null) "
                "(write a value after the colon; this field is required)"
            ),
        ],
    ),
    (
        "decimal-schema",
        "schema: 1\n",
        "schema: 1.0\n",
        [
            (
                "t.yaml:3:9: schema: expected a whole number like 1, got '1.0' (write "
                "plain digits with no sign, point or leading zero, e.g. 1)"
            ),
        ],
    ),
    (
        "missing-schema",
        "schema: 1\n",
        "\n",
        [
            ("t.yaml:5:1: missing required key 'schema' (start the file with 'schema: 1')"),
        ],
    ),
    (
        "month-13",
        "  date: 2026-01-16\n",
        "  date: 2026-13-16\n",
        [
            (
                "t.yaml:8:9: dialogue.date: expected a real calendar date, got "
                "'2026-13-16' (the month must be 01 to 12)"
            ),
        ],
    ),
    (
        "year-zero",
        "  date: 2026-01-16\n",
        "  date: 0000-01-16\n",
        [
            (
                "t.yaml:8:9: dialogue.date: expected a real calendar date, got "
                "'0000-01-16' (the year must be 0001 or later)"
            ),
        ],
    ),
    (
        "date-and-time",
        "  date: 2026-01-16\n",
        "  date: 2026-01-16 10:30:00\n",
        [
            (
                "t.yaml:8:9: dialogue.date: expected a date (YYYY-MM-DD), got '2026-01-16 "
                "10:30:00' (write the day only, with four-digit year and two-digit month "
                "and day, e.g. 2026-01-16)"
            ),
        ],
    ),
    (
        "date-as-number",
        "  date: 2026-01-16\n",
        "  date: 20260116\n",
        [
            (
                "t.yaml:8:9: dialogue.date: expected a date (YYYY-MM-DD), got '20260116', "
                "which YAML reads as a number (write the date as YYYY-MM-DD, e.g. "
                "2026-01-16)"
            ),
        ],
    ),
    (
        "date-as-list",
        "  date: 2026-01-16\n",
        "  date: [2026, 1, 16]\n",
        [
            (
                "t.yaml:8:9: dialogue.date: expected a date (YYYY-MM-DD), got a list "
                "(write the date as YYYY-MM-DD, e.g. 2026-01-16)"
            ),
        ],
    ),
    (
        "quoted-date-is-fine",
        "  date: 2026-01-16\n",
        "  date: '2026-01-16'\n",
        [],
    ),
    (
        "kind-unlike-any",
        "    kind: decision\n",
        "    kind: promise\n",
        [
            (
                "t.yaml:44:11: commitments[0].kind: expected one of: decision, plan, "
                "reaffirmation, confirmation, interest; got 'promise' (see docs/schema.md "
                "for what each one means)"
            ),
        ],
    ),
    (
        "empty-status-is-absent",
        "    status: agreed\n",
        "    status:\n",
        [],
    ),
    (
        "no-topics-defined",
        (
            "topics:\n  - id: ai\n    name: Artificial intelligence\n"
            "    summary: The two sides set up a dialogue on artificial intelligence.\n"
            "  - id: economic-security\n"
            "    name: Economic security\n"
            "    summary: The ministers stressed economic security.\n"
        ),
        "topics: []\n",
        [
            ("t.yaml:37:14: commitments[0].topics[0]: unknown topic 'ai' (define the topic first)"),
            (
                "t.yaml:48:14: quotes[0].topics[0]: unknown topic 'economic-security' "
                "(define the topic first)"
            ),
        ],
    ),
    (
        "party-and-participant-share-an-id",
        "  - id: india\n",
        "  - id: motegi\n",
        [
            (
                "t.yaml:26:9: participants[1].id: id 'motegi' is used by both a party "
                "(parties[0].id, line 16) and a participant (a 'by' list can name either, "
                "so give them different ids)"
            ),
            (
                "t.yaml:42:10: commitments[0].by[0]: unknown party or participant 'india' "
                "(known: motegi, japan, jaishankar)"
            ),
        ],
    ),
    (
        "window-not-a-mapping",
        "    kind: decision\n",
        "    kind: decision\n    window: early 2026\n",
        [
            (
                "t.yaml:45:13: commitments[0].window: expected a mapping (key: value "
                "lines), got 'early 2026', which YAML reads as text (write a window as "
                "'key: value' lines, indented below its key)"
            ),
        ],
    ),
    (
        "window-missing-end",
        "    kind: decision\n",
        ("    kind: decision\n    window:\n      start: 2026-01-01\n      note: Our reading.\n"),
        [
            (
                "t.yaml:46:7: commitments[0].window: missing required key 'end' (add "
                "'end'; docs/schema.md lists the fields of a window)"
            ),
        ],
    ),
    (
        "evidence-as-list",
        "    evidence:\n      source: article\n",
        "    evidence:\n      - source: article\n",
        [
            (
                "t.yaml:48:7: expected a '- ' list item at this indentation (line this up "
                "with the other items of the list, or indent it under its key)"
            ),
        ],
    ),
    (
        "sources-not-a-list",
        ("  sources:\n    - id: article\n      title: Ministers hold first strategic talks\n"),
        "  sources: article\n",
        [
            (
                "t.yaml:11:12: dialogue.sources: expected a list, got 'article', which "
                "YAML reads as text (write it as a list: [article])"
            ),
        ],
    ),
    (
        "sources-empty",
        ("  sources:\n    - id: article\n      title: Ministers hold first strategic talks\n"),
        "  sources: []\n",
        [
            (
                "t.yaml:11:12: dialogue.sources: expected at least one source, got an "
                "empty list (cite the source the file is based on)"
            ),
        ],
    ),
    (
        "source-not-a-mapping",
        "    - id: article\n      title: Ministers hold first strategic talks\n",
        "    - article\n",
        [
            (
                "t.yaml:12:7: dialogue.sources[0]: expected a mapping (key: value lines), "
                "got 'article', which YAML reads as text (write a source as 'key: value' "
                "lines, indented below its key)"
            ),
        ],
    ),
    (
        "dialogue-missing",
        (
            "dialogue:\n  id: talks-1\n"
            "  title: First Strategic Talks\n"
            "  date: 2026-01-16\n  location: New Delhi\n"
            "  chairs: [jaishankar, motegi]\n"
            "  sources:\n    - id: article\n"
            "      title: Ministers hold first strategic talks\n"
        ),
        "",
        [
            (
                "t.yaml:3:1: missing required key 'dialogue' (add 'dialogue'; "
                "docs/schema.md lists the fields of the file)"
            ),
        ],
    ),
    (
        "dialogue-not-a-mapping",
        (
            "dialogue:\n  id: talks-1\n"
            "  title: First Strategic Talks\n"
            "  date: 2026-01-16\n  location: New Delhi\n"
            "  chairs: [jaishankar, motegi]\n"
            "  sources:\n    - id: article\n"
            "      title: Ministers hold first strategic talks\n"
        ),
        "dialogue: talks-1\n",
        [
            (
                "t.yaml:5:11: dialogue: expected a mapping (key: value lines), got "
                "'talks-1', which YAML reads as text (write the dialogue as 'key: value' "
                "lines, indented below its key)"
            ),
        ],
    ),
    (
        "participants-missing",
        "participants:\n  - id: jaishankar\n",
        "people:\n  - id: jaishankar\n",
        [
            (
                "t.yaml:3:1: missing required key 'participants' (add 'participants'; "
                "docs/schema.md lists the fields of the file)"
            ),
            (
                "t.yaml:21:1: people: unknown key 'people' in the file (expected one of: "
                "schema, dialogue, parties, participants, topics, commitments, "
                "discussions, quotes, events, progress)"
            ),
        ],
    ),
    (
        "item-not-a-mapping",
        "  - id: india\n    name: India\n",
        "  - india\n",
        [
            (
                "t.yaml:16:5: parties[0]: expected a mapping (key: value lines), got "
                "'india', which YAML reads as text (write a party as 'key: value' lines, "
                "indented below its key)"
            ),
        ],
    ),
    (
        "empty-list-item",
        "  chairs: [jaishankar, motegi]\n",
        "  chairs: [jaishankar, '']\n",
        [
            (
                "t.yaml:10:24: dialogue.chairs[1]: expected text, got an empty string "
                "(write the text, or remove the empty item)"
            ),
        ],
    ),
    (
        "null-list-item",
        "    name: S Jaishankar\n",
        ("    name: S Jaishankar\n    aliases: [Jaishankar, ~]\n"),
        [
            (
                "t.yaml:24:27: participants[0].aliases[1]: expected text, got '~', which "
                "YAML reads as nothing (null) (write a value, or remove the empty item)"
            ),
        ],
    ),
    (
        "id-in-capitals",
        "    speaker: jaishankar\n",
        "    speaker: Jaishankar\n",
        [
            (
                "t.yaml:52:14: quotes[0].speaker: expected an id, got 'Jaishankar' (ids "
                "use lowercase letters, digits, '-', '_' and '.', e.g. 'jaishankar')"
            ),
        ],
    ),
    (
        "long-text-where-list-expected",
        "    topics: [ai]\n",
        "    topics: Both nations decided to establish an AI dialogue.\n",
        [
            (
                "t.yaml:43:13: commitments[0].topics: expected a list, got 'Both nations "
                "decided to establish an ...', which YAML reads as text (write it as a "
                "list: [a, b], or one '- ' line per item)"
            ),
        ],
    ),
    (
        "text-where-mapping-expected",
        (
            "    evidence:\n      source: article\n"
            "      text: Both nations decided to establish an AI dialogue.\n"
        ),
        "    evidence: Both nations decided to establish an AI dialogue.\n",
        [
            (
                "t.yaml:46:15: commitments[0].evidence: expected a mapping (key: value "
                "lines), got 'Both nations decided to establish an ...', which YAML reads "
                "as text (write an evidence block as 'key: value' lines, indented below "
                "its key)"
            ),
        ],
    ),
    (
        "mapping-where-text-expected",
        "  location: New Delhi\n",
        "  location:\n    city: New Delhi\n",
        [
            (
                "t.yaml:10:5: dialogue.location: expected text, got a mapping (quote text "
                "that contains ': ' or starts with '{')"
            ),
        ],
    ),
    (
        "closing-bracket-starts-value",
        None,
        "a: ]\n",
        [
            (
                "t.yaml:1:4: expected a value, found ']', which cannot start unquoted text "
                "(put the text in quotes)"
            ),
        ],
    ),
    (
        "unknown-directive",
        None,
        "%FOO bar\n---\na: 1\n",
        [
            (
                "t.yaml:1:5: expected content, found a '%' directive that is not supported "
                "here (remove the '%' line; knowledge files need no directives)"
            ),
        ],
    ),
    (
        "undefined-tag-handle",
        None,
        "a: !e!x 1\n",
        [
            (
                "t.yaml:1:4: expected a value, found a tag with an undefined handle "
                "(remove the tag; knowledge files use no tags)"
            ),
        ],
    ),
    (
        "other-parser-error",
        None,
        "a: ? b\n",
        [
            (
                "t.yaml:1:4: mapping keys are not allowed in this context (check the "
                "indentation and quoting here and on the line above)"
            ),
        ],
    ),
    (
        "explicit-int-tag-on-text",
        "    country: Japan\n",
        "    country: !!int Japan\n",
        [
            (
                "t.yaml:29:14: participants[1].country: expected text, got 'Japan', tagged "
                "'!!int' (remove the tag '!!int')"
            ),
        ],
    ),
    (
        "infinity-as-text",
        "    country: Japan\n",
        "    country: .inf\n",
        [
            (
                "t.yaml:29:14: participants[1].country: expected text, got '.inf', which "
                'YAML reads as a number (infinity) (put it in quotes: ".inf")'
            ),
        ],
    ),
    (
        "date-and-time-as-text",
        "  title: First Strategic Talks\n",
        "  title: 2026-01-16 10:30:00\n",
        [
            (
                "t.yaml:7:10: dialogue.title: expected text, got '2026-01-16 10:30:00', "
                'which YAML reads as a date and time (put it in quotes: "2026-01-16 '
                '10:30:00")'
            ),
        ],
    ),
    (
        "flow-list-where-mapping-expected",
        (
            "    evidence:\n      source: article\n"
            "      text: Both nations decided to establish an AI dialogue.\n"
        ),
        "    evidence: [article, Both nations decided.]\n",
        [
            (
                "t.yaml:46:15: commitments[0].evidence: expected a mapping (key: value "
                "lines), got a list (an evidence block is one block of 'key: value' lines, "
                "not a list)"
            ),
        ],
    ),
    (
        "aliased-mapping",
        "    evidence:\n      source: article\n",
        "    evidence: &e\n      source: article\n",
        [
            (
                "t.yaml:46:15: commitments[0].evidence: expected a plain value, found the "
                "anchor '&e'; anchors and aliases are not allowed (remove '&e')"
            ),
        ],
    ),
    (
        "aliased-list",
        "  chairs: [jaishankar, motegi]\n",
        ("  chairs: &c [jaishankar, motegi]\n  sources_again: *c\n"),
        [
            (
                "t.yaml:10:11: dialogue.chairs: expected a plain value, found the anchor "
                "'&c'; anchors and aliases are not allowed (remove '&c' and write the "
                "value out in place of '*c' at line 11, column 18)"
            ),
            (
                "t.yaml:10:11: dialogue.chairs: expected at least one participant id, got "
                "an empty list (name at least one)"
            ),
            (
                "t.yaml:11:3: dialogue.sources_again: unknown key 'sources_again' in the "
                "dialogue (did you mean 'sources'?)"
            ),
        ],
    ),
    (
        "tagged-key",
        "    name: India\n",
        "    name: India\n    !!binary aGk=: x\n",
        [
            (
                "t.yaml:18:5: parties[0]: expected plain text, numbers, dates, lists or "
                "mappings, found a value tagged '!!binary' (remove the tag; knowledge "
                "files use no tags)"
            ),
        ],
    ),
    (
        "tagged-ordinal",
        "  date: 2026-01-16\n",
        "  date: 2026-01-16\n  ordinal: !!binary MTg=\n",
        [
            (
                "t.yaml:9:12: dialogue.ordinal: expected plain text, numbers, dates, lists "
                "or mappings, found a value tagged '!!binary' (remove the tag; knowledge "
                "files use no tags)"
            ),
        ],
    ),
    (
        "chairs-empty",
        "  chairs: [jaishankar, motegi]\n",
        "  chairs: []\n",
        [
            (
                "t.yaml:10:11: dialogue.chairs: expected at least one participant id, got "
                "an empty list (name at least one)"
            ),
        ],
    ),
    (
        "section-not-a-list",
        "topics:\n  - id: ai\n",
        ("topics: ai\nold_topics:\n  - id: ai\n"),
        [
            (
                "t.yaml:31:9: topics: expected a list, got 'ai', which YAML reads as text "
                "(write it as a list: [ai])"
            ),
            (
                "t.yaml:32:1: old_topics: unknown key 'old_topics' in the file (did you "
                "mean 'topics'?)"
            ),
        ],
    ),
    (
        "sources-missing",
        ("  sources:\n    - id: article\n      title: Ministers hold first strategic talks\n"),
        "",
        [
            (
                "t.yaml:6:3: dialogue: missing required key 'sources' (add 'sources'; "
                "docs/schema.md lists the fields of the dialogue)"
            ),
        ],
    ),
    (
        "other-name-not-a-mapping",
        "    name: S Jaishankar\n",
        ("    name: S Jaishankar\n    other_names: [Subrahmanyam Jaishankar]\n"),
        [
            (
                "t.yaml:24:19: participants[0].other_names[0]: expected a mapping (key: "
                "value lines), got 'Subrahmanyam Jaishankar', which YAML reads as text "
                "(write an other_names entry as 'key: value' lines, indented below its key)"
            ),
        ],
    ),
    (
        "empty-optional-text-is-absent",
        "    name: S Jaishankar\n",
        ("    name: S Jaishankar\n    role_note: ''\n"),
        [],
    ),
    (
        "sixty-four-levels-are-not-too-deep",
        None,
        (
            "a: [[], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], "
            "[], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], "
            "[], [], [], [], [], "
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"
        ),
        [
            (
                "t.yaml:2:1: expected a value, found the end of the file (finish the "
                "value, or close the '[' or '{' left open)"
            ),
        ],
    ),
    (
        "explicit-null-tag",
        "  location: New Delhi\n",
        "  location: !!null New Delhi\n",
        [
            (
                "t.yaml:9:13: dialogue.location: expected text, got 'New Delhi', tagged "
                "'!!null' (remove the tag '!!null')"
            ),
        ],
    ),
    (
        "explicit-str-tag-on-number-is-text",
        "    country: Japan\n",
        "    country: !!str 010\n",
        [],
    ),
    (
        "full-other-record",
        "    name: S Jaishankar\n",
        (
            "    name: S Jaishankar\n"
            "    aliases: [Jaishankar, Dr Jaishankar]\n"
            "    other_names:\n      - name: Subrahmanyam Jaishankar\n"
            "        note: Full name; not used in the source.\n"
        ),
        [],
    ),
    (
        "noncharacter",
        "  location: New Delhi\n",
        "  location: New\ufffeDelhi\n",
        [
            (
                "t.yaml:9:16: expected text, found a noncharacter (U+FFFE), which YAML "
                "does not allow (remove it)"
            ),
        ],
    ),
    (
        "impossible-date-as-text",
        "  title: First Strategic Talks\n",
        "  title: 2026-02-30\n",
        [
            (
                "t.yaml:7:10: dialogue.title: expected text, got '2026-02-30', which YAML "
                'reads as a date (put it in quotes: "2026-02-30")'
            ),
        ],
    ),
    (
        "aliased-mapping-used-twice",
        (
            "    evidence:\n      source: article\n"
            "      text: Both nations decided to establish an AI dialogue.\n"
        ),
        (
            "    evidence: &e\n      source: article\n"
            "      text: Both nations decided to establish an AI dialogue.\n"
            "  - id: again\n    text: Again.\n"
            "    by: [india]\n    topics: [ai]\n"
            "    kind: plan\n    evidence: *e\n"
        ),
        [
            (
                "t.yaml:46:15: commitments[0].evidence: expected a plain value, found the "
                "anchor '&e'; anchors and aliases are not allowed (remove '&e' and write "
                "the value out in place of '*e' at line 54, column 15)"
            ),
        ],
    ),
    (
        "closers-before-openers",
        None,
        (
            "a: "
            "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]][[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"
        ),
        [
            (
                "t.yaml:1:138: nesting is too deep: expected at most 64 levels of brackets "
                "(a knowledge file needs about 6 levels; check for unclosed '[' or '{')"
            ),
        ],
    ),
    (
        "other-parser-error-with-context",
        None,
        "a: [b:?]\n",
        [
            (
                "t.yaml:1:6: found unexpected ':' (while scanning a plain scalar at line "
                "1, column 5) (check the indentation and quoting here and on the line "
                "above)"
            ),
        ],
    ),
]


OK_TEXT = (BAD / "ok-minimal.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"), [pytest.param(*case[1:], id=case[0]) for case in EDITED]
)
def test_edited_file(old: str | None, new: str, expected: list[str]) -> None:
    """A small edit of ok-minimal.yaml (or a whole text when OLD is None)."""
    if old is None:
        text = new
    else:
        assert OK_TEXT.count(old) == 1
        text = OK_TEXT.replace(old, new)
    if not expected:
        parse_plain(text.encode(), "t.yaml")
        return
    with pytest.raises(DataError) as caught:
        parse_plain(text.encode(), "t.yaml")
    assert [str(p) for p in caught.value.problems] == expected


# --------------------------------------------------------------------------
# Paths that are not knowledge files


@pytest.mark.usefixtures("in_bad")
def test_missing_file() -> None:
    assert_fails_with(
        validate("no-such-file.yaml"),
        [
            "no-such-file.yaml: no such file or directory"
            " (check the path, or set --data / $BRIEFING_DATA)"
        ],
    )


def test_directory_without_knowledge_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not a knowledge file\n")
    monkeypatch.chdir(tmp_path)
    assert_fails_with(
        validate("empty"),
        [
            "empty: no knowledge files (*.yaml, *.yml) in this directory or below it"
            " (give a knowledge file, or a directory that holds some)"
        ],
    )


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root, which can read a file whatever its permissions",
)
def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.yaml"
    path.write_bytes((BAD / "ok-minimal.yaml").read_bytes())
    path.chmod(0)
    monkeypatch.chdir(tmp_path)
    try:
        assert_fails_with(
            validate("locked.yaml"),
            ["locked.yaml: permission denied (check its permissions)"],
        )
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    monkeypatch.chdir(tmp_path)
    start = time.monotonic()
    result = validate("pipe.yaml")
    assert time.monotonic() - start < 2
    assert_fails_with(
        result, ["pipe.yaml: is a FIFO, not a knowledge file (give a .yaml file or a directory)"]
    )


@pytest.mark.usefixtures("in_bad")
def test_file_over_the_size_limit() -> None:
    size = (BAD / "ok-minimal.yaml").stat().st_size
    assert_fails_with(
        validate("ok-minimal.yaml", "--max-file-size", "0.0001"),
        [
            f"ok-minimal.yaml: file is {size / 1024:.1f} KiB, over the limit of 104 bytes"
            " (raise the limit with --max-file-size MIB or $BRIEFING_MAX_FILE_SIZE)"
        ],
    )


@pytest.mark.parametrize("limit", ["inf", "1e300", "1"])
@pytest.mark.usefixtures("in_bad")
def test_large_size_limits_are_accepted(limit: str) -> None:
    assert validate("ok-minimal.yaml", "--max-file-size", limit).exit_code == 0


@pytest.mark.usefixtures("in_bad")
def test_size_limit_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_MAX_FILE_SIZE", "0.0001")
    result = validate("ok-minimal.yaml")
    assert result.exit_code == 1
    assert "over the limit of 104 bytes" in result.stderr
    monkeypatch.setenv("BRIEFING_MAX_FILE_SIZE", "1")
    assert validate("ok-minimal.yaml").exit_code == 0


def test_size_in_mebibytes(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# padding\n" * 157_287)  # 1.5 MiB
    with pytest.raises(DataError) as caught:
        load_knowledge(path, max_bytes=1024 * 1024)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}: file is 1.5 MiB, over the limit of 1.0 MiB"
        " (raise the limit with --max-file-size MIB or $BRIEFING_MAX_FILE_SIZE)"
    ]


def test_a_path_the_system_refuses(tmp_path: Path) -> None:
    path = tmp_path / ("x" * 5000)
    with pytest.raises(DataError) as caught:
        load_knowledge(path)
    (problem,) = caught.value.problems
    assert problem.message.startswith("cannot read: ")
    assert problem.hint == "check the path"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_device() -> None:
    with pytest.raises(DataError) as caught:
        load_knowledge(Path("/dev/null"))
    assert [str(p) for p in caught.value.problems] == [
        "/dev/null: is a device or special file, not a knowledge file"
        " (give a .yaml file or a directory)"
    ]


def test_read_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    """Checked again after opening, in case the path changed since it was listed."""
    with pytest.raises(DataError, match="is a directory, not a knowledge file"):
        load._read_bytes(tmp_path, 1000)
    with pytest.raises(DataError, match="no such file"):
        load._read_bytes(tmp_path / "gone.yaml", 1000)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_read_notices_a_file_larger_than_it_said() -> None:
    """/proc files say they are empty; the read, not the size, is what counts."""
    with pytest.raises(DataError, match="over the limit of 10 bytes"):
        load._read_bytes(Path("/proc/self/status"), 10)


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_read_error_is_reported() -> None:
    with pytest.raises(DataError, match="cannot read: "):
        load._read_bytes(Path("/proc/self/mem"), 1000)


def test_permission_denied_on_stat(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without search permission on its directory, even stat fails (root never sees this)."""

    def refuse(self: Path, **_: object) -> os.stat_result:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "stat", refuse)
    with pytest.raises(DataError) as caught:
        load_knowledge(tmp_path / "x.yaml")
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'x.yaml'}: permission denied (check its permissions)"
    ]


def test_directory_that_cannot_be_listed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def refuse(path: object) -> Iterator[os.DirEntry[str]]:
        raise OSError(5, "Input/output error", str(path))

    monkeypatch.setattr(os, "scandir", refuse)
    with pytest.raises(DataError) as caught:
        load_knowledge(tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path}: cannot read: Input/output error (check the path)"
    ]


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    with pytest.raises(DataError) as caught:
        load_knowledge(tmp_path / "loop.yaml")
    (problem,) = caught.value.problems
    assert problem.message.startswith("cannot read: ")
    with pytest.raises(DataError, match="cannot read: "):
        load._read_bytes(tmp_path / "loop.yaml", 1000)


def test_progress_is_reported_per_file(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        text = (BAD / "ok-minimal.yaml").read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("talks-1", f"talks-{name[0]}"))
    seen: list[tuple[int, int]] = []
    knowledge = load_knowledge(tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    assert [d.id for d in knowledge.dialogues] == ["talks-a", "talks-b"]


def test_resolve_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert load.resolve_data(tmp_path) == [tmp_path]
    assert load.resolve_data(None) == [bundled_data()]
    monkeypatch.setenv("BRIEFING_DATA", str(tmp_path / "env.yaml"))
    assert load.resolve_data(None) == [tmp_path / "env.yaml"]
    assert load.resolve_data([tmp_path, tmp_path / "b"]) == [tmp_path, tmp_path / "b"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", 16 * 1024 * 1024),
        ("2", 2 * 1024 * 1024),
        ("0.5", 512 * 1024),
        ("lots", 16 * 1024 * 1024),
        ("nan", 16 * 1024 * 1024),
        ("-1", 16 * 1024 * 1024),
    ],
)
def test_max_file_bytes_from_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: int
) -> None:
    monkeypatch.setenv("BRIEFING_MAX_FILE_SIZE", value)
    assert load.max_file_bytes() == expected


def test_max_file_bytes_option_wins_and_infinity_means_no_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BRIEFING_MAX_FILE_SIZE", "1")
    assert load.max_file_bytes(3) == 3 * 1024 * 1024
    assert load.max_file_bytes(float("inf")) > 2**40
    assert load.max_file_bytes(float("nan")) == 16 * 1024 * 1024


def test_directory_reports_every_file_and_duplicate_dialogue_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok = (BAD / "ok-minimal.yaml").read_bytes()
    (tmp_path / "a.yaml").write_bytes(ok)
    (tmp_path / "b.yml").write_bytes(ok)
    (tmp_path / "c.yaml").write_bytes((BAD / "dangling-speaker.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    assert_fails_with(
        validate("."),
        [
            "b.yml:6:7: dialogue.id: duplicate dialogue id 'talks-1' (also used at a.yaml:6:7)"
            " (each dialogue needs its own id)",
            "c.yaml:52:14: quotes[0].speaker: unknown participant or party 'jaishenkar'"
            " (did you mean 'jaishankar'?)",
        ],
    )


# --------------------------------------------------------------------------
# Output and side effects


@pytest.mark.usefixtures("in_bad")
def test_json_format_lists_every_problem() -> None:
    result = validate("several-problems.yaml", "--format", "json")
    assert result.exit_code == 1
    errors = json.loads(result.stdout)
    assert isinstance(errors, list)
    assert len(errors) == len(expected("several-problems.yaml"))
    for error, line in zip(errors, expected("several-problems.yaml"), strict=True):
        assert {"file", "line", "column", "path", "message"} <= set(error)
        assert error["file"] == "several-problems.yaml"
        assert line.startswith(f"{error['file']}:{error['line']}:{error['column']}: ")
        assert f": {error['path']}: {error['message']}" in line
    assert errors[0] == {
        "file": "several-problems.yaml",
        "line": 8,
        "column": 9,
        "path": "dialogue.date",
        "message": "expected a real calendar date, got '2026-13-01'",
        "hint": "the month must be 01 to 12",
    }


@pytest.mark.usefixtures("in_bad")
def test_json_format_of_a_valid_file_is_an_empty_list() -> None:
    result = validate("ok-minimal.yaml", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("name", ["ok-minimal.yaml", "several-problems.yaml", "not-utf8.yaml"])
def test_validating_never_modifies_the_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes((BAD / name).read_bytes())
    old = 1_600_000_000_000_000_000
    os.utime(path, ns=(old, old))
    before = path.read_bytes()
    for _ in range(2):  # cold, then with whatever the cache holds
        validate(str(path))
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == old


# --------------------------------------------------------------------------
# The bundled knowledge and the model


def test_bundled_file_loads_with_expected_counts() -> None:
    (dialogue,) = load_knowledge(bundled_data()).dialogues
    assert dialogue.id == "india-japan-sd-18"
    counts = {
        "participants": len(dialogue.participants),
        "topics": len(dialogue.topics),
        "commitments": len(dialogue.commitments),
        "discussions": len(dialogue.discussions),
        "quotes": len(dialogue.quotes),
        "events": len(dialogue.events),
    }
    assert counts == {
        "participants": 4,
        "topics": 9,
        "commitments": 11,
        "discussions": 7,
        "quotes": 8,
        "events": 1,
    }


def test_model_objects_are_immutable() -> None:
    (dialogue,) = load_knowledge(bundled_data()).dialogues
    targets = [
        (dialogue, "title"),
        (dialogue.participants[0], "name"),
        (dialogue.commitments[0], "kind"),
        (dialogue.quotes[0], "text"),
        (dialogue.commitments[0].evidence, "text"),
    ]
    for target, field in targets:
        # A frozen dataclass raises FrozenInstanceError, a NamedTuple AttributeError;
        # the first is a kind of the second.
        with pytest.raises(AttributeError):
            setattr(target, field, "changed")
    assert dialogue.title == "18th India-Japan Strategic Dialogue"


def test_problem_without_a_position_names_only_the_file() -> None:
    assert str(Problem("x.yaml", 0, 0, "", "gone", "look")) == "x.yaml: gone (look)"
    assert str(Problem("x.yaml", 3, 4, "a.b", "bad")) == "x.yaml:3:4: a.b: bad"


# --------------------------------------------------------------------------
# Property tests: whatever the input, parse_plain returns or raises DataError


def parse_or_data_error(data: bytes) -> None:
    start = time.monotonic()
    failure: DataError | None = None
    try:
        plain = parse_plain(data, "prop.yaml")
    except DataError as exc:
        failure = exc
    else:
        build_dialogue(plain, "prop.yaml")
    assert time.monotonic() - start < 2
    if failure is not None:
        problems = failure.problems
        assert problems
        assert all(p.file == "prop.yaml" for p in problems)
        assert all(p.line >= 1 and p.column >= 1 for p in problems)
        assert all(p.hint for p in problems)


quiet = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@quiet
@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    parse_or_data_error(text.encode("utf-8", "surrogatepass"))


@quiet
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    parse_or_data_error(data)


YAMLISH = st.text(alphabet=" \t\n-:?[]{},&*!|>'\"#%@`~.01aNOyes", max_size=200)


@quiet
@given(YAMLISH)
def test_yaml_punctuation(text: str) -> None:
    parse_or_data_error(text.encode())


BUNDLED_LINES = bundled_data().read_text(encoding="utf-8").splitlines(keepends=True)
INJECTIONS = (
    ": [",
    "*x",
    "&x ",
    "!!binary ",
    "!!python/object/apply:os.system ['true'] ",
    '"',
    "'",
    "\t",
    "- ",
    "{",
    "]",
    "? ",
    "<<: ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "NO",
    "1:30",
    "2026-02-30",
    "~",
    "|",
    ">",
    "#",
    "\x1b",
    "\x00",
    "\ufeff",
    "\u2028",
    "é",
)
EDITS = st.one_of(
    st.tuples(st.just("drop"), st.integers(0, len(BUNDLED_LINES) - 1), st.just("")),
    st.tuples(st.just("indent"), st.integers(0, len(BUNDLED_LINES) - 1), st.just("  ")),
    st.tuples(st.just("dedent"), st.integers(0, len(BUNDLED_LINES) - 1), st.just("")),
    st.tuples(st.just("tabs"), st.integers(0, len(BUNDLED_LINES) - 1), st.just("")),
    st.tuples(st.just("swap"), st.integers(0, len(BUNDLED_LINES) - 2), st.just("")),
    st.tuples(
        st.just("inject"),
        st.integers(0, len(BUNDLED_LINES) - 1),
        st.sampled_from(INJECTIONS),
    ),
)


def mutate(edits: list[tuple[str, int, str]], where: float) -> Iterator[str]:
    lines = list(BUNDLED_LINES)
    for op, i, s in edits:
        line = lines[i]
        if op == "drop":
            lines[i] = ""
        elif op == "indent":
            lines[i] = s + line
        elif op == "dedent":
            lines[i] = line[2:] if line.startswith("  ") else line
        elif op == "tabs":
            body = line.lstrip(" ")
            lines[i] = "\t" * ((len(line) - len(body)) // 2) + body
        elif op == "swap":
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        else:
            cut = int(len(line.rstrip("\n")) * where)
            lines[i] = line[:cut] + s + line[cut:]
    yield from lines


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, min_size=1, max_size=4), st.floats(0, 1))
def test_mutations_of_the_bundled_file(edits: list[tuple[str, int, str]], where: float) -> None:
    parse_or_data_error("".join(mutate(edits, where)).encode("utf-8"))


# --------------------------------------------------------------------------
# An archive in folders, and --data given several times


def test_a_directory_is_read_with_its_subdirectories_in_path_order(tmp_path: Path) -> None:
    root = Path(__file__).parent.parent
    knowledge = load_knowledge(root / "examples", use_cache=False)
    every = sorted((root / "examples").rglob("*.yaml"))
    assert len(knowledge.dialogues) == len(every) == 12
    assert load.knowledge_files(root / "examples") == sorted(
        every, key=lambda p: p.relative_to(root / "examples").parts
    )
    # Hidden folders (.git, .cache) are not read.
    hidden = tmp_path / ".drafts"
    hidden.mkdir()
    shutil.copyfile(root / "data" / "dialogue.yaml", hidden / "x.yaml")
    shutil.copyfile(root / "data" / "dialogue.yaml", tmp_path / "y.yaml")
    assert load.knowledge_files(tmp_path) == [tmp_path / "y.yaml"]


def test_data_may_be_given_several_times_and_ids_stay_unique(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from briefing.cli import app

    root = Path(__file__).parent.parent
    runner = CliRunner()
    both = ["--data", str(root / "examples/eu-japan"), "--data", str(root / "examples/us-japan")]
    result = runner.invoke(app, ["dialogues", *both, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    ids = [d["id"] for d in json.loads(result.stdout)["dialogues"]]
    assert len(ids) == 3
    # The same meeting in two places read together is an error, located at both.
    shutil.copyfile(root / "data" / "dialogue.yaml", tmp_path / "copy.yaml")
    clash = ["--data", str(root / "data"), "--data", str(tmp_path)]
    result = runner.invoke(app, ["dialogues", *clash])
    assert result.exit_code == 1
    assert "duplicate dialogue id 'india-japan-sd-18'" in result.stderr
    # A file named twice (here also through the example folder's link to it) is read once.
    file = str(root / "data" / "dialogue.yaml")
    twice = ["--data", file, "--data", str(root / "data"), "-d", str(root / "examples/india-japan")]
    result = runner.invoke(app, ["validate", *twice])
    assert result.exit_code == 0, result.stderr
    assert ": ok: 6 dialogues," in result.stdout
