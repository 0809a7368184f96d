"""Every URL in Evenly, walked from the URL configuration itself, refuses an
anonymous visitor: a redirect to sign in, a 405 for the wrong method, or a 404.
A new view that forgets `login_required` fails here without anyone having to
remember to write the test."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# Pages meant for everyone: the welcome page, the health check, the neutral
# quick-exit page, allauth's own sign-in flows, and what adding the app to a
# home screen needs (the manifest, the service worker and the offline page).
# The language switch works for visitors too (it only sets a cookie).
PUBLIC = re.compile(
    r"^/($|healthz$|list/$|accounts/|account/goodbye/$|manifest.webmanifest$|sw.js$|app/offline/$|i18n/setlang/$)"
)
SAMPLE_ARGS = {"int": "1", "str": "abc", "slug": "abc", "uuid": "00000000-0000-0000-0000-000000000001", "path": "x"}


def every_url(resolver: URLResolver | None = None, prefix: str = "/") -> list[str]:
    urls = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = str(pattern.pattern)
        route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_ARGS.get(m.group(1) or "str", "1"), route)
        route = route.lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            urls += every_url(pattern, prefix + route)
        elif isinstance(pattern, URLPattern):
            urls.append(prefix + route)
    return sorted(set(urls))


PRIVATE_URLS = [url for url in every_url() if not PUBLIC.match(url)]


def test_it_finds_the_views_of_every_feature():
    features = [
        "/couple/",
        "/pause/",
        "/boundaries/",
        "/curious/",
        "/consent/",
        "/checkins/",
        "/decisions/",
        "/coach/",
        "/agreements/",
    ]
    for prefix in features:
        assert any(url.startswith(prefix) for url in PRIVATE_URLS), prefix


@pytest.mark.django_db
@pytest.mark.parametrize("url", PRIVATE_URLS)
def test_an_anonymous_visitor_gets_nothing(client, url):
    for method in (client.get, client.post):
        response = method(url)
        if response.status_code == 302:
            assert response.url.startswith("/accounts/login/"), (url, response.url)
        else:
            assert response.status_code in {404, 405}, (url, method.__name__, response.status_code)
