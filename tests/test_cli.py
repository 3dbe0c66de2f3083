"""The commands through CliRunner: exit codes, golden output per command and format, errors."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from briefing.cli import app
from briefing.render import Format, Options
from tests.conftest import ROOT, Golden

runner = CliRunner()

COMMANDS: dict[str, list[str]] = {
    "topics": ["topics"],
    "topic-minerals": ["topic", "minerals"],
    "quotes": ["quotes"],
    "quotes-jaishankar": ["quotes", "--speaker", "Jaishankar"],
    "commitments": ["commitments"],
    "people": ["people"],
    "summary": ["summary"],
    "search-shinkansen": ["search", "shinkansen"],
    "dialogues": ["dialogues"],
    "followups": ["followups", "--as-of", "2026-11-27"],
    "diff-summits": [
        "diff",
        "--series",
        "india-japan-annual-summit",
        "--data",
        "examples/india-japan",
    ],
    "timeline-investment": ["timeline", "--topic", "investment", "--data", "examples/india-japan"],
    "scorecard": ["scorecard", "--as-of", "2026-11-27", "--data", "examples"],
    "dashboard": ["dashboard", "--as-of", "2026-11-27", "--data", "examples"],
}
TABULAR = {
    "topics",
    "quotes",
    "quotes-jaishankar",
    "commitments",
    "people",
    "search-shinkansen",
    "dialogues",
    "followups",
    "scorecard",
    "dashboard",
}
EXTENSIONS = {
    "rich": "rich.txt",
    "text": "txt",
    "markdown": "md",
    "json": "json",
    "csv": "csv",
    "html": "html",
}


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def cases() -> list[tuple[str, str]]:
    return [
        (name, fmt) for name in COMMANDS for fmt in EXTENSIONS if fmt != "csv" or name in TABULAR
    ]


@pytest.mark.parametrize(("name", "fmt"), cases())
def test_golden(name: str, fmt: str, golden: Golden) -> None:
    code, out, err = invoke(*COMMANDS[name], "--format", fmt)
    assert (code, err) == (0, "")
    golden.check(f"{name}.{EXTENSIONS[fmt]}", out)


@pytest.mark.parametrize("name", [n for n in COMMANDS if n not in TABULAR])
def test_csv_of_a_document_is_a_usage_error(name: str) -> None:
    code, out, err = invoke(*COMMANDS[name], "--format", "csv")
    assert code == 2
    assert out == ""
    assert "--format csv is not available" in err
    assert "markdown" in err


@pytest.mark.parametrize("name", list(COMMANDS))
def test_same_result_with_and_without_cache(name: str) -> None:
    cold = invoke(*COMMANDS[name], "--format", "json", "--no-cache")
    filled = invoke(*COMMANDS[name], "--format", "json")
    warm = invoke(*COMMANDS[name], "--format", "json")
    assert cold == filled == warm
    assert cold[0] == 0


def test_auto_is_text_when_not_a_terminal() -> None:
    assert invoke("topics") == invoke("topics", "--format", "text")


# -- JSON shape ----------------------------------------------------------------------


def json_of(*args: str) -> Any:
    code, out, _ = invoke(*args, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert isinstance(document, dict)
    return document


def test_json_envelope_is_stable() -> None:
    for name, args in COMMANDS.items():
        document = json_of(*args)
        assert document["shape"] == 3, name
        assert document["command"] == args[0], name


def test_json_quotes_shape() -> None:
    document = json_of("quotes", "--speaker", "kitamura")
    assert document["quotes"] == [
        {
            "dialogue_id": "india-japan-sd-18",
            "id": "quad-important-framework",
            "speaker_id": "kitamura",
            "speaker_name": "Toshihiro Kitamura",
            "speaker_is_person": True,
            "role": "Foreign ministry spokesperson",
            "country": "Japan",
            "attribution": None,
            "text": "in order to have the engagement of the US in this region, we believe that"
            " Quad is a very important framework to facilitate such cooperation.",
            "topic_ids": ["quad"],
            "topic_names": ["Quad"],
            "context": "Highlighting the Quad's significance.",
            "source_id": "article",
            "source_citation": (
                "India, Japan Boost AI, Critical Minerals Cooperation in Strategic Dialogue"
            ),
            "review": None,
        }
    ]


def test_json_commitment_keeps_vague_timeline_and_marks_interpretation() -> None:
    document = json_of("commitments", "--topic", "critical-minerals")
    [item] = [c for c in document["commitments"] if c["id"] == "minerals-working-group"]
    assert item["timeline"] == "early this year"
    assert item["window"] == {
        "start": "2026-01-01",
        "end": "2026-04-30",
        "note": item["window"]["note"],
        "interpretation": True,
    }
    assert item["kind"] == "plan"
    assert item["evidence"]["source_id"] == "article"


def test_json_is_utf8_not_escaped() -> None:
    # The bundled data is ASCII; this file is not, so ASCII escaping would show.
    data = Path(__file__).parent / "fixtures" / "unicode.yaml"
    _, out, _ = invoke("quotes", "--data", str(data), "--format", "json")
    assert '"茂木 敏充"' in out
    assert "the “rice of industry” — 半導体は産業のコメ" in out
    assert "\\u" not in out


def test_json_layout_is_pinned(golden: Golden) -> None:
    # Other JSON goldens are compared parsed and pretty-printed; this pins the bytes written.
    code, out, _ = invoke("topics", "--format", "json")
    assert code == 0
    golden.check("topics.layout.json", out, exact=True)


def test_json_summary_sections() -> None:
    [brief] = json_of("summary")["briefings"]
    assert brief["dialogue"]["date"] == "2026-01-16"
    assert brief["dialogue"]["chair_ids"] == ["jaishankar", "motegi"]
    assert [c["id"] for c in brief["interests"]] == ["radio-antenna-deal"]
    assert {c["kind"] for c in brief["reaffirmations"]} == {"reaffirmation"}
    assert len(brief["quotes"]) == 8
    assert brief["sources"][0]["id"] == "article"


# -- CSV and Markdown parse ----------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TABULAR))
def test_csv_parses(name: str) -> None:
    code, out, _ = invoke(*COMMANDS[name], "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert len(rows) >= 2
    assert all(len(r) == len(rows[0]) for r in rows)
    # A dialogue column leads every table but those of the dialogues and of the scorecard.
    assert rows[0][0] == "Dialogue" or name in ("dialogues", "scorecard")


def test_markdown_summary_structure() -> None:
    _, out, _ = invoke("summary", "--format", "markdown")
    tokens = MarkdownIt("commonmark").parse(out)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == "18th India-Japan Strategic Dialogue"
    for section in (
        "Key outcomes",
        "Reaffirmed",
        "Interest expressed (not a commitment)",
        "Also discussed",
        "Notable quotes",
        "Follow-ups",
        "Sources",
    ):
        assert section in headings
    quotes = [t for t in tokens if t.type == "blockquote_open"]
    assert len(quotes) == 8


def test_markdown_table_parses_as_table() -> None:
    _, out, _ = invoke("people", "--format", "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    cells = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "th_open"]
    assert cells == ["Name", "Role", "Country", "Quotes", "Commitments", "Interests"]
    assert sum(t.type == "tr_open" for t in tokens) == 5


# -- Speaker matching ----------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "jaishankar",
        "Jaishankar",
        "S Jaishankar",
        "S. Jaishankar",
        "Dr Jaishankar",
        "JAISHANKAR",
        "Subrahmanyam Jaishankar",
        "jaíshankar",
    ],
)
def test_speaker_forms(name: str) -> None:
    quotes = json_of("quotes", "--speaker", name)["quotes"]
    assert isinstance(quotes, list)
    assert len(quotes) == 7
    assert {q["speaker_id"] for q in quotes} == {"jaishankar"}


def test_unknown_speaker_suggests_closest() -> None:
    code, out, err = invoke("quotes", "--speaker", "Jaishenkar")
    assert code == 1
    assert out == ""
    assert (
        err
        == "briefing: error: no participant matches 'Jaishenkar' (did you mean 'S Jaishankar'?)\n"
    )


def test_participant_without_quotes() -> None:
    code, out, err = invoke("quotes", "--speaker", "Motegi", "--format", "text")
    assert (code, err) == (0, "")
    assert out == "Toshimitsu Motegi is not quoted in the source.\n"
    assert json_of("quotes", "--speaker", "Motegi")["quotes"] == []


def test_kitamura_has_one_quote() -> None:
    quotes = json_of("quotes", "--speaker", "Kitamura")["quotes"]
    assert [q["id"] for q in quotes] == ["quad-important-framework"]


# -- Filters and lookups ---------------------------------------------------------------


def test_topic_by_prefix_and_name() -> None:
    by_id = json_of("topic", "ai")
    by_name = json_of("topic", "Artificial Intelligence")
    by_prefix = json_of("topic", "minerals")
    assert by_id == by_name
    assert by_prefix["topics"][0]["id"] == "critical-minerals"


def test_ambiguous_topic_prefix() -> None:
    code, _, err = invoke("topic", "m")
    assert code == 1
    assert "matches several topics" in err


def test_unknown_topic() -> None:
    code, _, err = invoke("topic", "weather")
    assert code == 1
    assert err.startswith("briefing: error: no topic matches 'weather'")


def test_commitments_filters() -> None:
    japan = json_of("commitments", "--party", "Japan")
    assert {c["id"] for c in japan["commitments"] + japan["interests"]} == {
        "bullet-train-support",
        "e10-shinkansen-supply",
        "radio-antenna-deal",
        "ai-strategic-dialogue",
        "minerals-working-group",
        "regional-engagement",
        "northeast-development",
        "startup-cooperation",
        "private-sector-engagement",
        "economic-security-dialogue",
    }
    interest = json_of("commitments", "--kind", "interest")
    assert interest["commitments"] == []
    assert [c["is_commitment"] for c in interest["interests"]] == [False]
    planned = json_of("commitments", "--status", "planned")["commitments"]
    assert len(planned) == 3


def test_bad_kind_is_usage_error() -> None:
    code, out, err = invoke("commitments", "--kind", "promise")
    assert (code, out) == (2, "")
    assert "--kind" in err


def test_unknown_party() -> None:
    code, _, err = invoke("commitments", "--party", "Atlantis")
    assert code == 1
    assert "no party matches 'Atlantis'" in err


def test_search_needs_every_word() -> None:
    hits = json_of("search", "economic security private")["hits"]
    assert [h["id"] for h in hits] == [
        "economic-security",
        "private-sector-engagement",
        "economic-security-dialogue",
    ]


def test_search_finds_other_names() -> None:
    hits = json_of("search", "unicorn")["hits"]
    assert [h["id"] for h in hits] == ["radio-antenna-deal"]


def test_unknown_dialogue() -> None:
    code, _, err = invoke("topics", "--dialogue", "nope")
    assert code == 1
    assert "no dialogue with id 'nope'" in err


# -- Several dialogues ---------------------------------------------------------------


def test_directory_of_dialogues(tmp_path: Path) -> None:
    text = (ROOT / "data" / "dialogue.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        text.replace("id: india-japan-sd-18", "id: india-japan-sd-19")
        .replace("ordinal: 18", "ordinal: 19")
        .replace("date: 2026-01-16", "date: 2027-01-15"),
        encoding="utf-8",
    )
    dialogues = json_of("dialogues", "--data", str(tmp_path))["dialogues"]
    assert [d["id"] for d in dialogues] == ["india-japan-sd-18", "india-japan-sd-19"]
    quotes = json_of("quotes", "--speaker", "Kitamura", "--data", str(tmp_path))["quotes"]
    assert [q["dialogue_id"] for q in quotes] == ["india-japan-sd-18", "india-japan-sd-19"]
    one = json_of(
        "quotes",
        "--speaker",
        "Kitamura",
        "--data",
        str(tmp_path),
        "--dialogue",
        "india-japan-sd-19",
    )["quotes"]
    assert len(one) == 1
    code, out, _ = invoke("topics", "--data", str(tmp_path), "--format", "csv")
    assert code == 0
    assert "india-japan-sd-19" in out
    code, out, _ = invoke("people", "--data", str(tmp_path), "--format", "text", "--width", "0")
    assert "india-japan-sd-19" in out


def test_duplicate_dialogue_ids_across_files(tmp_path: Path) -> None:
    text = (ROOT / "data" / "dialogue.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text + "\n", encoding="utf-8")
    code, _, err = invoke("validate", str(tmp_path))
    assert code == 1
    assert "duplicate dialogue id 'india-japan-sd-18'" in err


def test_data_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "x.yaml").write_text(
        (ROOT / "data" / "dialogue.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.setenv("BRIEFING_DATA", str(tmp_path))
    document = json_of("dialogues")
    assert document["dialogues"][0]["path"] == str(tmp_path / "x.yaml")


# -- Output files --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "marker"),
    [
        (".md", "# "),
        (".json", '"shape"'),
        (".csv", "Dialogue,"),
        (".html", "<!DOCTYPE html>"),
        (".txt", "Topics\n"),
    ],
)
def test_output_file_format_from_suffix(tmp_path: Path, suffix: str, marker: str) -> None:
    target = tmp_path / f"out{suffix}"
    code, out, _ = invoke("topics", "-o", str(target))
    assert (code, out) == (0, "")
    assert marker in target.read_text(encoding="utf-8")


def test_output_refuses_knowledge_file(tmp_path: Path) -> None:
    data = tmp_path / "k.yaml"
    original = (ROOT / "data" / "dialogue.yaml").read_bytes()
    data.write_bytes(original)
    link = tmp_path / "link.txt"
    link.symlink_to(data)
    for target in (data, link):
        code, _, err = invoke("summary", "--data", str(data), "-o", str(target))
        assert code == 2
        assert "refusing to overwrite the knowledge file" in err
    assert data.read_bytes() == original
    assert link.is_symlink()


def test_output_replaces_existing_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "brief.txt"
    target.write_text("old", encoding="utf-8")
    code, _, _ = invoke("summary", "-o", str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("18th India-Japan Strategic Dialogue")
    assert [p.name for p in tmp_path.iterdir()] == ["brief.txt"]


def test_output_into_missing_directory(tmp_path: Path) -> None:
    code, _, err = invoke("summary", "-o", str(tmp_path / "no" / "such" / "x.txt"))
    assert code == 74
    assert "cannot write" in err


# -- Help, version, text width -------------------------------------------------------


def test_no_command_shows_command_list() -> None:
    result = runner.invoke(app, [])
    assert "topics" in result.output
    assert "quotes" in result.output


@pytest.mark.parametrize("command", [*sorted({a[0] for a in COMMANDS.values()}), "validate"])
def test_every_command_has_help_with_example(command: str) -> None:
    code, out, _ = invoke(command, "--help")
    assert code == 0
    assert "Example" in out
    assert f"briefing {command}" in out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"briefing {command}" in readme


def test_version() -> None:
    from briefing import __version__

    assert invoke("--version") == (0, f"briefing {__version__}\n", "")


def test_text_wraps_at_width_and_never_truncates() -> None:
    _, out, _ = invoke("summary", "--format", "text", "--width", "60")
    # Only a word longer than the width (a URL) may pass it, alone on its line.
    for line in out.splitlines():
        assert len(line) <= 60 or len(line.split()) == 1, line
    assert any(len(line) > 60 for line in out.splitlines()), "the data has a long URL"
    _, wide, _ = invoke("summary", "--format", "text", "--width", "0")
    assert "it's even more important that we work closely towards shared strategic goals." in wide
    assert "\u2026" not in out


def test_rich_color_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    _, plain, _ = invoke("people", "--format", "rich")
    assert "\x1b[" not in plain
    _, coloured, _ = invoke("people", "--format", "rich", "--color")
    assert "\x1b[" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    _, no_color, _ = invoke("people", "--format", "rich")
    assert "\x1b[" not in no_color


# -- The one-command app that main() builds ------------------------------------------


@pytest.mark.parametrize("name", list(COMMANDS))
def test_main_runs_like_the_full_app(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing import cli

    for extra in (["--format", "json"], ["--help"]):
        monkeypatch.setattr(sys, "argv", ["briefing", *COMMANDS[name], *extra])
        with pytest.raises(SystemExit) as exit_info:
            cli.main()
        assert exit_info.value.code in (0, None)
        expected = invoke(*COMMANDS[name], *extra)[1]
        # Help is wrapped to the terminal, which differs under the test runner.
        assert capsys.readouterr().out.split() == expected.split()


def test_app_for_picks_the_full_app_when_no_command_is_named() -> None:
    from briefing import cli

    assert cli.app_for([]) is cli.app
    assert cli.app_for(["--help"]) is cli.app
    assert cli.app_for(["topics"]) is not cli.app


# -- Completion --------------------------------------------------------------------------


class FakeContext:
    def __init__(self, **params: object) -> None:
        self.params = params


def test_completion_from_loaded_data() -> None:
    from briefing import options

    ctx: Any = FakeContext()
    assert options.complete_speaker(ctx, "ja") == ["Jaishankar"]
    assert options.complete_speaker(ctx, "") == ["Jaishankar", "Kitamura", "Modi", "Motegi"]
    assert options.complete_topic(ctx, "ec") == ["economic-security"]
    assert options.complete_dialogue(ctx, "") == ["india-japan-sd-18"]
    broken: Any = FakeContext(data=Path("/no/such/file.yaml"))
    assert options.complete_topic(broken, "") == []
    # What the shell gives: --data as text.
    typed: Any = FakeContext(data=str(ROOT / "data" / "dialogue.yaml"))
    assert options.complete_dialogue(typed, "") == ["india-japan-sd-18"]


def test_term_dumb_turns_colour_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.output import color_enabled

    monkeypatch.setenv("TERM", "dumb")
    assert color_enabled(None, is_tty=True) is False
    assert color_enabled(True, is_tty=True) is True
    monkeypatch.delenv("TERM")
    assert color_enabled(None, is_tty=True) is True
    assert color_enabled(None, is_tty=False) is False


# -- Review fixes ------------------------------------------------------------------------


def test_summary_topic_keeps_outcomes_whose_first_topic_is_elsewhere() -> None:
    _, out, _ = invoke(
        "summary", "--topic", "economic-security", "--format", "text", "--width", "0"
    )
    key_outcomes = out.split("Key outcomes")[1].split("Reaffirmed")[0]
    assert "Convene the joint working group on critical minerals" in key_outcomes


def test_search_matches_word_starts_and_people() -> None:
    hits = json_of("search", "ai")["hits"]
    assert {h["id"] for h in hits} == {"ai", "ai-strategic-dialogue"}
    quotes = [h for h in json_of("search", "jaishankar")["hits"] if h["record"] == "quote"]
    assert len(quotes) == 7
    people = [h["id"] for h in json_of("search", "motegi")["hits"] if h["record"] == "person"]
    assert people == ["motegi"]


def test_html_highlight_does_not_break_entities(tmp_path: Path) -> None:
    text = (ROOT / "data" / "dialogue.yaml").read_text(encoding="utf-8")
    data = tmp_path / "k.yaml"
    data.write_text(text.replace("name: Startups", "name: Startups & R&D"), encoding="utf-8")
    _, out, _ = invoke("search", "amp", "--data", str(data), "--format", "html")
    assert "<mark>" not in out
    _, out, _ = invoke("search", "startups", "--data", str(data), "--format", "html")
    assert "<mark>Startups</mark> &amp; R&amp;D" in out


def test_quotes_from_several_dialogues_name_their_meeting(tmp_path: Path) -> None:
    text = (ROOT / "data" / "dialogue.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        text.replace("id: india-japan-sd-18", "id: india-japan-sd-19")
        .replace("ordinal: 18", "ordinal: 19")
        .replace("title: 18th India-Japan", "title: 19th India-Japan")
        .replace("date: 2026-01-16", "date: 2027-01-15"),
        encoding="utf-8",
    )
    _, out, _ = invoke("quotes", "-s", "kitamura", "--data", str(tmp_path), "--width", "0")
    for meeting in (
        "18th India-Japan Strategic Dialogue, New Delhi, 2026-01-16",
        "19th India-Japan Strategic Dialogue, New Delhi, 2027-01-15",
    ):
        assert f"Quotes by Toshihiro Kitamura \u2014 {meeting}\n" in out


def test_topic_people_and_sections() -> None:
    [quad] = json_of("topic", "quad")["topics"]
    assert quad["participant_ids"] == ["jaishankar", "kitamura"]
    _, out, _ = invoke("topic", "global-order", "--format", "text")
    assert "Commitments\n" not in out
    assert "Discussed\n" in out
    assert "Quotes\n" in out


def test_topic_people_from_events(tmp_path: Path) -> None:
    text = (ROOT / "data" / "dialogue.yaml").read_text(encoding="utf-8")
    data = tmp_path / "k.yaml"
    data.write_text(
        text.replace(
            "    when: Before the strategic dialogue\n",
            "    when: Before the strategic dialogue\n    topics: [quad]\n",
        ),
        encoding="utf-8",
    )
    [quad] = json_of("topic", "quad", "--data", str(data))["topics"]
    assert quad["participant_ids"] == ["jaishankar", "kitamura", "motegi", "modi"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--speaker", "Jaishankar", "--topic", "ai"],
            "S Jaishankar is not quoted on topic 'ai'.",
        ),
        (["--contains", "weather"], "No quotes containing 'weather'."),
    ],
)
def test_no_quotes_messages(args: list[str], message: str) -> None:
    assert invoke("quotes", *args, "--format", "text") == (0, message + "\n", "")


# -- Shared options, the supported way ------------------------------------------------------

SHARED_HELP = [
    "-d, --data PATH",
    "-f, --format <auto|rich|text|markdown|json|csv|html|ics>",
    "-o, --output FILE",
    "--width N",
    "--color / --no-color",
    "--no-cache",
    "--dialogue ID",
    "--max-file-size MIB",
]


@pytest.mark.parametrize("command", sorted({a[0] for a in COMMANDS.values()}))
def test_help_lists_the_shared_options_after_the_commands_own(command: str) -> None:
    code, out, _ = invoke(command, "--help")
    assert code == 0
    all_dialogues = command in ("dialogues", "diff", "timeline", "scorecard", "dashboard")
    expected = [h for h in SHARED_HELP if not all_dialogues or "--dialogue" not in h]
    positions = [out.index(h) for h in expected]
    assert positions == sorted(positions)
    assert "Knowledge file, or directory read with its subdirectories" in " ".join(out.split())
    assert out.index("-h, --help") > positions[-1]
    if all_dialogues:
        assert "--dialogue " not in out
    if command == "quotes":
        assert out.index("--contains TEXT") < positions[0]


def test_commands_are_plain_functions() -> None:
    """No rewritten signatures (unsupported by Typer): each takes its own options and ctx."""
    import inspect

    from briefing import cli

    for name, (func, _cls) in cli.COMMANDS.items():
        # These declare the few shared options they take themselves.
        if name in ("validate", "schema", "draft", "archive", "export"):
            continue
        assert not hasattr(func, "__wrapped__"), name
        assert "__signature__" not in vars(func), name
        params = inspect.signature(func).parameters
        assert not {"data", "fmt", "output", "width", "common"} & set(params), name


def test_shared_options_reach_a_command_converted() -> None:
    """Any Typer command given cls=SharedOptions gets the shared values as a Common."""
    from briefing.options import Common, SharedOptions, SharedOptionsButDialogue, common

    seen: list[Common] = []
    probe = typer.Typer()

    @probe.command(cls=SharedOptions)
    def first(ctx: typer.Context, flag: bool = False) -> None:
        seen.append(common(ctx))
        assert flag

    @probe.command(cls=SharedOptionsButDialogue)
    def second(ctx: typer.Context) -> None:
        seen.append(common(ctx))

    args = ["first", "--flag", "-d", "x.yaml", "-f", "JSON", "-o", "out.md", "--width", "30"]
    result = runner.invoke(probe, [*args, "--no-color", "--dialogue", "sd-18", "--no-cache"])
    assert result.exit_code == 0, result.output
    assert seen[0] == Common(
        [Path("x.yaml")], Format.JSON, Path("out.md"), 30, False, True, "sd-18", None
    )
    assert isinstance(seen[0].fmt, Format)
    # A command without --dialogue never sees one left from an earlier command.
    assert runner.invoke(probe, ["second", "--max-file-size", "2"]).exit_code == 0
    assert seen[1] == Common(None, Format.AUTO, None, None, None, False, None, 2.0)


def test_shared_options_go_before_or_after_the_commands_own() -> None:
    before = invoke("quotes", "--format", "json", "--speaker", "Jaishankar")
    after = invoke("quotes", "--speaker", "Jaishankar", "--format", "json")
    assert before == after
    assert before[0] == 0


def test_completion_of_dialogue_ids_through_the_shell_protocol(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefing import cli

    monkeypatch.setenv("_BRIEFING_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "briefing topics --dialogue ind")
    monkeypatch.setenv("COMP_CWORD", "3")
    monkeypatch.setattr(sys, "argv", ["briefing", "topics"])
    assert cli.app_for(["topics"]) is cli.app
    result = runner.invoke(cli.app, [], prog_name="briefing")
    assert result.stdout.split() == ["india-japan-sd-18"]


# -- validate: one view, rendered and written like every other command -------------------


BROKEN = ROOT / "tests" / "bad" / "several-problems.yaml"


def test_validate_text_of_valid_data_is_one_line() -> None:
    code, out, err = invoke("validate")
    assert (code, err) == (0, "")
    assert out.endswith(
        "dialogue.yaml: ok: 1 dialogue, 4 participants, 9 topics, 10 commitments, 1 interest,"
        " 8 quotes; 2 of 2 sources archived, 27 quotes and evidence sentences proved verbatim\n"
    )
    assert out.count("\n") == 1


def test_validate_problems_go_to_stderr_one_per_line() -> None:
    code, out, err = invoke("validate", str(BROKEN))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 6
    assert all(line.startswith(f"{BROKEN}:") for line in lines)


def test_validate_json_lists_one_problem_per_line() -> None:
    code, out, err = invoke("validate", str(BROKEN), "--format", "json")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert (lines[0], lines[-1]) == ("[", "]")
    problems = [json.loads(line.strip().rstrip(",")) for line in lines[1:-1]]
    assert problems == json.loads(out)
    assert list(problems[0]) == ["file", "line", "column", "path", "message", "hint"]
    assert invoke("validate", "--format", "json") == (0, "[]\n", "")


def test_validate_other_formats_are_a_usage_error() -> None:
    code, out, err = invoke("validate", "--format", "markdown")
    assert (code, out) == (2, "")
    assert err == "briefing: error: --format: validate writes 'text' or 'json', not 'markdown'\n"


def test_problems_view_renderers() -> None:
    from briefing.errors import Problem
    from briefing.render import UnsupportedFormatError, render_problems
    from briefing.views import ProblemsView

    problem = Problem("a.yaml", 3, 5, "quotes[0].text", "bad \x1b[31mtext", "a hint")
    view = ProblemsView("a.yaml", (problem, problem._replace(line=0, hint=None)), {})
    assert not view.ok
    assert render_problems(view, Format.TEXT, Options()) == (
        "a.yaml:3:5: quotes[0].text: bad \\x1b[31mtext (a hint)\n"
        "a.yaml: quotes[0].text: bad \\x1b[31mtext\n"
    )
    document = json.loads(render_problems(view, Format.JSON, Options()))
    assert document[0]["message"] == "bad \x1b[31mtext"
    assert document[1]["hint"] is None
    counts = {
        "dialogues": 2,
        "participants": 3,
        "topics": 4,
        "commitments": 5,
        "interests": 1,
        "quotes": 6,
    }
    valid = ProblemsView("dir", (), counts)
    assert valid.ok
    assert render_problems(valid, Format.TEXT, Options()) == (
        "dir: ok: 2 dialogues, 3 participants, 4 topics, 5 commitments, 1 interest, 6 quotes\n"
    )
    assert render_problems(valid, Format.JSON, Options()) == "[]\n"
    with pytest.raises(UnsupportedFormatError):
        render_problems(valid, Format.MARKDOWN, Options())
