"""The text and metadata of an HTML page (trafilatura) or a PDF file (pypdf).

Both libraries come with the `draft` extra and are imported here, inside the
functions, only when such a source is read. Nothing a page refers to is ever
fetched: the page is parsed from the bytes given, and its scripts, frames and
images are dropped, never run or loaded.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime
import logging
import re
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any, Final, NamedTuple

_EXTRA: Final = "pip install 'briefing[draft]'"
_META_CHARSET: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HTML_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Libraries whose log messages would otherwise reach standard error.
_CHATTY: Final = ("trafilatura", "htmldate", "courlan", "justext", "pypdf", "charset_normalizer")


class ExtractError(Exception):
    """The source's bytes gave no text: a message and a hint, without the source's name."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Extracted(NamedTuple):
    text: str
    title: str | None
    publisher: str | None
    url: str | None
    date: datetime.date | None
    notes: tuple[str, ...] = ()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The libraries' warnings and log messages kept from the user: failures are raised instead."""
    loggers = [logging.getLogger(name) for name in _CHATTY]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


# HTML ---------------------------------------------------------------------------------------------


def html_to_text(data: bytes, *, charset: str | None = None, url: str | None = None) -> Extracted:
    """The main text of the HTML page DATA, with its title, site name, canonical URL and date.

    CHARSET is the one a server declared; URL the address it was fetched from
    (the page's canonical URL, when it gives one, is preferred).
    """
    try:
        import trafilatura
    except ImportError:
        raise ExtractError(f"reading HTML needs the draft extra: {_EXTRA}") from None
    markup = decode_html(data, charset).replace("\x00", "")
    notes: tuple[str, ...] = ()
    with _quiet():
        try:
            found: Any = trafilatura.bare_extraction(
                markup,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                # Only the page's own statements of its date (meta tags, the
                # URL, time elements); not any date mentioned in the article.
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
            text = found.text if found is not None and found.text else ""
            if not text.strip():
                found = trafilatura.extract_metadata(markup, default_url=url)
        except Exception as exc:  # a third-party parser on arbitrary bytes; report, never crash
            raise ExtractError(
                f"not a readable HTML page: {type(exc).__name__}", "give the article as text"
            ) from None
    if not text.strip():
        text = page_text(markup)
        notes = ("no main article text found; took all the page's visible text",)
    if not text.strip():
        raise ExtractError("no text found in the HTML page", "give the article as text")
    return Extracted(
        text,
        _clean(getattr(found, "title", None)) or _html_title(markup),
        _clean(getattr(found, "sitename", None)),
        _web_url(getattr(found, "url", None)) or url,
        _iso_date(getattr(found, "date", None)),
        notes,
    )


def decode_html(data: bytes, charset: str | None) -> str:
    """DATA as text: its BOM, else CHARSET, else a <meta charset>, else UTF-8, else Windows-1252."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    for name in (charset, declared.group(1).decode("ascii") if declared else None):
        if name:
            try:
                return data.decode(name, errors="replace")
            except LookupError:
                continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _web_url(value: object) -> str | None:
    # A page's canonical link is the page's word: keep it only when it is a web address.
    if isinstance(value, str) and re.match(r"https?://[^\s/?#]+[^\s]*\Z", value, re.IGNORECASE):
        return value
    return None


def _iso_date(value: object) -> datetime.date | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


class _PageText(HTMLParser):
    """The visible text of a page, a line per block, without scripts, navigation and footers."""

    SKIP: Final = frozenset(
        {
            "script", "style", "noscript", "template", "iframe", "object", "svg", "math",
            "head", "nav", "footer", "header", "aside", "form", "button", "select", "textarea",
            "canvas", "video", "audio", "title",
        }
    )  # fmt: skip
    BLOCK: Final = frozenset(
        {
            "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
            "table", "section", "article", "blockquote", "pre", "dd", "dt", "figcaption", "hr",
            "main",
        }
    )  # fmt: skip
    VOID: Final = frozenset(
        {
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr",
        }
    )  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skipping = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag == "title":
            self.in_title = True
        if tag in self.SKIP and tag not in self.VOID:
            self.skipping += 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def _parsed(markup: str) -> _PageText:
    parser = _PageText()
    try:
        parser.feed(markup)
        parser.close()
    except (ValueError, AssertionError):  # html.parser's reaction to some broken markup
        pass
    return parser


def page_text(markup: str) -> str:
    """The visible text of MARKUP, one line per block, spaces collapsed."""
    lines = (" ".join(line.split()) for line in "".join(_parsed(markup).parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _html_title(markup: str) -> str | None:
    return _clean("".join(_parsed(markup[:65536]).title))


# PDF ----------------------------------------------------------------------------------------------


def pdf_to_text(data: bytes) -> Extracted:
    """The text of the PDF file DATA, page after page as pypdf gives it, with its title and date."""
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
    except ImportError:
        raise ExtractError(f"reading PDF needs the draft extra: {_EXTRA}") from None
    import io

    damaged = "the PDF is damaged or not a PDF"
    with _quiet():
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ExtractError(
                    "the PDF is encrypted with a password",
                    "give an unencrypted copy: qpdf --decrypt --password=PASSWORD IN OUT",
                )
            pages = [page.extract_text() or "" for page in reader.pages]
        except ExtractError:
            raise
        except (DependencyError, NotImplementedError) as exc:
            raise ExtractError(
                f"the PDF's encryption is not readable here ({exc})",
                "pip install cryptography, or give an unencrypted copy",
            ) from None
        except FileNotDecryptedError:
            raise ExtractError("the PDF is encrypted", "give an unencrypted copy") from None
        except PdfReadError as exc:
            raise ExtractError(f"{damaged}: {_first_line(exc)}", "give another copy") from None
        except Exception as exc:  # a third-party parser on arbitrary bytes; report, never crash
            raise ExtractError(f"{damaged}: {type(exc).__name__}", "give another copy") from None
        title, date = _pdf_info(reader)
    text = "\n".join(page.replace("\x00", "") for page in pages)
    if not text.strip():
        raise ExtractError(
            "the PDF has no text layer; is it a scan?",
            "run OCR on it first, e.g. with ocrmypdf, or give the article as text",
        )
    blank = sum(1 for page in pages if not page.strip())
    notes = (f"{blank} of {len(pages)} PDF pages have no text",) if blank else ()
    return Extracted(text, title, None, None, date, notes)


def _pdf_info(reader: Any) -> tuple[str | None, datetime.date | None]:
    # Metadata is optional and often wrong or broken: any failure means "none".
    title: str | None = None
    date: datetime.date | None = None
    with contextlib.suppress(Exception):
        info = reader.metadata
        if info is not None:
            title = _clean(info.title)
            with contextlib.suppress(Exception):
                created = info.creation_date
                date = created.date() if isinstance(created, datetime.datetime) else None
    return title, date


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0][:200]
