"""Command-line usage: words, names, misplaced options, metavars, the command list, errors."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from briefing import cli
from briefing.match import suggest
from tests.test_commands import NAMES

runner = CliRunner()
PREFIX = "briefing: error: "


def invoke(*args: str, columns: int = 100) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args), prog_name="briefing", env={"COLUMNS": str(columns)})
    return result.exit_code, result.stdout, result.stderr


# -- search takes every word -------------------------------------------------------------


def test_search_takes_unquoted_words() -> None:
    words = invoke("search", "economic", "security", "--format", "json")
    quoted = invoke("search", "economic security", "--format", "json")
    assert words == quoted
    assert words[0] == 0
    assert '"query": "economic security"' in words[1]


def test_search_needs_words() -> None:
    code, out, err = invoke("search")
    assert (code, out) == (2, "")
    assert err.startswith(PREFIX + "Missing argument 'QUERY...'")
    code, _, err = invoke("search", " ", "")
    assert (code, err) == (2, PREFIX + "QUERY: expected a value, got an empty string\n")


# -- topic --------------------------------------------------------------------------------


def test_topic_suggests_by_name() -> None:
    code, out, err = invoke("topic", "artifical")
    assert (code, out) == (1, "")
    assert err == PREFIX + "no topic matches 'artifical' (did you mean 'ai'?)\n"
    _, _, err = invoke("quotes", "--topic", "bulet train")
    assert "(did you mean 'high-speed-rail'?)" in err


def test_topic_lists_every_known_topic() -> None:
    _, _, err = invoke("topic", "weather")
    known = re.search(r"\(known topics: (.*)\)", err)
    assert known, err
    listed = known.group(1).split(", ")
    assert "startups" in listed
    assert len(listed) == 9


def test_a_long_list_of_names_says_how_many_are_left_out() -> None:
    names = [f"topic-{i:02}" for i in range(12)]
    assert suggest("zzz", names, "topics") == (
        " (known topics: topic-00, topic-01, topic-02, topic-03, topic-04, topic-05,"
        " topic-06, topic-07, and 4 more)"
    )


def test_topic_without_a_name_lists_the_topics() -> None:
    listed = invoke("topic", "--format", "text")
    assert listed == invoke("topics", "--format", "text")
    assert listed[0] == 0
    assert "Economic security" in listed[1]


# -- Options before the command ----------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["--data", "X", "topics"], "briefing topics --data X"),
        (["-d", "my dir", "quotes", "-s", "modi"], "briefing quotes -d 'my dir' -s modi"),
        (["--format", "json"], "briefing COMMAND --format json"),
        (["--speaker", "modi"], "briefing quotes --speaker modi"),
    ],
)
def test_options_before_the_command_get_a_hint(args: list[str], hint: str) -> None:
    code, out, err = invoke(*args)
    assert (code, out) == (2, "")
    first = err.splitlines()[0]
    assert first.startswith(PREFIX + "No such option: ")
    assert first.endswith(f" (options go after the command: {hint})")


def test_an_option_no_command_takes_gets_no_hint() -> None:
    _, _, err = invoke("--frobnicate", "topics")
    assert err.splitlines()[0] == PREFIX + "No such option: --frobnicate"


# -- Every error in one shape ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message", "usage"),
    [
        (["topics", "--bogus"], "No such option: --bogus", "briefing topics [OPTIONS]"),
        (["nosuch"], "No such command 'nosuch'.", "briefing [OPTIONS] COMMAND [ARGS]..."),
        (["topic", "a", "b"], "Got unexpected extra argument", "briefing topic [OPTIONS] [NAME]"),
        (["topics", "--format", "yaml"], "Invalid value for '--format'", "briefing topics"),
        (["people", "--width", "wide"], "Invalid value for '--width'", "briefing people"),
        # Click raises this one without saying which command it was parsing.
        (["quotes", "--speaker"], "Option '--speaker' requires an argument", None),
    ],
)
def test_usage_errors_start_like_every_other_error(
    args: list[str], message: str, usage: str | None
) -> None:
    code, out, err = invoke(*args)
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith(PREFIX + message)
    if usage is not None:
        assert lines[1].startswith(f"Usage: {usage}")
        assert lines[2].startswith("Try 'briefing")
    assert "Error:" not in err


def test_no_arguments_is_still_the_help() -> None:
    _, out, err = invoke()
    assert "Commands:" in out + err
    assert PREFIX not in out + err


# -- Metavars and the command list -------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_help_has_clean_metavars(name: str) -> None:
    code, out, _ = invoke(name, "--help")
    assert code == 0
    assert not re.search(r"\{\w", out), out
    assert "x>=" not in out
    if "--width" in out:
        assert re.search(r"--width N +Wrap text at N columns", out)


def test_usage_lines_name_arguments_plainly() -> None:
    assert invoke("search", "--help")[1].startswith("Usage: briefing search [OPTIONS] QUERY...\n")
    assert invoke("topic", "--help")[1].startswith("Usage: briefing topic [OPTIONS] [NAME]\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["topics", "--width", "-1"], "--width: use 0 (no wrapping) or at least 20 columns"),
        (["topics", "--max-file-size", "-1"], "--max-file-size: expected a number of MiB"),
        (["validate", "--max-file-size", "nan"], "--max-file-size: expected a number of MiB"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(args: list[str], message: str) -> None:
    code, out, err = invoke(*args)
    assert (code, out) == (2, "")
    assert err.startswith(PREFIX + message)


@pytest.mark.parametrize("columns", [50, 80, 200])
def test_command_list_shows_whole_sentences(columns: int) -> None:
    _, out, _ = invoke("--help", columns=columns)
    listing = out.split("Commands:\n")[1].split("\n\n")[0]
    entries = re.findall(r"^  (\w+) +(.*(?:\n {4,}.*)*)", listing, re.MULTILINE)
    assert sorted(name for name, _ in entries) == sorted(NAMES)
    for name, text in entries:
        sentence = " ".join(text.split())
        assert sentence.endswith("."), name
        assert not sentence.endswith("..."), name
        doc = cli.COMMANDS[name][0].__doc__ or ""
        assert " ".join(doc.split()).startswith(sentence), name
