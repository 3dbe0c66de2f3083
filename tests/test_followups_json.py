"""The follow-ups view built for one format, and JSON items written straight from the tracks.

`briefing followups` builds only what the format it writes shows, and JSON writes
its items from the tracks without building objects first. Both must give what
the whole view gives, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from briefing import followups
from briefing.cli import app
from briefing.load import load_knowledge
from briefing.model import Knowledge, Window
from briefing.render import Format, Options, render
from briefing.render import json as json_render
from briefing.render.followups_json import follow_ups
from briefing.views import View
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "india-japan"
DATES = ("2022-01-01", "2023-06-30", "2025-01-01", "2026-11-27", "2040-01-01")
AWKWARD = 'a "quoted" back\\slash, new\nline\ttab \x01 \u2028 é 日本 \U0001f600'


def as_objects(found: list[followups.Track], as_of: dt.date) -> list[str]:
    """The items as JSON writes the objects of `track_json`."""
    return [json_render._dumps(followups.track_json(t, as_of)) for t in found]


@pytest.fixture(scope="module")
def examples() -> Knowledge:
    return load_knowledge(EXAMPLES, use_cache=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Knowledge:
    """The benchmark's corpus, large enough for series with several rounds."""
    benchmarks = str(ROOT / "benchmarks")
    sys.path.insert(0, benchmarks)
    try:
        generate = importlib.import_module("generate")
    finally:
        sys.path.remove(benchmarks)
    folder: Path = tmp_path_factory.mktemp("corpus")
    generate.generate(120, folder, 3)
    return load_knowledge(folder, use_cache=False)


@pytest.mark.parametrize("day", DATES)
def test_items_written_from_tracks_are_the_objects_encoded(examples: Knowledge, day: str) -> None:
    as_of = dt.date.fromisoformat(day)
    found = followups.tracks(examples, as_of)
    assert follow_ups(found, as_of) == as_objects(found, as_of)


def test_items_agree_on_items_awaiting_review() -> None:
    k = load_knowledge(ROOT / "tests" / "fixtures" / "review.yaml", use_cache=False)
    as_of = dt.date(2026, 11, 27)
    found = followups.tracks(k, as_of)
    assert any(t.commitment.review for t in found)
    assert follow_ups(found, as_of) == as_objects(found, as_of)


@pytest.mark.parametrize("day", ["2001-06-01", "2003-01-01", "2026-11-27"])
def test_items_agree_on_the_generated_corpus(corpus: Knowledge, day: str) -> None:
    as_of = dt.date.fromisoformat(day)
    found = followups.tracks(corpus, as_of)
    states = {t.state for t in found}
    assert {"superseded", "passed", "done"} <= states or day == "2001-06-01"
    assert follow_ups(found, as_of) == as_objects(found, as_of)


def test_items_agree_on_awkward_values(examples: Knowledge) -> None:
    as_of = dt.date(2026, 11, 27)
    found = followups.tracks(examples, as_of)
    with_progress = next(t for t in found if t.latest is not None)
    base = found[0]
    c = base.commitment._replace(text=AWKWARD, by=(), kind="plan", review=AWKWARD)
    d = base.dialogue._replace(id="d-1", date=dt.date(2020, 2, 29))
    assert with_progress.latest is not None
    latest = with_progress.latest._replace(
        progress=with_progress.latest.progress._replace(
            text=AWKWARD,
            evidence=with_progress.latest.progress.evidence._replace(text=AWKWARD),
            review=AWKWARD,
        )
    )
    window = Window(dt.date(2020, 3, 1), dt.date(2020, 12, 31), AWKWARD)
    variants = [
        base._replace(dialogue=d, commitment=c, window=window, state="passed"),
        base._replace(commitment=c._replace(timeline=None), window=None, unread=AWKWARD),
        base._replace(commitment=c._replace(timeline=""), window=window, derived=True),
        base._replace(latest=latest, state="done"),
        base._replace(superseded_by=((d, c), (base.dialogue, base.commitment)), state="superseded"),
        base._replace(commitment=c._replace(by=("a", "b\\", '"c"'), review=None), state="open"),
        base._replace(commitment=c._replace(review=""), latest=latest, state="lapsed"),
    ]
    assert follow_ups(variants, as_of) == as_objects(variants, as_of)


FORMATS = [f for f in Format if f is not Format.AUTO]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("state", "series"), [(None, None), ("done", None), (None, "india-japan-2plus2")]
)
def test_a_view_for_one_format_writes_what_the_whole_view_writes(
    examples: Knowledge, fmt: Format, state: str | None, series: str | None
) -> None:
    as_of = dt.date(2026, 11, 27)
    whole = followups.followups_view(examples, as_of, state=state, series=series)
    items = follow_ups if fmt is Format.JSON else followups.tracks_json
    built = followups.followups_view(
        examples, as_of, fmt=fmt, items=items, state=state, series=series
    )
    for width in (80, 0):
        options = Options(width=width)
        assert render(built, fmt, options) == render(whole, fmt, options)


def test_json_writes_an_encoded_list_as_it_is() -> None:
    empty = json_render.Encoded()
    view = View("x", (), {"a": json_render.Encoded(['{"b": 1}', "[]"]), "c": empty})
    assert render(view, Format.JSON, Options()).splitlines()[4:] == [
        '  "a": [',
        '    {"b": 1},',
        "    []",
        "  ],",
        '  "c": []',
        "}",
    ]


def test_the_view_is_built_without_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = followups.followups_view

    def spy(*args: Any, **kwargs: Any) -> View:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(followups, "followups_view", spy)
    args = ["followups", "--data", str(EXAMPLES), "--as-of", "2026-11-27", "--format", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "del \x7f",
        "accented é, and ÿ",
        "accented é with a C1 control \x85 and \x9b",
        "past Latin-1: 日本 \u2019",
        "past Latin-1 with a separator \u2028 and an override \u202e",
        "both: \x9b and 日本",
    ],
)
def test_json_escapes_what_it_must_however_the_text_is_held(text: str) -> None:
    def escaped(m: re.Match[str]) -> str:
        return f"\\u{ord(m.group()):04x}"

    assert json_render._finish(text) == json_render._RAW.sub(escaped, text) + "\n"
    view = View("x", (), {"text": text})
    assert json.loads(render(view, Format.JSON, Options()))["text"] == text
