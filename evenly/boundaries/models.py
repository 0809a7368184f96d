"""Boundaries, their history, talk requests, reviews, life events and the
curiosity list.

A boundary belongs to one person. It is private until its author shares it,
and only its author can ever change it. Everything a partner writes in their
own words is encrypted at rest.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from evenly.boundaries import catalogue
from evenly.core.fields import EncryptedTextField
from evenly.core.models import Authored

NOTE_MAX = 2000
WORDING_MAX = 200
CONDITION_MAX = 500

# English, as history snapshots store them; translated when shown.
CONDITION_LABELS = (gettext_noop("Mood"), gettext_noop("Context"), gettext_noop("What must be true"))


class Area(models.TextChoices):
    TOUCH = catalogue.Area.TOUCH, _("Touch and affection")
    ACTIVITIES = catalogue.Area.ACTIVITIES, _("Activities")
    PACE = catalogue.Area.PACE, _("Pace and timing")
    EMOTIONAL = catalogue.Area.EMOTIONAL, _("Emotional safety")
    CONTEXT = catalogue.Area.CONTEXT, _("Context and place")
    COMMUNICATION = catalogue.Area.COMMUNICATION, _("Communication")
    HEALTH = catalogue.Area.HEALTH, _("Health and protection")


class Kind(models.TextChoices):
    ENJOY = "enjoy", _("I enjoy this")
    DEPENDS = "depends", _("It depends")
    CURIOUS = "curious", _("I'm curious")
    HARD_LIMIT = "hard_limit", _("Hard limit")


# From most open to most careful. A move to the right is "stricter".
STRICTNESS = {Kind.ENJOY: 0, Kind.DEPENDS: 1, Kind.CURIOUS: 2, Kind.HARD_LIMIT: 3}


def is_stricter(before: str, after: str) -> bool:
    return STRICTNESS[Kind(after)] > STRICTNESS[Kind(before)]


def wording_key(*, author_id: int, wording: str) -> str:
    """A keyed hash of an own-words entry, the same for the same words whatever
    the case or spacing. The wording itself is encrypted, so the database can
    only hold a person to one entry per wording through this. It is keyed and
    bound to its author, so equal wordings of two people do not look alike."""
    normalised = " ".join(wording.casefold().split())
    return salted_hmac("evenly.boundaries.wording", f"{author_id}:{normalised}", algorithm="sha256").hexdigest()


class Boundary(Authored):
    """One entry on a person's list: a catalogue item or their own wording."""

    catalogue_item_id = models.PositiveIntegerField(null=True, blank=True)
    wording = EncryptedTextField(blank=True, default="")
    wording_key = models.CharField(max_length=64, blank=True, default="", editable=False)
    area = models.CharField(max_length=20, choices=Area.choices)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    when_mood = EncryptedTextField(blank=True, default="")
    when_context = EncryptedTextField(blank=True, default="")
    when_must_be_true = EncryptedTextField(blank=True, default="")
    note = EncryptedTextField(blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["author", "catalogue_item_id"],
                condition=Q(catalogue_item_id__isnull=False),
                name="one_entry_per_catalogue_item",
            ),
            models.UniqueConstraint(
                fields=["author", "wording_key"],
                condition=Q(catalogue_item_id__isnull=True) & ~Q(wording_key=""),
                name="one_entry_per_own_wording",
            ),
        ]
        indexes = [models.Index(fields=["author", "kind"])]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.wording_key = (
            wording_key(author_id=self.author_id, wording=self.wording) if self.catalogue_item_id is None else ""
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "wording" in update_fields:
            kwargs["update_fields"] = {*update_fields, "wording_key"}
        super().save(*args, **kwargs)

    @property
    def item(self) -> catalogue.CatalogueItem | None:
        return catalogue.get(self.catalogue_item_id) if self.catalogue_item_id else None

    @property
    def title(self) -> str:
        """What the entry is called, in the viewer's language for a catalogue
        item; a person's own words as they wrote them."""
        item = self.item
        return item.shown_title if item else self.wording

    @property
    def stored_title(self) -> str:
        """The title as history keeps it: the English catalogue title."""
        item = self.item
        return item.title if item else self.wording

    @property
    def is_custom(self) -> bool:
        return self.catalogue_item_id is None

    @property
    def is_hard_limit(self) -> bool:
        return self.kind == Kind.HARD_LIMIT

    @property
    def stored_conditions(self) -> list[tuple[str, str]]:
        """(English label, text) for each condition given, as history keeps them."""
        rows = zip(CONDITION_LABELS, (self.when_mood, self.when_context, self.when_must_be_true), strict=True)
        return [(label, text) for label, text in rows if text]

    @property
    def conditions(self) -> list[tuple[str, str]]:
        """(label, text) for each condition given, labels in the viewer's language."""
        return [(gettext(label), text) for label, text in self.stored_conditions]

    @property
    def sort_key(self) -> tuple[int, int, str]:
        position = catalogue.POSITION.get(self.catalogue_item_id or 0, 10_000)
        return (list(Area.values).index(self.area), position, self.title.casefold())


class ChangeAction(models.TextChoices):
    ADDED = "added", pgettext_lazy("a change in the history of a boundary", "Added")
    CHANGED = "changed", pgettext_lazy("a change in the history of a boundary", "Changed")
    SHARED = "shared", pgettext_lazy("a change in the history of a boundary", "Shared")
    UNSHARED = "unshared", pgettext_lazy("a change in the history of a boundary", "Made private")
    KEPT = "kept", pgettext_lazy("a change in the history of a boundary", "Kept as it is in a review")
    REMOVED = "removed", pgettext_lazy("a change in the history of a boundary", "Removed")


class BoundaryChange(models.Model):
    """A snapshot of an entry after one change. Seen only by its author; it
    outlives the entry so the history stays whole after a removal."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    boundary = models.ForeignKey(Boundary, null=True, blank=True, on_delete=models.SET_NULL, related_name="changes")
    action = models.CharField(max_length=16, choices=ChangeAction.choices)
    title = EncryptedTextField()
    area = models.CharField(max_length=20, choices=Area.choices)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    visibility = models.CharField(max_length=16)
    conditions = EncryptedTextField(blank=True, default="")
    note = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        # Ids only: never the words a partner wrote.
        return f"BoundaryChange {self.pk}"

    @property
    def shown_title(self) -> str:
        return catalogue.shown(self.title)

    @property
    def shown_conditions(self) -> str:
        """The snapshot's conditions, one a line, their labels in the viewer's language."""
        lines = []
        for line in self.conditions.splitlines():
            label, sep, text = line.partition(": ")
            lines.append(f"{gettext(label)}: {text}" if sep and label in CONDITION_LABELS else line)
        return "\n".join(lines)


class TalkRequest(models.Model):
    """A partner would like to talk about a shared boundary at the next
    check-in. It is an agenda item, never a request to change anything; the
    check-in feature reads the open ones and sets `addressed_at`."""

    boundary = models.ForeignKey(Boundary, on_delete=models.CASCADE, related_name="talk_requests")
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    addressed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["boundary", "requester"], condition=Q(addressed_at__isnull=True), name="one_open_talk_request"
            ),
        ]

    def __str__(self) -> str:
        # Ids only: never the words a partner wrote.
        return f"TalkRequest {self.pk}"


class ReminderMonths(models.IntegerChoices):
    OFF = 0, _("No reminders")
    ONE = 1, _("Every month")
    TWO = 2, _("Every 2 months")
    THREE = 3, _("Every 3 months")
    SIX = 6, _("Every 6 months")
    TWELVE = 12, _("Once a year")


class ReviewSettings(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reminder_months = models.PositiveSmallIntegerField(choices=ReminderMonths.choices, default=ReminderMonths.THREE)
    next_reminder_at = models.DateTimeField(null=True, blank=True)
    # Set by a reminder or a life event; cleared when a review is finished.
    review_suggested_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        # Ids only: never the words a partner wrote.
        return f"ReviewSettings {self.pk}"


class Review(models.Model):
    """A walk through one's own list, one entry at a time. At most one is open
    per person, so starting again picks up where they left off."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=Q(finished_at__isnull=True), name="one_open_review"),
        ]

    def __str__(self) -> str:
        # Ids only: never the words a partner wrote.
        return f"Review {self.pk}"


class ReviewOutcome(models.TextChoices):
    KEPT = "kept", pgettext_lazy("what became of an entry in a review", "Kept")
    CHANGED = "changed", pgettext_lazy("what became of an entry in a review", "Changed")
    REMOVED = "removed", pgettext_lazy("what became of an entry in a review", "Removed")


class ReviewStep(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="steps")
    boundary_id_at_review = models.PositiveBigIntegerField()
    outcome = models.CharField(max_length=16, choices=ReviewOutcome.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "boundary_id_at_review"], name="one_step_per_entry"),
        ]

    def __str__(self) -> str:
        # Ids only: never the words a partner wrote.
        return f"ReviewStep {self.pk}"


class LifeEventKind(models.TextChoices):
    NEW_CHILD = "new_child", _("A new child")
    PREGNANCY = "pregnancy", _("Pregnancy")
    ILLNESS = "illness", _("An illness or diagnosis")
    MEDICATION = "medication", _("A change in medication")
    MOVE = "move", _("A move")
    JOB_STRESS = "job_stress", _("Stress at work")
    LOSS = "loss", _("A loss")
    OTHER = "other", _("Something else")


class LifeEvent(Authored):
    kind = models.CharField(max_length=20, choices=LifeEventKind.choices)
    note = EncryptedTextField(blank=True, default="")


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    CURIOUS = "curious", pgettext_lazy("an answer on the curiosity list", "Curious")
    NO = "no", _("No")


OPEN_ANSWERS = (Answer.YES, Answer.CURIOUS)


class CuriosityAnswer(models.Model):
    """One person's private answer about one catalogue item. Never shown to
    anyone else; only the overlap of two open answers is ever revealed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    catalogue_item_id = models.PositiveIntegerField()
    answer = models.CharField(max_length=10, choices=Answer.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "catalogue_item_id"], name="one_answer_per_item"),
        ]

    def __str__(self) -> str:
        # Ids only: never the words a partner wrote.
        return f"CuriosityAnswer {self.pk}"
