"""Resources, and the private safety check.

The safety check is a form that is answered and read back in one request:
nothing is written to the database, no event or notice is sent, and the
pages are never cached, so nothing of it remains for anyone to find."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evenly.core.errors import ServiceError
from evenly.core.http import AuthenticatedHttpRequest
from evenly.healing import helplines, safety, selectors, services
from evenly.healing.catalogue import RESOURCES
from evenly.healing.forms import CountryForm, SafetyCheckForm, ShareForm


@login_required
@require_GET
def resources(request: AuthenticatedHttpRequest) -> HttpResponse:
    partnership = request.couple_ctx.partnership  # type: ignore[attr-defined]
    page = selectors.resources_page(viewer=request.user, partnership=partnership)
    return render(request, "healing/resources.html", {"page": page, "partnered": partnership is not None})


@login_required
@require_GET
def resources_shared(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What the partner shared, re-fetched live when it changes."""
    partnership = request.couple_ctx.partnership  # type: ignore[attr-defined]
    return render(
        request,
        "healing/_shared_with_me.html",
        {"shared": selectors.shared_with_me(partnership=partnership), "partnered": partnership is not None},
    )


def _back_to(key: str) -> HttpResponse:
    return redirect(reverse("healing:resources") + f"#resource-{key}")


def _resource(key: str):  # type: ignore[no-untyped-def]
    resource = RESOURCES.get(key)
    if resource is None:
        raise Http404
    return resource


@login_required
@require_POST
def resource_save(request: AuthenticatedHttpRequest, key: str) -> HttpResponse:
    _resource(key)
    services.resource_save(actor=request.user, key=key)
    messages.success(request, _("Saved. Only you see what you save."))
    return _back_to(key)


@login_required
@require_POST
def resource_unsave(request: AuthenticatedHttpRequest, key: str) -> HttpResponse:
    _resource(key)
    services.resource_unsave(actor=request.user, key=key)
    messages.success(request, _("Removed from what you saved."))
    return _back_to(key)


@login_required
@require_http_methods(["GET", "POST"])
def resource_share(request: AuthenticatedHttpRequest, key: str) -> HttpResponse:
    resource = _resource(key)
    form = ShareForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_share(actor=request.user, key=key, note=form.cleaned_data["note"])
        except ServiceError as error:
            form.add_error("note", error.message)
        else:
            messages.success(request, _("Shared with your partner."))
            return _back_to(key)
    return render(
        request, "healing/share.html", {"resource": resource, "form": form}, status=400 if form.errors else 200
    )


@login_required
@require_POST
def resource_unshare(request: AuthenticatedHttpRequest, key: str) -> HttpResponse:
    _resource(key)
    services.resource_unshare(actor=request.user, key=key)
    messages.success(request, _("Your partner no longer sees it. It stays saved for you."))
    return _back_to(key)


# ---- The private safety check ----


def _country(request: AuthenticatedHttpRequest, code: str | None) -> helplines.Country:
    if code is None:
        ctx = request.couple_ctx  # type: ignore[attr-defined]
        zone = ctx.couple.timezone if ctx and ctx.couple else ""
        code = helplines.guess_code(zone)
    return selectors.helplines_shown(helplines.for_code(code))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def safety_check(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SafetyCheckForm(request.POST)
        form.is_valid()  # every field is optional; unknown values are simply ignored
        answers = {key: value for key, value in form.cleaned_data.items() if key != "country"}
        country = _country(request, form.cleaned_data.get("country", ""))
        context = {
            "reading": safety.reading(answers).value,
            "country": country,
            "countries": CountryForm(initial={"country": country.code}),
        }
        return render(request, "healing/safety_result.html", context)
    chooser = CountryForm(request.GET or None)
    code = chooser.cleaned_data.get("country") if chooser.is_bound and chooser.is_valid() else None
    country = _country(request, code)
    form = SafetyCheckForm(initial={"country": country.code})
    chooser = CountryForm(initial={"country": country.code})
    return render(request, "healing/safety.html", {"form": form, "country": country, "countries": chooser})
