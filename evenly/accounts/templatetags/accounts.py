from __future__ import annotations

from django import template

from evenly.accounts.selectors import describe_device, shown_detail

register = template.Library()


@register.filter
def device(user_agent: str) -> str:
    """ "Firefox on Linux", from a browser's user agent."""
    return describe_device(user_agent or "")


@register.filter
def detail(stored: str) -> str:
    """An audit row's detail ("Passkey"), in the reader's language."""
    return shown_detail(stored or "")
