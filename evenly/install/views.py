"""The manifest (per person), the service worker and the offline page.

The service worker keeps one thing only: the offline page. It never caches a
private page, never asks for push, and talks to nobody but this server.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest
from evenly.install import services
from evenly.install.forms import HomeScreenForm
from evenly.install.models import AppName


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    # The name in the person's own language ("Notes" reads "Notas" in Spanish): a plain
    # name only draws less attention if it is in the language of the rest of the phone.
    name = str(AppName(services.home_screen_name(viewer=request.user)).label)  # type: ignore[arg-type]
    body = {
        "name": name,
        "short_name": name,
        "start_url": reverse("home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#f6f3ee",
        "theme_color": "#2f6f62",
        "icons": [
            {"src": static("img/app-icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any maskable"},
            {"src": static("img/app-icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any maskable"},
            {"src": static("img/app-icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    response = HttpResponse(json.dumps(body), content_type="application/manifest+json")
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    response = render(
        request, "install/sw.js", {"offline": reverse("install:offline")}, content_type="text/javascript; charset=utf-8"
    )
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    return render(request, "install/offline.html")


@login_required
@require_http_methods(["GET", "POST"])
def home_screen(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = HomeScreenForm(request.POST or None, initial={"name": services.home_screen_name(viewer=request.user)})
    if request.method == "POST" and form.is_valid():
        try:
            services.home_screen_name_set(actor=request.user, name=form.cleaned_data["name"])
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved. Add Evenly to your home screen again for the new name to show."))
            return redirect("install:home_screen")
    return render(request, "install/home_screen.html", {"form": form}, status=400 if form.errors else 200)
