"""`decisions.atom`: the newest dated records as an Atom feed, for sites with a `site_url`."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path

from support import BuildSite, base_config
from test_site import records

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_config(**plugin: object) -> dict[str, object]:
    config = base_config(**plugin)
    config["site_url"] = "https://adr.example.org/docs/"
    return config


def test_feed_lists_dated_records_newest_first(build_site: BuildSite) -> None:
    site = build_site(records(), feed_config())
    feed = etree.fromstring((site.site_dir / "decisions.atom").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == "https://adr.example.org/docs/decisions.atom"
    assert feed.findtext(f"{ATOM}updated") == "2025-05-01T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles == [
        "ADR-0003: Adopt an event catalogue",
        "ADR-0002: Use MessagePack for messages",
        "ADR-0001: Use JSON for messages",
    ]
    newest, middle = entries[0], entries[1]
    link = newest.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == "https://adr.example.org/docs/decisions/0003-event-catalogue/"
    assert [c.get("term") for c in middle.findall(f"{ATOM}category")] == [
        "Accepted",
        "messaging",
        "encoding",
    ]
    assert [a.findtext(f"{ATOM}name") for a in middle.findall(f"{ATOM}author")] == ["Ada"]
    assert middle.findtext(f"{ATOM}summary") == "Status: Accepted. Chosen option: MessagePack."


def test_pages_link_the_feed_relative_to_themselves(build_site: BuildSite) -> None:
    """Relative, so that under `mkdocs serve` the link stays on the local server."""
    site = build_site(records(), feed_config())
    timeline = site.html("decisions/timeline/")
    assert '<a href="../../decisions.atom" type="application/atom+xml">' in timeline
    discovery = (
        '<link rel="alternate" type="application/atom+xml" title="Test site: decisions" href="{}">'
    )
    assert discovery.format("../../decisions.atom") in timeline
    assert discovery.format("decisions.atom") in site.html("")
    assert "adr.example.org" not in timeline.split("</head>")[1]


def test_no_feed_without_a_site_url_or_when_turned_off(build_site: BuildSite) -> None:
    site = build_site(records())
    assert not (site.site_dir / "decisions.atom").exists()
    assert "decisions.atom" not in site.html("decisions/timeline/")
    assert "application/atom+xml" not in site.html("")
    site = build_site(records(), feed_config(feed=False))
    assert not (site.site_dir / "decisions.atom").exists()


def test_feed_text_is_escaped_and_stays_well_formed(build_site: BuildSite) -> None:
    files = records()
    files["decisions/0004-hostile.md"] = (
        "---\nstatus: accepted\ndate: 2025-06-01\ntags: ['<b>x</b>', 'a\"b']\n---\n"
        "# Use <script>alert(1)</script> & ]]> \x01 here\n\nText.\n"
    )
    site = build_site(files, feed_config())
    raw = (site.site_dir / "decisions.atom").read_text(encoding="utf-8")
    assert "<script>" not in raw
    assert "<b>" not in raw
    entry = etree.fromstring(raw.encode()).findall(f"{ATOM}entry")[0]
    title = entry.findtext(f"{ATOM}title") or ""
    assert " ".join(title.split()) == "ADR-0004: Use alert(1) & ]]> here"  # as the log shows it
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")][1:] == ["x", 'a"b']


def entry_titles(site_dir: Path) -> list[str]:
    feed = etree.fromstring((site_dir / "decisions.atom").read_bytes())
    return [entry.findtext(f"{ATOM}title") or "" for entry in feed.findall(f"{ATOM}entry")]


def test_one_entry_per_address(build_site: BuildSite) -> None:
    """Two files at one address (reported as duplicate-url) make one page, so one entry: Atom
    ids, which are the addresses, must be unique."""
    files = records()
    body = "---\nstatus: accepted\ndate: 2025-07-01\n---\n# Use Redis {n}\n\nText.\n"
    files["decisions/use-redis.md"] = body.format(n=1)
    files["decisions/use-redis.markdown"] = body.format(n=2)
    site = build_site(files, feed_config())
    titles = entry_titles(site.site_dir)
    assert len([title for title in titles if "Use Redis" in title]) == 1
    assert len(titles) == 4


def test_a_record_without_a_page_is_left_out(build_site: BuildSite) -> None:
    """A docs page at a record's address wins; the record is not published, so not in the feed."""
    files = records()
    files["docs/decisions/0003-event-catalogue.md"] = "# The catalogue, by hand\n\nText.\n"
    site = build_site(files, feed_config())
    assert entry_titles(site.site_dir) == [
        "ADR-0002: Use MessagePack for messages",
        "ADR-0001: Use JSON for messages",
    ]
