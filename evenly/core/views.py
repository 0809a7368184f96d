from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from evenly.core.fields import field_cipher
from evenly.core.http import AuthenticatedHttpRequest
from evenly.core.models import Notification
from evenly.core.notifications import open_notices


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "core/welcome.html")
    if not request.user.display_name:
        # The first visit of someone who has no name yet: ask for the name the
        # partner will see before anything shows them a made-up one.
        return redirect(f"{reverse('couples:profile')}?next=/")
    from evenly.checkins.forms import StartForm
    from evenly.checkins.selectors import first_steps_for

    ctx = request.couple_ctx  # type: ignore[attr-defined]
    first_steps = first_steps_for(viewer=request.user, couple_id=ctx.couple_id) if ctx.is_partnered else None
    return render(
        request,
        "core/home.html",
        {"notifications": open_notices(viewer=request.user), "first_steps": first_steps, "start_form": StartForm()},
    )


@login_required
@require_GET
def notices(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The home page's notices alone, re-fetched when one arrives or goes."""
    return render(request, "core/_notices.html", {"notifications": open_notices(viewer=request.user)})


@login_required
@require_POST
def notification_dismiss(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=notification_id, user=request.user)
    Notification.objects.filter(pk=notification.pk).update(dismissed_at=timezone.now())
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse("")
    return redirect("home")


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database_ok(), "channel_layer": _channel_layer_ok(), "field_keys": _field_keys_ok()}
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **{k: "ok" if v else "failing" for k, v in checks.items()}},
        status=200 if healthy else 503,
    )


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _field_keys_ok() -> bool:
    """The keys that seal intimate text open what they seal."""
    try:
        cipher = field_cipher()
        return cipher.decrypt(cipher.encrypt("health", context="healthz"), context="healthz") == "health"
    except Exception:
        return False


def _channel_layer_ok() -> bool:
    layer = get_channel_layer()
    if layer is None:
        return False
    try:
        channel = async_to_sync(layer.new_channel)()
        async_to_sync(layer.send)(channel, {"type": "health.check"})
        if async_to_sync(layer.receive)(channel) != {"type": "health.check"}:
            return False
        # Several processes without Redis: events reach the others only through the hub.
        reaches_the_others = getattr(layer, "reaches_the_other_processes", None)
        return reaches_the_others is None or bool(async_to_sync(reaches_the_others)())
    except Exception:
        return False


def neutral_page(request: HttpRequest) -> HttpResponse:
    """Where quick exit lands: an ordinary, unremarkable page."""
    return render(request, "core/neutral.html")


SECRET_FIELDS = {"csrfmiddlewaretoken", "password", "password1", "password2", "oldpassword", "code", "token"}


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A refused form still gives back what was typed, so nothing is lost."""
    kept = [
        (name.replace("_", " ").capitalize(), value)
        for name, value in request.POST.items()
        if name not in SECRET_FIELDS and isinstance(value, str) and value.strip()
    ]
    back_url = request.path if url_has_allowed_host_and_scheme(request.path, allowed_hosts=None) else "/"
    return render(request, "core/csrf_failure.html", {"kept": kept, "back_url": back_url}, status=403)
