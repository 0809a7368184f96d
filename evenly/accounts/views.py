from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from evenly.core.models import AuditEvent


@login_required
def security(request: HttpRequest) -> HttpResponse:
    """The owner's own security page. Nobody else, partner included, ever sees it."""
    events = AuditEvent.objects.filter(user=request.user)[:50]
    return render(request, "accounts/security.html", {"events": events})
