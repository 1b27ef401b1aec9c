"""The situation report as Markdown, for pasting into a brief (no map; a text timeline)."""

from __future__ import annotations

from collections.abc import Sequence

from conflictlens.analysis.fields import Record, event_id, integer, text
from conflictlens.report.evidence import evidence_pieces, place_text
from conflictlens.report.sitrep import Ranked, SitRep

__all__ = ["render_markdown"]

BAR_WIDTH = 30
"""Characters of the longest timeline bar."""


def render_markdown(report: SitRep, footer: str = "") -> str:
    lines = [
        f"# {report.title}",
        "",
        f"Events: {report.scope}. {report.period.start} to {report.period.end} "
        f"({report.period.days} days), compared with {report.previous.start} to "
        f"{report.previous.end}.",
        "",
        "| | This period | Previous | Change |",
        "|---|---:|---:|---|",
        *(
            f"| {h.label} | {h.current} | {h.previous} | {h.change_text()} |"
            for h in report.headlines
        ),
        "",
        f"## When (events per {report.interval})",
        "",
        "```",
        *_timeline(report),
        "```",
        "",
        "## Top actors",
        "",
        *_ranked(report.actors, "Actor"),
        "",
        "## Top places",
        "",
        *_ranked(report.places, "Place"),
        "",
        "## Events",
        "",
        *(line for record in report.events for line in _event(record)),
    ]
    if report.outside:
        lines += [
            "",
            f"Not counted (dated only to a period reaching beyond this one): "
            f"{', '.join(report.outside)}.",
        ]
    if footer:
        lines += ["", f"_{footer}_"]
    return "\n".join(lines).rstrip() + "\n"


def _timeline(report: SitRep) -> list[str]:
    top = max([bar.tally.events for bar in report.bars] + [1])
    lines = []
    for bar in report.bars:
        mark = "#" if bar.current else "."
        width = round(BAR_WIDTH * bar.tally.events / top)
        lines.append(f"{bar.label:<10} {mark * width:<{BAR_WIDTH}} {bar.tally.events}")
    return lines


def _ranked(rows: Sequence[Ranked], heading: str) -> list[str]:
    if not rows:
        return ["None."]
    return [
        f"| {heading} | Events | Fatalities | |",
        "|---|---:|---:|---|",
        *(f"| {_cell(r.name)} | {r.events} | {r.fatalities} | {_cell(r.detail)} |" for r in rows),
    ]


def _event(record: Record) -> list[str]:
    who = " → ".join(n for n in (text(record, "actor1"), text(record, "actor2")) if n)
    where = place_text(record)
    deaths = integer(record, "fatalities")
    head = " · ".join(
        part
        for part in (
            f"**{text(record, 'event_date') or '?'}**",
            text(record, "sub_event_type") or "?",
            who or "actors unknown",
            where or "place unknown",
            f"fatalities: {'not stated' if deaths is None else deaths}",
            text(record, "claim_status") or "reported",
        )
    )
    quote = "".join(
        f"**{t.strip()}**" if marked and t.strip() else t for t, marked in evidence_pieces(record)
    )
    lines = [
        f"- {head}  ",
        f"  Source: {text(record, 'source') or 'unknown'} · document "
        f"{text(record, 'doc_id') or '?'} · {event_id(record)}",
    ]
    if quote:
        lines += ["", f"  > {quote}"]
    lines.append("")
    return lines


def _cell(value: str) -> str:
    return value.replace("|", "\\|")
