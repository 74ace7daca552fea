"""The site's words in the site's language: catalogues, the `language` and `labels` options."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs_madr.core.labels import CATALOGUES, catalogue, language_of, placeholders
from mkdocs_madr.core.settings import SettingsError, load_settings
from support import REPO, BuildSite, base_config

RECORDS = {
    "decisions/0001-a.md": "# Un\n\n* Status: accepted\n* Deciders: Ada\n",
    "decisions/0002-b.md": "# Deux\n\n* Status: superseded by [ADR-0001](0001-a.md)\n",
}


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_every_catalogue_has_every_label_with_its_placeholders(language: str) -> None:
    english, labels = CATALOGUES["en"], CATALOGUES[language]
    assert labels.keys() == english.keys()
    for key, text in labels.items():
        assert text.strip(), key
        assert placeholders(text) == placeholders(english[key]), key
    assert len(labels["months"].split("|")) == 12


def test_every_label_is_documented() -> None:
    configuration = (REPO / "docs/using/configuration.md").read_text(encoding="utf-8")
    for key in CATALOGUES["en"]:
        assert f"| `{key}` |" in configuration, key


def test_a_language_code_finds_its_catalogue() -> None:
    assert language_of("pt-BR") == language_of("pt_BR") == "pt"
    assert language_of("ja") is None
    assert catalogue("ja")["decision_log"] == "Decision log"
    assert catalogue("de", {"decision_log": "Entscheidungen"})["decision_log"] == "Entscheidungen"


def test_a_site_in_french_writes_french(build_site: BuildSite) -> None:
    config = base_config()
    config["theme"]["language"] = "fr"
    site = build_site(RECORDS, config)
    log = site.html("decisions/")
    assert "Journal des décisions</h1>" in log
    assert ">Décideur <select" in log
    assert "Acceptée" in log
    record = site.html("decisions/0002-b/")
    assert "Remplacée par" in record
    assert "Chronologie" in site.html("decisions/timeline/")


def test_the_plugin_language_wins_and_any_label_can_be_replaced(build_site: BuildSite) -> None:
    config = base_config(language="de", labels={"decision_log": "Unsere Entscheidungen"})
    config["theme"]["language"] = "fr"
    site = build_site(RECORDS, config)
    log = site.html("decisions/")
    assert "Unsere Entscheidungen</h1>" in log
    assert ">Entscheider <select" in log


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("language: klingon", "madr.language: must be one of en, fr, de, es, pt, it, nl"),
        ("labels: {decision_lgo: x}", "madr.labels: unknown label 'decision_lgo'"),
        ("labels: {showing_count: 'Showing {shown}'}", "showing_count: must use {count}, {shown}"),
        ("labels: {and_more: 'and {count more'}", "and_more: unbalanced braces"),
        ("labels: {months: 'Jan|Feb'}", "months: must name twelve months"),
    ],
)
def test_bad_language_or_labels_are_refused_with_a_reason(
    tmp_path: Path, options: str, message: str
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nplugins:\n  - madr:\n      {options}\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=message.replace("{", r"\{").replace("|", r"\|")):
        load_settings(config)
