"""Reading a draft's sources: text files, standard input, HTML, PDF and web addresses.

Web addresses are fetched from a server on 127.0.0.1 started here; any other
connection fails the test, so nothing here touches the internet.
"""

from __future__ import annotations

import codecs
import datetime
import gzip
import http.server
import io
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar, NoReturn

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import __version__, errors
from briefing.draft import extract, sources
from briefing.draft.sources import SourceError, SourceText, read_source
from tests.test_layout import MODULES

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection beyond this machine fails the test; proxies are not used."""
    real = socket.create_connection

    def local_only(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        assert address[0] in LOOPBACK, f"tried to connect to {address}"
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", local_only)
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def raises(error: BaseException) -> Callable[..., NoReturn]:
    """A stand-in for a function that fails with ERROR, whatever it is given."""

    def fail(*_: object, **__: object) -> NoReturn:
        raise error

    return fail


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def error_of(spec: str, **kwargs: Any) -> str:
    with pytest.raises(SourceError) as info:
        read_source(spec, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    return message


# Plain text -----------------------------------------------------------------------------------


def corpus_files() -> list[Path]:
    env = os.environ.get("BRIEFING_SOURCES")
    if not env or not Path(env).is_dir():
        return []
    root = Path(env)
    return [root / "india-japan-strategic-dialogue-18.txt", *sorted(root.glob("corpus/*.txt"))]


@pytest.fixture
def corpus() -> list[Path]:
    files = corpus_files()
    if not files:
        reason = "set BRIEFING_SOURCES to the folder of source texts to read the corpus"
        if os.environ.get("BRIEFING_REQUIRE_SOURCES"):
            pytest.fail(reason)
        pytest.skip(reason)
    return files


def test_corpus_files_keep_their_text_and_give_url_and_headline(corpus: list[Path]) -> None:
    for path in corpus:
        source = read_source(str(path))
        content = path.read_text(encoding="utf-8")
        lines = content.split("\n")
        assert source.text == content, path
        assert (source.name, source.kind, source.file) == (str(path), "text", path.name)
        assert source.publisher is None
        assert source.date is None
        assert source.notes == ()
        if lines[0].startswith("https://"):
            assert source.url == lines[0]
            assert lines[1] == ""
            assert source.title == (None if lines[2].startswith("[") else lines[2]), path
        else:
            assert source.url is None
            assert source.title == lines[0]


def test_the_seed_article_headline_is_its_first_line(corpus: list[Path]) -> None:
    source = read_source(str(corpus[0]))
    assert (
        source.title == "India, Japan Boost AI, Critical Minerals Cooperation in Strategic Dialogue"
    )


@pytest.mark.parametrize(
    ("text", "url", "title"),
    [
        ("https://a.example/x\n\nHeadline here\n\nBody.\n", "https://a.example/x", "Headline here"),
        (
            "https://a.example/x\n\n[Headline not in stored text; slug]\n\nBody.",
            "https://a.example/x",
            None,
        ),
        ("https://a.example/x\n\nHeadline\n15:27 JST\nBody.", "https://a.example/x", "Headline"),
        ("https://a.example/x\n", "https://a.example/x", None),
        ("# A *Markdown* title #\n\nBody text.\n", None, "A *Markdown* title"),
        ("## Second level\n\nBody text.\n", None, "Second level"),
        ("https://a.example/x\n\n# Heading\n\nBody.", "https://a.example/x", "Heading"),
        ("\n\nShort headline\n\nBody.", None, "Short headline"),
        ("NEW DELHI: India and Japan agreed today.\n\nMore.", None, None),
        ("Only one line without a full stop", None, None),
        ("A line that is far too long to be a headline " * 6 + "\n\nMore.", None, None),
        ("ftp://a.example/x\n\nHeadline\n\nBody.", None, None),
    ],
)
def test_header(tmp_path: Path, text: str, url: str | None, title: str | None) -> None:
    source = read_source(write(tmp_path, "a.md", text.encode()))
    assert (source.url, source.title) == (url, title)
    assert source.text == text


def test_line_endings_become_lf(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "a.txt", b"One\r\nTwo\rThree\xe2\x80\xa8Four\n"))
    assert source.text == "One\nTwo\nThree\nFour\n"


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + "Caf\u00e9 \u201cquoted\u201d".encode(),
        codecs.BOM_UTF16_LE + "Caf\u00e9 \u201cquoted\u201d".encode("utf-16-le"),
        codecs.BOM_UTF16_BE + "Caf\u00e9 \u201cquoted\u201d".encode("utf-16-be"),
        codecs.BOM_UTF32_LE + "Caf\u00e9 \u201cquoted\u201d".encode("utf-32-le"),
    ],
    ids=["utf-8-bom", "utf-16-le", "utf-16-be", "utf-32-le"],
)
def test_byte_order_marks(tmp_path: Path, data: bytes) -> None:
    source = read_source(write(tmp_path, "a.txt", data))
    assert source.text == "Caf\u00e9 \u201cquoted\u201d"
    assert source.notes == ()


def test_a_bom_that_lies_is_an_error(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "a.txt", codecs.BOM_UTF16_LE + b"abc"))
    assert "not valid UTF-16, although it starts with a UTF-16 byte order mark" in message


LATIN = "S\u00e3o Tom\u00e9 \u2014 \u201cWe agreed,\u201d the minister said in Bras\u00edlia."


def test_windows_1252_is_read_and_said(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "a.txt", LATIN.encode("cp1252")))
    assert source.text == LATIN
    assert source.notes == ("not UTF-8; read as Windows-1252",)


def test_without_charset_normalizer_windows_1252_then_latin_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "charset_normalizer", None)
    assert read_source(write(tmp_path, "a.txt", LATIN.encode("cp1252"))).text == LATIN
    # 0x81 is not Windows-1252: Latin-1 reads every byte.
    source = read_source(write(tmp_path, "b.txt", b"Caf\xe9 \x81 ok"))
    assert source.text == "Caf\u00e9 \x81 ok"
    assert source.notes == ("not UTF-8; read as Latin-1",)


def test_a_guesser_that_fails_or_guesses_nonsense(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    class Match:
        encoding = "no-such-codec"

    class Matches(list[Match]):
        def best(self) -> Match:
            return self[0]

    def nonsense(_: bytes) -> Matches:
        return Matches([Match()])

    for guesser in (nonsense, raises(RuntimeError())):
        fake = types.SimpleNamespace(from_bytes=guesser)
        monkeypatch.setitem(sys.modules, "charset_normalizer", fake)
        source = read_source(write(tmp_path, "a.txt", LATIN.encode("cp1252")))
        assert source.notes == ("not UTF-8; read as Windows-1252",)


def test_other_encodings_are_guessed(tmp_path: Path) -> None:
    russian = "\u041c\u0438\u043d\u0438\u0441\u0442\u0440\u044b \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0438\u0441\u044c \u0432 \u0414\u0435\u043b\u0438."  # noqa: E501
    source = read_source(write(tmp_path, "a.txt", russian.encode("cp1251")))
    assert source.text == russian
    assert source.notes == ("not UTF-8; read as cp1251",)


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"hello\x00world", "holds NUL bytes: not a text file"),
        (b"\x89PNG\r\n\x1a\n....", "looks like a PNG image, not text"),
        (b"PK\x03\x04rest", "looks like a ZIP archive (a .docx, .odt or .epub is one), not text"),
        (bytes(range(1, 32)) * 4, "holds control characters: not a text file"),
        (codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "holds control characters"),
    ],
)
def test_binary_is_not_text(tmp_path: Path, data: bytes, said: str) -> None:
    path = write(tmp_path, "a.txt", data)
    assert error_of(path).startswith(f"{path}: {said}")


def test_a_few_stray_control_characters_are_kept(tmp_path: Path) -> None:
    text = "A line of ordinary article text. " * 20 + "\x1a"
    assert read_source(write(tmp_path, "a.txt", text.encode())).text == text


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n  ", codecs.BOM_UTF8])
def test_empty(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "a.txt", data)
    assert (
        error_of(path) == f"{path}: empty; nothing to draft (give a file with the article's text)"
    )


def test_oversize_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"x" * 3000)
    assert error_of(path, max_bytes=2048) == (
        f"{path}: is 2.9 KiB, over the limit of 2.0 KiB (raise the limit with --max-file-size MIB)"
    )


def test_a_device_is_read_only_up_to_the_limit() -> None:
    assert "/dev/zero: is over the limit of 10 bytes" in error_of("/dev/zero", max_bytes=10)


def test_stdin() -> None:
    source = read_source("-", stdin=io.BytesIO(b"https://a.example/x\n\nHeadline\n\nBody."))
    assert source == SourceText(
        "-", "text", "https://a.example/x\n\nHeadline\n\nBody.", "Headline", None,
        "https://a.example/x", None, None,
    )  # fmt: skip
    assert error_of("-", stdin=io.BytesIO(b"")) == (
        "standard input: empty; nothing to draft (give a file with the article's text)"
    )
    assert "standard input: is over the limit of 4 bytes" in error_of(
        "-", stdin=io.BytesIO(b"12345"), max_bytes=4
    )


def test_stdin_from_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Some text.")))
    assert read_source("-").text == "Some text."
    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(b"")))
    assert error_of("-").startswith("standard input: is a terminal")
    monkeypatch.setattr(sys, "stdin", None)
    assert error_of("-").startswith("standard input: is closed")
    closed = io.BytesIO(b"")
    closed.close()
    assert error_of("-", stdin=closed).startswith("standard input: cannot read")
    closed_stdin = io.TextIOWrapper(io.BytesIO(b""))
    closed_stdin.close()
    monkeypatch.setattr(sys, "stdin", closed_stdin)
    assert error_of("-").startswith("standard input: cannot read")


def test_missing_files_and_directories(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert error_of(missing) == (
        f"{missing}: no such file or directory"
        " (check the path; a web page needs its http:// or https:// address)"
    )
    assert error_of("www.example.com/news/article") == (
        "www.example.com/news/article: no such file or directory"
        " (to read a web page, give its address: https://www.example.com/news/article)"
    )
    assert error_of(str(tmp_path)) == f"{tmp_path}: is a directory (give one article file)"
    assert (
        error_of("") == ": empty source name (give a file, - for standard input, or a web address)"
    )


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (PermissionError(13, "Permission denied"), "permission denied (check its permissions)"),
        (IsADirectoryError(21, "Is a directory"), "is a directory (give one article file)"),
        (OSError(5, "Input/output error"), "cannot read: Input/output error (check the path)"),
    ],
)
def test_unreadable_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, said: str
) -> None:
    path = write(tmp_path, "a.txt", b"text")

    monkeypatch.setattr(os, "open", raises(error))
    assert error_of(path) == f"{path}: {said}"


def test_a_read_that_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a.txt", b"text")

    monkeypatch.setattr(os, "fdopen", raises(OSError(5, "Input/output error")))
    assert error_of(path) == f"{path}: cannot read: Input/output error (check the path)"


def test_names_stay_on_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, "two\nlines\x1b[31m.txt", b"")
    assert "two\\nlines\\x1b[31m.txt: empty" in error_of(path)


# HTML -----------------------------------------------------------------------------------------

ARTICLE = [
    "NEW DELHI: India and Japan on Friday agreed to set up a joint working group on critical"
    " minerals, the foreign ministers said after their meeting in the capital.",
    "\u201cEconomic security today is particularly paramount,\u201d Jaishankar said. \u201cI think"
    " both our countries attach enormous importance to it.\u201d",
    "The two sides also agreed to launch an AI dialogue early this year, and to hold the next"
    " round of talks in Tokyo.",
]


def hostile_page(base: str = "http://127.0.0.1:9") -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Leaders agree | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Leaders agree on minerals">
<meta property="article:published_time" content="2024-08-20T10:00:00+05:30">
<link rel="canonical" href="https://news.example.com/2024/leaders-agree">
<link rel="stylesheet" href="{base}/style.css">
<script src="{base}/tracker.js"></script>
<script>document.write("SCRIPT TEXT IN HEAD")</script>
</head>
<body onload="fetch('{base}/onload')">
<nav><a href="/">Home</a> <a href="/world">World</a> NAVIGATION BOILERPLATE</nav>
<iframe src="{base}/frame">IFRAME TEXT</iframe>
<article>
<h1>Leaders agree on minerals</h1>
{paragraphs}
<img src="{base}/photo.jpg" onerror="alert(1)">
<script>var x = "SCRIPT TEXT IN ARTICLE";</script>
<style>p {{ background: url({base}/bg.png) }}</style>
</article>
<footer>Copyright 2024 Example News. FOOTER BOILERPLATE. Privacy policy.</footer>
</body></html>"""


def check_article(source: SourceText) -> None:
    for paragraph in ARTICLE:
        assert paragraph in source.text
    for boilerplate in ("SCRIPT TEXT", "IFRAME TEXT", "NAVIGATION", "FOOTER", "alert", "url("):
        assert boilerplate not in source.text
    assert source.kind == "html"
    assert source.title == "Leaders agree on minerals"
    assert source.publisher == "Example News"
    assert source.url == "https://news.example.com/2024/leaders-agree"
    assert source.date == datetime.date(2024, 8, 20)
    assert source.file is None


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", hostile_page().encode())
    source = read_source(path)
    check_article(source)
    assert source.name == path
    assert source.notes == ()


def test_html_is_recognised_by_its_content(tmp_path: Path) -> None:
    page = hostile_page().encode()
    check_article(read_source(write(tmp_path, "page.txt", b"\n  <!-- saved -->\n" + page)))
    check_article(read_source("-", stdin=io.BytesIO(codecs.BOM_UTF8 + page)))
    xml = b'<?xml version="1.0" encoding="utf-8"?>\n' + page.split(b"\n", 1)[1]
    check_article(read_source(write(tmp_path, "page", xml)))


def test_html_in_a_declared_encoding(tmp_path: Path) -> None:
    page = hostile_page().replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("Tokyo", "S\u00e3o Paulo")
    source = read_source(write(tmp_path, "page.htm", page.encode("cp1252")))
    assert "S\u00e3o Paulo" in source.text
    assert "\u201cEconomic security" in source.text


@pytest.mark.parametrize(
    ("charset", "data", "text"),
    [
        (None, codecs.BOM_UTF16_LE + "<p>\u00e9</p>".encode("utf-16-le"), "<p>\u00e9</p>"),
        ("latin-1", b"<p>\xe9</p>", "<p>\u00e9</p>"),
        ("no-such-charset", b"<p>\xc3\xa9</p>", "<p>\u00e9</p>"),
        (None, b'<meta charset="koi8-r"><p>\xc1</p>', '<meta charset="koi8-r"><p>\u0430</p>'),
        (None, b"<p>\xe9</p>", "<p>\u00e9</p>"),
    ],
)
def test_html_decoding(charset: str | None, data: bytes, text: str) -> None:
    assert extract.decode_html(data, charset) == text


def test_html_without_main_text_falls_back_to_the_visible_text(tmp_path: Path) -> None:
    page = (
        b"<html><head><title>Short  page</title><script>x=1</script></head>"
        b"<body><nav>Menu</nav><div>Only <b>this</b> line.</div><br>And this.</body></html>"
    )
    source = read_source(write(tmp_path, "a.html", page))
    # What trafilatura makes of a page this small varies; the words are all there.
    assert " ".join(source.text.split()).endswith("Only this line. And this.")
    assert source.title == "Short page"


def test_page_text_fallback() -> None:
    markup = (
        "<title>T</title><nav>menu<nav>sub</nav>more menu</nav><p>One &amp; <i>two</i></p>"
        "<embed src=x><iframe>in frame</iframe><ul><li>a</li><li>b</li></ul></footer>z"
    )
    assert extract.page_text(markup) == "One & two\na\nb\nz"
    assert extract._html_title(markup) == "T"
    # html.parser gives up on some broken markup; what it read by then is kept.
    assert extract.page_text("<p>Kept</p><![foo[ bar") == "Kept"


def test_html_with_no_text(tmp_path: Path) -> None:
    path = write(tmp_path, "a.html", b"<html><body><script>var x;</script> </body></html>")
    assert error_of(path) == f"{path}: no text found in the HTML page (give the article as text)"


def test_html_parser_failure_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", raises(RecursionError()))
    path = write(tmp_path, "a.html", hostile_page().encode())
    assert error_of(path) == (
        f"{path}: not a readable HTML page: RecursionError (give the article as text)"
    )


def test_html_metadata_that_is_not_usable(tmp_path: Path) -> None:
    page = hostile_page()
    page = page.replace("https://news.example.com/2024/leaders-agree", "javascript:alert(1)")
    page = page.replace("2024-08-20T10:00:00+05:30", "not a date")
    source = read_source(write(tmp_path, "a.html", page.encode()))
    assert source.url is None
    assert extract._iso_date("2024-13-45") is None
    assert extract._iso_date(None) is None
    assert extract._clean(3) is None


def test_reading_html_does_not_fetch_what_it_refers_to(
    tmp_path: Path, server: str, requests: list[str]
) -> None:
    check_article(read_source(write(tmp_path, "page.html", hostile_page(server).encode())))
    assert requests == []


def test_without_the_draft_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("trafilatura", "pypdf", "charset_normalizer"):
        monkeypatch.setitem(sys.modules, name, None)
    text = write(tmp_path, "a.txt", b"https://a.example/x\n\nHeadline\n\nBody.")
    assert read_source(text).title == "Headline"
    assert read_source(write(tmp_path, "b.txt", LATIN.encode("cp1252"))).text == LATIN
    html = write(tmp_path, "a.html", hostile_page().encode())
    assert error_of(html) == (
        f"{html}: reading HTML needs the draft extra: pip install 'briefing[draft]'"
    )
    pdf = write(tmp_path, "a.pdf", make_pdf([["Text."]]))
    assert (
        error_of(pdf) == f"{pdf}: reading PDF needs the draft extra: pip install 'briefing[draft]'"
    )


def test_the_drafter_is_imported_only_where_it_is_used() -> None:
    # Other commands must not pay for it at start-up: no module outside the
    # package imports it at module level (the draft command may, inside itself).
    import ast

    for name, path in MODULES.items():
        if name.startswith("briefing.draft"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            assert not any(n.startswith("briefing.draft") for n in names), name
    code = (
        "import sys, briefing.cli\n"
        "loaded = {m for m in sys.modules if m.startswith('briefing.draft')}\n"
        "loaded |= {'trafilatura', 'pypdf', 'charset_normalizer'} & set(sys.modules)\n"
        "assert not loaded, sorted(loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_the_draft_extra_imports_and_only_when_needed() -> None:
    code = (
        "import sys, briefing.draft.sources\n"
        "assert not {'trafilatura', 'pypdf', 'lxml'} & set(sys.modules), sorted(sys.modules)\n"
        "import trafilatura, pypdf, lxml_html_clean, justext\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


# PDF ------------------------------------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")


def make_pdf(pages: list[list[str]], *, info: bytes | None = b"") -> bytes:
    """A small valid PDF with a text layer in Helvetica: one list of lines per page."""
    objects = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    contents = []
    for lines in pages:
        stream = (
            b"BT /F1 12 Tf 14 TL 72 720 Td "
            + b"".join(b"(%s) Tj T* " % _pdf_string(line) for line in lines)
            + b"ET"
            if lines
            else b""
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        contents.append(len(objects))
    pages_id = len(objects) + len(pages) + 1
    kids = []
    for content in contents:
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /Font << /F1 1 0 R >> >> >>" % (pages_id, content)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    objects.append(b"<< " + (info or b"") + b" >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"/Info %d 0 R" % len(objects) if info is not None else b""
    out += b"trailer\n<< /Size %d /Root %d 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects) - 1, trailer, xref,
    )  # fmt: skip
    return bytes(out)


PDF_LINES = [
    "India and Japan agreed to set up a joint working group (JWG).",
    "\u201cEconomic security is paramount,\u201d Jaishankar said.",
]
PDF_INFO = b"/Title (Leaders meet) /CreationDate (D:20240820103000+05'30')"


def test_pdf_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "a.pdf", make_pdf([PDF_LINES, ["Page two."]], info=PDF_INFO))
    source = read_source(path)
    assert source.kind == "pdf"
    assert source.text.split("\n") == [*PDF_LINES, "", "Page two.", ""]
    assert (source.title, source.date) == ("Leaders meet", datetime.date(2024, 8, 20))
    assert (source.publisher, source.url, source.file, source.notes) == (None, None, None, ())


def test_pdf_is_recognised_by_its_magic(tmp_path: Path) -> None:
    assert read_source(write(tmp_path, "a.txt", make_pdf([PDF_LINES]))).kind == "pdf"
    source = read_source("-", stdin=io.BytesIO(make_pdf([PDF_LINES], info=None)))
    assert (source.kind, source.title, source.date) == ("pdf", None, None)


def test_pdf_with_blank_pages(tmp_path: Path) -> None:
    source = read_source(write(tmp_path, "a.pdf", make_pdf([PDF_LINES, []])))
    assert source.notes == ("1 of 2 PDF pages have no text",)
    path = write(tmp_path, "b.pdf", make_pdf([[], []]))
    assert error_of(path) == (
        f"{path}: the PDF has no text layer; is it a scan?"
        " (run OCR on it first, e.g. with ocrmypdf, or give the article as text)"
    )


def encrypt(data: bytes, user: str, owner: str) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user, owner, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = write(tmp_path, "a.pdf", encrypt(make_pdf([PDF_LINES]), "secret", "owner"))
    assert error_of(path) == (
        f"{path}: the PDF is encrypted with a password"
        " (give an unencrypted copy: qpdf --decrypt --password=PASSWORD IN OUT)"
    )
    # Only an owner password (printing or copying restricted): readable.
    source = read_source(write(tmp_path, "b.pdf", encrypt(make_pdf([PDF_LINES]), "", "owner")))
    assert source.text.split("\n")[:2] == PDF_LINES


@pytest.mark.parametrize(
    ("error", "said"),
    [
        ("DependencyError", "the PDF's encryption is not readable here"),
        ("FileNotDecryptedError", "the PDF is encrypted (give an unencrypted copy)"),
    ],
)
def test_pdf_encryption_not_handled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: str, said: str
) -> None:
    import pypdf
    from pypdf import errors

    monkeypatch.setattr(pypdf.PdfReader, "decrypt", raises(getattr(errors, error)("nope")))
    path = write(tmp_path, "a.pdf", encrypt(make_pdf([PDF_LINES]), "secret", "owner"))
    assert said in error_of(path)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\nthis is not a PDF at all",
        b"%PDF-",
        b"Not a PDF, despite the name",
        make_pdf([PDF_LINES])[:40],
    ],
)
def test_damaged_pdf(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "a.pdf", data)
    assert error_of(path).startswith(f"{path}: the PDF is damaged or not a PDF: ")


def test_damaged_pdf_metadata_is_ignored(tmp_path: Path) -> None:
    info = b"/Title (T) /CreationDate (D:2024-99-99 garbage)"
    source = read_source(write(tmp_path, "a.pdf", make_pdf([PDF_LINES], info=info)))
    assert (source.title, source.date) == ("T", None)


def test_pdf_parser_crash_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf

    monkeypatch.setattr(pypdf, "PdfReader", raises(KeyError("/Root")))
    path = write(tmp_path, "a.pdf", make_pdf([PDF_LINES]))
    assert error_of(path) == (
        f"{path}: the PDF is damaged or not a PDF: KeyError (give another copy)"
    )


def test_library_logging_is_restored() -> None:
    import logging

    before = logging.getLogger("pypdf").level
    with pytest.raises(extract.ExtractError):
        extract.pdf_to_text(b"%PDF-1.4 junk")
    assert logging.getLogger("pypdf").level == before


# Web addresses --------------------------------------------------------------------------------

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


def respond(status: int, body: bytes = b"", **headers: str) -> Route:
    def send(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        if not {"Content_Length", "Transfer_Encoding"} & set(headers):
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return send


def stream(chunk: bytes, count: int, pause: float, **headers: str) -> Route:
    def send(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        for _ in range(count):
            handler.wfile.write(chunk)
            handler.wfile.flush()
            time.sleep(pause)

    return send


def echo_user_agent(handler: http.server.BaseHTTPRequestHandler) -> None:
    respond(200, handler.headers.get("User-Agent", "").encode(), Content_Type="text/plain")(handler)


def slow(handler: http.server.BaseHTTPRequestHandler) -> None:
    time.sleep(1.0)
    respond(200, b"late", Content_Type="text/plain")(handler)


def chain(n: int) -> Route:
    target = f"/chain/{n - 1}" if n else "/page.html"
    return respond(302, Location=target)


def compressed(body: bytes, encoding: str = "gzip") -> Route:
    return respond(200, body, Content_Type="text/plain", Content_Encoding=encoding)


TEXT_FILE = b"https://a.example/original\n\nA headline\n\nThe text.\n"
PAGE = hostile_page().encode()
HUGE = b"x" * 5000


class Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, Route]] = {
        "/page.html": respond(200, PAGE, Content_Type="text/html; charset=utf-8"),
        "/page.xhtml": respond(200, PAGE, Content_Type="application/xhtml+xml"),
        "/doc.pdf": respond(200, make_pdf([PDF_LINES]), Content_Type="application/pdf"),
        "/download": respond(200, make_pdf([PDF_LINES]), Content_Type="application/octet-stream"),
        "/blob": respond(200, b"\x00\x01", Content_Type="application/octet-stream"),
        "/plain.txt": respond(200, TEXT_FILE, Content_Type="text/plain; charset=utf-8"),
        "/latin.txt": respond(200, b"Caf\xe9 society.", Content_Type="text/plain; charset=latin-1"),
        "/odd-charset": respond(200, b"Caf\xc3\xa9.", Content_Type="text/plain; charset=x-unknown"),
        "/bad-chunks": respond(200, b"zz\r\nabc", Transfer_Encoding="chunked"),
        "/no-type": respond(200, PAGE),
        "/no-type.txt": respond(200, b"Just text."),
        "/bad-type": respond(200, b"Just text.", Content_Type="nonsense"),
        "/empty": respond(200, b"", Content_Type="text/plain"),
        "/image.png": respond(200, b"\x89PNG\r\n\x1a\n", Content_Type="image/png"),
        "/missing": respond(404),
        "/gone": respond(410),
        "/forbidden": respond(403),
        "/broken": respond(500),
        "/teapot": respond(418),
        "/no-content": respond(204),
        "/loop-a": respond(302, Location="/loop-b"),
        "/loop-b": respond(301, Location="/loop-a"),
        "/nowhere": respond(302),
        "/to-ftp": respond(302, Location="ftp://127.0.0.1/file"),
        "/big": respond(200, HUGE, Content_Type="text/plain"),
        "/big-stream": stream(HUGE, 1, 0, Content_Type="text/plain"),
        "/gzip": compressed(gzip.compress(TEXT_FILE)),
        "/gzip-bomb": compressed(gzip.compress(HUGE)),
        "/gzip-broken": compressed(b"\x1f\x8bnot gzip"),
        "/gzip-cut": compressed(gzip.compress(TEXT_FILE)[:20]),
        "/brotli": compressed(b"....", "br"),
        "/short": respond(200, b"abc", Content_Type="text/plain", Content_Length="10"),
        "/ua": echo_user_agent,
        "/slow": slow,
        "/trickle": stream(b"x", 40, 0.05, Content_Type="text/plain"),
        "/stall": stream(b"x", 2, 1.0, Content_Type="text/plain"),
        "/caf\u00e9": respond(200, b"accented path", Content_Type="text/plain"),
        **{f"/chain/{n}": chain(n) for n in range(8)},
    }  # fmt: skip
    log: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        from urllib.parse import unquote

        path = unquote(self.path)
        self.log.append(path)
        self.routes.get(path, respond(404))(self)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (the timeout tests) is expected


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def server(base_url: str) -> str:
    Handler.log.clear()
    return base_url


@pytest.fixture
def requests(server: str) -> list[str]:  # noqa: ARG001 -- started by the server fixture
    return Handler.log


def test_url_html(server: str, requests: list[str]) -> None:
    source = read_source(f"{server}/page.html")
    check_article(source)
    assert source.name == f"{server}/page.html"
    assert requests == ["/page.html"]
    check_article(read_source(f"{server}/page.xhtml"))


def test_url_pdf(server: str) -> None:
    for path in ("/doc.pdf", "/download"):
        source = read_source(server + path)
        assert (source.kind, source.url) == ("pdf", None)
        assert source.text.split("\n")[:2] == PDF_LINES


def test_url_text(server: str) -> None:
    source = read_source(f"{server}/plain.txt")
    assert source == SourceText(
        f"{server}/plain.txt", "text", TEXT_FILE.decode(), "A headline", None,
        f"{server}/plain.txt", None, None,
    )  # fmt: skip
    assert read_source(f"{server}/latin.txt").text == "Caf\u00e9 society."
    assert read_source(f"{server}/odd-charset").text == "Caf\u00e9."
    assert read_source(f"{server}/no-type.txt").text == "Just text."
    assert read_source(f"{server}/bad-type").text == "Just text."
    assert read_source(f"{server}/gzip").text == TEXT_FILE.decode()
    assert read_source(f"{server}/caf\u00e9").text == "accented path"
    check_article(read_source(f"{server}/no-type"))


def test_url_redirects(server: str, requests: list[str]) -> None:
    source = read_source(f"{server}/chain/4")
    check_article(source)
    assert requests == ["/chain/4", "/chain/3", "/chain/2", "/chain/1", "/chain/0", "/page.html"]
    assert error_of(f"{server}/chain/5") == (
        f"{server}/chain/5: too many redirects (more than 5)"
        " (save the page from a browser and give the file)"
    )
    assert error_of(f"{server}/loop-a") == (
        f"{server}/loop-a: redirect loop (2 redirects, back to {server}/loop-a)"
        " (the site is misconfigured; save the page from a browser and give the file)"
    )
    assert error_of(f"{server}/to-ftp") == (
        f"{server}/to-ftp: redirected to ftp://127.0.0.1/file, which is not followed"
        " (only http:// and https:// addresses are read)"
    )
    assert "HTTP 302 redirect without a Location" in error_of(f"{server}/nowhere")


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/missing", "HTTP 404 Not Found (check the URL)"),
        ("/gone", "HTTP 410 Gone (check the URL)"),
        ("/forbidden", "HTTP 403 Forbidden (the site refused or failed;"),
        ("/broken", "HTTP 500 Internal Server Error (the site refused or failed;"),
        ("/teapot", "HTTP 418"),
        ("/no-content", "empty; nothing to draft"),
        ("/empty", "empty; nothing to draft"),
        ("/image.png", "the server sent image/png, not a page"),
        ("/blob", "the server sent application/octet-stream, not a page"),
        ("/big", "is 4.9 KiB, over the limit of 1.0 KiB (raise the limit with --max-file-size"),
        ("/big-stream", "is over the limit of 1.0 KiB"),
        ("/gzip-bomb", "is over the limit of 1.0 KiB"),
        ("/gzip-broken", "the compressed page is damaged"),
        ("/gzip-cut", "the compressed page is damaged"),
        ("/brotli", "the server sent the page in br encoding, which is not read"),
        ("/short", "the download was cut off after 3 bytes"),
        ("/bad-chunks", "the download failed"),
    ],
)
def test_url_errors(server: str, path: str, said: str) -> None:
    assert error_of(server + path, max_bytes=1024).startswith(f"{server}{path}: {said}")


def test_url_timeouts(server: str) -> None:
    assert error_of(f"{server}/slow", timeout=0.2) == (
        f"{server}/slow: no answer within 0.2 seconds (check the address, or try again later)"
    )
    assert error_of(f"{server}/stall", timeout=0.2).startswith(
        f"{server}/stall: the server stopped sending"
    )
    assert error_of(f"{server}/trickle", timeout=0.1).startswith(
        f"{server}/trickle: the download is too slow"
    )


def test_url_user_agent(server: str) -> None:
    assert read_source(f"{server}/ua").text.startswith(f"briefing/{__version__} ")


def test_url_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert error_of(f"http://127.0.0.1:{port}/") == (
        f"http://127.0.0.1:{port}/: connection refused (check the address, or try again later)"
    )


@pytest.mark.parametrize(
    ("spec", "said"),
    [
        ("ftp://example.com/a.txt", "ftp:// addresses are not read (only http:// and https://"),
        ("file:///etc/passwd", "file:// addresses are not read (give the file's path instead)"),
        ("HTTP://", "the address has no host name"),
        ("http://[::1/", "not a valid address"),
        ("http://127.0.0.1:port/", "not a valid address"),
    ],
)
def test_urls_refused_without_a_connection(spec: str, said: str) -> None:
    assert error_of(spec).startswith(f"{spec}: {said}")


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        (socket.gaierror(-2, "Name or service not known"), "host not found"),
        (OSError(101, "Network is unreachable"), "cannot connect: Network is unreachable"),
        ("something odd", "cannot fetch: something odd"),
    ],
)
def test_network_errors(monkeypatch: pytest.MonkeyPatch, reason: object, said: str) -> None:
    import ssl
    import urllib.error
    import urllib.request

    from briefing.draft import fetch

    error = urllib.error.URLError(reason)  # type: ignore[arg-type]
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", raises(error))
    assert error_of("https://news.example.com/a").startswith(f"https://news.example.com/a: {said}")
    bad = ssl.SSLCertVerificationError("bad")
    bad.verify_message = "certificate has expired"
    assert fetch._network_error(bad, 1).message == (
        "the site's certificate is not valid: certificate has expired"
    )


# Anything at all ------------------------------------------------------------------------------

PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"<!doctype html><html><body><p>",
    b"<html>",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF32_BE,
    b"https://a.example/x\n\n",
    b"# ",
]


def outcome(data: bytes) -> SourceText | str:
    """DATA read from standard input, or the error's message."""
    try:
        return read_source("-", stdin=io.BytesIO(data))
    except SourceError as exc:
        return str(exc)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PREFIXES), st.binary(max_size=600))
def test_any_bytes_give_text_or_an_error(prefix: bytes, data: bytes) -> None:
    source = outcome(prefix + data)
    if isinstance(source, str):
        assert source.startswith("standard input: ")
        assert "\n" not in source
    else:
        assert source.kind in ("text", "html", "pdf")
        assert source.text.strip()
        assert "\r" not in source.text


def test_module_constants() -> None:
    assert sources.DEFAULT_MAX_BYTES == 5_000_000
    assert errors.size_text(1) == "1 byte"
    assert errors.size_text(5_000_000) == "4.8 MiB"
