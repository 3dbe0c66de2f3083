"""Provable quotations: the source archive, `validate` proving quotes, `archive`, `quotes --verify`.

Every knowledge file in the repository carries archive records, and `validate`
proves each against its archived texts here, with no outside folder. The rest
builds small archives in a temporary directory and breaks them on purpose.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing import archive, provenance
from briefing.cli import app
from briefing.load import load_knowledge

runner = CliRunner()
ROOT = Path(__file__).parent.parent
SEED = ROOT / "data" / "dialogue.yaml"
KNOWLEDGE = [ROOT / "data", *sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir())]


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _no_archive_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(archive.ARCHIVE_ENV, raising=False)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """The bundled knowledge file and its archive, copied where they may be broken."""
    shutil.copyfile(SEED, tmp_path / "dialogue.yaml")
    shutil.copytree(ROOT / "data" / "sources", tmp_path / "sources")
    return tmp_path / "dialogue.yaml"


# --------------------------------------------------------------------------
# The repository's own knowledge


@pytest.mark.parametrize("folder", KNOWLEDGE, ids=lambda p: p.name)
def test_every_knowledge_file_of_the_repository_is_proved(folder: Path) -> None:
    code, out, err = invoke("validate", str(folder), "--strict")
    assert (code, err) == (0, ""), err
    knowledge = load_knowledge(folder, use_cache=False)
    n = sum(1 for d in knowledge.dialogues for _ in provenance.items(d))
    sources = sum(len(d.sources) for d in knowledge.dialogues)
    plural = "s" if sources != 1 else ""
    assert out.endswith(
        f"; {sources} of {sources} source{plural} archived, {n} quotes and evidence"
        " sentences proved verbatim\n"
    )


def test_archived_texts_are_the_reports_themselves() -> None:
    """Each archived text is byte for byte the report its source's `file` names, when present."""
    shared = os.environ.get("BRIEFING_SOURCES") or str(ROOT.parent / "shared" / "sources")
    if not Path(shared).is_dir():
        pytest.skip("the reports are not beside the checkout (set BRIEFING_SOURCES)")
    for folder in KNOWLEDGE:
        for d in load_knowledge(folder, use_cache=False).dialogues:
            for s in d.sources:
                assert s.archive is not None
                assert s.file is not None
                kept = (folder / "sources" / s.archive.path).read_bytes()
                assert kept == (Path(shared) / s.file).read_bytes(), (d.id, s.id)
                assert archive.sha256(kept) == s.archive.sha256


# --------------------------------------------------------------------------
# validate: what it refuses, located


def test_a_changed_word_in_a_quote_is_located_with_the_closest_passage(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    seed.write_text(
        text.replace("particularly paramount,", "paramount,").replace(
            "attach enormous importance", "attach great importance"
        ),
        encoding="utf-8",
    )
    code, out, err = invoke("validate", str(seed))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0] == (
        f"{seed}:376:11: quotes[0].text: quote 'economic-security-paramount' is not verbatim in"
        " the archived text of source 'article' (did the source say: \"Economic security today"
        ' is particularly paramount,"?)'
    )
    assert lines[1].startswith(f"{seed}:382:11: quotes[1].text: quote 'de-risk-economies'")
    assert 'did the source say: "I think both our countries attach enormous importance' in lines[1]


def test_straightened_quotation_marks_are_not_verbatim(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    # The Hindustan Times prints a curly apostrophe: "it\u2019s even more important".
    curly = "it\u2019s even more important"
    assert curly in text
    seed.write_text(text.replace(curly, "it's even more important"), "utf-8")
    code, _, err = invoke("validate", str(seed), "--format", "json")
    assert code == 1
    [problem] = json.loads(invoke("validate", str(seed), "--format", "json")[1])
    assert problem["path"].startswith("quotes[")
    assert "not verbatim in the archived text of source 'ht'" in problem["message"]
    assert err == ""


def test_the_sign_off_that_corrupts_evidence_is_caught(seed: Path) -> None:
    """A wrapped note's stray line folded into an evidence sentence ('... be all sides')."""
    text = seed.read_text(encoding="utf-8")
    marker = "      text: >-\n"
    at = text.index(marker, text.index("commitments:"))
    end = text.index("\n", text.index("\n", at + len(marker)) + 1)
    seed.write_text(text[:end] + "\n        be all sides" + text[end:], encoding="utf-8")
    # The file is still valid YAML with the same structure: only the proof sees it.
    load_knowledge(seed, use_cache=False)
    code, _, err = invoke("validate", str(seed))
    assert code == 1
    assert ".evidence.text: the evidence of commitment" in err
    assert "is not verbatim in the archived text" in err


def test_line_breaks_and_runs_of_spaces_may_differ(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    seed.write_text(
        text.replace(
            "text: Economic security today is particularly paramount,",
            'text: "Economic   security today\\nis particularly paramount,"',
        ),
        encoding="utf-8",
    )
    assert invoke("validate", str(seed))[0] == 0


def test_a_changed_archive_is_an_error_at_its_hash(seed: Path) -> None:
    kept = seed.parent / "sources" / "india-japan-sd-18" / "ht.txt"
    kept.write_text(kept.read_text(encoding="utf-8") + "A line added later.\n", "utf-8")
    code, _, err = invoke("validate", str(seed))
    assert code == 1
    [line] = err.splitlines()
    assert line.startswith(f"{seed}:38:17: dialogue.sources[1].archive.sha256: the archived text")
    assert "has changed since it was archived" in line
    assert f"briefing archive {kept} --id ht --data {seed} --force" in line


def test_a_missing_archive_is_an_error_at_its_path(seed: Path) -> None:
    (seed.parent / "sources" / "india-japan-sd-18" / "article.txt").unlink()
    code, _, err = invoke("validate", str(seed))
    assert code == 1
    assert err.startswith(f"{seed}:26:15: dialogue.sources[0].archive.path: no archived text at")


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("../../etc/passwd", "steps out of the archive directory with '..'"),
        ("/etc/passwd", "is an absolute path"),
        ("C:/Windows/win.ini", "is an absolute path"),
        ("link/passwd", "leads outside the archive directory"),
    ],
)
def test_archive_paths_that_leave_the_archive_are_refused(seed: Path, path: str, says: str) -> None:
    (seed.parent / "sources" / "link").symlink_to("/etc")
    text = seed.read_text(encoding="utf-8")
    seed.write_text(
        text.replace('path: "india-japan-sd-18/article.txt"', f'path: "{path}"'), "utf-8"
    )
    code, _, err = invoke("validate", str(seed))
    assert code == 1
    [line] = err.splitlines()
    assert line.startswith(f"{seed}:26:15: dialogue.sources[0].archive.path: ")
    assert says in err
    assert "passwd" not in err.split("(")[-1]  # nothing of the file outside is shown


def test_a_symbolic_link_inside_the_archive_is_followed(seed: Path) -> None:
    folder = seed.parent / "sources" / "india-japan-sd-18"
    (folder / "article.txt").rename(folder / "kept.txt")
    (folder / "article.txt").symlink_to("kept.txt")
    assert invoke("validate", str(seed))[0] == 0


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "holds binary data (NUL bytes), not text"),
        (b"caf\xe9 au lait\n", "is not UTF-8 text (byte 3 cannot be read)"),
    ],
)
def test_a_binary_archive_gets_one_clean_line(seed: Path, content: bytes, says: str) -> None:
    (seed.parent / "sources" / "india-japan-sd-18" / "ht.txt").write_bytes(content)
    code, _, err = invoke("validate", str(seed))
    assert code == 1
    [line] = err.splitlines()
    assert says in line
    assert line.isprintable()


def test_a_huge_archive_gets_one_clean_line(seed: Path) -> None:
    kept = seed.parent / "sources" / "india-japan-sd-18" / "ht.txt"
    kept.write_bytes(b"word " * 400_000)
    code, _, err = invoke("validate", str(seed), "--max-file-size", "1")
    assert code == 1
    [line] = err.splitlines()
    assert "is 1.9 MiB, over the limit of 1.0 MiB" in line


def test_a_hash_that_is_not_one_is_located(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace('sha256: "2a41', 'sha256: "zz41'), "utf-8")
    code, _, err = invoke("validate", str(seed))
    assert code == 1
    assert f"{seed}:38:17: dialogue.sources[1].archive.sha256: expected a SHA-256 of 64" in err


def citing(path: Path, source: str) -> int:
    """How many quotes and evidence sentences of the file at PATH cite SOURCE."""
    [d] = load_knowledge(path, use_cache=False).dialogues
    return sum(1 for item in provenance.items(d) if item.source == source)


def test_sources_without_an_archive_are_counted_and_fail_strict(seed: Path) -> None:
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    # Drop the article's record (its four lines), keep the Hindustan Times'.
    start = next(i for i, line in enumerate(lines) if line.strip() == "archive:")
    seed.write_text("".join(lines[:start] + lines[start + 4 :]), encoding="utf-8")
    code, out, err = invoke("validate", str(seed))
    assert (code, err) == (0, "")
    assert out.endswith(
        f"; 1 of 2 sources archived (1 cited by URL or name only), {citing(seed, 'ht')} quotes"
        " and evidence sentences proved verbatim\n"
    )
    code, out, err = invoke("validate", str(seed), "--strict")
    assert (code, out) == (1, "")
    assert err == (
        f"{seed}:22:7: dialogue.sources[0]: source 'article' has no archived text, so what cites"
        f" it is not proved (archive it: briefing archive FILE_OR_URL --id article --data {seed})\n"
    )


def test_the_archive_directory_can_be_set(seed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = seed.parent / "elsewhere"
    (seed.parent / "sources").rename(elsewhere)
    assert invoke("validate", str(seed))[0] == 1
    assert invoke("validate", str(seed), "--archive", str(elsewhere))[0] == 0
    monkeypatch.setenv(archive.ARCHIVE_ENV, str(elsewhere))
    assert invoke("validate", str(seed))[0] == 0


def test_a_proof_is_cached_on_the_file_and_the_archive(seed: Path) -> None:
    assert invoke("validate", str(seed))[0] == 0
    cache = seed.parent / "cache"
    [index] = cache.glob("proofs-*.json")
    proofs = json.loads(index.read_bytes())["value"]
    assert list(proofs.values()) == [27]
    # Warm: the same answer from the cache; a changed archive is still seen.
    assert invoke("validate", str(seed))[0] == 0
    kept = seed.parent / "sources" / "india-japan-sd-18" / "article.txt"
    original = kept.read_bytes()
    kept.write_bytes(original.replace(b"particularly paramount", b"paramount"))
    assert invoke("validate", str(seed))[0] == 1
    kept.write_bytes(original)
    assert invoke("validate", str(seed))[0] == 0
    assert json.loads(index.read_bytes())["value"] == proofs


def test_a_failed_proof_is_not_cached(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("particularly paramount,", "paramount,"), "utf-8")
    assert invoke("validate", str(seed))[0] == 1
    assert invoke("validate", str(seed))[0] == 1
    assert not list((seed.parent / "cache").glob("proofs-*.json"))


# --------------------------------------------------------------------------
# briefing archive


def test_archive_writes_the_text_and_only_the_record(tmp_path: Path) -> None:
    knowledge = tmp_path / "dialogue.yaml"
    shutil.copyfile(SEED, knowledge)
    # The bundled file without its records, as knowledge written by hand would be.
    bare = "".join(
        line
        for line in SEED.read_text(encoding="utf-8").splitlines(keepends=True)
        if not line.startswith("        ") or ("sha256" not in line and "path:" not in line)
    ).replace("      archive:\n", "")
    bare = "\n".join(x for x in bare.split("\n") if "retrieved:" not in x)
    knowledge.write_text(bare, encoding="utf-8")
    article = ROOT / "data" / "sources" / "india-japan-sd-18" / "article.txt"
    page = tmp_path / "page.txt"
    shutil.copyfile(article, page)
    code, out, err = invoke("archive", str(page), "--id", "article", "--data", str(knowledge))
    assert (code, out) == (0, "")
    assert err.startswith("briefing: archived source 'article' of india-japan-sd-18 at ")
    kept = tmp_path / "sources" / "india-japan-sd-18" / "article.txt"
    assert kept.read_bytes() == article.read_bytes()
    after = knowledge.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in bare.splitlines()]
    assert added[0] == "      archive:"
    assert added[1] == '        path: "india-japan-sd-18/article.txt"'
    assert added[2] == f'        sha256: "{archive.sha256(article.read_bytes())}"'
    assert added[3].startswith('        retrieved: "20')
    assert len(added) == 4
    # Nothing else changed: removing the four lines gives the file back, comments and all.
    assert "\n".join(x for x in after.splitlines() if x not in added) == bare.rstrip("\n")
    code, out, _ = invoke("validate", str(knowledge))
    assert code == 0
    n = citing(knowledge, "article")
    assert f"1 of 2 sources archived (1 cited by URL or name only), {n} quotes" in out


def test_archive_from_standard_input_and_again(seed: Path) -> None:
    text = (seed.parent / "sources" / "india-japan-sd-18" / "ht.txt").read_text("utf-8")
    before = seed.read_bytes()
    code, _, err = invoke("archive", "-", "--id", "ht", "-d", str(seed), stdin=text)
    assert code == 0
    assert "already archived" in err
    assert seed.read_bytes() == before


def test_archive_refuses_another_text_without_force(seed: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("A different report of the talks.\n", encoding="utf-8")
    kept = seed.parent / "sources" / "india-japan-sd-18" / "ht.txt"
    before, archived_before = seed.read_bytes(), kept.read_bytes()
    code, _, err = invoke("archive", str(other), "--id", "ht", "-d", str(seed))
    assert code == 2
    assert "is archived with another text" in err
    assert "--force" in err
    assert (seed.read_bytes(), kept.read_bytes()) == (before, archived_before)
    # With --force the text is replaced, and the quotes it no longer holds are named.
    code, _, err = invoke("archive", str(other), "--id", "ht", "-d", str(seed), "--force")
    assert code == 1
    assert kept.read_text(encoding="utf-8") == other.read_text(encoding="utf-8")
    assert "items citing it are not in it" in err
    assert invoke("validate", str(seed))[0] == 1


def test_archive_refuses_a_text_without_what_cites_it(seed: Path) -> None:
    """The wrong article (another meeting's report) is not archived, even for a new record."""
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == "archive:")
    seed.write_text("".join(lines[:start] + lines[start + 4 :]), encoding="utf-8")
    before = seed.read_bytes()
    other = ROOT / "data" / "sources" / "india-japan-sd-18" / "ht.txt"
    code, _, err = invoke("archive", str(other), "--id", "article", "-d", str(seed))
    assert code == 1
    assert "not in " in err
    assert "nothing was archived; is it the right text?" in err
    assert seed.read_bytes() == before


def test_archive_keeps_crlf_and_comments_of_a_record(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8").replace(
        '        path: "india-japan-sd-18/ht.txt"\n',
        '        path: "india-japan-sd-18/ht.txt"  # the Hindustan Times copy\n',
    )
    seed.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    seed.chmod(0o640)
    kept = seed.parent / "sources" / "india-japan-sd-18" / "ht.txt"
    changed = kept.read_text(encoding="utf-8").replace("Motegi", "Motegi,")
    fixed = seed.parent / "fixed.txt"
    fixed.write_text(changed, encoding="utf-8")
    code, _, err = invoke("archive", str(fixed), "--id", "ht", "-d", str(seed), "--force")
    assert code == 0, err
    after = seed.read_bytes().decode("utf-8")
    assert after.count("\r\n") == after.count("\n")
    assert "# the Hindustan Times copy" in after
    assert seed.stat().st_mode & 0o777 == 0o640  # the file's permissions are kept
    old, new = text.replace("\n", "\r\n").splitlines(), after.splitlines()
    assert [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b] == [37, 38]


def test_archive_restores_the_text_when_the_record_cannot_be_written(seed: Path) -> None:
    """A source in flow style cannot take a record: the archived text is left as it was."""
    text = seed.read_text(encoding="utf-8")
    start = text.index("    - id: article\n")
    end = text.index("    # The stored text has no headline")
    flow = '    - {id: article, title: "India, Japan Boost AI"}\n'
    seed.write_text(text[:start] + flow + text[end:], encoding="utf-8")
    kept = seed.parent / "sources" / "india-japan-sd-18" / "article.txt"
    before = kept.read_bytes()
    other = seed.parent / "other.txt"
    other.write_text(before.decode("utf-8") + "A later correction.\n", encoding="utf-8")
    code, _, err = invoke("archive", str(other), "--id", "article", "-d", str(seed), "--force")
    assert code == 1
    assert "flow style" in err
    assert kept.read_bytes() == before


def test_archive_usage_errors(seed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_DATA", raising=False)
    code, _, err = invoke("archive", "x.txt", "--id", "ht")
    assert code == 2
    assert "--data FILE" in err
    code, _, err = invoke("archive", "x.txt", "--id", "nope", "-d", str(seed))
    assert code == 2
    assert "no source 'nope'" in err
    assert "india-japan-sd-18/ht" in err
    code, _, err = invoke(
        "archive", str(seed.parent / "missing.txt"), "--id", "ht", "-d", str(seed)
    )
    assert code == 1
    assert "missing.txt" in err


def test_archive_refuses_a_flow_style_source() -> None:
    with pytest.raises(archive.ArchiveError, match="flow style"):
        archive.with_record(
            "schema: 1\ndialogue:\n  sources:\n    - {id: a, title: T}\n", "f", "a", {"path": "x"}
        )


def test_with_record_keeps_crlf_and_a_last_line_without_newline() -> None:
    text = "dialogue:\r\n  sources:\r\n    - id: a\r\n      title: T"
    out = archive.with_record(text, "f", "a", {"path": "a.txt", "sha256": "0" * 64})
    assert out == (
        "dialogue:\r\n  sources:\r\n    - id: a\r\n      title: T\r\n      archive:\r\n"
        f'        path: "a.txt"\r\n        sha256: "{"0" * 64}"\r\n'
    )


# --------------------------------------------------------------------------
# draft archives what it read


def test_draft_archives_its_sources_and_the_draft_is_proved(tmp_path: Path) -> None:
    article = ROOT / "data" / "sources" / "india-japan-sd-18" / "article.txt"
    out = tmp_path / "meeting.yaml"
    code, _, err = invoke("draft", str(article), "-o", str(out))
    assert code == 0, err
    [kept] = (tmp_path / "sources").glob("*/*.txt")
    assert kept.read_bytes() == article.read_bytes()
    [d] = load_knowledge(out, use_cache=False).dialogues
    [source] = d.sources
    assert source.archive is not None
    assert source.archive.sha256 == archive.sha256(article.read_bytes())
    code, stdout, _ = invoke("validate", str(out))
    assert code == 0
    assert "1 of 1 source archived" in stdout
    # Drafting again over the same archive with --force is fine; --no-archive writes none.
    assert invoke("draft", str(article), "-o", str(out), "--force")[0] == 0
    other = tmp_path / "plain" / "meeting.yaml"
    other.parent.mkdir()
    assert invoke("draft", str(article), "-o", str(other), "--no-archive")[0] == 0
    assert not (other.parent / "sources").exists()
    assert "archive:" not in other.read_text(encoding="utf-8")


def test_draft_never_replaces_another_archived_text(tmp_path: Path) -> None:
    article = ROOT / "data" / "sources" / "india-japan-sd-18" / "article.txt"
    out = tmp_path / "meeting.yaml"
    assert invoke("draft", str(article), "-o", str(out))[0] == 0
    [kept] = (tmp_path / "sources").glob("*/*.txt")
    kept.write_text("Someone's own notes.\n", encoding="utf-8")
    out.unlink()
    assert invoke("draft", str(article), "-o", str(out))[0] == 0
    # The text already there is left alone; the new draft's goes beside it, and is cited.
    assert kept.read_text(encoding="utf-8") == "Someone's own notes.\n"
    again = kept.with_name(kept.stem + "-2.txt")
    assert again.read_bytes() == article.read_bytes()
    assert f'path: "{kept.parent.name}/{again.name}"' in out.read_text(encoding="utf-8")
    assert invoke("validate", str(out))[0] == 0


def test_draft_into_a_directory_that_is_not_there_yet(tmp_path: Path) -> None:
    article = ROOT / "data" / "sources" / "india-japan-sd-18" / "article.txt"
    code, _, err = invoke("draft", str(article), "-o", f"{tmp_path / 'meetings'}/")
    assert code == 0, err
    [written] = (tmp_path / "meetings").glob("*.yaml")
    assert (tmp_path / "meetings" / "sources").is_dir()
    assert invoke("validate", str(written))[0] == 0


# --------------------------------------------------------------------------
# quotes --verify


def test_verify_shows_each_quote_in_its_passage() -> None:
    code, out, err = invoke("quotes", "--speaker", "Kitamura", "--verify", "--width", "100")
    assert (code, err) == (0, "")
    flat = " ".join(out.split())
    assert "Verbatim in the archived source (" in flat
    assert "sources/india-japan-sd-18/article.txt, line 39):" in flat
    assert "| Japan's foreign ministry spokesperson Toshihiro Kitamura highlighted" in out


def test_verify_in_json_and_csv() -> None:
    code, out, _ = invoke("quotes", "--verify", "--format", "json")
    assert code == 0
    quotes = json.loads(out)["quotes"]
    assert {q["verification"]["status"] for q in quotes} == {"verbatim"}
    for q in quotes:
        v = q["verification"]
        assert v["match"].split() == q["text"].split()
        assert v["passage"] == v["before"] + v["match"] + (v["after"] or "") or v["before"] is None
        assert v["line"] >= 1
    code, out, _ = invoke("quotes", "--verify", "--format", "csv")
    header = out.splitlines()[0]
    assert header.endswith("Review,Verified,Archived text,Line,Source passage")
    # Without --verify, the shapes are as they were.
    assert "verification" not in json.loads(invoke("quotes", "--format", "json")[1])["quotes"][0]


def test_verify_names_what_is_wrong(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("particularly paramount,", "paramount,"), "utf-8")
    code, out, _ = invoke(
        "quotes", "-d", str(seed), "--verify", "--contains", "paramount", "--format", "markdown"
    )
    assert code == 1  # a quote its source does not hold fails the command
    assert "_NOT FOUND in the archived source" in out
    assert "Closest passage: Economic security today is particularly paramount," in out


@pytest.mark.parametrize("fmt", ["rich", "html"])
def test_verify_marks_the_quote_in_rich_and_html(fmt: str) -> None:
    code, out, _ = invoke("quotes", "-s", "Kitamura", "--verify", "--format", fmt)
    assert code == 0
    if fmt == "html":
        assert '<div class="passage verified"><p>Verbatim in the archived source' in out
        assert "<mark>in order to have the engagement of the US in this region" in out
    else:
        assert "\u2713 Verbatim in the archived source" in out


# --------------------------------------------------------------------------
# What counts as verbatim


def test_a_quote_must_start_and_end_on_word_boundaries() -> None:
    flat = provenance.flatten("His unwavering U.S. commitment stands.\n")
    assert provenance.verbatim_in("unwavering U.S. commitment", flat)
    assert not provenance.verbatim_in("wavering U.S. commitment", flat)
    assert not provenance.verbatim_in("unwavering U.S. commit", flat)
    # Punctuation at an edge is no word: a quote may begin at a quotation mark.
    assert provenance.verbatim_in("U.S. commitment stands.", flat)
    assert provenance.passage_in("His unwavering U.S. commitment", "wavering U.S.") is None


def test_a_quote_may_not_run_across_a_paragraph_break() -> None:
    text = "They met in a Washington suburb.\n\nThe ministry also released a statement.\n"
    flat = provenance.flatten(text)
    assert provenance.verbatim_in("in a Washington suburb.", flat)
    assert not provenance.verbatim_in("a Washington suburb. The ministry also released", flat)
    assert provenance.passage_in(text, "suburb. The ministry") is None
    # A line break inside a paragraph is white space like any other.
    assert provenance.verbatim_in("met in a", provenance.flatten("They met\nin a suburb.\n"))


def test_part_of_a_word_in_a_knowledge_file_is_refused(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    seed.write_text(
        text.replace(
            "text: Economic security today is particularly paramount,",
            "text: conomic security today is particularly paramount,",
        ),
        encoding="utf-8",
    )
    code, _, err = invoke("validate", str(seed))
    assert code == 1
    assert "quotes[0].text: quote 'economic-security-paramount' is not verbatim" in err
    code, _, err = invoke("quotes", "-d", str(seed), "--verify", "--contains", "paramount")
    assert code == 1
    assert err == "briefing: 1 quote not proved\n"


def test_archive_refuses_a_fifo_where_its_text_goes(seed: Path) -> None:
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == "archive:")
    seed.write_text("".join(lines[:start] + lines[start + 4 :]), encoding="utf-8")
    kept = seed.parent / "sources" / "india-japan-sd-18" / "article.txt"
    text = kept.read_bytes()
    kept.unlink()
    os.mkfifo(kept)
    page = seed.parent / "page.txt"
    page.write_bytes(text)
    code, _, err = invoke("archive", str(page), "--id", "article", "-d", str(seed))
    assert code == 1
    assert "is not a regular file" in err
