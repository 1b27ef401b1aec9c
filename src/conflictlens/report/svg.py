"""What the SVG drawings share: escaping and the event-type colour classes."""

from __future__ import annotations

from html import escape

__all__ = ["TYPE_CLASSES", "attr", "type_class"]

TYPE_CLASSES = {
    "Battles": "battles",
    "Explosions/Remote violence": "explosions",
    "Violence against civilians": "civilians",
    "Protests": "protests",
    "Riots": "riots",
    "Strategic developments": "strategic",
}
"""ACLED event type -> the CSS class that colours it (sitrep.css)."""


def type_class(event_type: str | None) -> str:
    return TYPE_CLASSES.get(event_type or "", "other")


def attr(value: object) -> str:
    """Text made safe inside an attribute or an element."""
    return escape(str(value), quote=True)
