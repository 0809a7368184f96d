"""Thin views: the partnership from the request, the access helpers, one
service, render. A refused proposal re-renders with what was typed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from evenly.agreements import selectors, services
from evenly.agreements.access import (
    get_follow_up_for_user,
    get_own_repair,
    get_received_repair,
    get_timeout_for_user,
    get_version_for_user,
)
from evenly.agreements.forms import PactForm, RepairForm, ValuesForm
from evenly.agreements.models import Kind, Status
from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest, redirect_back
from evenly.couples.access import partnership_or_404


def _ctx(request: AuthenticatedHttpRequest) -> Any:
    return getattr(request, "couple_ctx", None)


def _index(request: AuthenticatedHttpRequest, status: int = 200, **forms: Any) -> HttpResponse:
    ctx = _ctx(request)
    if ctx is None or ctx.partnership is None:
        return render(request, "agreements/alone.html")
    page = selectors.agreements_page(viewer=request.user, partnership=ctx.partnership)
    current_values = page.values.current.version if page.values.current else None
    current_pact = page.pact.current.version if page.pact.current else None
    pact_initial = (
        {
            "timeout_minutes": current_pact.timeout_minutes,
            "during": current_pact.during,
            "ending": current_pact.ending,
            "follow_up": current_pact.follow_up,
        }
        if current_pact
        else None
    )
    context = {
        "page": page,
        "values_form": ValuesForm(initial={"words": current_values.statement} if current_values else None),
        "pact_form": PactForm(initial=pact_initial),
        "repair_form": RepairForm(),
        **forms,
    }
    return render(request, "agreements/index.html", context, status=status)


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _index(request)


@login_required
@require_GET
def live(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Both tracks, re-fetched when either partner proposes, signs or withdraws."""
    partnership = partnership_or_404(_ctx(request))
    page = selectors.agreements_page(viewer=request.user, partnership=partnership)
    return render(request, "agreements/_tracks.html", {"page": page})


@login_required
@require_POST
def values_propose(request: AuthenticatedHttpRequest) -> HttpResponse:
    partnership_or_404(_ctx(request))
    form = ValuesForm(request.POST)
    if form.is_valid():
        try:
            services.values_propose(
                actor=request.user, touchstones=form.cleaned_data["touchstones"], words=form.cleaned_data["words"]
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your proposal is with your partner. It takes effect once you've both agreed."))
            return redirect("agreements:index")
    return _index(request, status=400, values_form=form)


@login_required
@require_POST
def pact_propose(request: AuthenticatedHttpRequest) -> HttpResponse:
    partnership_or_404(_ctx(request))
    form = PactForm(request.POST)
    if form.is_valid():
        try:
            services.pact_propose(actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your proposal is with your partner. It takes effect once you've both agreed."))
            return redirect("agreements:index")
    return _index(request, status=400, pact_form=form)


@login_required
@require_POST
def version_sign(request: AuthenticatedHttpRequest, version_id: int) -> HttpResponse:
    version = get_version_for_user(partnership=partnership_or_404(_ctx(request)), version_id=version_id)
    try:
        signed = services.version_sign(actor=request.user, version=version)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        if signed.status == Status.CURRENT:
            messages.success(request, _("You've both agreed. This is your current version now."))
        else:
            messages.success(request, _("You've agreed. It takes effect once your partner agrees too."))
    return redirect("agreements:index")


@login_required
@require_POST
def version_withdraw(request: AuthenticatedHttpRequest, version_id: int) -> HttpResponse:
    version = get_version_for_user(partnership=partnership_or_404(_ctx(request)), version_id=version_id)
    try:
        ended = services.version_withdraw(actor=request.user, version=version)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        if ended.status == Status.WITHDRAWN and ended.kind == Kind.VALUES:
            messages.success(
                request, _("Agreement withdrawn. For now you have no current shared values; they stay in your history.")
            )
        elif ended.status == Status.WITHDRAWN:
            messages.success(
                request, _("Agreement withdrawn. For now you have no current pact; it stays in your history.")
            )
        else:
            messages.success(request, _("The proposal is set aside. It stays in your history."))
    return redirect("agreements:index")


# ---- Repair statements ----


@login_required
@require_POST
def repair_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = RepairForm(request.POST)
    if form.is_valid():
        try:
            services.repair_add(actor=request.user, text=form.cleaned_data["text"], share=form.cleaned_data["share"])
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved. It's ready whenever you want it."))
            return redirect("agreements:index")
    return _index(request, status=400, repair_form=form)


@login_required
@require_POST
def repair_share(request: AuthenticatedHttpRequest, statement_id: int) -> HttpResponse:
    statement = get_own_repair(viewer=request.user, statement_id=statement_id)
    try:
        services.repair_set_shared(actor=request.user, statement=statement, shared=request.POST.get("shared") == "1")
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("agreements:index")


@login_required
@require_POST
def repair_delete(request: AuthenticatedHttpRequest, statement_id: int) -> HttpResponse:
    statement = get_own_repair(viewer=request.user, statement_id=statement_id)
    services.repair_delete(actor=request.user, statement=statement)
    messages.success(request, _("Deleted."))
    return redirect("agreements:index")


@login_required
@require_POST
def repair_send(request: AuthenticatedHttpRequest, statement_id: int) -> HttpResponse:
    statement = get_own_repair(viewer=request.user, statement_id=statement_id)
    try:
        services.repair_send(actor=request.user, statement=statement)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Sent to your partner."))
    return redirect_back(request, "agreements:index")


@login_required
@require_POST
def received_set_aside(request: AuthenticatedHttpRequest, sent_id: int) -> HttpResponse:
    sent = get_received_repair(viewer=request.user, partnership=partnership_or_404(_ctx(request)), sent_id=sent_id)
    services.repair_set_aside(actor=request.user, sent=sent)
    return redirect_back(request, "agreements:index")


@login_required
@require_GET
def received_notice(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A calm note on any page when the partner sends a repair statement."""
    partnership = partnership_or_404(_ctx(request))
    received = selectors.received_repairs(viewer=request.user, couple_id=partnership.couple_id)
    return render(request, "agreements/_received_notice.html", {"received": received[:1]})


# ---- Timeouts and follow-ups ----


@login_required
@require_POST
def timeout_take(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        services.timeout_take(actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("home")
    return redirect("pause:page")


@login_required
@require_POST
def timeout_extend(request: AuthenticatedHttpRequest, timeout_id: int) -> HttpResponse:
    timeout = get_timeout_for_user(partnership=partnership_or_404(_ctx(request)), timeout_id=timeout_id)
    try:
        services.timeout_extend(actor=request.user, timeout=timeout)
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect_back(request, "home")


@login_required
@require_GET
def pause_companion(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The values, the timer and the repair buttons beside a pause, re-fetched live."""
    partnership_or_404(_ctx(request))
    return render(request, "agreements/_companion_region.html")


@login_required
@require_POST
def follow_up_discussed(request: AuthenticatedHttpRequest, follow_up_id: int) -> HttpResponse:
    follow_up = get_follow_up_for_user(partnership=partnership_or_404(_ctx(request)), follow_up_id=follow_up_id)
    try:
        services.follow_up_mark_discussed(actor=request.user, follow_up=follow_up)
    except ServiceError as error:
        messages.error(request, error.message)
    checkin = request.POST.get("checkin", "")
    if checkin.isdigit():
        return redirect("checkins:checkin", checkin_id=int(checkin))
    return redirect("checkins:index")
