from __future__ import annotations

from django import template

from evenly.balance import labels

register = template.Library()


@register.filter
def balance_label(key: object) -> str:
    return labels.label(key)


@register.filter
def measure_source(key: str) -> str:
    return str(labels.MEASURE_SOURCES.get(key, ""))


@register.filter
def balance_shape(shape: str) -> str:
    return str(labels.SHAPES.get(shape, ""))
