"""Shared values and the conflict pact, co-signed and versioned; each partner's
repair statements; timeouts and the follow-ups that come after a pause.

A version belongs to the couple. Its words were written by the partner who
proposed it and are encrypted at rest. Repair statements have one author and
are private until that author shares them. Nothing here records who took a
pause: a timeout hangs off the pause itself.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from evenly.agreements import rules
from evenly.core.fields import EncryptedTextField
from evenly.core.models import Authored

STATEMENT_MAX = 2000
TEXT_MAX = 1000
REPAIR_MAX = 300
DEFAULT_TIMEOUT_MINUTES = 20


class Kind(models.TextChoices):
    VALUES = "values", _("Shared values")
    PACT = "pact", _("Conflict pact")


class Status(models.TextChoices):
    # With a context: other pages say "Proposed" or "Current" of other things.
    PROPOSED = rules.PROPOSED, pgettext_lazy("agreement version", "Proposed")
    CURRENT = rules.CURRENT, pgettext_lazy("agreement version", "Current")
    SUPERSEDED = rules.SUPERSEDED, pgettext_lazy("agreement version", "Replaced by a newer version")
    WITHDRAWN = rules.WITHDRAWN, pgettext_lazy("agreement version", "Agreement withdrawn")
    SET_ASIDE = rules.SET_ASIDE, pgettext_lazy("agreement version", "Set aside")
    ENDED = rules.ENDED, pgettext_lazy("agreement version", "Ended with the couple")


class TimeoutLength(models.IntegerChoices):
    TEN = 10, _("10 minutes")
    TWENTY = 20, _("20 minutes")
    THIRTY = 30, _("30 minutes")
    FORTY_FIVE = 45, _("45 minutes")
    HOUR = 60, _("An hour")


class FollowUpWhen(models.TextChoices):
    SAME_DAY = rules.SAME_DAY, _("Later the same day, three hours after")
    NEXT_DAY = rules.NEXT_DAY, _("The next day, at 18:00")
    IN_THREE_DAYS = rules.IN_THREE_DAYS, _("Three days later, at 18:00")


class Version(models.Model):
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROPOSED)
    # Shared values
    statement = EncryptedTextField(blank=True, default="")
    # The conflict pact
    timeout_minutes = models.PositiveSmallIntegerField(choices=TimeoutLength.choices, null=True, blank=True)
    during = EncryptedTextField(blank=True, default="")
    ending = EncryptedTextField(blank=True, default="")
    follow_up = models.CharField(max_length=16, choices=FollowUpWhen.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    took_effect_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "kind"], condition=Q(status=rules.CURRENT), name="one_current_version_per_kind"
            ),
        ]
        indexes = [models.Index(fields=["couple", "kind", "status"])]

    def __str__(self) -> str:
        return f"Version {self.pk}"  # ids only, never the words


class Signature(models.Model):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="signatures")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="one_signature_per_partner")]


class RepairStatement(Authored):
    """Words that help one partner offer or hear a repair. Private until shared."""

    text = EncryptedTextField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"RepairStatement {self.pk}"


class RepairSent(models.Model):
    """One repair statement sent to the partner with one tap."""

    statement = models.ForeignKey(RepairStatement, on_delete=models.CASCADE, related_name="sendings")
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    set_aside_at = models.DateTimeField(null=True, blank=True)  # the recipient closed it

    class Meta:
        ordering = ["-sent_at", "-id"]


class Timeout(models.Model):
    """A pause with a timer. The pause row says who is pausing, for as long as
    it runs; this row only knows how long and until when."""

    pause = models.OneToOneField("pause.Pause", on_delete=models.CASCADE, related_name="timeout")
    minutes = models.PositiveSmallIntegerField()
    ends_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)


class FollowUp(models.Model):
    """A conversation after a timeout or a pause, on the check-in agenda once
    it is due, with three prompts and nothing else."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    after_timeout = models.BooleanField(default=False)
    due_at = models.DateTimeField()
    landed_at = models.DateTimeField(null=True, blank=True)
    discussed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at", "id"]
