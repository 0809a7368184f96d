from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest
from evenly.couples import services
from evenly.couples.access import get_invite_for_user
from evenly.couples.codes import format_code
from evenly.couples.forms import JoinByCodeForm, ProfileForm, TimezoneForm
from evenly.couples.selectors import open_invite
from evenly.couples.services import find_open_invite
from evenly.couples.zones import zone_names


@login_required
def couple_overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _overview(request)


def _overview(
    request: AuthenticatedHttpRequest, *, timezone_form: TimezoneForm | None = None, status: int = 200
) -> HttpResponse:
    context = request.couple_ctx
    invite = open_invite(viewer=request.user, couple=context.couple) if context.couple else None
    return render(
        request,
        "couples/overview.html",
        {
            "ctx": context,
            "invite": invite,
            "invite_code": format_code(invite.code) if invite else "",
            "invite_url": request.build_absolute_uri(f"/couple/join/{invite.token}/") if invite else "",
            "timezone_form": timezone_form or _timezone_form(request),
            "zone_names": zone_names(),
            "invite_hours": settings.EVENLY_INVITE_HOURS,
        },
        status=status,
    )


def _timezone_form(request: AuthenticatedHttpRequest) -> TimezoneForm:
    couple = request.couple_ctx.couple
    return TimezoneForm(initial={"timezone": couple.timezone if couple else "UTC"})


@login_required
def couple_timezone(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The couple's time zone: the region re-fetched live when either partner
    changes it (GET), and the change itself (POST)."""
    if request.couple_ctx.couple is None:
        return redirect("couples:overview")
    if request.method != "POST":
        return render(
            request,
            "couples/_timezone.html",
            {"ctx": request.couple_ctx, "timezone_form": _timezone_form(request), "zone_names": zone_names()},
        )
    form = TimezoneForm(request.POST)
    if not form.is_valid():
        return _overview(request, timezone_form=form, status=400)
    try:
        services.couple_timezone_set(actor=request.user, timezone_name=form.cleaned_data["timezone"])
    except ServiceError as error:
        form.add_error("timezone", error.message)
        return _overview(request, timezone_form=form, status=400)
    messages.success(request, _("Saved. Times now show in %(zone)s.") % {"zone": form.cleaned_data["timezone"]})
    return redirect("couples:overview")


@login_required
@require_POST
def couple_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        services.couple_create(actor=request.user, timezone_name=_browser_timezone(request))
        services.invite_create(actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("couples:overview")


@login_required
@require_POST
def invite_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        services.invite_create(actor=request.user)
        messages.success(request, _("Here's a fresh invitation. Any earlier one no longer works."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("couples:overview")


@login_required
@require_POST
def invite_revoke(request: AuthenticatedHttpRequest, invite_id: int) -> HttpResponse:
    invite = get_invite_for_user(viewer=request.user, invite_id=invite_id)
    services.invite_revoke(actor=request.user, invite=invite)
    messages.success(request, _("That invitation no longer works."))
    return redirect("couples:overview")


@login_required
def join_by_code(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = JoinByCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_accept(actor=request.user, typed_code=form.cleaned_data["code"])
        except ServiceError as error:
            form.add_error("code", error.message)
        else:
            messages.success(request, _("You're in. This is your shared space now."))
            return redirect("couples:overview")
    return render(request, "couples/join.html", {"form": form})


@login_required
def join_by_link(request: AuthenticatedHttpRequest, token: str) -> HttpResponse:
    invite = find_open_invite(token=token)
    error = None
    if request.method == "POST":
        try:
            services.invite_accept(actor=request.user, token=token)
        except ServiceError as service_error:
            error = service_error.message
        else:
            messages.success(request, _("You're in. This is your shared space now."))
            return redirect("couples:overview")
    inviter = invite.created_by if invite else None
    return render(request, "couples/join_link.html", {"invite": invite, "inviter": inviter, "error": error})


@login_required
@reauthentication_required
def couple_leave(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = request.couple_ctx
    if request.method == "POST":
        services.couple_leave(actor=request.user)
        messages.success(request, _("You've left the shared space. Everything you wrote yourself is still yours."))
        return redirect("home")
    if context.couple is None:
        return redirect("couples:overview")
    return render(request, "couples/leave.html", {"ctx": context})


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(request.POST or None, initial={"display_name": user.display_name, "pronouns": user.pronouns})
    if request.method == "POST" and form.is_valid():
        services.profile_update(actor=user, **form.cleaned_data)
        messages.success(request, _("Saved."))
        if request.GET.get("next") == "/":
            return redirect("home")
        return redirect("couples:profile")
    return render(request, "couples/profile.html", {"form": form, "first_visit": not user.display_name})


def _browser_timezone(request: HttpRequest) -> str:
    name = request.POST.get("timezone", "")[:64]
    try:
        ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        return "UTC"
    return name
