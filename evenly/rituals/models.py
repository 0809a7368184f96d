"""Rituals the couple made together, their calendar feeds and appreciations.

A ritual runs only while both partners have agreed to it: `waiting_for` names
the one whose yes is still missing. Either partner pauses or ends it alone.
What the couple calls it and what it is are encrypted at rest. A calendar feed
is found by the hash of its secret; the secret itself is never stored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from evenly.core.fields import EncryptedTextField
from evenly.core.models import Authored

NAME_MAX = 80
ABOUT_MAX = 1000
APPRECIATION_MAX = 500


class Kind(models.TextChoices):
    CHECKIN = "checkin", _("A check-in that comes round again")
    DATE = "date", _("A date")
    SIGNAL = "signal", _("A private signal between you")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every other week")
    MONTHLY_WEEKDAY = "monthly_weekday", _("Once a month, on a weekday (such as the second Tuesday)")
    MONTHLY_DAY = "monthly_day", _("Once a month, on a day of the month")


class Status(models.TextChoices):
    # With a context: other pages say "Running" or "Ended" of other things.
    PROPOSED = "proposed", pgettext_lazy("ritual status", "Waiting for a yes")
    ACTIVE = "active", pgettext_lazy("ritual status", "Running")
    PAUSED = "paused", pgettext_lazy("ritual status", "Paused")
    ENDED = "ended", pgettext_lazy("ritual status", "Ended")


class Ritual(models.Model):
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    name = EncryptedTextField()
    about = EncryptedTextField(blank=True, default="")
    frequency = models.CharField(max_length=16, choices=Frequency.choices)
    weekday = models.PositiveSmallIntegerField(null=True, blank=True)
    week_of_month = models.SmallIntegerField(null=True, blank=True)
    day_of_month = models.PositiveSmallIntegerField(null=True, blank=True)
    at = models.TimeField()
    starts_on = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROPOSED)
    waiting_for = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kept_since = models.DateTimeField(null=True, blank=True)
    next_at = models.DateTimeField(null=True, blank=True)
    planned_checkin = models.ForeignKey(
        "checkins.CheckIn", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Ritual {self.pk}"

    @property
    def is_running(self) -> bool:
        return self.status == Status.ACTIVE


class FeedTitle(models.TextChoices):
    TIME_TOGETHER = "Time together", _("Time together")
    PLANS = "Plans", _("Plans")
    BUSY = "Busy", _("Busy")
    CATCH_UP = "Catch-up", _("Catch-up")
    HOME = "Home", pgettext_lazy("calendar event title", "Home")  # not the home page


class CalendarFeed(models.Model):
    """One person's private calendar address. Only a hash of its secret is kept."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    title = models.CharField(max_length=40, choices=FeedTitle.choices, default=FeedTitle.TIME_TOGETHER)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"CalendarFeed {self.pk}"


class Appreciation(Authored):
    """A few words of thanks to the partner, shared the moment they are sent."""

    text = EncryptedTextField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Appreciation {self.pk}"


DESIRE_MAX = 1000


class DesireKind(models.TextChoices):
    WISH = "wish", _("Something I'd like")
    ENJOYED = "enjoyed", _("Something I enjoyed")


class DesireEntry(Authored):
    """One line of a partner's desire log: private until its author shares it."""

    kind = models.CharField(max_length=10, choices=DesireKind.choices)
    catalogue_item_id = models.PositiveIntegerField(null=True, blank=True)
    text = EncryptedTextField(blank=True, default="")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"DesireEntry {self.pk}"

    @property
    def item(self):  # type: ignore[no-untyped-def]
        from evenly.boundaries import catalogue

        return catalogue.get(self.catalogue_item_id) if self.catalogue_item_id else None

    @property
    def words(self) -> str:
        """The entry in words: the catalogue item's title (in the reader's
        language), its author's words, or both."""
        item = self.item
        title = gettext(item.title) if item else ""
        if title and self.text:
            return f"{title}: {self.text}"
        return title or self.text


class Answer(models.TextChoices):
    ME_TOO = "me_too", _("Me too")
    CURIOUS = "curious", pgettext_lazy("answer to a desire", "Curious")


class DesireResponse(models.Model):
    """A partner's private answer to a shared entry. Only a "me too" is ever
    shown to the entry's author; a "curious" stays with the one who gave it,
    and a no is simply no answer."""

    entry = models.ForeignKey(DesireEntry, on_delete=models.CASCADE, related_name="responses")
    responder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    answer = models.CharField(max_length=10, choices=Answer.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "responder"], name="one_answer_per_desire")]

    def __str__(self) -> str:
        return f"DesireResponse {self.pk}"
