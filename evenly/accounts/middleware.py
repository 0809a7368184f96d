"""Every request speaks the viewer's language (see evenly.accounts.language)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from asgiref.sync import iscoroutinefunction, sync_to_async
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.decorators import sync_and_async_middleware

from evenly.accounts.language import language_for_request


def _enter(request: HttpRequest) -> None:
    language = language_for_request(request)
    translation.activate(language)
    request.LANGUAGE_CODE = translation.get_language()  # type: ignore[attr-defined]


def _leave(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    # The same address answers in different languages to different people.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    response.headers.setdefault("Content-Language", translation.get_language() or "en")
    translation.deactivate()
    return response


@sync_and_async_middleware
def person_language(
    get_response: Callable[[HttpRequest], HttpResponse | Awaitable[HttpResponse]],
) -> Callable[[HttpRequest], HttpResponse | Awaitable[HttpResponse]]:
    if iscoroutinefunction(get_response):

        async def async_middleware(request: HttpRequest) -> HttpResponse:
            # Resolved where the sync views run, so `request.user` is loaded
            # once for this request and the active language reaches them.
            await sync_to_async(_enter)(request)
            response = await get_response(request)  # type: ignore[misc]
            return _leave(request, response)

        return async_middleware

    def middleware(request: HttpRequest) -> HttpResponse:
        _enter(request)
        response = get_response(request)
        return _leave(request, response)  # type: ignore[arg-type]

    return middleware
