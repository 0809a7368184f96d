from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from evenly.boundaries import catalogue, selectors, services
from evenly.boundaries.access import (
    get_own_boundary,
    get_own_life_event,
    get_own_open_review,
    get_partners_shared_boundary,
)
from evenly.boundaries.forms import (
    KIND_HELP,
    PRIVATE_LIMIT_NOTICE,
    BoundaryAddForm,
    BoundaryEditForm,
    LifeEventForm,
    ReminderForm,
)
from evenly.boundaries.models import Answer, ReviewOutcome
from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest, attempt, id_from


class Request(AuthenticatedHttpRequest):
    htmx: HtmxDetails


# ---- My boundaries ----


@login_required
@require_GET
def mine(request: Request) -> HttpResponse:
    context = request.couple_ctx
    return render(
        request,
        "boundaries/mine.html",
        {
            "groups": selectors.my_boundaries(viewer=request.user),
            "talk_ids": selectors.talk_list_ids_for_owner(viewer=request.user, context=context),
            "settings": selectors.review_settings(viewer=request.user),
            "review": selectors.open_review(viewer=request.user),
            "ctx": context,
            "private_limit_notice": PRIVATE_LIMIT_NOTICE,
        },
    )


def _form_page(request: Request, template: str, extra: dict[str, Any], status: int = 200) -> HttpResponse:
    base = {"kind_help": KIND_HELP, "private_limit_notice": PRIVATE_LIMIT_NOTICE}
    return render(request, template, {**base, **extra}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def add(request: Request) -> HttpResponse:
    listed = selectors.my_listed_item_ids(viewer=request.user)
    ctx = request.couple_ctx
    if request.method == "GET":
        initial: dict[str, Any] = {}
        item = catalogue.get(id_from(request.GET.get("item")) or 0)
        if item:
            initial["catalogue_item"] = str(item.id)
        if request.GET.get("area") in catalogue.AREA_LABELS:
            initial["area"] = request.GET["area"]
        form = BoundaryAddForm(initial=initial, listed=listed)
        return _form_page(request, "boundaries/add.html", {"form": form, "ctx": ctx})
    form = BoundaryAddForm(request.POST, listed=listed)
    if form.is_valid():
        data = form.cleaned_data
        from_list = data["source"] == "catalogue"
        try:
            services.boundary_add(
                actor=request.user,
                kind=data["kind"],
                catalogue_item_id=data["catalogue_item"] if from_list else None,
                wording="" if from_list else data["wording"],
                area="" if from_list else data["area"],
                when_mood=data["when_mood"],
                when_context=data["when_context"],
                when_must_be_true=data["when_must_be_true"],
                note=data["note"],
                share=data["share"],
                once=data["once"],
            )
        except ServiceError as error:
            field = "catalogue_item" if from_list else "wording"
            if error.message == gettext(services.NOT_PARTNERED_SHARE):
                field = "share"
            form.add_error(field, error.message)
        else:
            messages.success(request, gettext("Added to your list."))
            return redirect("boundaries:mine")
    return _form_page(request, "boundaries/add.html", {"form": form, "ctx": ctx}, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: Request, boundary_id: int) -> HttpResponse:
    boundary = get_own_boundary(viewer=request.user, boundary_id=boundary_id)
    review_id = id_from(request.GET.get("review") or request.POST.get("review"))
    review = selectors.open_review(viewer=request.user)
    if review is not None and review.pk != review_id:
        review = None
    extra = {"boundary": boundary, "review": review}
    if request.method == "GET":
        form = BoundaryEditForm(
            custom=boundary.is_custom,
            initial={
                "wording": boundary.wording,
                "area": boundary.area,
                "kind": boundary.kind,
                "when_mood": boundary.when_mood,
                "when_context": boundary.when_context,
                "when_must_be_true": boundary.when_must_be_true,
                "note": boundary.note,
            },
        )
        return _form_page(request, "boundaries/edit.html", {"form": form, **extra})
    form = BoundaryEditForm(request.POST, custom=boundary.is_custom)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.boundary_update(
                actor=request.user,
                boundary=boundary,
                kind=data["kind"],
                wording=data.get("wording", ""),
                area=data.get("area", ""),
                when_mood=data["when_mood"],
                when_context=data["when_context"],
                when_must_be_true=data["when_must_be_true"],
                note=data["note"],
            )
        except ServiceError as error:
            form.add_error("wording" if boundary.is_custom else None, error.message)
        else:
            if review is not None:
                services.review_step(
                    actor=request.user, review=review, boundary=boundary, outcome=ReviewOutcome.CHANGED
                )
                return redirect("boundaries:review_step", review_id=review.pk)
            messages.success(request, gettext("Saved."))
            return redirect("boundaries:mine")
    return _form_page(request, "boundaries/edit.html", {"form": form, **extra}, status=400)


@login_required
@require_POST
def share(request: Request, boundary_id: int) -> HttpResponse:
    boundary = get_own_boundary(viewer=request.user, boundary_id=boundary_id)
    attempt(
        request,
        lambda: services.boundary_share(actor=request.user, boundary=boundary),
        success=gettext("Shared with your partner. You can make it private again at any time."),
    )
    return redirect("boundaries:mine")


@login_required
@require_POST
def unshare(request: Request, boundary_id: int) -> HttpResponse:
    boundary = get_own_boundary(viewer=request.user, boundary_id=boundary_id)
    services.boundary_unshare(actor=request.user, boundary=boundary)
    if boundary.is_hard_limit:
        message = gettext("Only you can see this now. It still stops any proposal that touches it.")
    else:
        message = gettext("Only you can see this now.")
    messages.success(request, message)
    return redirect("boundaries:mine")


@login_required
@require_http_methods(["GET", "POST"])
def remove(request: Request, boundary_id: int) -> HttpResponse:
    boundary = get_own_boundary(viewer=request.user, boundary_id=boundary_id)
    if request.method == "GET":
        return render(request, "boundaries/remove.html", {"boundary": boundary})
    services.boundary_delete(actor=request.user, boundary=boundary)
    messages.success(request, gettext("Removed from your list. It stays in your history, which only you can see."))
    return redirect("boundaries:mine")


@login_required
@require_GET
def history(request: Request) -> HttpResponse:
    return render(request, "boundaries/history.html", {"changes": selectors.my_history(viewer=request.user)})


# ---- The partner's shared boundaries ----


def _partner_context(request: Request) -> dict[str, Any]:
    context = request.couple_ctx
    groups = selectors.partners_shared_boundaries(context=context)
    return {
        "ctx": context,
        "groups": groups,
        "has_any": any(group.boundaries for group in groups),
        "asked_ids": selectors.my_talk_requests(viewer=request.user, context=context),
    }


@login_required
@require_GET
def partner(request: Request) -> HttpResponse:
    services.partner_boundaries_seen(actor=request.user)
    return render(request, "boundaries/partner.html", _partner_context(request))


@login_required
@require_GET
def partner_list(request: Request) -> HttpResponse:
    """The list alone, re-fetched when a shared boundary changes."""
    return render(request, "boundaries/_partner_list.html", _partner_context(request))


@login_required
@require_POST
def talk(request: Request, boundary_id: int) -> HttpResponse:
    boundary = get_partners_shared_boundary(context=request.couple_ctx, boundary_id=boundary_id)
    services.talk_request_add(actor=request.user, boundary=boundary)
    if request.htmx:
        return render(request, "boundaries/_talk_added.html", {"boundary": boundary})
    messages.success(request, gettext("Added to your next check-in."))
    return redirect("boundaries:partner")


# ---- Review ----


@login_required
@require_http_methods(["GET", "POST"])
def review(request: Request) -> HttpResponse:
    if request.method == "POST":
        started = services.review_start(actor=request.user)
        return redirect("boundaries:review_step", review_id=started.pk)
    return render(
        request,
        "boundaries/review_start.html",
        {
            "review": selectors.open_review(viewer=request.user),
            "settings": selectors.review_settings(viewer=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_step(request: Request, review_id: int) -> HttpResponse:
    current = get_own_open_review(viewer=request.user, review_id=review_id)
    if request.method == "POST":
        boundary = get_own_boundary(viewer=request.user, boundary_id=id_from(request.POST.get("boundary")) or 0)
        outcome = request.POST.get("outcome", "")
        if outcome not in (ReviewOutcome.KEPT, ReviewOutcome.REMOVED):
            messages.error(request, gettext("Choose keep, change or remove."))
        else:
            services.review_step(actor=request.user, review=current, boundary=boundary, outcome=outcome)
        return redirect("boundaries:review_step", review_id=current.pk)
    return render(
        request,
        "boundaries/review_step.html",
        {
            "review": current,
            "boundary": selectors.review_next_boundary(review=current),
            "private_limit_notice": PRIVATE_LIMIT_NOTICE,
        },
    )


@login_required
@require_POST
def review_finish(request: Request, review_id: int) -> HttpResponse:
    current = get_own_open_review(viewer=request.user, review_id=review_id)
    services.review_finish(actor=request.user, review=current)
    messages.success(
        request, gettext("Thank you for looking after your boundaries. They can change whenever you need.")
    )
    return redirect("boundaries:mine")


@login_required
@require_http_methods(["GET", "POST"])
def reminders(request: Request) -> HttpResponse:
    settings_row = selectors.review_settings(viewer=request.user)
    if request.method == "POST":
        form = ReminderForm(request.POST)
        if form.is_valid():
            services.review_reminder_set(actor=request.user, months=form.cleaned_data["months"])
            messages.success(request, gettext("Saved."))
            return redirect("boundaries:mine")
        return render(request, "boundaries/reminders.html", {"form": form}, status=400)
    form = ReminderForm(initial={"months": settings_row.reminder_months})
    return render(request, "boundaries/reminders.html", {"form": form})


# ---- Life events ----


@login_required
@require_http_methods(["GET", "POST"])
def life_events(request: Request) -> HttpResponse:
    ctx = request.couple_ctx
    form = LifeEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.life_event_add(
                actor=request.user, kind=data["kind"], note=data["note"], share=data["share"], once=data["once"]
            )
        except ServiceError as error:
            form.add_error("share", error.message)
        else:
            messages.success(
                request,
                gettext("Noted. Life changes can shift what feels right; a review is ready whenever you'd like one."),
            )
            return redirect("boundaries:life_events")
    mine_events, partners_events = selectors.life_events(viewer=request.user, context=ctx)
    return render(
        request,
        "boundaries/life_events.html",
        {"form": form, "mine": mine_events, "partners": partners_events, "ctx": ctx},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def life_event_share(request: Request, event_id: int) -> HttpResponse:
    event = get_own_life_event(viewer=request.user, event_id=event_id)
    attempt(request, lambda: services.life_event_share(actor=request.user, event=event))
    return redirect("boundaries:life_events")


@login_required
@require_POST
def life_event_unshare(request: Request, event_id: int) -> HttpResponse:
    event = get_own_life_event(viewer=request.user, event_id=event_id)
    services.life_event_unshare(actor=request.user, event=event)
    return redirect("boundaries:life_events")


@login_required
@require_POST
def life_event_remove(request: Request, event_id: int) -> HttpResponse:
    event = get_own_life_event(viewer=request.user, event_id=event_id)
    services.life_event_delete(actor=request.user, event=event)
    messages.success(request, gettext("Removed."))
    return redirect("boundaries:life_events")


# ---- Curiosity list ----


@login_required
@require_GET
def curious(request: Request) -> HttpResponse:
    areas = catalogue.items_by_area()
    chosen = request.GET.get("area") or areas[0][0]
    current = next((row for row in areas if row[0] == chosen), None)
    if current is None:
        raise Http404
    answers = selectors.my_answers(viewer=request.user)
    position = areas.index(current)
    next_area = areas[position + 1][:2] if position + 1 < len(areas) else None
    return render(
        request,
        "boundaries/curious.html",
        {
            "areas": areas,
            "area": current[0],
            "area_label": current[1],
            "rows": [(item, answers.get(item.id, "")) for item in current[2]],
            "answer_choices": Answer.choices,
            "own_limits": _own_hard_limits(request),
            "next_area": next_area,
        },
    )


def _own_hard_limits(request: Request) -> set[int]:
    from evenly.boundaries.guard import hard_limit_item_ids

    return hard_limit_item_ids(user_id=request.user.pk)


@login_required
@require_POST
def curious_answer(request: Request, item_id: int) -> HttpResponse:
    item = catalogue.get(item_id)
    if item is None or item.retired:
        raise Http404
    answer = request.POST.get("answer", "")
    try:
        if answer == "clear":
            services.curiosity_answer_clear(actor=request.user, catalogue_item_id=item.id)
            answer = ""
        else:
            services.curiosity_answer_set(actor=request.user, catalogue_item_id=item.id, answer=answer)
    except ServiceError as error:
        if request.htmx:
            return render(
                request,
                "boundaries/_curious_item.html",
                {"item": item, "answer": "", "answer_choices": Answer.choices, "error": error.message},
                status=400,
            )
        messages.error(request, error.message)
    if request.htmx:
        return render(
            request,
            "boundaries/_curious_item.html",
            {
                "item": item,
                "answer": answer,
                "answer_choices": Answer.choices,
                "own_limits": _own_hard_limits(request),
            },
        )
    return redirect(f"{reverse('curious:list')}?area={item.area}#item-{item.id}")


@login_required
@require_GET
def matches(request: Request) -> HttpResponse:
    return render(
        request,
        "boundaries/matches.html",
        {
            "ctx": request.couple_ctx,
            "matches": selectors.curiosity_matches(viewer=request.user, context=request.couple_ctx),
        },
    )
