"""Shell completion through the real protocol: the installed script, as each shell calls it.

Bash sets COMP_WORDS and COMP_CWORD; zsh and fish pass the command line in
_TYPER_COMPLETE_ARGS. Whatever the data, completion prints candidates or
nothing: never an error onto the user's prompt.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefing import options
from briefing.model import KINDS
from briefing.output import EXIT_SOFTWARE

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples" / "india-japan"
BROKEN = ROOT / "tests" / "bad" / "several-problems.yaml"
SHELLS = ("bash", "zsh", "fish")


def script() -> str:
    found = shutil.which("briefing", path=str(Path(sys.executable).parent)) or shutil.which(
        "briefing"
    )
    assert found, "the briefing script is not installed"
    return found


def protocol_env(shell: str, words: list[str]) -> dict[str, str]:
    """What SHELL's completion script sets when the cursor is after WORDS[-1]."""
    line = shlex.join(["briefing", *words[:-1]]) + " " + words[-1]
    env = {"_BRIEFING_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words))}
    else:
        env["_TYPER_COMPLETE_ARGS"] = line
        if shell == "fish":
            env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    return env


def values(shell: str, out: str) -> list[str]:
    """The candidates in SHELL's completion output."""
    if shell == "zsh":
        if out.strip() == "_files":
            return []
        return [v.replace('""', '"') for v in re.findall(r'"((?:[^"]|"")*)"', out)]
    return [line.split("\t")[0] for line in out.splitlines() if line]


def run_script(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [script()],
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def complete(shell: str, *words: str, env: dict[str, str] | None = None) -> list[str]:
    """Candidates for the last of WORDS (an empty one: after a space), from the script."""
    proc = run_script({**protocol_env(shell, list(words)), **(env or {})})
    assert proc.stderr == ""
    assert proc.returncode == 0, proc.stdout
    return values(shell, proc.stdout)


runner = CliRunner()


def complete_here(shell: str, *words: str) -> list[str]:
    """As `complete`, in this process (faster; the same protocol, without the script)."""
    from briefing import cli

    result = runner.invoke(cli.app, [], env=protocol_env(shell, list(words)), prog_name="briefing")
    assert result.stderr == ""
    assert result.exit_code == 0, result.stdout
    return values(shell, result.stdout)


# -- Never an error ----------------------------------------------------------------------


@pytest.mark.parametrize("shell", SHELLS)
def test_speakers_from_a_data_directory(shell: str) -> None:
    found = complete(shell, "quotes", "--data", str(EXAMPLES), "--speaker", "")
    assert {"Jaishankar", "Kishida", "Kamikawa", "modi"} <= set(found)
    # One name per person (a person met in several meetings once), none that would need quoting.
    from briefing.load import load_knowledge

    people = {p.name for d in load_knowledge(EXAMPLES).dialogues for p in d.participants}
    assert len(found) == len(set(found)) <= len(people)
    assert {"Kitamura", "Motegi"} <= set(found)
    assert not any(" " in v for v in found)


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize("data", [BROKEN, Path("no/such/file.yaml"), Path("no/such/dir")])
def test_bad_or_missing_data_completes_nothing_and_says_nothing(shell: str, data: Path) -> None:
    assert complete(shell, "quotes", "--data", str(data), "--speaker", "") == []


@pytest.mark.parametrize(
    "words",
    [["topic", ""], ["commitments", "--party", "ja"], ["topics", "--dialogue", ""]],
)
def test_bad_data_completes_no_other_value(words: list[str]) -> None:
    assert complete("bash", words[0], "--data", str(BROKEN), *words[1:]) == []


@pytest.mark.parametrize("shell", SHELLS)
def test_a_failing_completion_prints_nothing(shell: str, tmp_path: Path) -> None:
    """Any exception while completing: no candidates, no message, whatever raised it."""
    # A module found first on the path, which breaks the loader as a bug would.
    (tmp_path / "sitecustomize.py").write_text(
        "import briefing.load\n"
        "def broken(*args, **kwargs):\n"
        "    raise AttributeError('no attribute')\n"
        "briefing.load.load_knowledge = broken\n",
        encoding="utf-8",
    )
    env = {"PYTHONPATH": str(tmp_path)}
    assert complete(shell, "quotes", "--data", str(EXAMPLES), "--speaker", "", env=env) == []


def test_a_broken_protocol_exits_quietly() -> None:
    proc = run_script({**protocol_env("bash", ["topics", ""]), "COMP_CWORD": "not a number"})
    assert (proc.stdout, proc.stderr) == ("", "")


# -- What is completed -------------------------------------------------------------------


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize(
    ("typed", "expected"),
    [("ja", ["jaishankar"]), ("Ja", ["Jaishankar"]), ("JAI", ["JAIshankar"]), ("", None)],
)
def test_speakers_ignore_case_and_keep_what_was_typed(
    shell: str, typed: str, expected: list[str] | None
) -> None:
    found = complete_here(shell, "quotes", "--speaker", typed)
    assert found == (expected or ["Jaishankar", "Kitamura", "Modi", "Motegi"])


@pytest.mark.parametrize("shell", SHELLS)
def test_parties_kinds_and_statuses(shell: str) -> None:
    assert complete_here(shell, "commitments", "--party", "") == ["India", "Japan"]
    assert complete_here(shell, "commitments", "--party", "j") == ["japan"]
    assert complete_here(shell, "commitments", "-p", "JA") == ["JApan"]
    assert complete_here(shell, "commitments", "--kind", "") == sorted(KINDS)
    assert complete_here(shell, "commitments", "--kind", "RE") == ["REaffirmation"]
    statuses = complete_here(shell, "commitments", "--status", "")
    # Bash inserts a value as it is: the space is escaped.
    under_way = "under\\ way" if shell == "bash" else "under way"
    assert statuses == ["agreed", "done", "lapsed", "planned", under_way]
    assert complete_here(shell, "commitments", "--status", "u") == [under_way]


@pytest.mark.parametrize("shell", SHELLS)
def test_topics_and_dialogues(shell: str) -> None:
    assert complete_here(shell, "topic", "Ec") == ["Economic-security"]
    assert complete_here(shell, "summary", "--topic", "cr") == ["critical-minerals"]
    found = complete_here(shell, "topics", "--data", str(EXAMPLES), "--dialogue", "india-japan-2")
    assert found == ["india-japan-2plus2-2", "india-japan-2plus2-3"]
    # --dialogue takes the exact id, so only that case completes.
    assert complete_here(shell, "topics", "--dialogue", "IND") == []


# -- The functions behind it ---------------------------------------------------------------


class FakeContext:
    def __init__(self, **params: object) -> None:
        self.params = params


def test_completion_functions_match_any_case() -> None:
    ctx: Any = FakeContext(data=str(EXAMPLES))
    assert options.complete_speaker(ctx, "KIS") == ["Kishida"]
    assert options.complete_party(ctx, "IND") == ["India"]
    assert options.complete_topic(ctx, "") == sorted(options.complete_topic(ctx, ""))
    assert options.complete_kind(ctx, "P") == ["plan"]
    assert options.complete_status(ctx, "UNDER") == ["under way"]


def test_for_shell_swallows_any_exception() -> None:
    def broken(_ctx: Any, _incomplete: str) -> list[str]:
        raise AttributeError("'str' object has no attribute 'is_dir'")

    ctx: Any = FakeContext()
    assert options.for_shell(broken)(ctx, "x") == []


def test_main_reports_nothing_when_completion_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing import cli

    def broken(_argv: list[str]) -> Any:
        raise AttributeError("a bug")

    monkeypatch.setattr(cli, "app_for", broken)
    monkeypatch.setattr(sys, "argv", ["briefing"])
    monkeypatch.setenv("_BRIEFING_COMPLETE", "complete_zsh")
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == EXIT_SOFTWARE
    assert capsys.readouterr() == ("", "")
