"""Read one source of a draft (a file, standard input or a web address) into text and metadata.

A source is plain text (or Markdown), an HTML page or a PDF file, told apart
by its suffix, its first bytes or, for a web address, the content type the
server gives. Only plain text is read by the core install; HTML and PDF need
the `draft` extra, imported here only when such a source is read.

A text file may start with its URL and headline: line 1 the address, a blank
line, then the headline (a line in brackets is a placeholder, not a headline).
Without a URL, a short first line that does not end like a sentence is taken
as the headline, as is a Markdown `# Heading`. `text` is always the whole
content, header lines included, so that every substring of the file is a
substring of the text: a drafter should skip a leading URL line.
"""

from __future__ import annotations

import codecs
import datetime
import os
import re
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Final, NamedTuple, NoReturn

from briefing.draft.regex import Pattern
from briefing.errors import size_text

if TYPE_CHECKING:
    from briefing.draft.extract import Extracted

#: The size limit of a source unless the caller gives another.
DEFAULT_MAX_BYTES: Final = 5_000_000
#: How long a web server may take to connect or to send the next bytes.
DEFAULT_TIMEOUT: Final = 10.0

_HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_STDIN_NAME: Final = "standard input"


class SourceText(NamedTuple):
    """The text of one source, with what it says about itself."""

    #: What the user gave: the path as given, "-" or the URL.
    name: str
    #: "text", "html" or "pdf".
    kind: str
    #: The article's text as extracted; quotes and evidence are exact substrings of it.
    text: str
    title: str | None
    #: The site's name.
    publisher: str | None
    #: The page's canonical URL, else the URL fetched (or given on a text file's first line).
    url: str | None
    #: The publication date, where the source gives one.
    date: datetime.date | None
    #: For a local text file, its file name (for a knowledge file's `file:` field).
    file: str | None
    #: What was assumed in reading it (an encoding guessed, a fallback taken), one line each.
    notes: tuple[str, ...] = ()


class SourceError(Exception):
    """A source could not be read; the message is one line that names it and gives a hint."""


def read_source(
    spec: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    stdin: BinaryIO | None = None,
) -> SourceText:
    """Read SPEC (a path, "-" for standard input, or an http(s) URL) into a SourceText.

    Raises SourceError, and nothing else, for anything that cannot be read.
    """
    if not spec:
        _fail(spec, "empty source name", "give a file, - for standard input, or a web address")
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", spec)
    if scheme:
        return _read_url(spec, scheme.group(1).lower(), max_bytes, timeout)
    if spec == "-":
        data = _read_stdin(stdin, max_bytes)
        return _from_bytes(spec, _STDIN_NAME, data, suffix="", file=None)
    path = Path(spec)
    data = _read_file(path, spec, max_bytes)
    return _from_bytes(spec, spec, data, suffix=path.suffix.lower(), file=path.name)


def _fail(name: str, message: str, hint: str | None = None) -> NoReturn:
    hint_text = f" ({hint})" if hint else ""
    raise SourceError(_one_line(f"{name}: {message}{hint_text}")) from None


def _one_line(text: str) -> str:
    # Names, content types and reasons come from users and servers: never let
    # one break the line or send escape codes to the terminal.
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


def _too_big(name: str, size: int, limit: int, *, exact: bool = True) -> NoReturn:
    said = f"is {size_text(size)}, over" if exact else "is over"
    _fail(
        name, f"{said} the limit of {size_text(limit)}", "raise the limit with --max-file-size MIB"
    )


# Reading the bytes -------------------------------------------------------------------------------


def _read_file(path: Path, name: str, limit: int) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        _unreadable(name, exc)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            _fail(name, "is a directory", "give one article file")
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            _too_big(name, info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            # One byte past the limit shows a file that grew, or a pipe that goes on.
            data = fh.read(limit + 1)
    except OSError as exc:
        _unreadable(name, exc)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        _too_big(name, len(data), limit, exact=False)
    return data


def _unreadable(name: str, exc: OSError) -> NoReturn:
    if isinstance(exc, FileNotFoundError):
        looks_web = re.match(r"(www\.)?[\w-]+(\.[\w-]+)+/", name) is not None
        hint = (
            f"to read a web page, give its address: https://{name}"
            if looks_web
            else "check the path; a web page needs its http:// or https:// address"
        )
        _fail(name, "no such file or directory", hint)
    if isinstance(exc, IsADirectoryError):
        _fail(name, "is a directory", "give one article file")
    if isinstance(exc, PermissionError):
        _fail(name, "permission denied", "check its permissions")
    _fail(name, f"cannot read: {exc.strerror or exc}", "check the path")


def _read_stdin(stdin: BinaryIO | None, limit: int) -> bytes:
    if stdin is None:
        if sys.stdin is None:
            _fail(_STDIN_NAME, "is closed", "pipe an article in, or give a file")
        try:
            if sys.stdin.isatty():
                _fail(_STDIN_NAME, "is a terminal", "pipe an article in, or give a file")
        except (OSError, ValueError):
            pass
        stream: BinaryIO = sys.stdin.buffer
    else:
        stream = stdin
    try:
        data = stream.read(limit + 1)
    except (OSError, ValueError) as exc:
        _fail(_STDIN_NAME, f"cannot read: {exc}", "pipe an article in, or give a file")
    if len(data) > limit:
        _too_big(_STDIN_NAME, len(data), limit, exact=False)
    return data


def _read_url(spec: str, scheme: str, limit: int, timeout: float) -> SourceText:
    if scheme not in ("http", "https"):
        hint = (
            "give the file's path instead"
            if scheme == "file"
            else "only http:// and https:// addresses are read; save it and give the file"
        )
        _fail(spec, f"{scheme}:// addresses are not read", hint)
    # Imported here: reading a file needs neither urllib nor ssl.
    from briefing.draft.fetch import FetchError, TooBigError, fetch

    try:
        page = fetch(spec, max_bytes=limit, timeout=timeout)
    except FetchError as exc:
        _fail(spec, exc.message, exc.hint)
    except TooBigError as exc:
        _too_big(spec, exc.size, exc.limit, exact=exc.exact)
    kind = page.kind
    if kind is None:
        # No content type, or a generic one: tell by the bytes, where they say.
        kind = sniff_kind(page.body)
        if page.content_type is not None and kind != "pdf":
            _fail(spec, f"the server sent {page.content_type}, not a page", "give the file")
    if kind == "text":
        text, notes = decode_text(page.body, spec, charset=page.charset)
        return _plain(spec, text, notes, url=page.url, file=None)
    return _extracted(spec, kind, _extract(spec, kind, page.body, page.charset, page.url))


# Telling the kinds apart ------------------------------------------------------------------------


def sniff_kind(data: bytes, suffix: str = "") -> str:
    """ "pdf", "html" or "text" for DATA, read from a file with SUFFIX ("" for none)."""
    if data.startswith(b"%PDF-") or suffix == ".pdf":
        return "pdf"
    if suffix in _HTML_SUFFIXES or looks_like_html(data):
        return "html"
    return "text"


def looks_like_html(data: bytes) -> bool:
    """Whether DATA starts as an HTML document does (after a BOM, white space, comments)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf").lstrip().lower()
    while head.startswith(b"<!--") and b"-->" in head:
        head = head[head.index(b"-->") + 3 :].lstrip()
    if head.startswith(b"<?xml"):
        return b"<html" in head
    return head.startswith((b"<!doctype html", b"<html"))


def _from_bytes(spec: str, shown: str, data: bytes, *, suffix: str, file: str | None) -> SourceText:
    kind = sniff_kind(data, suffix)
    if kind == "text":
        text, notes = decode_text(data, shown)
        return _plain(spec, text, notes, url=None, file=file)
    return _extracted(spec, kind, _extract(shown, kind, data, None, None))


def _extract(name: str, kind: str, data: bytes, charset: str | None, url: str | None) -> Extracted:
    from briefing.draft import extract

    try:
        if kind == "pdf":
            return extract.pdf_to_text(data)
        return extract.html_to_text(data, charset=charset, url=url)
    except extract.ExtractError as exc:
        _fail(name, exc.message, exc.hint)


def _extracted(spec: str, kind: str, found: Extracted) -> SourceText:
    text = normalize_newlines(found.text)
    return SourceText(
        spec, kind, text, found.title, found.publisher, found.url, found.date, None, found.notes
    )


def _plain(
    spec: str, text: str, notes: tuple[str, ...], *, url: str | None, file: str | None
) -> SourceText:
    shown = _STDIN_NAME if spec == "-" else spec
    if not text.strip():
        _fail(shown, "empty; nothing to draft", "give a file with the article's text")
    header_url, title = read_header(text)
    return SourceText(spec, "text", text, title, None, url or header_url, None, file, notes)


# Plain text ---------------------------------------------------------------------------------------

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
#: The first bytes of files that are often mistaken for text, and what they are.
_SIGNATURES: Final = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .odt or .epub is one)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
)
# Control characters no article has; a few stray ones are kept, many mean binary.
_CONTROL: Final = Pattern("[\x00-\x08\x0e-\x1f\x7f]")
_NEWLINES: Final = Pattern("\r\n?|[\x85\u2028\u2029]")


def normalize_newlines(text: str) -> str:
    """TEXT with every line break (CR LF, CR, NEL, LS, PS) as LF."""
    return _NEWLINES.sub("\n", text)


def decode_text(
    data: bytes, name: str, *, charset: str | None = None
) -> tuple[str, tuple[str, ...]]:
    """DATA decoded to text with LF line breaks, and a note when the encoding was guessed.

    UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM, CHARSET when a
    server declared one; otherwise the encoding is guessed and a note says so:
    Windows-1252, unless charset_normalizer (where installed) finds that it
    cannot be, then its best guess; Latin-1 when nothing else fits.
    """
    notes: tuple[str, ...] = ()
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                _fail(name, f"not valid {label}, although it starts with a {label} byte order mark")
            return _checked(normalize_newlines(text), name), notes
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            _fail(name, f"looks like {what}, not text", "give the article as text, HTML or PDF")
    if b"\x00" in data:
        _fail(
            name,
            "holds NUL bytes: not a text file",
            "give UTF-8 text; UTF-16 needs a byte order mark",
        )
    declared = _decode_declared(data, charset)
    if declared is not None:
        return _checked(normalize_newlines(declared), name), notes
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _guess(data)
        notes = (f"not UTF-8; read as {encoding}",)
    return _checked(normalize_newlines(text), name), notes


def _decode_declared(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None


def _guess(data: bytes) -> tuple[str, str]:
    # Text that is not UTF-8 is most often Windows-1252 (or Latin-1, its subset):
    # charset_normalizer, where installed, is asked only whether it is something
    # else, since on short Western text it often prefers a neighbouring code page.
    encoding: str | None = "cp1252"
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        pass
    else:
        try:
            matches = from_bytes(data)
            best = matches.best()
            if best is not None and all(m.encoding != "cp1252" for m in matches):
                encoding = best.encoding
        except Exception:  # a third-party guesser on arbitrary bytes: any failure is "no guess"
            pass
    if encoding and encoding != "cp1252":
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _checked(text: str, name: str) -> str:
    bad = len(_CONTROL.findall(text))
    if "\x00" in text or bad * 200 > len(text):
        _fail(name, "holds control characters: not a text file", "give the article as text")
    return text


# The URL and headline a text file may start with --------------------------------------------------

_URL_LINE: Final = Pattern(r"https?://[^\s/?#]+[^\s<>\"]*", re.IGNORECASE)
_MARKDOWN_HEADING: Final = Pattern(r"#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")
#: A headline longer than this is a paragraph.
_MAX_HEADLINE: Final = 200


def read_header(text: str) -> tuple[str | None, str | None]:
    """The URL and headline TEXT starts with, where it does (each may be None).

    Line 1 may be the source's URL. The first non-blank line after it (or
    the first of all, without a URL) is the headline when it is a Markdown
    heading (`# Heading`), or a line of at most 200 characters that does not
    end like a sentence and has more text after it; never when it is a
    placeholder in brackets ("[Headline not in stored text; ...]").
    """
    lines = iter(line.strip() for line in text.split("\n", 100))
    line = next((x for x in lines if x), "")
    url = None
    if _URL_LINE.fullmatch(line):
        url = line
        line = next((x for x in lines if x), "")
    heading = _MARKDOWN_HEADING.fullmatch(line)
    if heading:
        return url, heading.group(1)
    if (line.startswith("[") and line.endswith("]")) or re.fullmatch(r"\S+://\S*", line):
        return url, None
    looks_headline = 0 < len(line) <= _MAX_HEADLINE and not line.endswith((".", ":", ",", ";"))
    more = any(lines)
    return url, line if looks_headline and more else None
