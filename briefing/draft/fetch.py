"""Fetch one web page or PDF for a draft, and nothing else: no page's images, scripts or frames.

Plain urllib (no extra dependency): http and https only, redirects followed
by hand (at most five, never to another scheme, never in a loop), a size cap
on what is read, a timeout on every step and a deadline on the whole.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from typing import Final, NamedTuple

from briefing import __version__
from briefing.draft.regex import Pattern

#: Redirects followed before giving up.
MAX_REDIRECTS: Final = 5
#: The whole fetch may take this many times the timeout (which bounds each step).
DEADLINE_FACTOR: Final = 6
USER_AGENT: Final = f"briefing/{__version__} (drafts knowledge files from news articles)"
_ACCEPT: Final = "text/html, application/xhtml+xml, application/pdf;q=0.9, text/plain;q=0.8"
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_CHUNK: Final = 64 * 1024
_KINDS: Final = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "text/plain": "text",
    "text/markdown": "text",
    "text/x-markdown": "text",
}
_GENERIC: Final = frozenset({"application/octet-stream", "binary/octet-stream"})
_CHARSET: Final = Pattern(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


class FetchError(Exception):
    """The page could not be fetched: a message and a hint, without the URL."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class TooBigError(Exception):
    """The page is larger than the limit (SIZE is a lower bound unless EXACT)."""

    def __init__(self, size: int, limit: int, *, exact: bool) -> None:
        super().__init__(size, limit)
        self.size = size
        self.limit = limit
        self.exact = exact


class Page(NamedTuple):
    #: The URL the body came from, after redirects.
    url: str
    #: "html", "pdf" or "text" from the content type; None to tell by the bytes.
    kind: str | None
    #: The content type the server named (None for none), and its charset.
    content_type: str | None
    charset: str | None
    body: bytes


def fetch(url: str, *, max_bytes: int, timeout: float) -> Page:
    """GET URL (http or https), following redirects; FetchError or TooBigError on any failure."""
    opener = _opener()
    deadline = time.monotonic() + timeout * DEADLINE_FACTOR
    seen = [_check_url(url)]
    while True:
        response = _open(opener, seen[-1], timeout)
        with response:
            status = response.status
            if status in _REDIRECTS:
                target = _redirect_target(response, seen)
            elif 200 <= status < 300:
                return _page(response, seen[-1], max_bytes, deadline)
            else:
                raise _status_error(status, response.reason)
        seen.append(target)


def _opener() -> urllib.request.OpenerDirector:
    # Built by hand, so that nothing but http and https can be opened, and
    # redirects and error statuses come back as responses to look at.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
    ):
        opener.add_handler(handler)
    return opener


def _check_url(url: str) -> str:
    """URL with non-ASCII characters percent-encoded, if it is an http(s) URL with a host."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 -- a port that is not a number raises here, not mid-request
    except ValueError as exc:
        raise FetchError(f"not a valid address: {exc}", "check the URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(
            f"redirected to {url}, which is not followed",
            "only http:// and https:// addresses are read",
        )
    if not parts.hostname:
        raise FetchError("the address has no host name", "check the URL")
    safe = "/?#[]@!$&'()*+,;=%:~"
    return urllib.parse.urlunsplit(
        (
            parts.scheme.lower(),
            parts.netloc,
            urllib.parse.quote(parts.path, safe=safe),
            urllib.parse.quote(parts.query, safe=safe),
            "",
        )
    )


def _open(
    opener: urllib.request.OpenerDirector, url: str, timeout: float
) -> http.client.HTTPResponse:
    request = urllib.request.Request(
        url,
        headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "gzip"},
    )
    try:
        response = opener.open(request, timeout=timeout)
    except urllib.error.URLError as exc:
        raise _network_error(exc.reason, timeout) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise _network_error(exc, timeout) from None
    if not isinstance(response, http.client.HTTPResponse):  # pragma: no cover - http(s) only
        raise FetchError("unexpected response", "check the URL")
    return response


def _network_error(reason: object, timeout: float) -> FetchError:
    later = "check the address, or try again later"
    if isinstance(reason, TimeoutError):
        return FetchError(f"no answer within {timeout:g} seconds", later)
    if isinstance(reason, socket.gaierror):
        return FetchError("host not found", "check the address and the network")
    if isinstance(reason, ssl.SSLCertVerificationError):
        return FetchError(f"the site's certificate is not valid: {reason.verify_message}", later)
    if isinstance(reason, ConnectionRefusedError):
        return FetchError("connection refused", later)
    if isinstance(reason, OSError) and reason.strerror:
        return FetchError(f"cannot connect: {reason.strerror}", later)
    return FetchError(f"cannot fetch: {reason}", later)


def _redirect_target(response: http.client.HTTPResponse, seen: list[str]) -> str:
    location = response.headers.get("Location")
    if not location:
        raise FetchError(f"HTTP {response.status} redirect without a Location", "check the URL")
    target = _check_url(urllib.parse.urljoin(seen[-1], location.strip()))
    if target in seen:
        raise FetchError(
            f"redirect loop ({len(seen)} redirects, back to {target})",
            "the site is misconfigured; save the page from a browser and give the file",
        )
    if len(seen) > MAX_REDIRECTS:
        raise FetchError(
            f"too many redirects (more than {MAX_REDIRECTS})",
            "save the page from a browser and give the file",
        )
    return target


def _status_error(status: int, reason: str) -> FetchError:
    said = f"HTTP {status} {reason}".rstrip()
    if status in (401, 403, 429) or status >= 500:
        hint = "the site refused or failed; try later, or save the page from a browser"
        return FetchError(said, hint)
    if status in (404, 410):
        return FetchError(said, "check the URL")
    return FetchError(said, "expected a page (HTTP 200)")


def _page(response: http.client.HTTPResponse, url: str, limit: int, deadline: float) -> Page:
    header = response.headers.get("Content-Type")
    kind, content_type, charset = _kind(header)
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > limit:
        raise TooBigError(int(length), limit, exact=True)
    body = _read(response, limit, deadline)
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        body = _inflate(body, limit)
    elif encoding not in ("", "identity"):
        raise FetchError(
            f"the server sent the page in {encoding} encoding, which is not read",
            "save the page from a browser and give the file",
        )
    return Page(url, kind, content_type, charset, body)


def _kind(header: str | None) -> tuple[str | None, str | None, str | None]:
    """The kind a Content-Type header names (None to tell by the bytes), the type, the charset."""
    content_type = (header or "").split(";")[0].strip().lower()
    if content_type.count("/") != 1:
        return None, None, None
    found = _CHARSET.search(header or "")
    charset = found.group(1) if found else None
    if content_type in _GENERIC:
        return None, content_type, charset
    kind = _KINDS.get(content_type)
    if kind is None:
        raise FetchError(
            f"the server sent {content_type}, not a page",
            "give an HTML page, a PDF or plain text",
        )
    return kind, content_type, charset


def _read(response: http.client.HTTPResponse, limit: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    slow = "try again later, or save the page from a browser and give the file"
    try:
        while size <= limit:
            chunk = response.read1(min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if time.monotonic() > deadline:
                raise FetchError("the download is too slow", slow)
    except (OSError, http.client.HTTPException) as exc:
        if isinstance(exc, TimeoutError):
            raise FetchError("the server stopped sending", slow) from None
        raise FetchError(f"the download failed: {exc}", slow) from None
    if size > limit:
        raise TooBigError(size, limit, exact=False)
    if response.length:
        # read1 does not complain when the connection closes early; what is left says so.
        raise FetchError(f"the download was cut off after {size} bytes", slow)
    return b"".join(chunks)


def _inflate(body: bytes, limit: int) -> bytes:
    # 32 + 15: a gzip or a zlib header, told apart by the bytes.
    inflater = zlib.decompressobj(47)
    damaged = FetchError("the compressed page is damaged", "try again later")
    try:
        data = inflater.decompress(body, limit + 1)
    except zlib.error:
        raise damaged from None
    if len(data) > limit:
        raise TooBigError(len(data), limit, exact=False)
    if not inflater.eof:
        raise damaged
    return data
