"""Shared fixtures: a pinned environment and golden-file comparison."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files from the current output (review the diff like code).",
    )


@pytest.fixture(autouse=True)
def pinned_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Same output on every machine: no colour variables, a fixed width, a private cache."""
    for name in (
        "FORCE_COLOR",
        "NO_COLOR",
        "TTY_COMPATIBLE",
        "TTY_INTERACTIVE",
        "CLICOLOR_FORCE",
        "BRIEFING_DATA",
        "BRIEFING_MAX_FILE_SIZE",
        "BRIEFING_CSV_BOM",
        "TERM",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "40")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def pretty_json(text: str) -> str:
    """TEXT parsed and laid out one value a line: how JSON goldens are stored and compared."""
    return json.dumps(json.loads(text), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


class Golden:
    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, name: str, actual: str, *, exact: bool = False) -> None:
        """Compare ACTUAL with the golden file NAME (and rewrite it with --update-golden).

        JSON (a NAME ending in .json) is compared as parsed and pretty-printed, so
        that its golden file reads well in a diff; EXACT compares it byte for byte.
        """
        # Paths of the bundled data differ between checkouts.
        actual = actual.replace(str(ROOT), "{ROOT}")
        if name.endswith(".json") and not exact:
            actual = pretty_json(actual)
        path = GOLDEN / name
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8", newline="")
            return
        assert path.exists(), f"missing golden file {path}; run pytest --update-golden"
        with path.open(encoding="utf-8", newline="") as fh:
            expected = fh.read()
        assert actual == expected, (
            f"output differs from {path}; run pytest --update-golden to review"
        )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    return Golden(bool(request.config.getoption("--update-golden")))
