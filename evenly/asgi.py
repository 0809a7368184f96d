"""ASGI entry point: pages, the real-time socket and, when asked, the embedded
task worker, in one process. `make run` serves this with uvicorn."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evenly.settings")

from evenly.core.handlers import page_application

django_asgi_app = page_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

from evenly.core.consumers import EventsConsumer  # noqa: E402
from evenly.core.lifespan import lifespan  # noqa: E402
from evenly.core.origin import SameOriginValidator  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": SameOriginValidator(AuthMiddlewareStack(URLRouter([path("ws/", EventsConsumer.as_asgi())]))),
        "lifespan": lifespan,
    }
)
