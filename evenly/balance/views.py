"""Thin views for the balance page. Everything is the viewer's own couple, so
there are no ids to guess: without a partner, the shared parts are a 404."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from evenly.balance import selectors, services
from evenly.balance.forms import PulseForm
from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest, id_from
from evenly.couples.access import partnership_or_404
from evenly.couples.selectors import Partnership


def _partnership_or_404(request: AuthenticatedHttpRequest) -> Partnership:
    return partnership_or_404(request.couple_ctx)  # type: ignore[attr-defined]


def _back(request: AuthenticatedHttpRequest) -> HttpResponse:
    period = id_from(request.POST.get("period"))
    url = reverse("balance:index")
    return redirect(f"{url}?period={period}#ours" if period is not None else url)


def _render(
    request: AuthenticatedHttpRequest, *, pulse_form: PulseForm | None = None, status: int = 200
) -> HttpResponse:
    partnership = request.couple_ctx.partnership  # type: ignore[attr-defined]
    if partnership is None:
        return render(request, "balance/alone.html")
    page = selectors.balance_page(viewer=request.user, partnership=partnership, period=request.GET.get("period"))
    if pulse_form is None:
        initial = dict(zip(services.PULSE_FIELDS, page.pulse_now, strict=True)) if page.pulse_now else None
        pulse_form = PulseForm(initial=initial)
    return render(request, "balance/index.html", {"page": page, "pulse_form": pulse_form}, status=status)


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _render(request)


@login_required
@require_GET
def shared_section(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Re-fetched by both partners' open pages when the shared view changes."""
    partnership = _partnership_or_404(request)
    page = selectors.balance_page(viewer=request.user, partnership=partnership, period=request.GET.get("period"))
    return render(request, "balance/_shared.html", {"page": page})


@login_required
@require_POST
def shared_on(request: AuthenticatedHttpRequest) -> HttpResponse:
    partnership = _partnership_or_404(request)
    if services.shared_view_turn_on(actor=request.user, partnership=partnership):
        messages.success(request, gettext("Our view is on, for both of you."))
    else:
        messages.success(
            request, gettext("Your choice is saved. Our view appears only once you have both turned it on.")
        )
    return _back(request)


@login_required
@require_POST
def shared_off(request: AuthenticatedHttpRequest) -> HttpResponse:
    partnership = _partnership_or_404(request)
    services.shared_view_turn_off(actor=request.user, partnership=partnership)
    messages.success(request, gettext("Our view is off, for both of you."))
    return _back(request)


@login_required
@require_POST
def pulse_save(request: AuthenticatedHttpRequest) -> HttpResponse:
    partnership = _partnership_or_404(request)
    form = PulseForm(request.POST)
    if form.is_valid():
        try:
            services.pulse_save(actor=request.user, partnership=partnership, answers=form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, gettext("Saved, just for you. Thank you."))
            return redirect(reverse("balance:index") + "#mine")
    return _render(request, pulse_form=form, status=400)


def _offer(request: AuthenticatedHttpRequest, pattern: str, *, act: Callable[..., None], done: str) -> HttpResponse:
    partnership = _partnership_or_404(request)
    try:
        act(actor=request.user, partnership=partnership, pattern=pattern)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return _back(request)


@login_required
@require_POST
def offer_to_agenda(request: AuthenticatedHttpRequest, pattern: str) -> HttpResponse:
    done = gettext("“How we decide things” is on the agenda for your next check-in.")
    return _offer(request, pattern, act=services.offer_to_agenda, done=done)


@login_required
@require_POST
def offer_dismiss(request: AuthenticatedHttpRequest, pattern: str) -> HttpResponse:
    done = gettext("Set aside. It won't be suggested to you again.")
    return _offer(request, pattern, act=services.offer_dismiss, done=done)
