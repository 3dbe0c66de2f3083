"""Property tests: whatever text a knowledge file holds, the commands answer 0 or 1, cleanly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefing.cli import app
from briefing.load import bundled_data

runner = CliRunner()
LINES = bundled_data().read_text(encoding="utf-8").splitlines(keepends=True)
INJECTIONS = [
    ": [",
    "*x",
    "&a ",
    "!!binary ",
    '"',
    "'",
    "\t",
    "- ",
    "{",
    "}",
    "---\n",
    "? ",
    "!!python/object/apply:os.system ['true']",
    "<<: *a",
    "\x1b",
    "\x00",
    "NO",
    "1:30",
    "2026-02-30",
    "~",
    "|",
    ">",
    "#",
    "%YAML 1.1\n",
    "\ufeff",
]


def check(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "k.yaml"
    path.write_bytes(data)
    before = path.stat().st_mtime_ns
    for command in (["validate", str(path)], ["summary", "--data", str(path), "--format", "text"]):
        start = time.monotonic()
        result = runner.invoke(app, command)
        assert time.monotonic() - start < 5
        assert result.exit_code in (0, 1), (command, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.stdout + result.stderr
        if result.exit_code == 1:
            assert result.stdout == "" or command[0] == "validate"
            assert result.stderr
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == before


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_arbitrary_text(tmp_path: Path, text: str) -> None:
    check(tmp_path, text.encode("utf-8", "surrogatepass"))


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    check(tmp_path, data)


mutation = st.tuples(
    st.sampled_from(["drop", "indent", "dedent", "inject"]),
    st.integers(min_value=0, max_value=len(LINES) - 1),
    st.sampled_from(INJECTIONS),
    st.integers(min_value=0, max_value=40),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(mutation, min_size=1, max_size=4))
def test_mutations_of_the_real_file(
    tmp_path: Path, mutations: list[tuple[str, int, str, int]]
) -> None:
    lines = list(LINES)
    for op, index, injected, column in mutations:
        i = index % len(lines)
        if op == "drop":
            del lines[i]
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        else:
            col = min(column, len(lines[i]))
            lines[i] = lines[i][:col] + injected + lines[i][col:]
        if not lines:
            break
    check(tmp_path, "".join(lines).encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("fmt", ["rich", "text", "markdown", "json", "html"])
def test_billion_laughs_ends_fast_in_every_format(fmt: str) -> None:
    bomb = Path(__file__).parent / "bad" / "billion-laughs.yaml"
    start = time.monotonic()
    result = runner.invoke(app, ["summary", "--data", str(bomb), "--format", fmt])
    assert time.monotonic() - start < 1
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "anchor" in result.stderr
