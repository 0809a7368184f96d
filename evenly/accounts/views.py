from __future__ import annotations

import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from evenly.accounts import services
from evenly.accounts.forms import AccountDeleteForm, LanguageForm
from evenly.accounts.language import language_of
from evenly.accounts.selectors import security_overview
from evenly.core.http import AuthenticatedHttpRequest


@login_required
def security(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The owner's own security page. Nobody else, partner included, ever sees it."""
    overview = security_overview(viewer=request.user, current_session_key=request.session.session_key)
    return render(request, "accounts/security.html", {"overview": overview})


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def data_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "accounts/export.html")
    data = services.data_export(actor=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    filename = f"evenly-export-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required
def account_delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.account_delete(actor=request.user)
        logout(request)
        return redirect("accounts:goodbye")
    context = request.couple_ctx
    return render(request, "accounts/delete.html", {"form": form, "ctx": context})


def goodbye(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/goodbye.html")


@login_required
@require_http_methods(["GET", "POST"])
def language(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Each partner picks their own language; the other's stays as it is."""
    form = LanguageForm(request.POST or None, initial={"language": language_of(request.user)})
    if request.method == "POST" and form.is_valid():
        services.language_choose(actor=request.user, language=form.cleaned_data["language"])
        translation.activate(request.user.language)  # the confirmation already speaks it
        messages.success(request, _("Evenly will speak to you in this language from now on."))
        return redirect("accounts:language")
    return render(request, "accounts/language.html", {"form": form})
