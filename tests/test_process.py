"""The process as a shell sees it: Ctrl-C at every stage, and readers that stop early.

Each test starts a real `briefing` process. To interrupt a given stage, the
process runs `briefing.cli.main()` with that stage wrapped so that it touches a
marker file when it starts (and, for the fast stages, then waits); the test
waits for the marker and sends a real SIGINT.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="no signals here")

#: Runs main() with one function wrapped: STALL=module:name, STALL_SLEEP=1 to wait there.
CHILD = """
import importlib, os, sys, time
from pathlib import Path

module_name, name = os.environ["STALL"].split(":")
module = importlib.import_module(module_name)
real = getattr(module, name)

def stalled(*args, **kwargs):
    Path(os.environ["STALL_MARKER"]).touch()
    if os.environ.get("STALL_SLEEP"):
        time.sleep(60)
    return real(*args, **kwargs)

setattr(module, name, stalled)
from briefing.cli import main

sys.argv[0] = "briefing"
main()
"""


def start(
    args: list[str], stall: str, marker: Path, *, sleep: bool, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    extra = {"STALL": stall, "STALL_MARKER": str(marker), "STALL_SLEEP": "1" if sleep else ""}
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ | extra | (env or {}),
        cwd=ROOT,
    )


def interrupt(proc: subprocess.Popen[bytes], marker: Path, delay: float = 0.0) -> tuple[int, str]:
    deadline = time.monotonic() + 30
    while not marker.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            _, err = proc.communicate()
            pytest.fail(f"never reached the stage (exit {proc.returncode}): {err.decode()}")
        time.sleep(0.01)
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    return proc.returncode, err.decode()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough knowledge files that loading them cold takes well over a second."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    assert isinstance(generate, ModuleType)
    directory = tmp_path_factory.mktemp("corpus")
    generate.generate(600, directory, 1)
    return directory


def test_interrupt_while_loading(corpus: Path, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    proc = start(
        ["topics", "--data", str(corpus), "--no-cache"],
        "briefing.load:load_knowledge",
        marker,
        sleep=False,
    )
    # Well inside the load of 600 files, which takes seconds.
    assert interrupt(proc, marker, delay=0.3) == (130, "briefing: interrupted\n")


@pytest.mark.parametrize(
    ("args", "stall"),
    [
        (["topics"], "briefing.query:topics_view"),
        (["quotes", "--speaker", "Jaishankar"], "briefing.query:quotes_view"),
        (["summary", "--format", "markdown"], "briefing.render:renderer"),
        (["validate", "--format", "json"], "briefing.render:render_problems"),
        (["people", "--format", "text"], "briefing.output:write_output"),
    ],
)
def test_interrupt_at_each_stage(args: list[str], stall: str, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    proc = start(args, stall, marker, sleep=True)
    assert interrupt(proc, marker) == (130, "briefing: interrupted\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_interrupt_while_writing_to_a_fifo_nobody_reads(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    marker = tmp_path / "marker"
    # Opening the FIFO blocks until a reader comes: the signal lands in the real open().
    proc = start(
        ["topics", "--format", "text", "-o", str(fifo)],
        "briefing.output:_write_special",
        marker,
        sleep=False,
    )
    assert interrupt(proc, marker, delay=0.2) == (130, "briefing: interrupted\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["marker", "out.fifo"]


def test_interrupt_while_completing(corpus: Path, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    env = {
        "_BRIEFING_COMPLETE": "complete_bash",
        "COMP_WORDS": f"briefing topics --data {corpus} --no-cache --dialogue ",
        "COMP_CWORD": "6",
    }
    proc = start(["topics"], "briefing.load:load_knowledge", marker, sleep=False, env=env)
    assert interrupt(proc, marker, delay=0.3) == (130, "briefing: interrupted\n")


# -- Readers that stop early -------------------------------------------------------------


def run_into_closed_pipe(args: list[str]) -> tuple[int, str]:
    """Run briefing with a stdout whose reader has already gone."""
    read, write = os.pipe()
    os.close(read)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "briefing", *args],
            stdin=subprocess.DEVNULL,
            stdout=write,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write)
    return proc.returncode, proc.stderr.decode()


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    assert run_into_closed_pipe(["summary", "--format", "text"]) == (0, "")


def test_validate_keeps_its_status_when_the_reader_stops_early() -> None:
    broken = ROOT / "tests" / "bad" / "several-problems.yaml"
    assert run_into_closed_pipe(["validate", str(broken), "--format", "json"]) == (1, "")
