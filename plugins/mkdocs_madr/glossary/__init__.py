"""Glossary terms: read a glossary page and link its terms wherever decisions use them.

`parse_glossary` reads the glossary page; `GlossaryExtension` is the Python-Markdown
extension that links terms on each page and anchors the entries on the glossary page itself.
"""

from __future__ import annotations

from .glossary_page import USAGE_PLACEHOLDER
from .linker import TERM_CLASS, UNKNOWN_TERM_CLASS, GlossaryExtension, without_term_links
from .model import Glossary, Term, TermForm
from .parser import parse_glossary

__all__ = [
    "TERM_CLASS",
    "UNKNOWN_TERM_CLASS",
    "USAGE_PLACEHOLDER",
    "Glossary",
    "GlossaryExtension",
    "Term",
    "TermForm",
    "parse_glossary",
    "without_term_links",
]
