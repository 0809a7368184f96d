"""The values, briefly, where a hard conversation starts; and beside a pause,
the timer and the repair statements to send with one tap. Each queries only
when it is shown."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from django import template
from django.utils import timezone

from evenly.agreements import selectors
from evenly.agreements.models import Kind
from evenly.pause.selectors import pause_state

register = template.Library()

FRAGMENT_VIEWS = {"layer", "companion"}


@register.inclusion_tag("agreements/_values_brief.html", takes_context=True)
def values_brief(context: dict[str, Any]) -> dict[str, Any]:
    ctx = context["couple_ctx"]  # see evenly.core.context_processors
    return {"values": selectors.current_version(couple_id=ctx.couple_id, kind=Kind.VALUES)}


def _next_path(request: Any) -> str:
    """Where a form inside a fragment should come back to: the page it sits on."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name in FRAGMENT_VIEWS:
        referer = urlparse(request.META.get("HTTP_REFERER", ""))
        return referer.path if referer.netloc in ("", request.get_host()) and referer.path else "/"
    return str(request.get_full_path())


@register.inclusion_tag("agreements/_companion.html", takes_context=True)
def pause_companion(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    user = request.user
    ctx = context["couple_ctx"]  # see evenly.core.context_processors
    partnership = ctx.partnership
    if partnership is None:
        return {"show": False}
    # The page's own pause state (see evenly.core.context_processors), read once.
    known = context.get("pause_state")
    state = known() if callable(known) else known or pause_state(viewer=user, couple_id=ctx.couple_id)
    pause = state.mine or state.partners
    if pause is None:
        return {"show": False}
    timeout = selectors.timeout_of(pause=pause)
    repairs, received = selectors.repairs_beside_a_pause(viewer=user, couple_id=partnership.couple_id)
    return {
        "show": True,
        "mine": pause == state.mine,
        "timeout": timeout,
        "time_up": timeout is not None and timeout.ends_at <= timezone.now(),
        "values": selectors.current_values_of(ctx),
        "repairs": repairs,
        "received": received,
        "next": _next_path(request),
        "csrf_token": context.get("csrf_token"),
    }
