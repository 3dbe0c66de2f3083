"""Interrupts, internal errors and output files: one line, the right exit code, nothing lost."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

import pytest
from typer.testing import CliRunner

from briefing import cli, load, query

runner = CliRunner()


def test_interrupt_during_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> NoReturn:
        raise KeyboardInterrupt

    monkeypatch.setattr(load, "load_knowledge", interrupted)
    result = runner.invoke(cli.app, ["summary"])
    assert result.exit_code == 130
    assert result.stderr.strip() == "briefing: interrupted"
    assert result.stdout == ""


def test_internal_error_is_one_line_without_knowledge_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object) -> NoReturn:
        raise ValueError("Economic security today is particularly paramount")

    monkeypatch.setattr(query, "topics_view", broken)
    monkeypatch.setattr(sys, "argv", ["briefing", "topics"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "internal error (ValueError)" in err
    assert "please report" in err
    assert "paramount" not in err
    assert "Traceback" not in err


def test_interrupt_in_main(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(**_kwargs: object) -> NoReturn:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "app", interrupted)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 130
    assert capsys.readouterr().err == "briefing: interrupted\n"


def test_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("kept", encoding="utf-8")

    def interrupted(_fd: int) -> NoReturn:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cli.write_output("new text", target, ())
    assert target.read_text(encoding="utf-8") == "kept"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.txt"]


def test_write_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_fd: int) -> NoReturn:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = runner.invoke(cli.app, ["summary", "-o", str(tmp_path / "x.txt")])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"briefing: error: {tmp_path / 'x.txt'}: cannot write: No space left on device\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_new_output_file_follows_umask(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    old = os.umask(0o022)
    try:
        cli.write_output("x\n", target, ())
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
    monkeypatch.setattr(cli.time, "monotonic", lambda: next(clock))
    bar = cli._ProgressBar()
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
