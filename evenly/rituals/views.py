"""Thin views: load through the access helpers, validate, call one service,
render. A refused step re-renders the page with what was typed still there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evenly.accounts.language import speaking
from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest
from evenly.couples.access import partnership_or_404
from evenly.couples.selectors import couple_zone
from evenly.rituals import desires, ical, selectors, services
from evenly.rituals.access import get_ritual_for_user
from evenly.rituals.forms import AppreciationForm, DesireAnswerForm, DesireForm, FeedForm, RitualForm
from evenly.rituals.models import FeedTitle

FEED_SESSION_KEY = "rituals_feed_token"


def _page(request: AuthenticatedHttpRequest, status: int = 200, **forms: Any) -> HttpResponse:
    ctx = request.couple_ctx  # type: ignore[attr-defined]
    partnership = ctx.partnership if ctx else None
    page = selectors.rituals_page(viewer=request.user, partnership=partnership) if partnership else None
    token = request.session.pop(FEED_SESSION_KEY, None) if partnership else None
    feed_url = request.build_absolute_uri(reverse("rituals:feed", args=[token])) if token else None
    context = {
        "page": page,
        "appreciation_form": forms.get("appreciation_form") or AppreciationForm(),
        "feed_form": forms.get("feed_form")
        or FeedForm(initial={"title": page.feed.title} if page and page.feed else None),
        "feed_url": feed_url,
    }
    return render(request, "rituals/index.html", context, status=status)


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _page(request)


@login_required
@require_GET
def rituals_live(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Re-fetched when a ritual changes for either partner."""
    partnership = partnership_or_404(request.couple_ctx)  # type: ignore[attr-defined]
    groups = selectors.rituals_for(viewer=request.user, partnership=partnership)
    return render(request, "rituals/_rituals.html", {"groups": groups})


@login_required
@require_GET
def appreciations_live(request: AuthenticatedHttpRequest) -> HttpResponse:
    partnership = partnership_or_404(request.couple_ctx)  # type: ignore[attr-defined]
    notes = selectors.appreciations_for(partnership=partnership)
    return render(request, "rituals/_appreciations.html", {"appreciations": notes})


@login_required
@require_http_methods(["GET", "POST"])
def ritual_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    partnership_or_404(request.couple_ctx)  # type: ignore[attr-defined]
    form = RitualForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.ritual_propose(actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Proposed. It starts once your partner says yes too."))
            return redirect("rituals:index")
    return render(request, "rituals/new.html", {"form": form}, status=400 if form.errors else 200)


def _ritual_step(request: AuthenticatedHttpRequest, ritual_id: int, step: Callable[..., Any]) -> HttpResponse:
    partnership = partnership_or_404(request.couple_ctx)  # type: ignore[attr-defined]
    ritual = get_ritual_for_user(partnership=partnership, ritual_id=ritual_id)
    try:
        step(actor=request.user, ritual=ritual)
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("rituals:index")


def _post_view(handler: Callable[..., HttpResponse], step: Callable[..., Any]) -> Callable[..., HttpResponse]:
    """A signed-in POST that hands one object id and one service to `handler`."""

    @login_required
    @require_POST
    def view(request: AuthenticatedHttpRequest, **ids: int) -> HttpResponse:
        (object_id,) = ids.values()
        return handler(request, object_id, step)

    return view


ritual_agree = _post_view(_ritual_step, services.ritual_agree)
ritual_pause = _post_view(_ritual_step, services.ritual_pause)
ritual_resume = _post_view(_ritual_step, services.ritual_resume)
ritual_end = _post_view(_ritual_step, services.ritual_end)


@login_required
@require_POST
def appreciation_send(request: AuthenticatedHttpRequest) -> HttpResponse:
    partnership_or_404(request.couple_ctx)  # type: ignore[attr-defined]
    form = AppreciationForm(request.POST)
    if form.is_valid():
        try:
            services.appreciation_send(actor=request.user, text=form.cleaned_data["text"])
        except ServiceError as error:
            form.add_error("text", error.message)
        else:
            return redirect(reverse("rituals:index") + "#appreciations")
    return _page(request, status=400, appreciation_form=form)


@login_required
@require_POST
def feed_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Turn the feed on, give it a new address, change its title, or turn it off."""
    partnership_or_404(request.couple_ctx)  # type: ignore[attr-defined]
    action = request.POST.get("action")
    if action == "off":
        services.feed_turn_off(actor=request.user)
        messages.success(request, _("The calendar feed is off. Its address no longer works."))
        return redirect(reverse("rituals:index") + "#calendar")
    form = FeedForm(request.POST)
    if not form.is_valid():
        return _page(request, status=400, feed_form=form)
    title = form.cleaned_data["title"]
    try:
        if action == "title":
            services.feed_retitle(actor=request.user, title=title)
        else:
            request.session[FEED_SESSION_KEY] = services.feed_turn_on(actor=request.user, title=title)
    except ServiceError as error:
        form.add_error(None, error.message)
        return _page(request, status=400, feed_form=form)
    return redirect(reverse("rituals:index") + "#calendar")


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private calendar: it answers only to its secret, with or without
    a sign-in, and only while its owner is in that couple."""
    found = selectors.feed_for_token(token_hash=services.feed_token_hash(token))
    if found is None:
        raise Http404
    # The title its owner chose, in the owner's language: the calendar app
    # that fetches the feed speaks for nobody.
    with speaking(found.user):
        title = str(FeedTitle(found.title).label)
    body = ical.render(
        events=selectors.feed_events(feed=found),
        title=title,
        stamp=timezone.now(),
        zone=couple_zone(found.couple),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = 'inline; filename="calendar.ics"'
    return response


# ---- The desire log ----


def _desires(request: AuthenticatedHttpRequest, status: int = 200, form: DesireForm | None = None) -> HttpResponse:
    ctx = request.couple_ctx  # type: ignore[attr-defined]
    partnership = ctx.partnership if ctx else None
    log = desires.desire_log(viewer=request.user, partnership=partnership)
    return render(
        request,
        "rituals/desires.html",
        {"log": log, "form": form or DesireForm(), "partnered": partnership is not None},
        status=status,
    )


@login_required
@require_GET
def desire_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _desires(request)


@login_required
@require_GET
def desire_live(request: AuthenticatedHttpRequest) -> HttpResponse:
    ctx = request.couple_ctx  # type: ignore[attr-defined]
    partnership = ctx.partnership if ctx else None
    log = desires.desire_log(viewer=request.user, partnership=partnership)
    return render(request, "rituals/_desires.html", {"log": log, "partnered": partnership is not None})


@login_required
@require_POST
def desire_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DesireForm(request.POST)
    if form.is_valid():
        try:
            desires.desire_add(
                actor=request.user,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                catalogue_item_id=form.cleaned_data["item"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            return redirect("rituals:desires")
    return _desires(request, status=400, form=form)


def _desire_step(
    request: AuthenticatedHttpRequest, entry_id: int, step: Callable[..., Any], **extra: Any
) -> HttpResponse:
    ctx = request.couple_ctx  # type: ignore[attr-defined]
    entry = desires.get_desire_for_user(
        viewer=request.user, partnership=ctx.partnership if ctx else None, entry_id=entry_id
    )
    try:
        step(actor=request.user, entry=entry, **extra)
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(reverse("rituals:desires") + f"#desire-{entry_id}")


desire_share = _post_view(_desire_step, desires.desire_share)
desire_make_private = _post_view(_desire_step, desires.desire_make_private)
desire_delete = _post_view(_desire_step, desires.desire_delete)


@login_required
@require_POST
def desire_answer(request: AuthenticatedHttpRequest, entry_id: int) -> HttpResponse:
    form = DesireAnswerForm(request.POST)
    answer = form.cleaned_data["answer"] if form.is_valid() else "invalid"
    return _desire_step(request, entry_id, desires.desire_answer, answer=answer)
