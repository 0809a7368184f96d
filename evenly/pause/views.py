from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest
from evenly.pause import services
from evenly.pause.access import get_own_active_pause
from evenly.pause.forms import RevisitForm
from evenly.pause.selectors import pause_state


@login_required
@require_POST
def pause_start(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        services.pause_start(actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("home")
    return redirect("pause:page")


@login_required
@require_GET
def pause_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The pauser's calm space: a breathing exercise, when to revisit, lift."""
    context = request.couple_ctx
    state = pause_state(viewer=request.user, couple_id=context.couple_id)
    if state.mine is None:
        return redirect("home")
    return render(
        request, "pause/page.html", {"pause": state.mine, "form": _revisit_form(state.mine), "pause_state": state}
    )


@login_required
@require_POST
def pause_revisit(request: AuthenticatedHttpRequest) -> HttpResponse:
    pause = get_own_active_pause(viewer=request.user)
    form = RevisitForm(request.POST)
    if form.is_valid():
        try:
            services.pause_set_revisit(
                actor=request.user,
                pause=pause,
                choice=form.cleaned_data["choice"],
                custom_local=form.cleaned_data["at"],
            )
        except ServiceError as error:
            form.add_error("at" if form.cleaned_data["choice"] == "at_time" else "choice", error.message)
        else:
            messages.success(
                request, _("Noted. You'll both get a gentle reminder then.") if pause.revisit_at else _("Noted.")
            )
            return redirect("pause:page")
    return render(request, "pause/page.html", {"pause": pause, "form": form}, status=400)


@login_required
@require_POST
def pause_lift(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        pause = get_own_active_pause(viewer=request.user)
    except Exception:
        return redirect("home")  # Lifting twice is harmless.
    services.pause_lift(actor=request.user, pause=pause)
    messages.success(request, _("The pause is lifted."))
    return redirect("home")


@login_required
@require_GET
def pause_layer(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The pause notice fragment, re-fetched by open pages when a pause event arrives."""
    return render(request, "pause/layer.html")


def _revisit_form(pause) -> RevisitForm:  # type: ignore[no-untyped-def]
    initial = {"choice": pause.revisit_choice if pause.revisit_choice != "undecided" else None}
    if pause.revisit_at:
        initial["at"] = pause.revisit_at
    return RevisitForm(initial=initial)
