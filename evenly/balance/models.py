"""What the balance view stores of its own: each partner's choices about it,
and their private monthly pulse.

Everything else it shows is read from facts other features already keep.
A pulse is a few plain numbers seen by nobody but the person who gave them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class BalanceSeat(models.Model):
    """One partner's choices about the balance view in one couple: whether they
    would like to see the shared view, and which gentle offers they have set
    aside (never offered to them again)."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    shares_view = models.BooleanField(default=False)
    closed_patterns = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["couple", "user"], name="one_balance_seat_per_partner")]

    def __str__(self) -> str:
        return f"BalanceSeat {self.pk}"


class PulseAnswer(models.Model):
    """One person's answers to the monthly pulse: one row per month, so
    answering again only changes that month's answers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # the first day of the couple's local month
    counted = models.PositiveSmallIntegerField()
    spoke_freely = models.PositiveSmallIntegerField()
    shaped_together = models.PositiveSmallIntegerField()
    answered_at = models.DateTimeField()

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint(fields=["user", "couple", "month"], name="one_pulse_per_month"),
            models.CheckConstraint(
                condition=Q(counted__gte=1, counted__lte=5)
                & Q(spoke_freely__gte=1, spoke_freely__lte=5)
                & Q(shaped_together__gte=1, shaped_together__lte=5),
                name="pulse_answers_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"PulseAnswer {self.pk}"

    @property
    def values(self) -> tuple[int, int, int]:
        return (self.counted, self.spoke_freely, self.shaped_together)
