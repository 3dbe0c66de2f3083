"""Text that is not ASCII comes out intact in every command and format.

The fixture, tests/fixtures/unicode.yaml, has accented Latin, Japanese,
Devanagari, curly quotes and an em dash in names, aliases, titles, quotes and
sources. JSON must carry them as UTF-8, never as \\u escapes; HTML may write
them literally or as character references.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.load import load_knowledge
from briefing.render import Format
from tests.test_commands import COMMANDS, DATA_FREE
from tests.test_commands import NAMES as ALL_NAMES

#: The commands that read knowledge data.
NAMES = [n for n in ALL_NAMES if n not in DATA_FREE]

FIXTURE = Path(__file__).parent / "fixtures" / "unicode.yaml"
FORMATS = [f.value for f in Format if f is not Format.AUTO]
runner = CliRunner()

#: The arguments a command needs, chosen to reach the fixture's non-ASCII text.
ARGUMENTS = {
    "topic": ["半導体"],
    "search": ["半導体"],
}
#: Options a command needs on this fixture: a fixed date, or the two rounds to compare
#: (the fixture has one dialogue, compared with itself).
OPTIONS = {
    "followups": ["--as-of", "2026-11-27"],
    "scorecard": ["--as-of", "2026-11-27"],
    "dashboard": ["--as-of", "2026-11-27"],
    "diff": ["tokyo-delhi-1", "tokyo-delhi-1"],
}
#: Words of the fixture each command must show, whole; none holds a space, so
#: wrapping cannot split one. validate shows only counts and the file's path.
#: (\u2019 and \u2013 are the apostrophe and the en dash, written as escapes
#: because they look like ' and -.)
MARKERS = {
    "topics": ["半導体", "संस्कृति", "“the", "industry”", "year\u2019s", "—"],
    "topic": ["半導体", "茂木", "敏充", "半導体は産業のコメ", "“rice", "industry”", "we\u2019ll"],
    "quotes": ["茂木", "半導体は産業のコメ", "“rice", "“वसुधैव", "कुटुम्बकम्”", "भारत", "日経"],
    "commitments": ["半導体供給網", "भारत", "year\u2019s", "ムンバイ・アニメ祭", "आदान-प्रदान"],
    "people": ["茂木", "敏充", "José", "Ángel", "López", "भारत", "España"],
    "summary": [
        "Tōkyō\u2013Delhi",
        "東京",
        "茂木",
        "半導体は産業のコメ",
        "“Partners",
        "कूटनीति",
        "九州",
    ],
    "search": ["半導体", "半導体供給網", "半導体は産業のコメ", "茂木"],
    "dialogues": ["Tōkyō\u2013Delhi", "東京", "Tōkyō"],
    "validate": ["対話—東京.yaml"],
    "followups": ["半導体供給網", "year\u2019s"],
    "diff": ["半導体供給網", "आदान-प्रदान"],
    "timeline": ["半導体供給網", "आदान-प्रदान", "ムンバイ・アニメ祭"],
    "scorecard": ["(भारत)", "(日本)"],
    "dashboard": ["半導体供給網", "year\u2019s", "(भारत)"],
}
#: validate's JSON is the list of problems: empty for a valid file (see the test below).
NO_TEXT = {("validate", "json")}
#: Characters JSON must not escape (one of each kind in the fixture).
NON_ASCII = "茂半\u2013—“”\u2019भōÁ"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture under a non-ASCII file name, so that paths are exercised too."""
    path = tmp_path_factory.mktemp("unicode") / "対話—東京.yaml"
    shutil.copyfile(FIXTURE, path)
    return path


def invoke(data: Path, name: str, fmt: str) -> tuple[int, str, str]:
    args = [name, *ARGUMENTS.get(name, []), *OPTIONS.get(name, [])]
    args += ["--data", str(data), "--format", fmt]
    if "--width" in {o for p in COMMANDS[name].params for o in p.opts}:
        # Rich and text wrap at spaces; wide enough that no marker is split by a border.
        args += ["--width", "250"]
    result = runner.invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def readable(fmt: str, out: str) -> str:
    """The text a reader sees: the cells of CSV, HTML without its tags and references."""
    if fmt == "csv":
        return "\n".join(" ".join(row) for row in csv.reader(io.StringIO(out, newline="")))
    if fmt == "html":
        return html.unescape(re.sub(r"<[^>]*>", "", out))
    return out


def test_fixture_is_valid_and_not_ascii() -> None:
    [d] = load_knowledge(FIXTURE, use_cache=False).dialogues
    assert not d.title.isascii()
    assert any(not p.name.isascii() for p in d.participants)
    assert any(not a.isascii() for p in d.participants for a in p.aliases)
    text = FIXTURE.read_text(encoding="utf-8")
    for ch in NON_ASCII:
        assert ch in text


def test_every_command_has_markers_and_arguments() -> None:
    assert set(MARKERS) == set(NAMES)
    for name in NAMES:
        command = COMMANDS[name]
        required = [p for p in command.params if p.param_type_name == "argument" and p.required]
        # Every required argument is given (topic's NAME is optional, and given).
        assert len(ARGUMENTS.get(name, [])) >= len(required), name


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_text_comes_out_intact(data: Path, name: str, fmt: str) -> None:
    code, out, err = invoke(data, name, fmt)
    if code == 2:
        # A refusal is a usage error, as for CSV of a document view; only these are allowed.
        assert out == ""
        if name == "validate":
            assert fmt not in ("text", "json")
            assert "validate writes 'text' or 'json'" in err
        else:
            assert fmt in ("csv", "ics")
            assert f"--format {fmt} is not available" in err
        return
    assert (code, err) == (0, ""), err
    if (name, fmt) in NO_TEXT:
        assert out == "[]\n"
        return
    shown = readable(fmt, out)
    for marker in MARKERS[name]:
        assert marker in shown, f"{marker!r} not in {name} --format {fmt}"
    if fmt == "json":
        json.loads(out)
    if fmt in ("text", "markdown", "json", "csv"):
        # Literally, not as escapes or character references.
        for marker in MARKERS[name]:
            assert marker in out


@pytest.mark.parametrize("name", sorted(set(NAMES) - {n for n, _ in NO_TEXT}))
def test_json_is_not_ascii_escaped(data: Path, name: str) -> None:
    code, out, _ = invoke(data, name, "json")
    assert code == 0
    assert not out.isascii()
    # The fixture holds no control characters, the only ones the JSON escapes.
    assert "\\u" not in out


def test_validate_json_problems_are_not_ascii_escaped(tmp_path: Path) -> None:
    broken = tmp_path / "対話—東京.yaml"
    text = FIXTURE.read_text(encoding="utf-8")
    broken.write_text(text.replace("speaker: motegi", "speaker: 茂木"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(broken), "--format", "json"])
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)
    assert problem["file"] == str(broken)
    assert problem["path"] == "quotes[0].speaker"
    assert "対話—東京.yaml" in result.stdout
    assert "\\u" not in result.stdout


def test_json_values_round_trip(data: Path) -> None:
    _, out, _ = invoke(data, "quotes", "json")
    quotes = json.loads(out)["quotes"]
    assert [q["speaker_name"] for q in quotes] == ["茂木 敏充", "S. Jaishankar"]
    assert quotes[0]["text"] == (
        "Semiconductors are the “rice of industry” — 半導体は産業のコメ — and we\u2019ll grow them"
        " together."
    )
    assert quotes[1]["text"] == "“वसुधैव कुटुम्बकम्” — the world is one family."
    assert '"speaker_name": "茂木 敏充"' in out


@pytest.mark.parametrize(
    ("speaker", "pid"),
    [("जयशंकर", "jaishankar"), ("もてぎ", "motegi"), ("Senor Lopez", "lopez"), ("敏充", "motegi")],
)
def test_speaker_by_non_ascii_name(data: Path, speaker: str, pid: str) -> None:
    result = runner.invoke(
        app, ["quotes", "--speaker", speaker, "--data", str(data), "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    quotes = json.loads(result.stdout)["quotes"]
    # López is a participant who is not quoted: a match, with no quotes.
    assert {q["speaker_id"] for q in quotes} == ({pid} if pid != "lopez" else set())


def test_html_escapes_markup_but_keeps_the_text(data: Path) -> None:
    _, out, _ = invoke(data, "quotes", "html")
    assert '<meta charset="utf-8">' in out
    assert "半導体は産業のコメ" in html.unescape(out)
    assert "<script" not in out.lower()
