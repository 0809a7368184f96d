"""One submit, one thing: a one-time token for create forms.

Each create form carries a hidden `once` field with a fresh random token. The
service that makes the thing is wrapped in `@once_per_token`: the first submit
with a token makes the thing and records the token beside it, in the same
transaction; any later or simultaneous submit with the same token makes nothing
and gets the thing the first one made, so the view answers it exactly as it
answered the first (usually a redirect to that thing). Nothing typed is lost:
a refused submit records nothing, and its re-rendered form keeps the token.
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evenly.core.errors import ServiceError
from evenly.core.models import SubmittedForm

if TYPE_CHECKING:
    from evenly.accounts.models import User

Made = TypeVar("Made", bound=models.Model)
ALREADY_GONE = _("This was sent before, and what it made has since been removed.")
KEEP_TOKENS = timedelta(days=7)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def new_once_token() -> str:
    return secrets.token_urlsafe(24)


class OnceField(forms.CharField):
    """The hidden one-time token of a create form. A fresh one on every new
    form; a re-rendered form keeps the one it was sent with."""

    def __init__(self) -> None:
        super().__init__(widget=forms.HiddenInput, required=False, initial=new_once_token)

    def clean(self, value: Any) -> str:
        # Never a reason to refuse a form: a token that is missing or not one
        # of ours just means the submit is not protected against a repeat.
        token = value if isinstance(value, str) else ""
        return token if _TOKEN.fullmatch(token) else ""


class _SentBefore(Exception):
    pass


def _made_before(user: User, token: str) -> tuple[bool, Any]:
    """Whether this token was used, and what its submit made (None if since removed)."""
    row = SubmittedForm.objects.filter(user=user, token=token).select_related("content_type").first()
    if row is None:
        return False, None
    model = row.content_type.model_class()
    made = model._default_manager.filter(pk=row.object_id).first() if model else None
    if made is None:
        raise ServiceError(str(ALREADY_GONE))
    return True, made


def once_per_token(service: Callable[..., Made]) -> Callable[..., Made]:
    """Make a create service idempotent per `once` token (keyword, optional)."""

    @functools.wraps(service)
    def wrapper(*, actor: User, once: str = "", **kwargs: Any) -> Made:
        if not once:
            return service(actor=actor, **kwargs)
        sent, earlier = _made_before(actor, once)
        if sent:
            return earlier  # type: ignore[no-any-return]
        try:
            with transaction.atomic(durable=True):
                made = service(actor=actor, **kwargs)
                try:
                    with transaction.atomic():
                        SubmittedForm.objects.create(
                            user=actor,
                            token=once,
                            content_type=ContentType.objects.get_for_model(made),
                            object_id=made.pk,
                        )
                except IntegrityError:
                    # The same form, sent at the same moment, got here first:
                    # undo this copy (and its notices) and answer with the first.
                    raise _SentBefore from None
                SubmittedForm.objects.filter(user=actor, submitted_at__lt=timezone.now() - KEEP_TOKENS).delete()
        except (_SentBefore, ServiceError, IntegrityError):
            # A copy can also be refused because the first one now exists (a
            # duplicate wording, an invitation already open): if this token was
            # used meanwhile, that is the answer; otherwise the refusal stands.
            sent, earlier = _made_before(actor, once)
            if sent:
                return earlier  # type: ignore[no-any-return]
            raise
        return made

    return wrapper
