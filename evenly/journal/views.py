"""Thin views for the journal, tender topics and taking a moment. Everything
here is the viewer's own; the partner only ever sees tender topics they were
shown and the plain fact that a moment is being taken."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest
from evenly.journal import feelings as vocabulary
from evenly.journal import selectors, services
from evenly.journal.access import get_own_entry, get_own_tender_topic
from evenly.journal.forms import EntryForm, NameFeelingForm, ShareForm, TenderTopicForm
from evenly.journal.models import Entry, TenderTopic


def _entry_values(form: EntryForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "text": data["text"],
        "feelings": data["feelings"],
        "own_words": data["own_words"],
        "body": data["body"],
        "past": data["past"],
        "need": data["need"],
    }


# ---- The journal ----


@login_required
@require_GET
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = selectors.entries_page(viewer=request.user, number=request.GET.get("page"))
    patterns = selectors.patterns_for(viewer=request.user)
    return render(request, "journal/index.html", {"page": page, "patterns": patterns})


@login_required
@require_GET
def words(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The feelings vocabulary, searchable without any script."""
    query = request.GET.get("q", "")[:80]
    groups, judgments = vocabulary.search(query)
    return render(
        request,
        "journal/words.html",
        {"query": query, "groups": groups, "judgments": vocabulary.judgments_with_feelings(judgments)},
    )


def _entry_form_page(
    request: AuthenticatedHttpRequest, form: EntryForm, entry: Entry | None = None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "journal/entry_form.html",
        {
            "form": form,
            "entry": entry,
            "vocabulary_groups": vocabulary.GROUPED,
            "judgments": vocabulary.judgments_with_feelings(),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = EntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.entry_create(actor=request.user, **_entry_values(form))
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Kept in your journal. Only you can read it."))
            return redirect("journal:entry", entry_id=entry.pk)
    return _entry_form_page(request, form, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: AuthenticatedHttpRequest, entry_id: int) -> HttpResponse:
    entry = get_own_entry(viewer=request.user, entry_id=entry_id)
    initial = {
        "text": entry.text,
        "feelings": entry.feeling_keys,
        "own_words": ", ".join(entry.own_labels),
        "body": entry.body,
        "past": entry.past,
        "need": entry.need,
    }
    form = EntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_update(actor=request.user, entry=entry, **_entry_values(form))
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("journal:entry", entry_id=entry.pk)
    return _entry_form_page(request, form, entry, status=400 if form.errors else 200)


def _entry_page(
    request: AuthenticatedHttpRequest, entry: Entry, share_form: ShareForm | None = None, status: int = 200
) -> HttpResponse:
    copy = services.open_agenda_copy(entry)
    context = {
        "entry": entry,
        "on_agenda": copy is not None,
        "partnered": request.couple_ctx.is_partnered,  # type: ignore[attr-defined]
        "share_form": share_form or ShareForm(),
        "judgments": vocabulary.judgments_with_feelings(vocabulary.judgments_in(entry.own_labels)),
    }
    return render(request, "journal/entry.html", context, status=status)


@login_required
@require_GET
def entry_detail(request: AuthenticatedHttpRequest, entry_id: int) -> HttpResponse:
    return _entry_page(request, get_own_entry(viewer=request.user, entry_id=entry_id))


@login_required
@require_POST
def entry_share(request: AuthenticatedHttpRequest, entry_id: int) -> HttpResponse:
    entry = get_own_entry(viewer=request.user, entry_id=entry_id)
    form = ShareForm(request.POST)
    if form.is_valid():
        try:
            services.entry_share_to_agenda(actor=request.user, entry=entry, excerpt=form.cleaned_data["excerpt"])
        except ServiceError as error:
            form.add_error("excerpt", error.message)
        else:
            messages.success(request, _("It's on the agenda for your next check-in. The entry itself stays private."))
            return redirect("journal:entry", entry_id=entry.pk)
    return _entry_page(request, entry, form, status=400)


@login_required
@require_POST
def entry_unshare(request: AuthenticatedHttpRequest, entry_id: int) -> HttpResponse:
    entry = get_own_entry(viewer=request.user, entry_id=entry_id)
    try:
        services.entry_take_off_agenda(actor=request.user, entry=entry)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Taken off the agenda."))
    return redirect("journal:entry", entry_id=entry.pk)


@login_required
@require_POST
def entry_delete(request: AuthenticatedHttpRequest, entry_id: int) -> HttpResponse:
    entry = get_own_entry(viewer=request.user, entry_id=entry_id)
    services.entry_delete(actor=request.user, entry=entry)
    messages.success(request, _("The entry is deleted."))
    return redirect("journal:index")


# ---- Tender topics ----


def _tender_page(
    request: AuthenticatedHttpRequest, form: TenderTopicForm | None = None, status: int = 200
) -> HttpResponse:
    partnership = request.couple_ctx.partnership  # type: ignore[attr-defined]
    context = {
        "own": selectors.own_tender_topics(viewer=request.user),
        "partners": selectors.partners_tender_topics(viewer=request.user, partnership=partnership),
        "partnered": partnership is not None,
        "form": form or TenderTopicForm(),
    }
    return render(request, "journal/tender.html", context, status=status)


@login_required
@require_GET
def tender(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _tender_page(request)


@login_required
@require_GET
def tender_partner(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The partner's shared topics, re-fetched live when they change them."""
    partnership = request.couple_ctx.partnership  # type: ignore[attr-defined]
    topics = selectors.partners_tender_topics(viewer=request.user, partnership=partnership)
    return render(request, "journal/_partner_tender.html", {"partners": topics, "partnered": partnership is not None})


@login_required
@require_POST
def tender_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = TenderTopicForm(request.POST)
    if form.is_valid():
        try:
            services.tender_topic_add(actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Kept."))
            return redirect("journal:tender")
    return _tender_page(request, form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def tender_edit(request: AuthenticatedHttpRequest, topic_id: int) -> HttpResponse:
    item: TenderTopic = get_own_tender_topic(viewer=request.user, topic_id=topic_id)
    form = TenderTopicForm(
        request.POST or None, initial={"topic": item.topic, "note": item.note, "sharing": item.sharing}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.tender_topic_update(actor=request.user, item=item, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("journal:tender")
    return render(request, "journal/tender_edit.html", {"item": item, "form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def tender_delete(request: AuthenticatedHttpRequest, topic_id: int) -> HttpResponse:
    item = get_own_tender_topic(viewer=request.user, topic_id=topic_id)
    services.tender_topic_delete(actor=request.user, item=item)
    messages.success(request, _("Deleted."))
    return redirect("journal:tender")


# ---- I need a moment ----


def _safe_next(request: AuthenticatedHttpRequest, value: str) -> str:
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}):
        return value
    return ""


@login_required
@require_POST
def moment_start(request: AuthenticatedHttpRequest) -> HttpResponse:
    back = _safe_next(request, request.POST.get("next", ""))
    try:
        services.breather_start(actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(back or "home")
    response = redirect("journal:moment")
    if back:
        response["Location"] += "?" + _querystring(back)
    return response


def _querystring(back: str) -> str:
    from django.utils.http import urlencode

    return urlencode({"next": back})


@login_required
@require_GET
def moment_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    breather = selectors.own_breather(viewer=request.user)
    if breather is None:
        return redirect("home")
    return render(
        request,
        "journal/moment.html",
        {"form": NameFeelingForm(), "next": _safe_next(request, request.GET.get("next", ""))},
    )


@login_required
@require_POST
def moment_name(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = NameFeelingForm(request.POST)
    back = _safe_next(request, request.POST.get("next", ""))
    if form.is_valid():
        try:
            services.moment_name_feeling(actor=request.user, words=form.cleaned_data["words"])
        except ServiceError as error:
            form.add_error("words", error.message)
        else:
            messages.success(request, _("Named, and kept in your journal. Take all the time you need."))
            response = redirect("journal:moment")
            if back:
                response["Location"] += "?" + _querystring(back)
            return response
    return render(request, "journal/moment.html", {"form": form, "next": back}, status=400)


@login_required
@require_POST
def moment_end(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.breather_end(actor=request.user)
    return redirect(_safe_next(request, request.POST.get("next", "")) or "home")


@login_required
@require_GET
def moment_notice(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The partner's side: only whether a moment is being taken."""
    partnership = request.couple_ctx.partnership  # type: ignore[attr-defined]
    taking = selectors.partner_is_taking_a_moment(partnership=partnership)
    return render(request, "journal/_moment_notice.html", {"taking": taking, "partnership": partnership})
