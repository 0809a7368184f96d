"""Thin views: load through the access helpers, validate, call one service,
render. A refused step re-renders the page with what was typed still there."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest, attempt, id_from
from evenly.core.paging import page_number
from evenly.decisions import selectors, services
from evenly.decisions.access import get_decision_for_user, get_experiment_for_user, get_option_for_user
from evenly.decisions.forms import (
    CorrectionForm,
    CounterForm,
    DebriefForm,
    ExperimentForm,
    OpenForm,
    OptionForm,
    RatingsForm,
    ReviewForm,
    SignForm,
    SummaryForm,
    ViewForm,
)
from evenly.decisions.models import Decision, Experiment, ExperimentStatus, Option, Stage
from evenly.journal.selectors import tender_notes


def _partnered_or_404(request: AuthenticatedHttpRequest) -> None:
    if not request.couple_ctx.is_partnered:
        raise Http404


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = request.couple_ctx
    return render(
        request,
        "decisions/index.html",
        {
            "ctx": context,
            "decisions": selectors.decisions_for(viewer=request.user, context=context),
            "experiments": selectors.experiments_for(context=context),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    _partnered_or_404(request)
    form = OpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_open(
                actor=request.user, topic=form.cleaned_data["topic"], once=form.cleaned_data["once"]
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            return redirect("decisions:detail", decision.pk)
    return render(request, "decisions/new.html", {"form": form}, status=400 if form.errors else 200)


def _detail(request: AuthenticatedHttpRequest, decision: Decision, status: int = 200, **bound: Any) -> HttpResponse:
    page = selectors.decision_page(viewer=request.user, context=request.couple_ctx, decision=decision)
    levels = {row.option.pk: row.my_level for row in page.options}
    forms = {
        "view_form": ViewForm(initial={"text": page.mine.view}),
        "summary_form": SummaryForm(initial={"text": page.mine.summary}),
        "correction_form": CorrectionForm(),
        "option_form": OptionForm(initial=_other_version_of(request, page)),
        "ratings_form": RatingsForm(options=[r.option for r in page.options], initial_levels=levels),
        "sign_form": SignForm(options=page.adoptable_options, initial=_sign_initial(page)),
        "review_form": ReviewForm(
            initial={"level": page.seat.review_level, "next_step": page.seat.review_next or None}
        ),
    }
    forms.update(bound)
    texts = [decision.topic, *[row.option.text for row in page.options]]
    notes = tender_notes(viewer=request.user, couple_id=decision.couple_id, texts=texts)
    context = {"page": page, "Stage": Stage, "tender_notes": notes, **forms}
    return render(request, "decisions/detail.html", context, status=status)


def _other_version_of(request: AuthenticatedHttpRequest, page: selectors.DecisionPage) -> dict[str, Any]:
    """ "Suggest a different version" of the partner's option: the add form
    starts from its wording, marked as a compromise."""
    wanted = request.GET.get("version_of", "")
    for row in page.options:
        if str(row.option.pk) == wanted and not row.mine:
            return {"text": row.option.text, "is_compromise": True}
    return {}


def _sign_initial(page: selectors.DecisionPage) -> dict[str, Any]:
    round_ = page.round
    if round_.terms_option_id and round_.terms_option:
        return {
            "option": f"{round_.terms_option_id}:{round_.terms_option_version}",
            "trial_days": round_.trial_days,
        }
    if page.suggested:
        return {"option": f"{page.suggested.pk}:{page.suggested.version}"}
    return {}


@login_required
@require_GET
def decision_detail(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    decision = get_decision_for_user(context=request.couple_ctx, decision_id=decision_id)
    return _detail(request, decision)


@login_required
@require_GET
def decision_live(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    """Re-fetched when a decision changes: offers the newest version without
    replacing the page, so nothing being typed is lost."""
    decision = get_decision_for_user(context=request.couple_ctx, decision_id=decision_id)
    token = selectors.live_token(decision.updated_at)
    changed = request.GET.get("seen", token) != token
    return render(
        request,
        "decisions/_live.html",
        {"decision": decision, "token": request.GET.get("seen", token), "changed": changed},
    )


def _post(
    request: AuthenticatedHttpRequest,
    decision_id: int,
    form_class: type | None,
    form_name: str,
    action: Any,
    done: str = "",
) -> HttpResponse:
    """The shared shape of every step on the decision page."""
    decision = get_decision_for_user(context=request.couple_ctx, decision_id=decision_id)
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        return _detail(request, decision, status=400, **{form_name: form})
    try:
        action(decision, form.cleaned_data if form is not None else {})
    except ServiceError as error:
        if form is None:
            messages.error(request, error.message)
            return redirect("decisions:detail", decision.pk)
        form.add_error(None, error.message)
        return _detail(request, decision, status=400, **{form_name: form})
    if done:
        messages.success(request, done)
    return redirect("decisions:detail", decision.pk)


@login_required
@require_POST
def view_write(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    return _post(
        request,
        decision_id,
        ViewForm,
        "view_form",
        lambda d, data: services.decision_write_view(actor=request.user, decision=d, text=data["text"]),
        _("Your view is saved, just for you until you've both written yours."),
    )


@login_required
@require_POST
def summary_write(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    return _post(
        request,
        decision_id,
        SummaryForm,
        "summary_form",
        lambda d, data: services.decision_write_summary(actor=request.user, decision=d, text=data["text"]),
        _("Your summary is with your partner now."),
    )


@login_required
@require_POST
def summary_confirm(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    return _post(
        request,
        decision_id,
        None,
        "",
        lambda d, data: services.decision_confirm_summary(actor=request.user, decision=d),
        _("Thank you. You said it was heard right."),
    )


@login_required
@require_POST
def summary_correct(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    return _post(
        request,
        decision_id,
        CorrectionForm,
        "correction_form",
        lambda d, data: services.decision_correct_summary(actor=request.user, decision=d, note=data["note"]),
        _("Your note is with your partner, for another go."),
    )


@login_required
@require_POST
def option_add(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    return _post(
        request,
        decision_id,
        OptionForm,
        "option_form",
        lambda d, data: services.option_add(
            actor=request.user, decision=d, text=data["text"], is_compromise=data["is_compromise"]
        ),
        _("Option added. Rate it too, privately."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def option_edit(request: AuthenticatedHttpRequest, option_id: int) -> HttpResponse:
    option = get_option_for_user(context=request.couple_ctx, option_id=option_id)
    decision = option.round.decision
    if option.proposed_by_id != request.user.pk:
        # The partner may see the option but not reword it: they add their own.
        raise PermissionDenied(services.NOT_YOUR_OPTION)
    form = OptionForm(
        request.POST or None,
        initial={"text": option.text, "is_compromise": option.is_compromise, "version": option.version},
    )
    current: Option | None = None
    if request.method == "POST" and form.is_valid():
        try:
            services.option_edit(
                actor=request.user,
                option=option,
                text=form.cleaned_data["text"],
                seen_version=form.cleaned_data["version"] or 0,
                is_compromise=form.cleaned_data["is_compromise"],
            )
        except services.OptionChanged as conflict:
            current = conflict.option
            # Keep the author's words, and let the next save build on the new version.
            data = request.POST.copy()
            data["version"] = str(current.version)
            form = OptionForm(data)
            form.is_valid()
            form.add_error(None, conflict.message)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Option saved. You'll both want to rate the new wording."))
            return redirect("decisions:detail", decision.pk)
    return render(
        request,
        "decisions/option_edit.html",
        {"form": form, "option": option, "decision": decision, "current": current},
        status=409 if current else 400 if form.errors else 200,
    )


@login_required
@require_POST
def ratings_save(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    decision = get_decision_for_user(context=request.couple_ctx, decision_id=decision_id)
    page = selectors.decision_page(viewer=request.user, context=request.couple_ctx, decision=decision)
    form = RatingsForm(request.POST, options=[r.option for r in page.options], initial_levels={})
    if not form.is_valid():
        return _detail(request, decision, status=400, ratings_form=form)
    done = request.POST.get("action") == "done"
    try:
        changed = services.ratings_save(
            actor=request.user,
            decision=decision,
            levels=form.levels(),
            seen_versions=form.seen_versions(),
            done=done,
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("decisions:detail", decision.pk)
    if changed:
        messages.error(
            request,
            _(
                "An option changed while you were rating, so its rating wasn't saved. Read the new wording and rate "
                "it again; your other ratings are saved."
            ),
        )
    elif done and Decision.objects.get(pk=decision.pk).stage == Stage.AGREEING:
        messages.success(request, _("You've both finished rating. Here is the fairest option."))
    elif done:
        messages.success(request, _("Your ratings are in. The suggestion shows once you've both finished."))
    else:
        messages.success(request, _("Your ratings are saved, just for you."))
    return redirect("decisions:detail", decision.pk)


@login_required
@require_POST
def ratings_reopen(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    return _post(
        request,
        decision_id,
        None,
        "",
        lambda d, data: services.ratings_reopen(actor=request.user, decision=d),
        _("Back to the options. Your ratings are kept; change any you like."),
    )


@login_required
@require_POST
def agreement_sign(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    decision = get_decision_for_user(context=request.couple_ctx, decision_id=decision_id)
    page = selectors.decision_page(viewer=request.user, context=request.couple_ctx, decision=decision)
    # Every option of the round is a valid choice here; the service decides
    # whether it may be adopted and whether its wording is still current.
    options = [row.option for row in page.options]
    form = SignForm(request.POST, options=options)
    posted = request.POST.get("option", "")
    if posted and posted not in dict(form.fields["option"].choices):  # type: ignore[attr-defined]
        messages.error(request, services.OPTION_CHANGED)
        return redirect("decisions:detail", decision.pk)
    if not form.is_valid():
        form.fields["option"].choices = SignForm(options=page.adoptable_options).fields["option"].choices  # type: ignore[attr-defined]
        return _detail(request, decision, status=400, sign_form=form)
    option_id, version = form.chosen()
    option = next(o for o in options if o.pk == option_id)
    try:
        agreed = services.agreement_sign(
            actor=request.user,
            decision=decision,
            option=option,
            seen_version=version,
            trial_days=form.cleaned_data["trial_days"],
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("decisions:detail", decision.pk)
    messages.success(
        request,
        _("You've both signed. The trial has started.")
        if agreed
        else _("You've signed. It starts once you've both signed."),
    )
    return redirect("decisions:detail", decision.pk)


@login_required
@require_POST
def review_submit(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    return _post(
        request,
        decision_id,
        ReviewForm,
        "review_form",
        lambda d, data: services.review_submit(
            actor=request.user, decision=d, level=data["level"], next_step=data["next_step"]
        ),
        _("Thank you. Your look back is saved, just for you."),
    )


@login_required
@require_POST
def decision_set_aside(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    return _post(
        request,
        decision_id,
        None,
        "",
        lambda d, data: services.decision_set_aside(actor=request.user, decision=d),
        _("Set aside. Everything is kept, ready for whenever you pick it up again."),
    )


@login_required
@require_POST
def decision_resume(request: AuthenticatedHttpRequest, decision_id: int) -> HttpResponse:
    return _post(
        request,
        decision_id,
        None,
        "",
        lambda d, data: services.decision_resume(actor=request.user, decision=d),
        _("Picked up again, right where you left it."),
    )


# ---- Experiments ----


@login_required
@require_http_methods(["GET", "POST"])
def experiment_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    _partnered_or_404(request)
    decision = None
    decision_id = id_from(request.GET.get("decision"))
    if decision_id is not None:
        decision = get_decision_for_user(context=request.couple_ctx, decision_id=decision_id)
    initial = {}
    if decision is not None:
        adopted = decision.rounds.exclude(adopted_option=None).order_by("-number").first()
        if adopted and adopted.adopted_option:
            initial["idea"] = adopted.adopted_option.text
    desire_id = id_from(request.GET.get("desire"))
    if desire_id is not None:  # started from an entry of the desire log
        from evenly.rituals.desires import desire_prefill

        initial["idea"] = desire_prefill(viewer=request.user, context=request.couple_ctx, entry_id=desire_id).words
    matches = selectors.match_choices(viewer=request.user, context=request.couple_ctx)
    form = ExperimentForm(request.POST or None, matches=matches, initial=initial)
    if request.method == "POST" and form.is_valid():
        item_id = form.cleaned_data.get("item")
        idea = form.cleaned_data["idea"].strip() or (dict(matches).get(int(item_id), "") if item_id else "")
        try:
            experiment = services.experiment_propose(
                actor=request.user,
                idea=idea,
                ends_when=form.cleaned_data["ends_when"],
                then_what=form.cleaned_data["then_what"],
                catalogue_item_id=item_id,
                decision=decision,
                once=form.cleaned_data["once"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Proposed. It starts only if your partner says yes too."))
            return redirect("decisions:experiment", experiment.pk)
    return render(
        request,
        "decisions/experiment_new.html",
        {"form": form, "decision": decision},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def experiment_counter(request: AuthenticatedHttpRequest, experiment_id: int) -> HttpResponse:
    """Answer a proposal with a changed version of it: the form starts from
    the partner's wording, and sending it makes it the answerer's proposal."""
    experiment = get_experiment_for_user(context=request.couple_ctx, experiment_id=experiment_id)
    if experiment.proposed_by_id == request.user.pk or experiment.status != ExperimentStatus.PROPOSED:
        return redirect("decisions:experiment", experiment.pk)
    initial = {"idea": experiment.idea, "ends_when": experiment.ends_when, "then_what": experiment.then_what}
    form = CounterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            counter = services.experiment_counter(actor=request.user, experiment=experiment, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your version is with your partner. It starts only if you both say yes."))
            return redirect("decisions:experiment", counter.pk)
    return render(
        request,
        "decisions/experiment_counter.html",
        {"form": form, "experiment": experiment},
        status=400 if form.errors else 200,
    )


def _experiment(
    request: AuthenticatedHttpRequest, experiment: Experiment, status: int = 200, **extra: Any
) -> HttpResponse:
    page = selectors.experiment_page(viewer=request.user, experiment=experiment)
    mine = page.my_debrief
    debrief_form = extra.pop("debrief_form", None) or DebriefForm(
        initial={"worked": mine.worked, "didnt_work": mine.didnt_work, "surprised": mine.surprised} if mine else None
    )
    return render(
        request, "decisions/experiment.html", {"page": page, "debrief_form": debrief_form, **extra}, status=status
    )


@login_required
@require_GET
def experiment_detail(request: AuthenticatedHttpRequest, experiment_id: int) -> HttpResponse:
    experiment = get_experiment_for_user(context=request.couple_ctx, experiment_id=experiment_id)
    return _experiment(request, experiment)


@login_required
@require_GET
def experiment_status(request: AuthenticatedHttpRequest, experiment_id: int) -> HttpResponse:
    """The experiment's status card, re-fetched live. It holds no text box,
    so swapping it never loses anything being typed."""
    experiment = get_experiment_for_user(context=request.couple_ctx, experiment_id=experiment_id)
    page = selectors.experiment_page(viewer=request.user, experiment=experiment)
    return render(request, "decisions/_experiment_status.html", {"page": page})


def _experiment_step(request: AuthenticatedHttpRequest, experiment_id: int, action: Any, done: str) -> HttpResponse:
    experiment = get_experiment_for_user(context=request.couple_ctx, experiment_id=experiment_id)
    attempt(request, lambda: action(experiment), success=done)
    return redirect("decisions:experiment", experiment.pk)


@login_required
@require_POST
def experiment_consent(request: AuthenticatedHttpRequest, experiment_id: int) -> HttpResponse:
    return _experiment_step(
        request,
        experiment_id,
        lambda e: services.experiment_consent(actor=request.user, experiment=e),
        _("You both said yes. Either of you can end it at any moment."),
    )


@login_required
@require_POST
def experiment_not_now(request: AuthenticatedHttpRequest, experiment_id: int) -> HttpResponse:
    return _experiment_step(
        request,
        experiment_id,
        lambda e: services.experiment_not_now(actor=request.user, experiment=e),
        _("Not now. No reason needed."),
    )


@login_required
@require_POST
def experiment_withdraw(request: AuthenticatedHttpRequest, experiment_id: int) -> HttpResponse:
    return _experiment_step(
        request,
        experiment_id,
        lambda e: services.experiment_withdraw(actor=request.user, experiment=e),
        _("Withdrawn."),
    )


@login_required
@require_POST
def experiment_end(request: AuthenticatedHttpRequest, experiment_id: int) -> HttpResponse:
    return _experiment_step(
        request,
        experiment_id,
        lambda e: services.experiment_end(actor=request.user, experiment=e),
        _("Ended. Here is the way out you agreed on."),
    )


@login_required
@require_POST
def debrief_write(request: AuthenticatedHttpRequest, experiment_id: int) -> HttpResponse:
    experiment = get_experiment_for_user(context=request.couple_ctx, experiment_id=experiment_id)
    form = DebriefForm(request.POST)
    if form.is_valid():
        try:
            services.debrief_write(actor=request.user, experiment=experiment, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your notes are saved. They show together once you've both written yours."))
            return redirect("decisions:experiment", experiment.pk)
    return _experiment(request, experiment, status=400, debrief_form=form)


@login_required
@require_GET
def wins(request: AuthenticatedHttpRequest) -> HttpResponse:
    _partnered_or_404(request)
    page = selectors.wins_page(viewer=request.user, context=request.couple_ctx, number=page_number(request))
    return render(request, "decisions/wins.html", {"wins": page.items, "page": page})
