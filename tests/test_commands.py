"""Meta-tests over the app's real command list: help, examples, shared options, usage errors.

The commands come from the Typer app itself, so a new command is checked the
moment it is registered, without anyone adding it to a list here.
"""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from briefing.cli import app
from tests.conftest import ROOT

runner = CliRunner()

#: Every command of the app, by name, as Click sees it.
COMMANDS: dict[str, Any] = dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
NAMES = sorted(COMMANDS)

#: The options the commands share (the `command()` decorator in briefing/cli.py adds them).
SHARED = (
    "--data",
    "--format",
    "--output",
    "--width",
    "--color",
    "--no-cache",
    "--dialogue",
    "--max-file-size",
)
#: Shared options a command does not take, and why.
NOT_TAKEN = {
    # It lists every dialogue; choosing one would leave nothing to list.
    "dialogues": {"--dialogue"},
    # It checks files and writes a fixed report (text or JSON) to stdout, never a view.
    "validate": {"--output", "--width", "--color", "--dialogue"},
    # They compare rounds and follow meetings over time; one dialogue alone is not that.
    "diff": {"--dialogue"},
    "timeline": {"--dialogue"},
    "scorecard": {"--dialogue"},
    "dashboard": {"--dialogue"},
    # It prints the JSON Schema of the format, which no data changes.
    "schema": set(SHARED) - {"--output"},
    # It reads articles and writes a knowledge file, never a view of loaded data; its
    # --output and --max-file-size are its own (a file or directory; a source's size).
    "draft": set(SHARED) - {"--output", "--max-file-size"},
    # It writes a source's text to the archive and its record into the knowledge file
    # named by --data; its --max-file-size is a source's size.
    "archive": set(SHARED) - {"--data", "--max-file-size", "--dialogue"},
    # It writes every dialogue read into an SQLite file (--sqlite), never a view.
    "export": set(SHARED) - {"--data", "--no-cache", "--max-file-size"},
}
#: Commands that print no view of knowledge data: they write files, or the schema.
DATA_FREE = {"schema", "draft", "archive", "export"}


def help_of(name: str) -> str:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    return result.stdout


def options_of(name: str) -> set[str]:
    command = COMMANDS[name]
    return {o for p in command.params for o in (*p.opts, *p.secondary_opts) if o.startswith("-")}


def test_the_list_is_the_app() -> None:
    # The real list, not an echo of a list kept here: these commands are documented.
    assert {"topics", "topic", "quotes", "summary", "validate"} <= set(NAMES)
    assert set(NOT_TAKEN) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_help_has_a_summary_and_an_example(name: str) -> None:
    out = help_of(name)
    assert out.startswith(f"Usage: briefing {name} ")
    assert (COMMANDS[name].help or "").strip(), "the command has no docstring"
    assert "Example" in out
    examples = out.split("Example", 1)[1]
    assert f"briefing {name}" in examples


@pytest.mark.parametrize("name", NAMES)
def test_readme_shows_the_command(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"briefing {name}" in readme


@pytest.mark.parametrize("name", NAMES)
def test_command_takes_the_shared_options(name: str) -> None:
    expected = set(SHARED) - NOT_TAKEN.get(name, set())
    assert expected <= options_of(name)
    out = help_of(name)
    for option in expected:
        assert option in out, f"{option} missing from 'briefing {name} --help'"
    assert "--help" in out


@pytest.mark.parametrize("name", NAMES)
def test_help_lists_every_option_the_command_takes(name: str) -> None:
    out = help_of(name)
    missing = sorted(o for o in options_of(name) if o not in out)
    assert missing == []


@pytest.mark.parametrize("name", NAMES)
def test_exceptions_are_real(name: str) -> None:
    # An exception for an option the command has since gained would hide nothing: drop it.
    assert not NOT_TAKEN.get(name, set()) & options_of(name)


@pytest.mark.parametrize("name", NAMES)
def test_unknown_option_is_a_usage_error(name: str) -> None:
    result = runner.invoke(app, [name, "--no-such-option"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "No such option: --no-such-option" in result.stderr


@pytest.mark.parametrize("name", NAMES)
def test_format_outside_the_list_is_a_usage_error(name: str) -> None:
    result = runner.invoke(app, [name, "--format", "yaml"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--format" in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    result = runner.invoke(app, ["no-such-command"])
    assert result.exit_code == 2
    assert "No such command" in result.stderr


def test_golden_cases_cover_every_command() -> None:
    from tests.test_cli import COMMANDS as GOLDEN_CASES

    covered = {args[0] for args in GOLDEN_CASES.values()}
    # validate writes only a fixed line or a list of problems; tests/test_load.py pins both.
    # The schema's output is the committed schemas/knowledge-1.json (tests/test_schema.py).
    assert covered == set(NAMES) - {"validate"} - DATA_FREE
