"""Records per status over time, as an SVG drawn in the page (no script, no CDN): a stacked bar
per month of how many records were in each status at the month's end, from their history in
Git where there is one, else from their date and current status."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ...core.model import Decision
from .views import Status, StatusStyle

MAX_MONTHS = 48
"""The chart shows at most the last four years (counts still include older records)."""
_BAR, _GAP, _HEIGHT, _AXIS = 14, 4, 120, 18


@dataclass(frozen=True)
class Chart:
    months: list[str]
    """`YYYY-MM`, oldest first."""
    series: list[tuple[Status, list[int]]]
    """Each status (in lifecycle order) and its count at the end of each month."""

    @property
    def totals(self) -> list[int]:
        return [sum(counts[at] for _, counts in self.series) for at in range(len(self.months))]


def status_chart(decisions: Sequence[Decision], style: StatusStyle, today: datetime.date) -> Chart:
    """How many records were in each status at the end of each month."""
    events = [(decision, _events(decision)) for decision in decisions]
    firsts = [changes[0][0][:7] for _, changes in events if changes]
    if not firsts:
        return Chart([], [])
    months = _months(min(firsts), today.strftime("%Y-%m"))
    position = {month: at for at, month in enumerate(months)}
    steps: dict[str, list[int]] = {}
    for _, changes in events:
        for at, (day, status) in enumerate(changes):
            start = position.get(day[:7], 0 if day[:7] < months[0] else len(months))
            end_day = changes[at + 1][0][:7] if at + 1 < len(changes) else None
            end = len(months) if end_day is None else position.get(end_day, len(months))
            if end <= start:
                continue  # a later change in the same month: the month ends in that one
            delta = steps.setdefault(status, [0] * (len(months) + 1))
            delta[start] += 1
            delta[end] -= 1
    ordered = sorted(steps, key=lambda name: (style.rank(name), name))
    series = []
    for name in ordered:
        running, counts = 0, []
        for change in steps[name][: len(months)]:
            running += change
            counts.append(running)
        series.append((style.of(name or None), counts))
    return Chart(months[-MAX_MONTHS:], [(s, counts[-MAX_MONTHS:]) for s, counts in series])


def _events(decision: Decision) -> list[tuple[str, str]]:
    """(ISO day, status) from which on the record had that status, oldest first."""
    changes = [(change.date, change.status) for change in decision.history if change.status]
    if changes:
        return [(day, status or "") for day, status in changes]
    day = decision.date or decision.recorded
    return [(day, decision.status or "")] if day and len(day) >= 7 else []


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end_year, end_month = int(last[:4]), int(last[5:7])
    found = []
    while (year, month) <= (end_year, end_month):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def chart_svg(chart: Chart, title: str) -> Markup:
    """The chart as an inline SVG; every bar segment has a tooltip, the whole a title."""
    totals = chart.totals
    top = max(totals, default=0) or 1
    width = len(chart.months) * (_BAR + _GAP) + _GAP
    height = _HEIGHT + _AXIS
    parts = [
        f'<svg class="madr-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-label="{escape(title)}">'
    ]
    every = max(1, len(chart.months) // 8)
    for at, month in enumerate(chart.months):
        x = _GAP + at * (_BAR + _GAP)
        y = float(_HEIGHT)
        for status, counts in chart.series:
            count = counts[at]
            if not count:
                continue
            tall = _HEIGHT * count / top
            y -= tall
            parts.append(
                f'<rect x="{x}" y="{y:.1f}" width="{_BAR}" height="{tall:.1f}" '
                f'style="fill: {escape(status.colour or "#757575")}">'
                f"<title>{escape(month)}: {escape(status.label)} {count}</title></rect>"
            )
        if at % every == 0:
            parts.append(
                f'<text x="{x}" y="{height - 4}" class="madr-chart__axis">{escape(month)}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))
