"""The privacy core every feature stands on.

`Authored` is the base of everything a partner writes: it has exactly one
author, remembers the couple it was written in, and is private until its
author shares it. `AuditEvent` records couple membership and security events
for their owner only. `Notification` holds neutral, content-free notices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

if TYPE_CHECKING:
    from evenly.accounts.models import User


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    SHARED = "shared", _("Shared with my partner")


class AuthoredQuerySet(models.QuerySet):
    def visible_to(self, viewer: User, *, couple_id: int | None) -> AuthoredQuerySet:
        """What `viewer` may read: all they wrote, plus what their partner
        shared in the couple they are in now. A former couple's shared items
        are no longer visible to the other partner."""
        mine = Q(author=viewer)
        if couple_id is None:
            return self.filter(mine)
        return self.filter(mine | Q(visibility=Visibility.SHARED, couple_id=couple_id))


class Authored(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    couple = models.ForeignKey("couples.Couple", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    visibility = models.CharField(max_length=16, choices=Visibility.choices, default=Visibility.PRIVATE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AuthoredQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_shared(self) -> bool:
        return self.visibility == Visibility.SHARED


class AuditKind(models.TextChoices):
    SIGNED_UP = "signed_up", pgettext_lazy("security history", "Account created")
    LOGGED_IN = "logged_in", pgettext_lazy("security history", "Signed in")
    LOGIN_FAILED = "login_failed", pgettext_lazy("security history", "A sign-in attempt failed")
    LOGGED_OUT = "logged_out", pgettext_lazy("security history", "Signed out")
    PASSWORD_CHANGED = "password_changed", pgettext_lazy("security history", "Password changed")
    PASSWORD_RESET = "password_reset", pgettext_lazy("security history", "Password reset")
    EMAIL_CHANGED = "email_changed", pgettext_lazy("security history", "Email address changed")
    MFA_ADDED = "mfa_added", pgettext_lazy("security history", "Two-step sign-in method added")
    MFA_REMOVED = "mfa_removed", pgettext_lazy("security history", "Two-step sign-in method removed")
    RECOVERY_CODES_GENERATED = "recovery_codes", pgettext_lazy("security history", "New recovery codes made")
    SESSIONS_ENDED = "sessions_ended", pgettext_lazy("security history", "Signed out of other devices")
    DATA_EXPORTED = "data_exported", pgettext_lazy("security history", "Data downloaded")
    COUPLE_CREATED = "couple_created", pgettext_lazy("security history", "Couple space created")
    INVITE_CREATED = "invite_created", pgettext_lazy("security history", "Invitation made")
    INVITE_REVOKED = "invite_revoked", pgettext_lazy("security history", "Invitation withdrawn")
    COUPLE_JOINED = "couple_joined", pgettext_lazy("security history", "Joined a couple space")
    COUPLE_LEFT = "couple_left", pgettext_lazy("security history", "Left the couple space")
    COUPLE_ENDED = "couple_ended", pgettext_lazy("security history", "The couple space ended")


class AuditEvent(models.Model):
    """One security or membership event, shown only to `user`. Holds no
    private text: a kind, a time and at most a short technical detail."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="audit_events")
    kind = models.CharField(max_length=32, choices=AuditKind.choices)
    detail = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class NotificationKind(models.TextChoices):
    """Every notice Evenly can show. Features add their kinds here; the column
    stores the value without database-level choices, so adding a kind needs no
    migration."""

    REVISIT_REMINDER = "revisit", _("A moment you set aside is ready to revisit, whenever you both are.")
    COUPLE_ENDED = "couple_ended", _("Your shared space has ended. Everything you wrote yourself is still here.")
    CONSENT_CHECK_IN_OPEN = "consent_tonight", _("A check-in for tonight is open, to answer only if you'd like to.")
    CONSENT_INVITATION = "consent_invitation", _("There's an invitation for you, to answer only if and when you like.")
    CHECKIN_PLANNED = "checkin_planned", _("A check-in has been planned. You'll find it under Check-ins.")
    CHECKIN_SOON = "checkin_soon", _("A check-in you planned together starts soon.")
    CHECKIN_BEGUN = "checkin_begun", _("A check-in has begun. Join whenever you're ready.")
    DECISION_REVIEW = (
        "decision_review",
        _("Something you are trying together has reached its look-back date. Take a look whenever suits you both."),
    )
    EXPERIMENT_ENDED = (
        "experiment_ended",
        _("An experiment has ended. The way out you agreed on is there for you both."),
    )
    BOUNDARY_CHANGED = "boundary_changed", _("A boundary your partner shares has changed.")
    BOUNDARY_REVIEW = "boundary_review", _("It may be a good time to look over your boundaries, whenever suits you.")
    AGREEMENT_PROPOSED = (
        "agreement_proposed",
        _("There's a proposal for your shared agreements, to look at whenever suits you."),
    )
    FOLLOW_UP_DUE = (
        "follow_up_due",
        _("A follow-up conversation is on your check-in agenda, for whenever you're both ready."),
    )
    TENDER_TOPIC_SHARED = (
        "tender_topic",
        _("Your partner shared a topic to go gently with. It's under Journal, in tender topics."),
    )
    RESOURCE_SHARED = "resource_shared", _("Something was shared with you on the Resources page.")
    RITUAL_PROPOSED = "ritual_proposed", _("There's an idea for something to do together, whenever you'd like to look.")
    RITUAL_SOON = "ritual_soon", _("Something you planned together is coming up.")
    APPRECIATION = "appreciation", _("A few kind words are waiting for you.")
    COUPLE_TIMEZONE = (
        "couple_timezone",
        _("The time zone of your shared space has changed. Times now show in the new one."),
    )


class Notification(models.Model):
    """A neutral notice for one person. The text comes from `kind` alone, so a
    notice never quotes anything a partner wrote."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=32)
    # Where the notice leads (a path inside Evenly, ids only), and what it is
    # about ("invitation:12"): the same notice about the same thing is never
    # listed twice, and it goes away once the thing has been dealt with.
    url = models.CharField(max_length=200, blank=True, default="")
    subject = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "dismissed_at"], name="notice_open_for_user")]

    @property
    def text(self) -> str:
        # The label is lazy: it comes out in the language active when shown,
        # so each person reads the same notice in their own language.
        return str(NotificationKind(self.kind).label)


class SubmittedForm(models.Model):
    """A create form's one-time token, used once. The unique pair (person, token)
    makes a double click, a resent request or a second tab that sends the same
    form make one thing, not two; the row points at the thing it made."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="a_form_token_is_used_once")]
        indexes = [models.Index(fields=["user", "submitted_at"])]
