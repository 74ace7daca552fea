"""CSS colours from the configuration, read far enough to choose readable text on them."""

from __future__ import annotations

import colorsys
import re
from collections.abc import Mapping

from ...core.diagnostics import Code, Diagnostic, diagnostic

_HEX = re.compile(r"#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_FUNCTION = re.compile(r"(rgba?|hsla?)\(([^()]*)\)", re.IGNORECASE)
WHITE = (1.0, 1.0, 1.0)
BLACK = (0.0, 0.0, 0.0)
LEGIBLE = 4.5
"""WCAG 2.2 AA contrast for text of ordinary size."""

RGB = tuple[float, float, float]


def parse_colour(value: str) -> RGB | None:
    """A hex, `rgb()` or `hsl()` colour as red, green, blue from 0 to 1; None for others
    (names, `var(…)`), whose contrast cannot be known here."""
    value = value.strip()
    if match := _HEX.fullmatch(value):
        digits = match[1]
        if len(digits) in (3, 4):
            digits = "".join(char * 2 for char in digits)
        return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    match = _FUNCTION.fullmatch(value)
    if match is None:
        return None
    parts = [part for part in re.split(r"[\s,/]+", match[2].strip()) if part]
    if len(parts) < 3:
        return None
    try:
        if match[1].lower().startswith("rgb"):
            return tuple(_channel(part) for part in parts[:3])  # type: ignore[return-value]
        hue = float(parts[0].removesuffix("deg")) / 360 % 1
        saturation, lightness = (float(part.removesuffix("%")) / 100 for part in parts[1:3])
    except ValueError:
        return None
    return colorsys.hls_to_rgb(hue, min(max(lightness, 0), 1), min(max(saturation, 0), 1))


def _channel(part: str) -> float:
    value = float(part[:-1]) / 100 if part.endswith("%") else float(part) / 255
    return min(max(value, 0.0), 1.0)


def luminance(colour: RGB) -> float:
    """Relative luminance (WCAG 2.2)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: RGB, second: RGB) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour(background: str) -> str | None:
    """White text when it is legible on `background`, else whichever of white and black reads
    better (one always reaches 4.5:1); None when the colour cannot be read."""
    colour = parse_colour(background)
    if colour is None:
        return None
    on_white = contrast(colour, WHITE)
    return "#fff" if on_white >= LEGIBLE or on_white >= contrast(colour, BLACK) else "#000"


def colour_problems(statuses: Mapping[str, str], config: str, config_text: str) -> list[Diagnostic]:
    """A `status-colour` diagnostic for each status colour whose contrast cannot be checked,
    at its line of the configuration file `config` (whose text is `config_text`)."""
    problems = []
    lines = config_text.splitlines()
    for name, colour in statuses.items():
        if not colour.strip() or parse_colour(colour) is not None:
            continue
        key = re.compile(rf"""^\s*(?:-\s*)?["']?{re.escape(name)}["']?\s*:""", re.IGNORECASE)
        line = next((n for n, text in enumerate(lines, start=1) if key.match(text)), None)
        problems.append(
            diagnostic(
                Code.STATUS_COLOUR,
                config,
                line,
                f"status '{name}': cannot check the contrast of '{colour}' (write it as a hex, "
                "rgb() or hsl() colour)",
            )
        )
    return problems
