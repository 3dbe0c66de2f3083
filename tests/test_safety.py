"""Internal errors and output files: one line, the right exit code, nothing lost.

Interrupts are tested on real processes, in test_process.py.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

import pytest
import typer
from typer.testing import CliRunner

from briefing import cli, load, output, query

runner = CliRunner()


def test_internal_error_is_one_line_without_knowledge_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object) -> NoReturn:
        raise ValueError("Economic security today is particularly paramount")

    monkeypatch.setattr(query, "topics_view", broken)
    monkeypatch.setattr(sys, "argv", ["briefing", "topics"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == output.EXIT_SOFTWARE == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error (ValueError)" in err
    assert "please report" in err
    assert "paramount" not in err
    assert "Traceback" not in err


def test_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("kept", encoding="utf-8")

    def interrupted(_fd: int) -> NoReturn:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_output("new text", target, ())
    assert target.read_text(encoding="utf-8") == "kept"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.txt"]


def test_write_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_fd: int) -> NoReturn:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = runner.invoke(cli.app, ["summary", "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == output.EXIT_IOERR == 74
    assert (
        result.stderr
        == f"briefing: error: {tmp_path / 'x.txt'}: cannot write: No space left on device\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_new_output_file_follows_umask(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    old = os.umask(0o022)
    try:
        output.write_output("x\n", target, ())
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644


def test_hard_link_to_knowledge_file_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "k.yaml"
    data.write_bytes(load.bundled_data().read_bytes())
    link = tmp_path / "alias.txt"
    os.link(data, link)
    result = runner.invoke(cli.app, ["summary", "--data", str(data), "-o", str(link)])
    assert result.exit_code == 2
    assert data.read_bytes() == load.bundled_data().read_bytes()


def test_progress_bar_waits_a_second_then_draws(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = iter([100.0, 100.5, 101.5, 101.6])
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))
    bar = output.ProgressBar()
    bar(1, 4)  # half a second in: nothing yet
    assert capsys.readouterr().err == ""
    bar(2, 4)
    assert "2/4 files" in capsys.readouterr().err
    bar(4, 4)
    err = capsys.readouterr().err
    assert "4/4 files" in err
    assert err.endswith("\r")  # the line is cleared when loading is done


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    result = runner.invoke(cli.app, ["validate"])
    assert result.exit_code == 0
    assert "loading" not in result.stderr


# -- Usage checks and unusual output targets -------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quotes", "--speaker", ""], "--speaker: expected a value, got an empty string"),
        (["quotes", "--topic", " "], "--topic: expected a value, got an empty string"),
        (["quotes", "--contains", ""], "--contains: expected a value, got an empty string"),
        (["commitments", "--party", ""], "--party: expected a value, got an empty string"),
        (["search", " "], "QUERY: expected a value, got an empty string"),
        (["topic", ""], "NAME: expected a value, got an empty string"),
        (["topics", "--dialogue", ""], "--dialogue: expected a value, got an empty string"),
        (["topics", "--width", "5"], "--width: use 0 (no wrapping) or at least 20 columns"),
        (["commitments", "--kind", "promise"], "--kind: 'promise' is not one of"),
        (["search", "trade", "--order", "date"], "--order: 'date' is not one of"),
        (["topics", "-o", "brief.pdf"], "--output: cannot tell the format from 'brief.pdf'"),
    ],
)
def test_usage_errors(args: list[str], message: str, tmp_path: Path) -> None:
    result = runner.invoke(
        cli.app, [a.replace("brief.pdf", str(tmp_path / "brief.pdf")) for a in args]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("briefing: error: ")
    assert message.replace("brief.pdf", "brief.pdf") in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_kind_and_status_ignore_case() -> None:
    upper = runner.invoke(
        cli.app, ["commitments", "--kind", "Plan", "--status", "PLANNED", "-f", "json"]
    )
    lower = runner.invoke(
        cli.app, ["commitments", "--kind", "plan", "--status", "planned", "-f", "json"]
    )
    assert upper.exit_code == 0
    assert upper.stdout == lower.stdout


def test_output_to_a_device_writes_in_place() -> None:
    before = os.stat(os.devnull)
    result = runner.invoke(cli.app, ["topics", "--format", "text", "-o", os.devnull])
    assert result.exit_code == 0
    after = os.stat(os.devnull)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (
        before.st_mode,
        before.st_ino,
        before.st_rdev,
    )


def test_output_to_a_directory_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["topics", "--format", "text", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_output_through_a_symlink_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = runner.invoke(cli.app, ["topics", "-o", str(link)])
    assert result.exit_code == 0
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("Topics")


def test_full_standard_output_is_a_clean_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Full:
        def write(self, _text: str) -> int:
            raise OSError(28, "No space left on device")

        def flush(self) -> None:
            pass

    monkeypatch.setattr(sys, "stdout", Full())
    with pytest.raises(typer.Exit) as exit_info:
        output.write_output("text", None, ())
    assert exit_info.value.exit_code == output.EXIT_IOERR
    assert capsys.readouterr().err == "briefing: error: standard output: No space left on device\n"


# -- Exit statuses, through main() as the script runs it ---------------------------------


def run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int | str | None:
    monkeypatch.setattr(sys, "argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    return exit_info.value.code


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["topics"], output.EXIT_OK),
        (["topics", "--data", "/no/such/file.yaml"], output.EXIT_DATA),
        (["quotes", "--speaker", "nobody-at-all"], output.EXIT_DATA),
        (["topics", "--no-such-option"], output.EXIT_USAGE),
        (["commitments", "--kind", "promise"], output.EXIT_USAGE),
        (["summary", "-o", "/no/such/directory/brief.txt"], output.EXIT_IOERR),
    ],
)
def test_exit_statuses(
    args: list[str],
    status: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run_main(monkeypatch, *args) in ((None, 0) if status == 0 else (status,))
    capsys.readouterr()


def test_exit_statuses_are_distinct() -> None:
    statuses = [
        output.EXIT_OK,
        output.EXIT_DATA,
        output.EXIT_USAGE,
        output.EXIT_SOFTWARE,
        output.EXIT_IOERR,
        output.EXIT_INTERRUPTED,
    ]
    assert statuses == [0, 1, 2, 70, 74, 130]


def test_exit_statuses_are_in_help_and_readme() -> None:
    help_text = runner.invoke(cli.app, ["--help"]).stdout
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Exit status") :]
    for status in (0, 1, 2, 70, 74, 130):
        assert f"| {status} |" in section
        if status:
            assert f"\n    {status} " in help_text


def test_main_handles_sigint_and_restores_the_handler(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[Any] = []
    real = query.topics_view

    def spy(*args: Any) -> Any:
        seen.append(signal.getsignal(signal.SIGINT))
        return real(*args)

    monkeypatch.setattr(query, "topics_view", spy)
    before = signal.getsignal(signal.SIGINT)
    assert run_main(monkeypatch, "topics") in (None, 0)
    assert seen == [cli._on_sigint]
    assert signal.getsignal(signal.SIGINT) is before
    capsys.readouterr()


def test_main_keeps_sigint_ignored(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A background job started with SIGINT ignored stays immune to it."""
    seen: list[Any] = []
    real = query.topics_view

    def spy(*args: Any) -> Any:
        seen.append(signal.getsignal(signal.SIGINT))
        return real(*args)

    monkeypatch.setattr(query, "topics_view", spy)
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert run_main(monkeypatch, "topics") in (None, 0)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)
    assert seen == [signal.SIG_IGN]
    capsys.readouterr()


def test_interrupt_outside_a_command_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(_argv: list[str]) -> NoReturn:
        raise cli.Interrupted

    monkeypatch.setattr(cli, "app_for", interrupted)
    assert run_main(monkeypatch, "topics") == output.EXIT_INTERRUPTED
    assert capsys.readouterr().err == "briefing: interrupted\n"


# -- The collector while loading -------------------------------------------------------------


@pytest.fixture
def gc_during_load(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the cyclic collector was on, each time knowledge was loaded."""
    seen: list[bool] = []
    real = load.load_knowledge

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(load, "load_knowledge", spy)
    return seen


@pytest.mark.parametrize("args", [["topics"], ["validate"], ["topics", "--data", "/no/such"]])
def test_commands_load_without_the_collector_then_freeze(
    args: list[str], gc_during_load: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(gc.isenabled()))
    assert gc.isenabled()
    runner.invoke(cli.app, args)
    assert gc_during_load == [False]
    assert gc.isenabled()
    # Frozen only what was loaded, and before the collector is back on.
    assert frozen == ([] if "/no/such" in args else [False])


def test_completion_loads_with_the_collector_on(gc_during_load: list[bool]) -> None:
    from briefing import options

    context: Any = type("Ctx", (), {"params": {}})()
    assert options.complete_dialogue(context, "") == ["india-japan-sd-18"]
    assert gc_during_load == [True]


def test_collector_stays_off_if_it_was_off(gc_during_load: list[bool]) -> None:
    gc.disable()
    try:
        runner.invoke(cli.app, ["topics"])
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert gc_during_load == [False]


# -- The progress bar's line ----------------------------------------------------------------


def test_progress_line_is_cleared_when_loading_fails(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    clock = iter([100.0, 102.0])
    monkeypatch.setattr(time, "monotonic", lambda: next(clock))

    def interrupted_load() -> NoReturn:
        with output.progress() as bar:
            assert bar is not None
            bar(1, 10)
            raise cli.Interrupted

    with pytest.raises(cli.Interrupted):
        interrupted_load()
    err = capsys.readouterr().err
    assert "1/10 files" in err
    assert err.endswith("\r" + " " * 60 + "\r")


def test_no_progress_callback_without_a_terminal() -> None:
    with output.progress() as bar:
        assert bar is None
