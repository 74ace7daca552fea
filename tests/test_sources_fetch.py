"""Fetching another site's `decisions.json`: JSON only, within time and size, and the schema
that documents the file covers every field it has."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs_madr.core.sources.config import Source, check_sources
from mkdocs_madr.core.sources.fetch import FetchError, fetch
from mkdocs_madr.core.sources.remote import read_remote
from support import REPO


class _Answer:
    body = b'{"version": 1, "decisions": []}'
    content_type = "application/json"
    length = True
    delay = 0.0
    location: str | None = None


@pytest.fixture
def answer() -> Iterator[tuple[_Answer, str]]:
    wanted = _Answer()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if wanted.location is not None:
                self.send_response(302)
                self.send_header("Location", wanted.location)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", wanted.content_type)
            if wanted.length:
                self.send_header("Content-Length", str(len(wanted.body)))
            self.end_headers()
            half = len(wanted.body) // 2
            self.wfile.write(wanted.body[:half])
            self.wfile.flush()
            time.sleep(wanted.delay)
            self.wfile.write(wanted.body[half:])

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield wanted, f"http://127.0.0.1:{server.server_address[1]}/decisions.json"
    server.shutdown()
    server.server_close()


def test_a_body_without_a_length_is_cut_at_the_size_limit(answer: tuple[_Answer, str]) -> None:
    wanted, url = answer
    wanted.body = b'{"version": 1, "decisions": [' + b" " * 200_000 + b"]}"
    wanted.length = False
    with pytest.raises(FetchError, match="larger than the 100000 bytes allowed"):
        fetch(url, timeout=5, max_size=100_000)
    assert fetch(url, timeout=5, max_size=300_000) == wanted.body


def test_a_slow_answer_is_given_up_on(answer: tuple[_Answer, str]) -> None:
    wanted, url = answer
    wanted.delay = 3
    started = time.monotonic()
    with pytest.raises(FetchError, match="the 1-second limit"):
        fetch(url, timeout=1, max_size=1000)
    assert time.monotonic() - started < 2.5


def test_json_types_are_read_and_others_refused(answer: tuple[_Answer, str]) -> None:
    wanted, url = answer
    wanted.content_type = "application/vnd.example+json; charset=utf-8"
    assert fetch(url, timeout=5, max_size=1000) == wanted.body
    wanted.content_type = "text/plain"
    with pytest.raises(FetchError, match="sent text/plain, not JSON"):
        fetch(url, timeout=5, max_size=1000)


def test_a_redirect_elsewhere_than_http_is_refused(
    answer: tuple[_Answer, str], tmp_path: Path
) -> None:
    wanted, url = answer
    secret = tmp_path / "secret.json"
    secret.write_text('{"version": 1, "decisions": []}', encoding="utf-8")
    wanted.location = secret.as_uri()
    with pytest.raises(FetchError, match="is not allowed"):
        fetch(url, timeout=5, max_size=1000)
    wanted.location = "ftp://127.0.0.1/decisions.json"
    with pytest.raises(FetchError, match="not an http"):
        fetch(url, timeout=5, max_size=1000)


def test_the_cache_is_written_only_from_a_good_copy(
    answer: tuple[_Answer, str], tmp_path: Path
) -> None:
    wanted, url = answer
    source = Source(name="catalog", url=url)
    assert read_remote(source, tmp_path).cached is None
    kept = (tmp_path / "catalog.json").read_bytes()
    wanted.body = b'{"version": 2, "decisions": []}'
    later = read_remote(source, tmp_path)
    assert later.problem is not None
    assert "format version is 2" in later.problem
    assert later.cached is not None
    assert later.document == json.loads(kept)
    assert (tmp_path / "catalog.json").read_bytes() == kept


@pytest.mark.parametrize(
    ("entries", "said"),
    [
        ("x", "must be a list"),
        ([{"name": "Work Flows", "path": "x"}], "name must be lower-case"),
        ([{"name": "w", "path": "x", "url": "https://a/b.json"}], "exactly one of path and url"),
        ([{"name": "w"}], "exactly one of path and url"),
        ([{"name": "w", "url": "ftp://a/b.json"}], "file:, http: or https:"),
        ([{"name": "w", "path": "a"}, {"name": "w", "path": "b"}], "used twice"),
        ([{"name": "w", "path": "a", "colour": 1}], "unknown key 'colour'"),
        ([{"name": "w", "url": "https://a/b.json", "timeout": 0}], "timeout must be"),
        ([{"name": "w", "url": "https://a/b.json", "edit_uri": "https://e/"}], "edit_uri is for"),
    ],
)
def test_bad_entries_are_refused_with_a_reason(entries: object, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        check_sources(entries)


def test_the_schema_describes_every_field_of_decisions_json(tmp_path: Path) -> None:
    from mkdocs_madr.core.collection import load_collection
    from mkdocs_madr.core.export import SCHEMA_VERSION, collection_to_dict

    schema = json.loads((REPO / "docs/using/decisions.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["version"]["const"] == SCHEMA_VERSION
    document = collection_to_dict(load_collection(REPO / "decisions"))
    assert set(document) == set(schema["required"])
    described = schema["$defs"]["decision"]["properties"]
    for entry in document["decisions"]:
        entry["url"] = None
        assert set(entry) <= set(described), set(entry) - set(described)
        assert set(schema["$defs"]["decision"]["required"]) <= set(entry)
        for name, value in entry.items():
            kinds = described[name].get("type")
            if kinds is None:
                continue
            allowed = kinds if isinstance(kinds, list) else [kinds]
            assert _json_type(value) in allowed, (name, value, allowed)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {str: "string", list: "array", dict: "object"}[type(value)]
