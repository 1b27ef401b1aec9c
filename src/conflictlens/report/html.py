"""The situation report as one self-contained HTML page: inline CSS and SVG, nothing fetched."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from string import Template

from conflictlens.analysis.fields import Record, event_id, integer, text
from conflictlens.report.basemap import Basemap
from conflictlens.report.evidence import evidence_pieces, place_text
from conflictlens.report.sitrep import Headline, Ranked, SitRep, day_text
from conflictlens.report.svg import TYPE_CLASSES, attr, type_class
from conflictlens.report.svg_chart import render_timeline
from conflictlens.report.svg_map import render_map

__all__ = ["render_html"]


def _template(name: str) -> str:
    return (resources.files("conflictlens.report") / "templates" / name).read_text("utf-8")


def render_html(report: SitRep, basemap: Basemap, footer: str = "") -> str:
    located = len(report.located)
    unlocated = len(report.events) - located
    values = {
        "title": attr(report.title),
        "css": _template("sitrep.css"),
        "scope": attr(report.scope),
        "period_text": attr(_period_text(report)),
        "headlines": "\n".join(_headline(h) for h in report.headlines),
        "map": render_map(report.events, basemap),
        "legend": _legend(report.events),
        "map_note": attr(
            f"{located} located event(s) drawn"
            + (f"; {unlocated} without coordinates are listed below only." if unlocated else ".")
            + " Basemap: Natural Earth 1:110m countries (public domain)."
        ),
        "timeline": render_timeline(report.bars),
        "timeline_note": attr(_timeline_note(report)),
        "actors": _ranked_table(report.actors, "Actor"),
        "places": _ranked_table(report.places, "Place"),
        "events": "\n".join(_event(record) for record in report.events) or "<p>No event.</p>",
        "footer": attr(footer),
    }
    return Template(_template("sitrep.html")).substitute(values)


def _period_text(report: SitRep) -> str:
    return (
        f"{day_text(report.period.start)} to {day_text(report.period.end)} "
        f"({report.period.days} days), compared with the {report.previous.days} days before "
        f"({day_text(report.previous.start)} to {day_text(report.previous.end)})."
    )


def _timeline_note(report: SitRep) -> str:
    note = f"Events per {report.interval}; grey bars are the previous window."
    if report.outside:
        note += (
            f" {len(report.outside)} event(s) dated only to a week or month that extends beyond"
            " the period are not counted."
        )
    return note


def _headline(headline: Headline) -> str:
    direction = "up" if headline.change > 0 else "down" if headline.change < 0 else "same"
    return (
        f'<div class="headline"><div class="label">{attr(headline.label)}</div>'
        f'<div class="value">{headline.current}</div>'
        f'<div class="change {direction}">{attr(headline.change_text())} vs previous '
        f"({headline.previous})</div></div>"
    )


def _legend(records: Sequence[Record]) -> str:
    present = {text(record, "event_type") for record in records}
    return "".join(
        f'<span><span class="swatch {css}"></span>{attr(name)}</span>'
        for name, css in TYPE_CLASSES.items()
        if name in present
    )


def _ranked_table(rows: Sequence[Ranked], heading: str) -> str:
    if not rows:
        return "<p>None.</p>"
    body = "".join(
        f'<tr><td>{attr(row.name)}<div class="detail">{attr(row.detail)}</div></td>'
        f'<td class="n">{row.events}</td><td class="n">{row.fatalities}</td></tr>'
        for row in rows
    )
    return (
        f'<table><thead><tr><th>{heading}</th><th class="n">Events</th>'
        f'<th class="n">Fatalities</th></tr></thead><tbody>{body}</tbody></table>'
    )


def _event(record: Record) -> str:
    identifier = event_id(record)
    sub_type = text(record, "sub_event_type") or "?"
    css = type_class(text(record, "event_type"))
    who = " → ".join(attr(n) for n in (text(record, "actor1"), text(record, "actor2")) if n)
    facts = [place_text(record) or "place unknown"]
    weapon = text(record, "weapon")
    if weapon:
        facts.append(weapon.replace("_", " "))
    deaths = integer(record, "fatalities")
    facts.append(f"fatalities: {'not stated' if deaths is None else deaths}")
    return (
        f'<article class="event-row" id="{attr(identifier)}">'
        f'<div class="meta"><span class="date">{attr(text(record, "event_date") or "?")}</span>'
        f'<span class="badge {css}">{attr(sub_type)}</span>'
        f'<span class="claim">{attr(_claim(record))}</span></div>'
        f'<div class="who">{who or "actors unknown"}</div>'
        f'<div class="where">{attr(" · ".join(facts))}</div>'
        f"{_evidence(record)}"
        f'<div class="source">Source: {attr(text(record, "source") or "unknown")} · document '
        f"{attr(text(record, 'doc_id') or '?')} · {attr(identifier)}</div></article>"
    )


def _claim(record: Record) -> str:
    status = text(record, "claim_status") or "reported"
    by = text(record, "claimed_by" if status == "claimed" else "reported_by")
    return f"{status} by {by}" if by else status


def _evidence(record: Record) -> str:
    pieces = evidence_pieces(record)
    if not pieces:
        return ""
    inner = "".join(f"<mark>{attr(t)}</mark>" if marked else attr(t) for t, marked in pieces)
    return f'<blockquote dir="auto">{inner}</blockquote>'
