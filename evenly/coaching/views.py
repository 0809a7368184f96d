from __future__ import annotations

import time

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from evenly.coach import CONTEXTS, analyze
from evenly.coaching.widgets import coach_reads_this_language
from evenly.core.http import AuthenticatedHttpRequest

CHECKS_PER_MINUTE = 60
# Remembered in the session, so the note needs no column and no migration:
# once per signed-in session is often enough for a quiet line.
LANGUAGE_NOTE_SHOWN = "coach_language_note_shown"


@login_required
@require_POST
def coach_check(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Analyse the text being written. Stores nothing and logs nothing of it.

    The coach reads English only: in any other language it analyses nothing,
    and says so once, quietly."""
    if not coach_reads_this_language():
        return _language_note(request)
    if not _within_rate_limit(request.user.pk):
        note = gettext("The coach is taking a short break. Your text is fine to send.")
        return HttpResponse(format_html('<p class="coach-note">{}</p>', note), status=429)
    field = request.POST.get("coach_field", "")
    text = request.POST.get(field, "") if field and field != "csrfmiddlewaretoken" else ""
    context = request.POST.get("coach_context", "message")
    analysis = analyze(text, context="reflection" if context == "reflection" and context in CONTEXTS else "message")
    return render(request, "coaching/findings.html", {"analysis": analysis, "field_id": f"id_{field}"})


def _language_note(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The one line saying the coach only reads English, the first time in this
    session; nothing afterwards. Every coached box asks when its page loads, so
    the cache makes sure only one of those simultaneous requests shows it."""
    if request.session.get(LANGUAGE_NOTE_SHOWN):
        return HttpResponse("")
    if not cache.add(f"coach-language-note:{request.user.pk}:{request.session.session_key}", 1, timeout=3600):
        return HttpResponse("")
    request.session[LANGUAGE_NOTE_SHOWN] = True
    note = gettext("The coach only understands English for now; write freely.")
    return HttpResponse(format_html('<p class="coach-note">{}</p>', note))


def _within_rate_limit(user_id: int) -> bool:
    window = int(time.time() // 60)
    key = f"coach-rate:{user_id}:{window}"
    cache.add(key, 0, timeout=90)
    try:
        return cache.incr(key) <= CHECKS_PER_MINUTE
    except ValueError:  # evicted between add and incr
        return True
