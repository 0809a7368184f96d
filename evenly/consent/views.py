from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from evenly.boundaries import catalogue
from evenly.consent import selectors, services, timing
from evenly.consent.access import get_dialogue_for_user, get_invitation_for_user
from evenly.consent.forms import (
    DialogueAnswerForm,
    DialogueStartForm,
    InvitationAnswerForm,
    InvitationForm,
    PaceForm,
    SignalForm,
)
from evenly.consent.models import Colour, Outcome
from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest, id_from
from evenly.core.localtime import local_input
from evenly.journal.selectors import tender_notes


def _home_context(request: AuthenticatedHttpRequest) -> dict[str, Any]:
    context = request.couple_ctx
    dialogue = selectors.open_dialogue(context=context)
    return {
        "ctx": context,
        "signals": selectors.signal_view(viewer=request.user, context=context),
        "dialogue": selectors.dialogue_view(viewer=request.user, dialogue=dialogue) if dialogue else None,
        "start_form": DialogueStartForm(initial={"ends_at": local_input(timing.next_morning(timezone.localtime()))}),
        "invitations": selectors.invitations_view(viewer=request.user, context=context),
    }


# ---- overview ----


@login_required
@require_GET
def consent_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "consent/home.html", _home_context(request))


@login_required
@require_GET
def forgetting(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "consent/forgetting.html")


# ---- the signal ----


@login_required
@require_GET
def signal_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "consent/signal.html",
        {"ctx": request.couple_ctx, "signals": selectors.signal_view(viewer=request.user, context=request.couple_ctx)},
    )


@login_required
@require_POST
def signal_set(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SignalForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose green, yellow or red."))
        return redirect("consent:signal")
    try:
        services.signal_set(actor=request.user, colour=form.cleaned_data["colour"])
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("consent:signal")
    if form.cleaned_data["colour"] == Colour.RED:
        return redirect("pause:page")
    return redirect("consent:signal")


@login_required
@require_GET
def signal_partner(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The partner's current colour, re-fetched live when either signal changes."""
    return render(
        request,
        "consent/_partner_signal.html",
        {"signals": selectors.signal_view(viewer=request.user, context=request.couple_ctx)},
    )


@login_required
@require_GET
def signal_notice(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A calm word on any page when the partner asks to slow down; empty otherwise."""
    return render(
        request,
        "consent/_signal_notice.html",
        {"signals": selectors.signal_view(viewer=request.user, context=request.couple_ctx)},
    )


# ---- tonight ----


@login_required
@require_POST
def dialogue_start(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DialogueStartForm(request.POST)
    if form.is_valid():
        try:
            dialogue = services.dialogue_start(actor=request.user, ends_at=form.cleaned_data["ends_at"])
        except ServiceError as error:
            form.add_error("ends_at", error.message)
        else:
            return redirect("consent:dialogue", dialogue_id=dialogue.pk)
    context = _home_context(request)
    context["start_form"] = form
    return render(request, "consent/home.html", context, status=400)


def _dialogue_context(request: AuthenticatedHttpRequest, dialogue: Any, form: Any = None) -> dict[str, Any]:
    view = selectors.dialogue_view(viewer=request.user, dialogue=dialogue)
    if form is None and view.mine is None:
        form = DialogueAnswerForm(initial={"limits": selectors.limits_prefill(viewer=request.user)})
    elif form is None and view.mine is not None and not view.is_revealed:
        mine = view.mine
        form = DialogueAnswerForm(
            initial={
                "feels_good": mine.feels_good,
                "breaks_trust": mine.breaks_trust,
                "limits": mine.limits,
                "colour": mine.colour,
            }
        )
    return {"view": view, "form": form, "ctx": request.couple_ctx, "now": timezone.now()}


@login_required
@require_GET
def dialogue_page(request: AuthenticatedHttpRequest, dialogue_id: int) -> HttpResponse:
    dialogue = get_dialogue_for_user(context=request.couple_ctx, dialogue_id=dialogue_id)
    return render(request, "consent/dialogue.html", _dialogue_context(request, dialogue))


@login_required
@require_POST
def dialogue_answer(request: AuthenticatedHttpRequest, dialogue_id: int) -> HttpResponse:
    dialogue = get_dialogue_for_user(context=request.couple_ctx, dialogue_id=dialogue_id)
    form = DialogueAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.dialogue_answer(actor=request.user, dialogue=dialogue, **form.cleaned_data)
        except ServiceError as error:
            # Whatever was typed comes back with the reason, never lost.
            form.add_error(None, error.message)
        else:
            if form.cleaned_data["colour"] == Colour.RED:
                return redirect("pause:page")
            return redirect("consent:dialogue", dialogue_id=dialogue.pk)
    return render(request, "consent/dialogue.html", _dialogue_context(request, dialogue, form), status=400)


@login_required
@require_GET
def dialogue_state(request: AuthenticatedHttpRequest, dialogue_id: int) -> HttpResponse:
    """The answers region, re-fetched when the check-in is revealed."""
    dialogue = get_dialogue_for_user(context=request.couple_ctx, dialogue_id=dialogue_id)
    return render(request, "consent/_dialogue_state.html", _dialogue_context(request, dialogue))


# ---- invitations ----


@login_required
def invitation_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    invitations = selectors.invitations_view(viewer=request.user, context=request.couple_ctx)
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                invitation = services.invitation_create(
                    actor=request.user,
                    item_ids=data["items"],
                    words=data["words"],
                    note=data["note"],
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    once=data["once"],
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your invitation is on its way. There's no rush for an answer."))
                return redirect("consent:invitation", invitation_id=invitation.pk)
        status = 400
    else:
        start = (timezone.localtime() + timedelta(hours=1)).replace(minute=0)
        initial: dict[str, object] = {
            "starts_at": local_input(start),
            "ends_at": local_input(start + timedelta(hours=3)),
        }
        desire_id = id_from(request.GET.get("desire"))
        if desire_id is not None:  # started from an entry of the desire log
            from evenly.rituals.desires import desire_prefill

            entry = desire_prefill(viewer=request.user, context=request.couple_ctx, entry_id=desire_id)
            initial["items"] = [entry.catalogue_item_id] if entry.catalogue_item_id else []
            initial["words"] = entry.text
        form = InvitationForm(initial=initial)
        status = 200
    return render(
        request,
        "consent/invitation_new.html",
        {"form": form, "invitations": invitations, "areas": _areas(form), "ctx": request.couple_ctx},
        status=status,
    )


def _areas(form: InvitationForm) -> list[tuple[str, list[Any]]]:
    """The catalogue checkboxes grouped by area, in catalogue order."""
    by_id = {int(box.data["value"]): box for box in form["items"]}
    return [(str(label), [by_id[item.id] for item in items]) for _area, label, items in catalogue.items_by_area()]


def _invitation_context(request: AuthenticatedHttpRequest, invitation: Any, form: Any = None) -> dict[str, Any]:
    item = selectors.invitation_view(viewer=request.user, invitation=invitation)
    texts = [invitation.what_words, invitation.note, *[entry.title for entry in item.items]]
    return {
        "item": item,
        "tender_notes": tender_notes(viewer=request.user, couple_id=invitation.couple_id, texts=texts),
        "is_live": selectors.is_live(invitation),
        "is_open": selectors.is_open(invitation),
        "form": form or InvitationAnswerForm(),
        "ctx": request.couple_ctx,
    }


@login_required
@require_GET
def invitation_detail(request: AuthenticatedHttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_invitation_for_user(viewer=request.user, context=request.couple_ctx, invitation_id=invitation_id)
    return render(request, "consent/invitation.html", _invitation_context(request, invitation))


@login_required
@require_GET
def invitation_state(request: AuthenticatedHttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_invitation_for_user(viewer=request.user, context=request.couple_ctx, invitation_id=invitation_id)
    return render(request, "consent/_invitation_state.html", _invitation_context(request, invitation))


@login_required
@require_POST
def invitation_answer(request: AuthenticatedHttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_invitation_for_user(viewer=request.user, context=request.couple_ctx, invitation_id=invitation_id)
    form = InvitationAnswerForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_answer(
                actor=request.user,
                invitation=invitation,
                outcome=form.cleaned_data["outcome"],
                conditions=form.cleaned_data["conditions"],
            )
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect("consent:invitation", invitation_id=invitation.pk)
        if form.cleaned_data["outcome"] in (Outcome.NOT_NOW, Outcome.NO):
            messages.success(request, _("Thank you for saying so. Nothing more is needed."))
            return redirect("consent:home")
        messages.success(request, _("Answered. You can withdraw this yes at any moment."))
        return redirect("consent:invitation", invitation_id=invitation.pk)
    invitation.refresh_from_db()
    return render(request, "consent/invitation.html", _invitation_context(request, invitation, form), status=400)


@login_required
@require_POST
def invitation_withdraw(request: AuthenticatedHttpRequest, invitation_id: int) -> HttpResponse:
    invitation = get_invitation_for_user(viewer=request.user, context=request.couple_ctx, invitation_id=invitation_id)
    try:
        services.invitation_withdraw(actor=request.user, invitation=invitation)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Withdrawn. It no longer stands, and no reason is needed."))
    return redirect("consent:home")


@login_required
@require_GET
def invitations_live(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "consent/_invitations.html",
        {
            "invitations": selectors.invitations_view(viewer=request.user, context=request.couple_ctx),
            "ctx": request.couple_ctx,
        },
    )


# ---- pace ----


@login_required
def pace(request: AuthenticatedHttpRequest) -> HttpResponse:
    current = services.settings_for(request.user)
    form = PaceForm(
        request.POST or None,
        initial={"slower_pace": "slower" if current.slower_pace else "open", "cooldown_hours": current.cooldown_hours},
    )
    if request.method == "POST" and form.is_valid():
        services.consent_settings_update(
            actor=request.user,
            slower_pace=form.cleaned_data["slower_pace"],
            cooldown_hours=form.cleaned_data["cooldown_hours"],
        )
        messages.success(request, _("Saved. You can change this whenever you like."))
        return redirect("consent:pace")
    return render(request, "consent/pace.html", {"form": form}, status=400 if form.errors else 200)
