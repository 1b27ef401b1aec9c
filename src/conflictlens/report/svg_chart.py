"""The timeline: one bar per day, week or month, previous window greyed, as inline SVG."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from conflictlens.analysis.periods import Period
from conflictlens.analysis.trends import Tally
from conflictlens.report.svg import attr

__all__ = ["Bar", "render_timeline"]

WIDTH, HEIGHT = 760.0, 232.0
LEFT, RIGHT, TOP, BOTTOM = 40.0, 18.0, 34.0, 40.0
MAX_LABELS = 12
"""At most this many date labels under the bars; the others are skipped evenly."""


@dataclass(frozen=True, slots=True)
class Bar:
    period: Period
    label: str
    current: bool
    """In the report's period (else in the previous window it is compared with)."""
    tally: Tally


def render_timeline(bars: Sequence[Bar]) -> str:
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = max([bar.tally.events for bar in bars] + [1])
    step = plot_w / max(len(bars), 1)
    every = max(1, math.ceil(len(bars) / MAX_LABELS))
    parts = [
        f'<svg id="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} '
        f'{HEIGHT:g}" role="img" aria-label="Events over time">',
        _axis(top, plot_h),
    ]
    for index, bar in enumerate(bars):
        parts.append(_bar(bar, LEFT + index * step, step, top, plot_h, index % every == 0))
    parts.append(_divider(bars, step, plot_h))
    parts.append("</svg>")
    return "\n".join(part for part in parts if part)


def _bar(bar: Bar, x: float, step: float, top: int, plot_h: float, labelled: bool) -> str:
    height = plot_h * bar.tally.events / top
    y = TOP + plot_h - height
    css = "bar current" if bar.current else "bar previous"
    tip = f"{bar.period.start} to {bar.period.end}: {bar.tally.events} event(s)"
    shapes = [
        f'<rect class="{css}" x="{x + step * 0.1:.1f}" y="{y:.1f}" width="{step * 0.8:.1f}" '
        f'height="{height:.1f}" data-events="{bar.tally.events}"><title>{attr(tip)}</title></rect>'
    ]
    middle = x + step / 2
    if bar.tally.events:
        shapes.append(
            f'<text class="value" x="{middle:.1f}" y="{y - 4:.1f}">{bar.tally.events}</text>'
        )
    if labelled:
        shapes.append(
            f'<text class="tick" x="{middle:.1f}" y="{TOP + plot_h + 16:.1f}">'
            f"{attr(bar.label)}</text>"
        )
    return "".join(shapes)


def _axis(top: int, plot_h: float) -> str:
    lines = [
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" '
        f'y2="{TOP + plot_h}"/>'
    ]
    for value in sorted({0, top // 2, top}):
        y = TOP + plot_h - plot_h * value / top
        lines.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
            f'<text class="ytick" x="{LEFT - 6}" y="{y + 4:.1f}">{value}</text>'
        )
    return "".join(lines)


def _divider(bars: Sequence[Bar], step: float, plot_h: float) -> str:
    first = next((i for i, bar in enumerate(bars) if bar.current), None)
    if not first:
        return ""
    x = LEFT + first * step
    return (
        f'<line class="divider" x1="{x:.1f}" y1="{TOP - 22}" x2="{x:.1f}" y2="{TOP + plot_h}"/>'
        f'<text class="window previous" x="{x - 6:.1f}" y="{TOP - 16}">previous window</text>'
        f'<text class="window current" x="{x + 6:.1f}" y="{TOP - 16}">report period</text>'
    )
