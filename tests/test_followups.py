"""Following commitments across meetings: states, diff, timeline and the calendar."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from briefing import followups, history
from briefing.cli import app
from briefing.load import bundled_data, load_knowledge
from briefing.match import NotFoundError
from briefing.model import Knowledge
from tests.conftest import ROOT, Golden

runner = CliRunner()
EXAMPLES = ROOT / "examples" / "india-japan"
BUNDLED = bundled_data().read_text(encoding="utf-8")
MINERALS = "minerals-working-group"


def knowledge_of(*texts: str, folder: Path) -> Knowledge:
    for n, text in enumerate(texts):
        (folder / f"k{n}.yaml").write_text(text, encoding="utf-8")
    return load_knowledge(folder, use_cache=False)


def state_of(k: Knowledge, cid: str, as_of: str) -> followups.Track:
    [track] = [
        t for t in followups.tracks(k, dt.date.fromisoformat(as_of)) if t.commitment.id == cid
    ]
    return track


def with_progress(text: str, target: str, date: str, status: str) -> str:
    return text + (
        "\nprogress:\n"
        f"  - commitment: {target}\n"
        f"    date: {date}\n"
        f"    status: {status}\n"
        "    text: The working group met.\n"
        "    evidence:\n"
        "      source: article\n"
        "      text: Officials agreed to convene the joint working group on critical minerals\n"
    )


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def invoke_bytes(*args: str) -> bytes:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


# -- The states the issue names, on the bundled data ----------------------------------------


def test_minerals_working_group_is_overdue_by_about_seven_months() -> None:
    k = load_knowledge(bundled_data(), use_cache=False)
    track = state_of(k, MINERALS, "2026-11-27")
    assert track.state == "passed"
    assert track.days_since_closed(dt.date(2026, 11, 27)) == 211
    assert followups.state_text(track, dt.date(2026, 11, 27)) == (
        "window passed, no progress recorded (closed about 7 months ago)"
    )


def test_minerals_working_group_is_due_in_march() -> None:
    k = load_knowledge(bundled_data(), use_cache=False)
    assert state_of(k, MINERALS, "2026-03-01").state == "open"


def test_progress_marked_done_makes_it_done(tmp_path: Path) -> None:
    text = with_progress(BUNDLED, f"india-japan-sd-18/{MINERALS}", "2026-03-12", "done")
    k = knowledge_of(text, folder=tmp_path)
    assert state_of(k, MINERALS, "2026-11-27").state == "done"
    # Progress recorded after the as-of date is not known yet.
    assert state_of(k, MINERALS, "2026-03-11").state == "open"


@pytest.mark.parametrize(
    ("status", "state"), [("under way", "in progress"), ("lapsed", "lapsed"), ("agreed", "passed")]
)
def test_the_latest_progress_decides(tmp_path: Path, status: str, state: str) -> None:
    text = with_progress(BUNDLED, f"india-japan-sd-18/{MINERALS}", "2026-02-01", status)
    k = knowledge_of(text, folder=tmp_path)
    assert state_of(k, MINERALS, "2026-11-27").state == state


def test_upcoming_undated_and_no_interest() -> None:
    k = load_knowledge(bundled_data(), use_cache=False)
    found = {t.commitment.id: t for t in followups.tracks(k, dt.date(2025, 12, 1))}
    assert found == {}, "nothing is followed before the meeting that made it"
    found = {t.commitment.id: t for t in followups.tracks(k, dt.date(2026, 1, 16))}
    assert "radio-antenna-deal" not in found  # an expression of interest is not followed
    assert found["ai-strategic-dialogue"].state == "undated"
    assert found[MINERALS].state == "open"
    derived = found["economic-security-dialogue"]
    assert derived.derived
    assert derived.window is not None
    assert (derived.window.start, derived.window.end) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    # Given by the file or read from the timeline, a window is called what it is.
    assert followups.window_text(derived).endswith(" (interpretation)")


def test_upcoming(tmp_path: Path) -> None:
    text = BUNDLED.replace("timeline: in the first half of 2026", "timeline: next year")
    k = knowledge_of(text, folder=tmp_path)
    assert state_of(k, "economic-security-dialogue", "2026-11-27").state == "upcoming"


def test_most_urgent_first() -> None:
    k = load_knowledge(EXAMPLES, use_cache=False)
    states = [t.state for t in followups.tracks(k, dt.date(2026, 11, 27))]
    assert states == sorted(states, key=followups.STATES.index)
    assert states[0] == "passed"


# -- Across meetings -------------------------------------------------------------------


def test_a_later_commitment_supersedes_the_one_it_follows() -> None:
    k = load_knowledge(EXAMPLES, use_cache=False)
    old = state_of(k, "investment-5-trillion-yen", "2026-11-27")
    assert old.state == "superseded"
    [(d, c)] = old.superseded_by
    assert (d.id, c.id) == ("india-japan-annual-summit-15", "investment-10-trillion-yen")
    # Before the later summit, the original stands on its own.
    assert state_of(k, "investment-5-trillion-yen", "2025-01-01").state == "open"


def test_progress_recorded_in_a_later_meeting() -> None:
    k = load_knowledge(EXAMPLES, use_cache=False)
    track = state_of(k, "enhance-security-defence-cooperation", "2026-11-27")
    assert track.state == "in progress"
    assert track.latest is not None
    assert track.latest.dialogue.id == "india-japan-2plus2-3"


def test_filters() -> None:
    k = load_knowledge(EXAMPLES, use_cache=False)
    day = dt.date(2026, 11, 27)
    japan = followups.tracks(k, day, party="Japan")
    assert japan
    assert all("japan" in t.commitment.by for t in japan)
    series = followups.tracks(k, day, series="india-japan-2plus2")
    assert {t.dialogue.series for t in series} == {"india-japan-2plus2"}
    overdue = followups.tracks(k, day, state="passed")
    assert {t.state for t in overdue} == {"passed"}
    with pytest.raises(NotFoundError, match="no series 'nope'"):
        followups.tracks(k, day, series="nope")
    with pytest.raises(NotFoundError, match="no state 'late'"):
        followups.tracks(k, day, state="late")


def test_next_round_reads_at_the_next_meeting(tmp_path: Path) -> None:
    # The minerals commitment, timed "at the next meeting" and with its window taken out.
    first = re.sub(
        r"    timeline: early this year\n    window:\n(?:      .*\n|        .*\n)+",
        "    timeline: at the next meeting\n",
        BUNDLED,
        count=1,
    )
    assert "at the next meeting" in first
    second = (
        BUNDLED.replace("id: india-japan-sd-18", "id: india-japan-sd-19")
        .replace("ordinal: 18", "ordinal: 19")
        .replace("date: 2026-01-16", "date: 2027-01-15")
    )
    k = knowledge_of(first, second, folder=tmp_path)
    [track] = [
        t
        for t in followups.tracks(k, dt.date(2026, 6, 1))
        if t.commitment.id == MINERALS and t.dialogue.id == "india-japan-sd-18"
    ]
    assert track.window is not None
    assert track.window.end == dt.date(2027, 1, 15)
    assert track.state == "open"


# -- diff and timeline -----------------------------------------------------------------------


def test_diff_of_the_annual_summits() -> None:
    k = load_knowledge(EXAMPLES, use_cache=False)
    view = history.diff_view(k, None, None, "india-japan-annual-summit")
    data = view.data
    assert (data["old_id"], data["new_id"]) == (
        "india-japan-annual-summit-14",
        "india-japan-annual-summit-15",
    )
    [continued] = data["continued"]
    assert continued["id"] == "investment-10-trillion-yen"
    assert continued["continues"]["id"] == "investment-5-trillion-yen"
    assert continued["how"] == "follows"
    assert [c["id"] for c in data["dropped"]] == ["support-japanese-companies"]
    assert all(c["dialogue_id"] == "india-japan-annual-summit-15" for c in data["new_commitments"])


def test_diff_finds_probably_the_same_by_wording(tmp_path: Path) -> None:
    later = (
        BUNDLED.replace("id: india-japan-sd-18", "id: india-japan-sd-19")
        .replace("ordinal: 18", "ordinal: 19")
        .replace("date: 2026-01-16", "date: 2027-01-15")
    )
    k = knowledge_of(BUNDLED, later, folder=tmp_path)
    data = history.diff_view(k, "india-japan-sd-18", "india-japan-sd-19").data
    assert data["new_commitments"] == []
    assert data["dropped"] == []
    assert {c["how"] for c in data["continued"]} == {"probably the same"}


def test_diff_needs_two_rounds() -> None:
    k = load_knowledge(bundled_data(), use_cache=False)
    with pytest.raises(NotFoundError, match="diff needs two"):
        history.diff_view(k, None, None, "india-japan-strategic-dialogue")
    with pytest.raises(NotFoundError, match="no dialogue with id 'nope'"):
        history.diff_view(k, "nope", "india-japan-sd-18")


def test_timeline_is_in_date_order_with_progress() -> None:
    k = load_knowledge(EXAMPLES, use_cache=False)
    rows = history.timeline_view(k).data["timeline"]
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    assert any(r["what"] == "progress (under way)" for r in rows)
    investment = history.timeline_view(k, topic="investment").data["timeline"]
    assert {r["dialogue_id"] for r in investment} >= {
        "india-japan-annual-summit-14",
        "india-japan-annual-summit-15",
    }


# -- The calendar --------------------------------------------------------------------------------


def test_ics_parses_with_a_real_icalendar_library() -> None:
    raw = invoke_bytes("followups", "--data", str(EXAMPLES), "--as-of", "2026-11-27", "-f", "ics")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    out = raw.decode("utf-8")
    cal = icalendar.Calendar.from_ical(out)
    events = list(cal.walk("VEVENT"))
    _, js, _ = invoke("followups", "--data", str(EXAMPLES), "--as-of", "2026-11-27", "-f", "json")
    dated = [
        f
        for f in json.loads(js)["followups"]
        if f["window"] and f["state"] not in ("done", "superseded")
    ]
    # A window of a month or more is an event where it opens and one where it closes.
    long = [
        f
        for f in dated
        if (
            dt.date.fromisoformat(f["window"]["end"]) - dt.date.fromisoformat(f["window"]["start"])
        ).days
        >= 31
    ]
    assert long
    assert len(events) == len(dated) + len(long)
    by_uid = {str(e["UID"]): e for e in events}
    opens = by_uid[f"india-japan-sd-18/{MINERALS}/opens@briefing"]
    closes = by_uid[f"india-japan-sd-18/{MINERALS}/closes@briefing"]
    assert opens.decoded("DTSTART") == dt.date(2026, 1, 1)
    assert opens.decoded("DTEND") == dt.date(2026, 1, 2)  # exclusive end: one day
    assert closes.decoded("DTSTART") == dt.date(2026, 4, 30)
    assert closes.decoded("DTEND") == dt.date(2026, 5, 1)
    # The title starts with who committed and the state; the caveat travels with it.
    assert str(closes["SUMMARY"]).startswith(
        "India, Japan: window passed, no progress recorded: closes: Convene"
    )
    assert len(str(closes["SUMMARY"])) < 120
    assert "interpretation" in str(closes["DESCRIPTION"])
    assert "does not say the promise was broken" in str(closes["DESCRIPTION"])
    # Done and superseded commitments are left out unless asked for.
    assert not [e for e in events if "done" in e.get("CATEGORIES").to_ical().decode()]
    raw = invoke_bytes(
        "followups",
        "--data",
        str(EXAMPLES),
        "--as-of",
        "2026-11-27",
        "-f",
        "ics",
        "--state",
        "done",
    )
    assert b"BEGIN:VEVENT" in raw or b"done" not in js.encode()


def test_ics_golden(golden: Golden) -> None:
    raw = invoke_bytes("followups", "--data", str(EXAMPLES), "--as-of", "2026-11-27", "-f", "ics")
    golden.check("followups.ics", raw.decode("utf-8"))


def test_ics_from_the_output_suffix(tmp_path: Path) -> None:
    target = tmp_path / "followups.ics"
    code, _, err = invoke("followups", "--as-of", "2026-11-27", "-o", str(target))
    assert (code, err) == (0, "")
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_ics_is_refused_where_there_are_no_follow_ups() -> None:
    code, out, err = invoke("topics", "--format", "ics")
    assert (code, out) == (2, "")
    assert "--format ics is not available here" in err


def test_bad_as_of_is_a_usage_error() -> None:
    code, out, err = invoke("followups", "--as-of", "27/11/2026")
    assert (code, out) == (2, "")
    assert "--as-of: expected a date as YYYY-MM-DD" in err


def test_every_format_works_for_the_new_commands() -> None:
    cases = [
        ["followups", "--as-of", "2026-11-27", "--data", str(EXAMPLES)],
        ["diff", "--series", "india-japan-annual-summit", "--data", str(EXAMPLES)],
        ["timeline", "--topic", "investment", "--data", str(EXAMPLES)],
    ]
    for args in cases:
        for fmt in ("rich", "text", "markdown", "json", "html"):
            code, out, err = invoke(*args, "--format", fmt)
            assert (code, err) == (0, ""), (args, fmt, err)
            assert out.strip()
    code, out, _ = invoke(*cases[0], "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].startswith("Dialogue,Id,State id,State,When,By ids,By,Commitment")


# -- The briefing note of a round ------------------------------------------------------------


def test_summary_says_what_changed_since_the_last_round() -> None:
    args = ["summary", "--data", str(EXAMPLES), "--dialogue", "india-japan-annual-summit-15"]
    code, out, err = invoke(*args, "--format", "text", "--width", "0")
    assert (code, err) == (0, "")
    since = out.split("Since the last round")[1].split("Around the meeting")[0]
    assert "Against the 14th India-Japan Annual Summit (2022-03-19): 4 new, 1 continued" in since
    assert "A goal of 10 trillion yen" in since
    assert "Earlier commitments as of 2025-08-29" in since
    assert "superseded" in since
    _, js, _ = invoke(*args, "--format", "json")
    [brief] = json.loads(js)["briefings"]
    assert brief["since_last_round"]["previous_id"] == "india-japan-annual-summit-14"
    assert brief["since_last_round"]["continued"] == [
        {
            "id": "investment-10-trillion-yen",
            "continues_id": "investment-5-trillion-yen",
            "how": "follows",
        }
    ]
    states = {f["id"]: f["state"] for f in brief["earlier_follow_ups"]}
    assert states["investment-5-trillion-yen"] == "superseded"


def test_summary_of_a_first_round_has_no_such_section() -> None:
    code, out, _ = invoke("summary", "--format", "text")
    assert code == 0
    assert "Since the last round" not in out


# -- States that say only what the files support, and who promised ----------------------------


def test_every_state_is_defined_once_in_help_and_readme() -> None:
    from briefing.model import STATE_LABELS

    _, help_text, _ = invoke("followups", "--help")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    flat = " ".join(help_text.split())
    for state, label in STATE_LABELS.items():
        assert f"| `{state}` | {label} |" in readme
        assert state in flat
    assert "this does not say the promise was broken" in flat.replace("( ", "(")


def test_no_format_calls_a_passed_window_overdue() -> None:
    for fmt in ("text", "markdown", "csv", "html", "json", "ics"):
        _, out, _ = invoke(
            "followups", "--data", str(EXAMPLES), "--as-of", "2026-11-27", "--format", fmt
        )
        assert "overdue" not in out.lower(), fmt
        assert "no progress recorded" in out.replace("\r\n ", ""), fmt


def test_csv_has_one_value_per_cell() -> None:
    import csv
    import io

    _, out, _ = invoke("followups", "--data", str(EXAMPLES), "--as-of", "2026-11-27", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    minerals = next(r for r in rows if r["Id"] == MINERALS)
    assert minerals["State id"] == "passed"
    assert minerals["State"] == "window passed, no progress recorded"
    assert minerals["When"] == "closed about 7 months ago"
    assert (minerals["Window start"], minerals["Window end"]) == ("2026-01-01", "2026-04-30")
    assert minerals["Days past window"] == "211"
    assert minerals["By ids"] == "india; japan"
    assert minerals["By"] == "India, Japan"
    superseded = next(r for r in rows if r["State id"] == "superseded")
    assert "(followed by" not in superseded["Commitment"]
    assert superseded["Followed by"]


def test_parties_in_json_text_and_timeline() -> None:
    _, out, _ = invoke("followups", "--data", str(EXAMPLES), "--as-of", "2026-11-27", "-f", "json")
    item = next(f for f in json.loads(out)["followups"] if f["id"] == MINERALS)
    assert item["by_names"] == ["India", "Japan"]
    assert item["state_label"] == "window passed, no progress recorded"
    assert item["days_since_window_closed"] == 211
    assert item["days_until_window_opens"] is None
    _, text, _ = invoke("followups", "--data", str(EXAMPLES), "--as-of", "2026-11-27")
    assert "By: India, Japan" in text
    _, line, _ = invoke("timeline", "--data", str(EXAMPLES), "--topic", "investment")
    assert "agreed by Japan" in " ".join(line.split()) or "planned by Japan" in line
    _, js, _ = invoke("timeline", "--data", str(EXAMPLES), "-f", "json")
    assert all("by_ids" in row for row in json.loads(js)["timeline"])


def test_former_state_names_still_work_and_words_too() -> None:
    day = ("--data", str(EXAMPLES), "--as-of", "2026-03-01", "-f", "json")
    _, old, _ = invoke("followups", *day, "--state", "due")
    _, new, _ = invoke("followups", *day, "--state", "open")
    _, words, _ = invoke("followups", *day, "--state", "window open")
    assert old == new == words
    assert {f["state"] for f in json.loads(new)["followups"]} == {"open"}


def test_an_empty_result_names_the_filter_and_the_count() -> None:
    code, out, _ = invoke(
        *("followups", "--data", str(EXAMPLES), "--as-of", "2026-03-01"),
        *("--state", "lapsed", "--party", "japan"),
    )
    assert code == 0
    assert "No commitments in the state 'lapsed' for party 'japan' as of 2026-03-01" in " ".join(
        out.split()
    )
    assert "followed)." in out
    assert "Nothing to follow" not in out
