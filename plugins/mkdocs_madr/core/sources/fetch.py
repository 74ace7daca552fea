"""Fetching another site's `decisions.json`: JSON only, within a time and a size limit.

Only `http:`, `https:` and `file:` addresses are read; redirects are followed only to `http:`
and `https:`. A response that does not say it is JSON is refused before its body is read.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHUNK = 64 * 1024
_JSON_TYPES = ("application/json", "text/json")


class FetchError(Exception):
    """The document could not be fetched; the message says why, in a few words."""


def fetch(url: str, *, timeout: float, max_size: int) -> bytes:
    """The bytes at `url`; raises `FetchError`."""
    if urlsplit(url).scheme == "file":
        return _read_file(url, max_size)
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with _opener().open(request, timeout=timeout) as response:
            _check_type(response.headers)
            length = response.headers.get("Content-Length")
            if length is not None and length.isdigit() and int(length) > max_size:
                raise FetchError(f"it is {int(length)} bytes, larger than the {max_size} allowed")
            return _read_limited(response, deadline, timeout, max_size)
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"cannot connect ({error.reason})") from None
    except TimeoutError:
        raise FetchError(f"no answer within the {timeout:g}-second limit") from None
    except OSError as error:
        raise FetchError(error.strerror or type(error).__name__) from None


def _read_limited(response: object, deadline: float, timeout: float, max_size: int) -> bytes:
    read = getattr(response, "read")  # noqa: B009 - an http.client response or a test double
    chunks: list[bytes] = []
    size = 0
    while chunk := read(CHUNK):
        size += len(chunk)
        if size > max_size:
            raise FetchError(f"it is larger than the {max_size} bytes allowed")
        if time.monotonic() > deadline:
            raise FetchError(f"it took longer than the {timeout:g}-second limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_type(headers: Message) -> None:
    kind = headers.get_content_type()
    if kind not in _JSON_TYPES and not kind.endswith("+json"):
        raise FetchError(f"the server sent {kind}, not JSON")


def _read_file(url: str, max_size: int) -> bytes:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise FetchError(f"a file: address on another host ({parts.netloc}) cannot be read")
    path = Path(unquote(parts.path))
    try:
        with path.open("rb") as stream:
            data = stream.read(max_size + 1)
    except OSError as error:
        raise FetchError(f"cannot read {path}: {error.strerror or type(error).__name__}") from None
    if len(data) > max_size:
        raise FetchError(f"it is larger than the {max_size} bytes allowed")
    return data


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"it redirects to {newurl}, which is not an http(s) address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def _opener() -> urllib.request.OpenerDirector:
    """An opener for http(s) alone (no ftp:, no file:, no data:), through the usual proxies."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        _HttpOnlyRedirects(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.HTTPDefaultErrorHandler(),
    ):
        opener.add_handler(handler)
    return opener
