from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Couple(models.Model):
    """Two partners' shared space. Nobody owns it: both members have the same
    powers, and either can end it alone."""

    timezone = models.CharField(max_length=64, default="UTC")
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class Membership(models.Model):
    """A person's seat in a couple. Seats 1 and 2 are the only seats, which is
    how the database itself guarantees a couple never has a third member."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    seat = models.PositiveSmallIntegerField()
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(left_at__isnull=True), name="one_active_couple_per_user"
            ),
            models.UniqueConstraint(fields=["couple", "seat"], name="one_person_per_seat"),
            models.CheckConstraint(condition=Q(seat__in=[1, 2]), name="two_seats_only"),
        ]

    @property
    def is_active(self) -> bool:
        return self.left_at is None


class Invite(models.Model):
    """A single-use way into a couple: a link token and a short code to type."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="invites")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True)
    code = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(used_at__isnull=True, revoked_at__isnull=True),
                name="open_invite_codes_unique",
            ),
        ]
