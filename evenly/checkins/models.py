"""Moments, the couple's agenda, ground rules and check-ins.

Everything a partner writes is encrypted at rest and has one author. A
moment is private until its author puts it on the agenda. The words said in a
check-in are shared between the two partners who took part, as long as they
are a couple; afterwards each keeps only what they wrote. Ratings are plain
numbers, seen by nobody but the one who gave them, kept for the balance view.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from evenly.core.fields import EncryptedTextField
from evenly.core.models import Authored

TEXT_MAX = 5000
SHORT_MAX = 1000


class Leaning(models.TextChoices):
    LESS_SAY = "less_say", _("I felt I had less say than I wanted")
    MORE_SAY = "more_say", _("I felt I took more of the say than I meant to")
    UNSURE = "unsure", _("I'm not sure yet")


class Impact(models.IntegerChoices):
    TOOK_A_LOT = -2, _("Took a lot away")
    TOOK_A_LITTLE = -1, _("Took a little away")
    NONE = 0, _("No change")
    ADDED_A_LITTLE = 1, _("Added a little")
    ADDED_A_LOT = 2, _("Added a lot")


class Moment(Authored):
    """A concrete moment, described as a camera would have seen it."""

    happened_on = models.DateField()
    leaning = models.CharField(max_length=16, choices=Leaning.choices)
    what_happened = EncryptedTextField()
    feelings = EncryptedTextField(blank=True, default="")
    trust_impact = models.SmallIntegerField(choices=Impact.choices, null=True, blank=True)
    desire_impact = models.SmallIntegerField(choices=Impact.choices, null=True, blank=True)
    cues = EncryptedTextField(blank=True, default="")

    class Meta:
        ordering = ["-happened_on", "-id"]

    def __str__(self) -> str:
        return f"Moment {self.pk}"

    @property
    def feeling_labels(self) -> list[str]:
        from evenly.journal import feelings

        return feelings.labels_for(feelings.split(self.feelings))


class AgendaKind(models.TextChoices):
    TOPIC = "topic", pgettext_lazy("agenda item", "Topic")
    MOMENT = "moment", pgettext_lazy("agenda item", "Moment")


class AgendaItem(Authored):
    """Something either partner wants to talk about at a check-in. Items wait
    on the couple's agenda until a check-in marks them as talked about."""

    kind = models.CharField(max_length=10, choices=AgendaKind.choices)
    text = EncryptedTextField(blank=True, default="")
    moment = models.ForeignKey(Moment, null=True, blank=True, on_delete=models.CASCADE, related_name="agenda_items")
    discussed_in = models.ForeignKey(
        "CheckIn", null=True, blank=True, on_delete=models.SET_NULL, related_name="discussed_items"
    )
    discussed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"AgendaItem {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.discussed_at is None


class ParkedTopic(Authored):
    """A topic one partner keeps to themselves for now."""

    text = EncryptedTextField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"ParkedTopic {self.pk}"


class GroundRule(models.Model):
    """One line of the couple's shared ground rules. Either partner may edit
    the list; the last one to do so is remembered only for export."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()
    text = EncryptedTextField()
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"GroundRule {self.pk}"


class Status(models.TextChoices):
    SCHEDULED = "scheduled", pgettext_lazy("check-in status", "Planned")
    OPEN = "open", pgettext_lazy("check-in status", "Under way")
    CLOSED = "closed", pgettext_lazy("check-in status", "Closed")
    CANCELLED = "cancelled", pgettext_lazy("check-in status", "Cancelled")


class Mode(models.TextChoices):
    TWO_DEVICES = "two_devices", _("Each on our own device")
    ONE_DEVICE = "one_device", _("Together on one device, passing it between us")


class CheckIn(models.Model):
    """One check-in. `flow` holds the turn-taking state (see `flow.py`);
    `version` goes up with every step so a stale submission is noticed.
    `proposed_by`, `first_speaker` and `closed_by` are content-free facts kept
    for the balance view."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices)
    mode = models.CharField(max_length=12, choices=Mode.choices, blank=True)
    scheduled_for = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    flow = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["couple"], condition=Q(status="open"), name="one_open_checkin"),
            models.UniqueConstraint(fields=["couple"], condition=Q(status="scheduled"), name="one_planned_checkin"),
        ]

    def __str__(self) -> str:
        return f"CheckIn {self.pk}"

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @property
    def is_one_device(self) -> bool:
        return self.mode == Mode.ONE_DEVICE


class UtteranceKind(models.TextChoices):
    STATEMENT = "statement", pgettext_lazy("utterance", "Said")
    REFLECTION = "reflection", pgettext_lazy("utterance", "Heard")
    CLARIFICATION = "clarification", pgettext_lazy("utterance", "Clarified")


class Utterance(Authored):
    """One step of a turn: a piece said, a reflection of it, a clarification.
    Shared with the partner in the same check-in while they are a couple."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="utterances")
    round = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16, choices=UtteranceKind.choices)
    said_aloud = models.BooleanField(default=False)
    text = EncryptedTextField(blank=True, default="")
    confirmed = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Utterance {self.pk}"


class Rating(models.Model):
    """How one partner felt a check-in went. Only ever shown to the rater."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="+")
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    felt_heard = models.PositiveSmallIntegerField()
    equal_say = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["checkin", "rater"], name="one_rating_per_checkin"),
            models.CheckConstraint(condition=Q(felt_heard__gte=1, felt_heard__lte=5), name="felt_heard_1_to_5"),
            models.CheckConstraint(condition=Q(equal_say__gte=1, equal_say__lte=5), name="equal_say_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"Rating {self.pk}"


class Appreciation(Authored):
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="appreciations")
    text = EncryptedTextField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Appreciation {self.pk}"


class NextStep(Authored):
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="next_steps")
    text = EncryptedTextField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"NextStep {self.pk}"
