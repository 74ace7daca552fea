"""C4 architecture diagrams: read Mermaid C4 code blocks and index their elements by alias.

Pure core: no MkDocs. `find_c4_diagrams` reads a page, `C4Index.build` joins many pages' diagrams.
"""

from __future__ import annotations

from .index import C4Index
from .model import Boundary, C4Relation, Diagram, Element, family_of
from .parser import find_c4_diagrams, is_c4_source, parse_c4

__all__ = [
    "Boundary",
    "C4Index",
    "C4Relation",
    "Diagram",
    "Element",
    "family_of",
    "find_c4_diagrams",
    "is_c4_source",
    "parse_c4",
]
