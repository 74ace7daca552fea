"""Text for a terminal or a CI log: what records say, without the control sequences they may hold.

A record can hold any character. Printed as it is, `ESC ] 52 ; c ; … BEL` sets the clipboard,
`ESC ] 0 ; … BEL` the window title, `ESC [ 2 J` clears the screen, a carriage return hides what
came before it on the line, and a right-to-left override (U+202E) shows text in another order
than it is read. Everything `adr` prints and every diagnostic the build logs goes through
`for_terminal`; JSON goes through `json_for_terminal`, which keeps the data and escapes them.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: they reorder the text around them."""
REPLACEMENT = "\ufffd"

# Linear: each alternative starts at an ESC (or an 8-bit introducer) and runs over one class.
_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC: title, clipboard, links
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, 8-bit
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM and APC strings
    r"|[\x90\x98\x9e\x9f][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # the same, 8-bit
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: cursor, colours, screen
    r"|\x1b[ -/]*[0-~]"  # any other escape
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def for_terminal(text: str) -> str:
    """`text` with each escape sequence, control character (but tab and newline) and
    bidirectional control replaced by U+FFFD, so it shows that something was there."""
    if text.isprintable():
        return text  # the usual case, checked in C
    return _CONTROL.sub(REPLACEMENT, _SEQUENCE.sub(REPLACEMENT, text))


def json_for_terminal(text: str) -> str:
    """JSON text (as `json.dumps(…, ensure_ascii=False)` writes it) with the characters it
    leaves raw that a terminal acts on, C1 controls and bidirectional controls, as `\\uXXXX`
    escapes: the same data, safe to print. They can only stand inside strings."""
    if text.isascii() and "\x7f" not in text:
        return text  # the usual case, checked in C
    return _JSON_UNSAFE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)
