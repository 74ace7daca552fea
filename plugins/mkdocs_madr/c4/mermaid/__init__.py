"""What Mermaid 11 makes of a C4 diagram, worked out in Python.

Mermaid's C4 reader is a generated lexer and parser whose quirks decide what is drawn: an
unquoted argument runs on to the next comma, a `%%` comment swallows the line break after it,
a `$name=` argument takes the place it stands in. `text` prepares the source as Mermaid does
before reading it, `lexer` cuts it into Mermaid's tokens, `grammar` checks them against
Mermaid's grammar and collects the statements, and `db` keeps what Mermaid keeps of them.
`tests/c4/test_browser_mermaid_parity.py` holds this against Mermaid itself, in Chromium.
"""

from __future__ import annotations

from .db import Drawn, draw
from .grammar import Failure, Reading, read
from .text import Prepared, prepare

__all__ = ["Drawn", "Failure", "Prepared", "Reading", "draw", "prepare", "read"]
