"""The viewer's partnership, once per request, and the couple's local time.

Views hand `request.couple_ctx` to access helpers and selectors, and templates
read it from the `couple_ctx` the context processor passes on. Services keep
their own signatures and read the same `CoupleContext` through
`couple_context()`, which answers from this request's cache. Every date and
time is read and shown in the couple's own time zone.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.decorators import sync_and_async_middleware

from evenly.couples.selectors import (
    begin_request_contexts,
    couple_context,
    end_request_contexts,
    take_read_context,
)


def _enter(request: HttpRequest) -> None:
    begin_request_contexts()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        take_read_context(user)  # type: ignore[arg-type]
        ctx = couple_context(viewer=user)  # type: ignore[arg-type]
        request.couple_ctx = ctx  # type: ignore[attr-defined]
        if ctx.zone is not None:
            timezone.activate(ctx.zone)
    else:
        request.couple_ctx = None  # type: ignore[attr-defined]


def _leave() -> None:
    timezone.deactivate()
    end_request_contexts()


@sync_and_async_middleware
def couple_context_middleware(
    get_response: Callable[[HttpRequest], HttpResponse | Awaitable[HttpResponse]],
) -> Callable[[HttpRequest], HttpResponse | Awaitable[HttpResponse]]:
    if iscoroutinefunction(get_response):

        async def async_middleware(request: HttpRequest) -> HttpResponse:
            # Resolve in the same thread the sync views run in, so the
            # per-request cache and the active time zone reach them.
            await sync_to_async(_enter)(request)
            try:
                return await get_response(request)  # type: ignore[misc]
            finally:
                await sync_to_async(_leave)()

        return async_middleware

    def middleware(request: HttpRequest) -> HttpResponse:
        _enter(request)
        try:
            return get_response(request)  # type: ignore[return-value]
        finally:
            _leave()

    return middleware
