"""The real-time socket accepts a browser only from Evenly's own origin.

Channels' `AllowedHostsOriginValidator` compares host names only, so a page
served from `http://localhost:9999` (another program on the same machine) could
open a signed-in socket. Here the Origin must name the same scheme, host and
port as the socket itself, or one of `CSRF_TRUSTED_ORIGINS` exactly, as
Django's CSRF check does for forms.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings
from django.http.request import split_domain_port, validate_host

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin_tuple(url: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(url.strip().lower())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.scheme, parts.hostname, port or _DEFAULT_PORTS[parts.scheme]


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin1")
    return None


def origin_allowed(scope: dict[str, Any]) -> bool:
    origin = _header(scope, b"origin")
    host = _header(scope, b"host")
    if not origin or not host:
        return False
    allowed_hosts = settings.ALLOWED_HOSTS or (["localhost", "127.0.0.1", "[::1]"] if settings.DEBUG else [])
    domain, _port = split_domain_port(host)
    if not domain or not validate_host(domain, allowed_hosts):
        return False
    seen = _origin_tuple(origin)
    if seen is None:
        return False
    scheme = "https" if scope.get("scheme", "ws") == "wss" else "http"
    own = _origin_tuple(f"{scheme}://{host}")
    trusted = {_origin_tuple(url) for url in settings.CSRF_TRUSTED_ORIGINS if "*" not in url}
    return seen == own or seen in trusted


class SameOriginValidator:
    def __init__(self, application: Any) -> None:
        self.application = application

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if origin_allowed(scope):
            return await self.application(scope, receive, send)
        return await WebsocketDenier()(scope, receive, send)
