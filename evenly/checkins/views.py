"""Thin views: load through the access helpers, validate, call one service,
render. A refused step re-renders the page with whatever was typed."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evenly.checkins import flow, selectors, services
from evenly.checkins.access import (
    get_agenda_item_for_member,
    get_checkin_for_member,
    get_own_moment,
    get_own_parked_topic,
)
from evenly.checkins.forms import (
    GroundRulesForm,
    MomentForm,
    RatingForm,
    SayForm,
    ScheduleForm,
    ShortTextForm,
    StartForm,
    StepForm,
)
from evenly.checkins.models import CheckIn, Status
from evenly.coaching.widgets import CoachedTextarea
from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest, attempt, id_from, redirect_back
from evenly.core.paging import page_number
from evenly.pause.selectors import pause_state

SAY_LABELS = {
    flow.Action.SPEAK: _("Your piece"),
    flow.Action.REFLECT: _("What you heard"),
    flow.Action.CLARIFY: _("What you'd like to add or put differently"),
}
SAY_HELP = {
    flow.Action.SPEAK: _("Speak from your own experience: what happened, and how it was for you."),
    flow.Action.REFLECT: _("In your own words, say back what you heard, before adding anything of yours."),
    flow.Action.CLARIFY: _("What did the reflection miss, or what would you put another way?"),
}


def _topic_form(data: Any = None) -> ShortTextForm:
    return ShortTextForm(data, prefix="topic", label=gettext("A topic for the agenda"))


def _parked_form(data: Any = None) -> ShortTextForm:
    return ShortTextForm(data, prefix="parked", label=gettext("Park a topic for later (only you see it)"))


# ---- The overview ----


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _index(request)


def _index(request: AuthenticatedHttpRequest, status: int = 200, **forms: Any) -> HttpResponse:
    overview = selectors.overview_for(viewer=request.user, context=request.couple_ctx)
    context = {
        "overview": overview,
        "start_form": forms.get("start_form") or StartForm(),
        "schedule_form": forms.get("schedule_form") or ScheduleForm(),
        "topic_form": forms.get("topic_form") or _topic_form(),
        "parked_form": forms.get("parked_form") or _parked_form(),
    }
    return render(request, "checkins/index.html", context, status=status)


@login_required
@require_GET
def rules_card(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The couple's ground rules, for the card on the check-ins page."""
    ctx = request.couple_ctx
    couple_id = ctx.couple_id if ctx.is_partnered else None
    return render(request, "checkins/_rules_card.html", {"rules": selectors.ground_rules(couple_id=couple_id)})


@login_required
@require_GET
def now(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The check-in under way or planned, re-fetched when either partner
    begins, plans, moves or cancels one."""
    return render(
        request,
        "checkins/_now.html",
        {
            "overview": selectors.overview_for(viewer=request.user, context=request.couple_ctx),
            "start_form": StartForm(),
        },
    )


@login_required
@require_GET
def agenda(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The agenda region, re-fetched when either partner changes it."""
    context = request.couple_ctx
    couple_id = context.couple_id if context.is_partnered else None
    open_checkin = CheckIn.objects.filter(couple_id=couple_id, status=Status.OPEN).first() if couple_id else None
    return render(
        request,
        "checkins/_agenda.html",
        {"agenda": selectors.agenda_for(viewer=request.user, couple_id=couple_id), "checkin": open_checkin},
    )


@login_required
@require_POST
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = StartForm(request.POST)
    if not form.is_valid():
        return _index(request, status=400, start_form=form)
    try:
        checkin = services.checkin_start(
            actor=request.user, mode=form.cleaned_data["mode"], keep_plan=form.cleaned_data["keep_plan"]
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("checkins:index")
    return redirect("checkins:checkin", checkin_id=checkin.pk)


@login_required
@require_POST
def schedule(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ScheduleForm(request.POST)
    if form.is_valid():
        try:
            services.checkin_schedule(actor=request.user, when=form.cleaned_data["at"])
        except ServiceError as error:
            form.add_error("at", error.message)
        else:
            messages.success(request, gettext("Planned. You'll both get a gentle reminder shortly before."))
            return redirect("checkins:index")
    return _index(request, status=400, schedule_form=form)


@login_required
@require_POST
def cancel(request: AuthenticatedHttpRequest, checkin_id: int) -> HttpResponse:
    checkin = get_checkin_for_member(context=request.couple_ctx, checkin_id=checkin_id)
    attempt(
        request,
        lambda: services.checkin_cancel(actor=request.user, checkin=checkin),
        success=gettext("The plan is cancelled. You can plan another whenever you like."),
    )
    return redirect("checkins:index")


# ---- The agenda and parked topics ----


@login_required
@require_POST
def topic_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = _topic_form(request.POST)
    if form.is_valid():
        try:
            services.topic_add(actor=request.user, text=form.cleaned_data["text"], once=form.cleaned_data["once"])
        except ServiceError as error:
            form.add_error("text", error.message)
        else:
            messages.success(request, gettext("Added to the agenda."))
            return redirect_back(request, "checkins:index")
    return _index(request, status=400, topic_form=form)


@login_required
@require_POST
def agenda_withdraw(request: AuthenticatedHttpRequest, item_id: int) -> HttpResponse:
    item = get_agenda_item_for_member(context=request.couple_ctx, item_id=item_id)
    attempt(
        request,
        lambda: services.agenda_item_withdraw(actor=request.user, item=item),
        success=gettext("Taken off the agenda."),
    )
    return redirect_back(request, "checkins:index")


@login_required
@require_POST
def agenda_discussed(request: AuthenticatedHttpRequest, checkin_id: int, item_id: int) -> HttpResponse:
    checkin = get_checkin_for_member(context=request.couple_ctx, checkin_id=checkin_id)
    item = get_agenda_item_for_member(context=request.couple_ctx, item_id=item_id)
    attempt(request, lambda: services.agenda_item_mark_discussed(actor=request.user, checkin=checkin, item=item))
    return redirect("checkins:checkin", checkin_id=checkin.pk)


@login_required
@require_POST
def talk_discussed(request: AuthenticatedHttpRequest, checkin_id: int, talk_id: int) -> HttpResponse:
    checkin = get_checkin_for_member(context=request.couple_ctx, checkin_id=checkin_id)
    attempt(
        request,
        lambda: services.talk_request_mark_discussed(actor=request.user, checkin=checkin, talk_request_id=talk_id),
    )
    return redirect("checkins:checkin", checkin_id=checkin.pk)


@login_required
@require_POST
def parked_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = _parked_form(request.POST)
    if form.is_valid():
        try:
            services.parked_topic_add(
                actor=request.user, text=form.cleaned_data["text"], once=form.cleaned_data["once"]
            )
        except ServiceError as error:
            form.add_error("text", error.message)
        else:
            messages.success(request, gettext("Parked. Only you can see it."))
            return redirect("checkins:index")
    return _index(request, status=400, parked_form=form)


@login_required
@require_POST
def parked_to_agenda(request: AuthenticatedHttpRequest, parked_id: int) -> HttpResponse:
    parked = get_own_parked_topic(viewer=request.user, parked_id=parked_id)
    attempt(
        request,
        lambda: services.parked_topic_to_agenda(actor=request.user, parked=parked),
        success=gettext("Moved to the shared agenda."),
    )
    return redirect("checkins:index")


@login_required
@require_POST
def parked_delete(request: AuthenticatedHttpRequest, parked_id: int) -> HttpResponse:
    parked = get_own_parked_topic(viewer=request.user, parked_id=parked_id)
    services.parked_topic_delete(actor=request.user, parked=parked)
    messages.success(request, gettext("Removed."))
    return redirect("checkins:index")


# ---- Ground rules ----


@login_required
@require_http_methods(["GET", "POST"])
def rules(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = request.couple_ctx
    if not context.is_partnered:
        return redirect("checkins:index")
    current = selectors.ground_rules(couple_id=context.couple_id)
    form = GroundRulesForm(request.POST or None, rules=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.ground_rules_save(actor=request.user, texts=form.texts())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, gettext("Ground rules saved. You both see the new list."))
            return redirect("checkins:index")
    return render(request, "checkins/rules.html", {"form": form}, status=400 if request.method == "POST" else 200)


# ---- One check-in ----


def _ready(request: AuthenticatedHttpRequest) -> int | None:
    return id_from(request.GET.get("ready"))


SAY_ACTIONS = (flow.Action.SPEAK, flow.Action.REFLECT, flow.Action.CLARIFY)


def _say_form(stage: selectors.Stage, submitted: Any = None, error: str = "") -> SayForm | None:
    """The form for the words this screen's person says next, if any. Words
    that were submitted and refused come back in it, under a fresh version."""
    action = next((a for a in SAY_ACTIONS if a in stage.allowed), None)
    if action is None:
        return None
    bound = submitted is not None and submitted.get("action") == action
    if bound:
        data = submitted.copy()
        data["version"] = str(stage.checkin.version)
        form = SayForm(data)
    else:
        form = SayForm(initial={"version": stage.checkin.version, "action": action.value})
    # Labels first: a bound field copies its label when it is first used.
    form.fields["text"].label = SAY_LABELS[action]
    form.fields["text"].help_text = SAY_HELP[action]
    if action == flow.Action.REFLECT:  # saying back what the partner said: the coach suggests reflective wording
        cast(CoachedTextarea, form.fields["text"].widget).context = "reflection"
    if bound:
        form.is_valid()
        if error:
            form.add_error(None, error)
    form.say_action = action.value  # type: ignore[attr-defined]
    return form


def _stage_context(
    request: AuthenticatedHttpRequest, checkin: CheckIn, *, submitted: Any = None, error: str = ""
) -> dict[str, Any]:
    ready = _ready(request)
    if submitted is not None and submitted.get("version") == str(checkin.version):
        # Refused, but nothing moved on: the same person still holds the phone.
        ready = checkin.version
    stage = selectors.stage_for(viewer=request.user, context=request.couple_ctx, checkin=checkin, ready=ready)
    say_form = _say_form(stage, submitted, error)
    reused = say_form is not None and submitted is not None and say_form.is_bound
    return {
        "checkin": checkin,
        "stage": stage,
        "say_form": say_form,
        # Words that no longer fit the current step are still shown, never lost.
        "kept_text": "" if reused or submitted is None else submitted.get("text", ""),
        "step_error": "" if reused else error,
        "ready": ready,
        "paused": pause_state(viewer=request.user, couple_id=checkin.couple_id).is_paused,
    }


@login_required
@require_GET
def checkin_page(request: AuthenticatedHttpRequest, checkin_id: int) -> HttpResponse:
    checkin = get_checkin_for_member(context=request.couple_ctx, checkin_id=checkin_id)
    services.checkin_seen(actor=request.user, checkin=checkin)
    if checkin.status == Status.SCHEDULED:
        return render(request, "checkins/planned.html", {"checkin": checkin, "start_form": StartForm()})
    if checkin.status == Status.CLOSED:
        return _closing(request, checkin)
    if checkin.status == Status.CANCELLED:
        messages.info(request, gettext("That plan was cancelled."))
        return redirect("checkins:index")
    return _checkin(request, checkin)


def _checkin(request: AuthenticatedHttpRequest, checkin: CheckIn, *, status: int = 200, **extra: Any) -> HttpResponse:
    context = _stage_context(request, checkin, **extra)
    couple_id = checkin.couple_id
    context["agenda"] = selectors.agenda_for(viewer=request.user, couple_id=couple_id)
    context["topic_form"] = _topic_form()
    return render(request, "checkins/checkin.html", context, status=status)


@login_required
@require_GET
def stage(request: AuthenticatedHttpRequest, checkin_id: int) -> HttpResponse:
    """The turn-taking region. Nothing changed since the page's version: 204,
    so a page never redraws under someone typing."""
    checkin = get_checkin_for_member(context=request.couple_ctx, checkin_id=checkin_id)
    if request.GET.get("v") == str(checkin.version):
        return HttpResponse(status=204)
    return render(request, "checkins/_stage.html", _stage_context(request, checkin))


@login_required
@require_POST
def act(request: AuthenticatedHttpRequest, checkin_id: int) -> HttpResponse:
    checkin = get_checkin_for_member(context=request.couple_ctx, checkin_id=checkin_id)
    action = request.POST.get("action", "")
    saying = action in {a.value for a in flow.SAYING}
    form: SayForm | StepForm = SayForm(request.POST) if saying else StepForm(request.POST)
    if not form.is_valid():
        if checkin.status != Status.OPEN:
            return redirect("checkins:checkin", checkin_id=checkin.pk)
        return _checkin(request, checkin, status=400, submitted=request.POST)
    try:
        checkin = services.checkin_act(
            actor=request.user,
            checkin=checkin,
            action=action,
            version=form.cleaned_data["version"],
            text=form.cleaned_data.get("text", ""),
            said_aloud=form.cleaned_data.get("said_aloud", False),
        )
    except ServiceError as error:
        checkin.refresh_from_db()
        if checkin.status != Status.OPEN and not saying:
            messages.info(request, error.message)
            return redirect("checkins:checkin", checkin_id=checkin.pk)
        return _checkin(request, checkin, status=409, submitted=request.POST, error=error.message)
    if checkin.status == Status.CLOSED:
        messages.success(request, gettext("The check-in is closed. Thank you both for taking the time."))
    return redirect("checkins:checkin", checkin_id=checkin.pk)


# ---- After the close ----


def _closing(request: AuthenticatedHttpRequest, checkin: CheckIn, *, status: int = 200, **forms: Any) -> HttpResponse:
    closing = selectors.closing_for(viewer=request.user, context=request.couple_ctx, checkin=checkin)
    rating = closing.my_rating
    context = {
        "closing": closing,
        "checkin": checkin,
        "rating_form": forms.get("rating_form")
        or RatingForm(initial={"felt_heard": rating.felt_heard, "equal_say": rating.equal_say} if rating else None),
        "appreciation_form": forms.get("appreciation_form")
        or ShortTextForm(prefix="appreciation", label=gettext("Something you appreciated (your partner will see it)")),
        "step_form": forms.get("step_form") or ShortTextForm(prefix="step", label=gettext("A next step")),
    }
    return render(request, "checkins/closing.html", context, status=status)


@login_required
@require_GET
def closing_shared(request: AuthenticatedHttpRequest, checkin_id: int) -> HttpResponse:
    checkin = get_checkin_for_member(context=request.couple_ctx, checkin_id=checkin_id)
    return render(
        request,
        "checkins/_closing_shared.html",
        {"closing": selectors.closing_for(viewer=request.user, context=request.couple_ctx, checkin=checkin)},
    )


@login_required
@require_POST
def rate(request: AuthenticatedHttpRequest, checkin_id: int) -> HttpResponse:
    checkin = get_checkin_for_member(context=request.couple_ctx, checkin_id=checkin_id)
    form = RatingForm(request.POST)
    if form.is_valid():
        try:
            services.rating_save(actor=request.user, checkin=checkin, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, gettext("Saved, privately. Only you will ever see your own numbers."))
            return redirect("checkins:checkin", checkin_id=checkin.pk)
    return _closing(request, checkin, status=400, rating_form=form)


@login_required
@require_POST
def appreciation(request: AuthenticatedHttpRequest, checkin_id: int) -> HttpResponse:
    checkin = get_checkin_for_member(context=request.couple_ctx, checkin_id=checkin_id)
    form = ShortTextForm(request.POST, prefix="appreciation", label=gettext("Something you appreciated"))
    if form.is_valid():
        try:
            services.appreciation_add(
                actor=request.user, checkin=checkin, text=form.cleaned_data["text"], once=form.cleaned_data["once"]
            )
        except ServiceError as error:
            form.add_error("text", error.message)
        else:
            messages.success(request, gettext("Your appreciation is shared."))
            return redirect("checkins:checkin", checkin_id=checkin.pk)
    return _closing(request, checkin, status=400, appreciation_form=form)


@login_required
@require_POST
def next_step(request: AuthenticatedHttpRequest, checkin_id: int) -> HttpResponse:
    checkin = get_checkin_for_member(context=request.couple_ctx, checkin_id=checkin_id)
    form = ShortTextForm(request.POST, prefix="step", label=gettext("A next step"))
    if form.is_valid():
        try:
            services.next_step_add(
                actor=request.user, checkin=checkin, text=form.cleaned_data["text"], once=form.cleaned_data["once"]
            )
        except ServiceError as error:
            form.add_error("text", error.message)
        else:
            messages.success(request, gettext("Next step written down."))
            return redirect("checkins:checkin", checkin_id=checkin.pk)
    return _closing(request, checkin, status=400, step_form=form)


# ---- Moments ----


@login_required
@require_GET
def moments(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = selectors.moments_page(viewer=request.user, number=page_number(request))
    return render(request, "checkins/moments.html", {"moments": page.items, "page": page})


@login_required
@require_http_methods(["GET", "POST"])
def moment_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = MomentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moment = services.moment_create(actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, gettext("Saved. This moment is private to you."))
            return redirect("checkins:moment", moment_id=moment.pk)
    return render(request, "checkins/moment_form.html", {"form": form}, status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def moment_detail(request: AuthenticatedHttpRequest, moment_id: int) -> HttpResponse:
    moment = get_own_moment(viewer=request.user, moment_id=moment_id)
    context = request.couple_ctx
    return render(
        request,
        "checkins/moment_detail.html",
        {
            "moment": moment,
            "on_agenda": selectors.moment_agenda_item(moment=moment),
            "can_share": context.is_partnered,
        },
    )


@login_required
@require_POST
def moment_share(request: AuthenticatedHttpRequest, moment_id: int) -> HttpResponse:
    moment = get_own_moment(viewer=request.user, moment_id=moment_id)
    attempt(
        request,
        lambda: services.moment_add_to_agenda(actor=request.user, moment=moment),
        success=gettext("On the agenda. Your partner can now read this moment."),
    )
    return redirect("checkins:moment", moment_id=moment.pk)


@login_required
@require_POST
def moment_private(request: AuthenticatedHttpRequest, moment_id: int) -> HttpResponse:
    moment = get_own_moment(viewer=request.user, moment_id=moment_id)
    services.moment_make_private(actor=request.user, moment=moment)
    messages.success(request, gettext("Private again. Only you can see this moment."))
    return redirect("checkins:moment", moment_id=moment.pk)


@login_required
@require_POST
def moment_delete(request: AuthenticatedHttpRequest, moment_id: int) -> HttpResponse:
    moment = get_own_moment(viewer=request.user, moment_id=moment_id)
    services.moment_delete(actor=request.user, moment=moment)
    messages.success(request, gettext("Deleted."))
    return redirect("checkins:moments")
