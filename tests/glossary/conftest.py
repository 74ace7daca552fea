"""Fixtures for the glossary tests."""

from __future__ import annotations

import pytest
from glossary_helpers import fixture_text
from mkdocs_madr.glossary import Glossary, parse_glossary


@pytest.fixture
def platform_glossary() -> Glossary:
    """The mixed-form glossary of the homelab AI platform fixture."""
    glossary, _ = parse_glossary(fixture_text("mixed.md"), "glossary.md")
    return glossary
