from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RevisitChoice(models.TextChoices):
    UNDECIDED = "undecided", _("Not decided yet")
    IN_20_MINUTES = "in_20_minutes", _("In 20 minutes")
    TONIGHT = "tonight", _("Tonight")
    TOMORROW = "tomorrow", _("Tomorrow")
    NEXT_CHECK_IN = "next_check_in", _("At our next check-in")
    AT_TIME = "at_time", _("At a time I choose")


class Pause(models.Model):
    """One partner's pause. It holds no reason, on purpose: only that it
    happened, when, and when the pauser would like to come back to things.
    Who paused, and the revisit, are kept only while the pause and its revisit
    reminder run; then they are forgotten (`evenly.consent.forgetting`)."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="pauses")
    paused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="pauses"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    revisit_choice = models.CharField(max_length=20, choices=RevisitChoice.choices, default=RevisitChoice.UNDECIDED)
    revisit_at = models.DateTimeField(null=True, blank=True)
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "paused_by"], condition=Q(lifted_at__isnull=True), name="one_open_pause_per_partner"
            ),
        ]

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None
