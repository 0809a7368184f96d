"""How pages are served under ASGI: each request runs its whole middleware
chain and view in one step on the one thread that serves every page.

Django's own ASGI handler gives every request a thread of its own (and with
it a fresh database connection), and hops between that thread and the event
loop at each boundary between sync and async middleware. Evenly's pages are
all sync views, so that costs CPU and buys nothing: here a request makes one
hop to the page thread, which keeps its database connection (CONN_MAX_AGE).
The socket, the embedded task worker and reading the request body stay on
the event loop.
"""

from __future__ import annotations

import gc
from typing import Any

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.http import HttpRequest, HttpResponseBase


class PageHandler(ASGIHandler):
    def __init__(self) -> None:
        super(ASGIHandler, self).__init__()
        self.load_middleware(is_async=False)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Pages are served over HTTP only, not {scope['type']}.")
        # No per-request ThreadSensitiveContext: thread-sensitive work (the
        # view, the request signals, closing the response) runs on the one
        # shared page thread.
        await self.handle(scope, receive, send)

    async def get_response_async(self, request: HttpRequest) -> HttpResponseBase:
        return await sync_to_async(self.get_response, thread_sensitive=True)(request)


def page_application() -> PageHandler:
    import django

    django.setup(set_prefix=False)
    handler = PageHandler()
    # Everything loaded so far (apps, URLs, catalogues) lives as long as the
    # process: keep it out of the garbage collector's full passes, which
    # otherwise walk it again and again while pages are served.
    gc.freeze()
    return handler
