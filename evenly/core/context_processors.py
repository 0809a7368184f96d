from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from evenly.core.navigation import nav_links


def evenly(request: HttpRequest) -> dict[str, Any]:
    """Where the viewer stands (as the middleware resolved it), for the header,
    the Pause control and the pause layer. The pause state and the links are
    lazy, so pages that never show them cost nothing."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "couple_ctx": None,
            "pause_state": None,
            "csp_nonce": getattr(request, "csp_nonce", ""),
            "nav_links": (),
        }
    from evenly.couples.selectors import couple_context
    from evenly.pause.selectors import PauseState, pause_state

    # None only for someone who signed in during this very request.
    context = getattr(request, "couple_ctx", None) or couple_context(viewer=user)
    cache: dict[str, Any] = {}

    def state():  # type: ignore[no-untyped-def]
        if "pause" not in cache:
            if context.pauses is not None:
                # Read with the context: no query for the pause layer.
                cache["pause"] = PauseState(mine=context.pauses[0], partners=context.pauses[1])
            else:
                cache["pause"] = pause_state(viewer=user, couple_id=context.couple_id)
        return cache["pause"]

    return {
        "couple_ctx": context,
        "pause_state": state,
        "csp_nonce": getattr(request, "csp_nonce", ""),
        "nav_links": lambda: nav_links(request.path),
    }
