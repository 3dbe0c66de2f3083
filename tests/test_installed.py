"""The installed `briefing` script and `python -m briefing`, run as real processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = shutil.which("briefing", path=str(Path(sys.executable).parent)) or shutil.which("briefing")


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "BRIEFING_DATA")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, timeout=60, check=False)


@pytest.mark.skipif(SCRIPT is None, reason="the briefing script is not installed")
def test_installed_validate_with_no_arguments(tmp_path: Path) -> None:
    assert SCRIPT is not None
    result = run([SCRIPT, "validate"], tmp_path)
    assert result.returncode == 0, result.stderr
    line = b": ok: 1 dialogue, 4 participants, 9 topics, 10 commitments, 1 interest, 8 quotes"
    assert line in result.stdout
    # The archived sources ship with the bundled file, so its quotations are proved.
    assert b"2 of 2 sources archived, 27 quotes and evidence sentences proved" in result.stdout


@pytest.mark.skipif(SCRIPT is None, reason="the briefing script is not installed")
def test_piped_topics_are_plain(tmp_path: Path) -> None:
    assert SCRIPT is not None
    target = tmp_path / "topics.txt"
    with target.open("wb") as fh:
        result = subprocess.run(
            [SCRIPT, "topics"],
            stdout=fh,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            timeout=60,
            check=False,
        )
    assert result.returncode == 0
    data = target.read_bytes()
    assert b"Economic security" in data
    assert b"\x1b" not in data
    assert not any(0x2500 <= ord(c) <= 0x259F for c in data.decode("utf-8"))


def test_python_m_briefing(tmp_path: Path) -> None:
    result = run(
        [sys.executable, "-m", "briefing", "quotes", "--speaker", "Kitamura", "--format", "json"],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert b'"speaker_id": "kitamura"' in result.stdout


# Runs the command as the script does, output piped, then names the heavy
# packages it imported, on a last line of stderr.
PROBE = (
    "import sys, briefing.cli as c\n"
    "sys.argv = ['briefing', *sys.argv[1:]]\n"
    "try:\n    c.main()\nexcept SystemExit:\n    pass\n"
    "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'yaml'})\n"
    "sys.stderr.write('imported: ' + ' '.join(heavy) + '\\n')\n"
)


def imported_by(args: list[str], cwd: Path) -> set[str]:
    result = run([sys.executable, "-c", PROBE, *args], cwd)
    assert result.returncode == 0, result.stderr
    assert result.stdout
    last = result.stderr.decode("utf-8").splitlines()[-1]
    assert last.startswith("imported:"), result.stderr
    return set(last.removeprefix("imported:").split())


def test_piped_output_does_not_import_rich(tmp_path: Path) -> None:
    assert "rich" not in imported_by(["summary", "--format", "text"], tmp_path)
    assert "rich" in imported_by(["summary", "--format", "rich"], tmp_path)


def test_warm_cache_does_not_import_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    # The first run parses the bundled file (so the probe does see yaml) and fills the cache.
    assert "yaml" in imported_by(["topics"], tmp_path)
    assert "yaml" not in imported_by(["topics"], tmp_path)


@pytest.mark.parametrize(
    ("command", "head"), [("summary", ["head", "-1"]), ("quotes", ["head", "-c", "10"])]
)
def test_closed_pipe_is_quiet(tmp_path: Path, command: str, head: list[str]) -> None:
    if shutil.which(head[0]) is None:
        pytest.skip(f"{head[0]} is not available")
    # Far more output than a pipe buffers, so the writer really meets a closed pipe.
    text = (Path(__file__).parent.parent / "data" / "dialogue.yaml").read_text(encoding="utf-8")
    for n in range(80):
        (tmp_path / f"d{n:02}.yaml").write_text(
            # Copies, not rounds of the series: two rounds cannot share an ordinal.
            text.replace("id: india-japan-sd-18", f"id: copy-{n:02}").replace(
                "  series: india-japan-strategic-dialogue\n", ""
            ),
            encoding="utf-8",
        )
    producer = subprocess.Popen(
        [sys.executable, "-m", "briefing", command, "--format", "text", "--data", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert producer.stdout is not None
    consumer = subprocess.run(
        head, stdin=producer.stdout, capture_output=True, timeout=60, check=False
    )
    producer.stdout.close()
    _, err = producer.communicate(timeout=60)
    assert consumer.stdout
    assert err == b""
    assert producer.returncode == 0
