"""Consent that stays reversible: the tonight check-in, the signal, invitations.

Everything a partner says here is content, and content is forgotten: a day
after a check-in, a signal or an invitation ends, its words, colours and
conditions are erased (`manage.py consent_forget`), and so is the answer
itself: whether it was a yes, a no, or withdrawn, and by whom. What stays is
only what the balance view needs: who invited or opened a check-in, and when.
The whole schedule lives in `evenly/consent/forgetting.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from evenly.core.fields import EncryptedTextField
from evenly.core.http import id_from

WORDS_MAX = 500
NOTE_MAX = 1000


class Colour(models.TextChoices):
    GREEN = "green", _("Green")
    YELLOW = "yellow", _("Yellow")
    RED = "red", _("Red")


class Signal(models.Model):
    """One partner's colour for now. A new colour ends the previous one; a
    colour also lapses on its own, so an old green never stands in for today."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    colour = models.CharField(max_length=8, choices=Colour.choices)
    set_at = models.DateTimeField()
    lapses_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=Q(ended_at__isnull=True), name="one_current_signal"),
        ]

    def __str__(self) -> str:
        return f"Signal {self.pk}"


class Dialogue(models.Model):
    """A tonight check-in. The row itself is content-free and stays (that a
    check-in happened, who opened it, when); its answers, and whether both
    answered, are erased a day after it ends."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)
    ends_at = models.DateTimeField()
    revealed_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Dialogue {self.pk}"


class DialogueAnswer(models.Model):
    """One partner's private answers. Shown to the other only once both have
    answered, and never after the check-in is forgotten."""

    dialogue = models.ForeignKey(Dialogue, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    feels_good = EncryptedTextField(blank=True, default="")
    breaks_trust = EncryptedTextField(blank=True, default="")
    limits = EncryptedTextField(blank=True, default="")
    colour = models.CharField(max_length=8, choices=Colour.choices)
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dialogue", "author"], name="one_answer_per_partner")]

    def __str__(self) -> str:
        return f"DialogueAnswer {self.pk}"


class Outcome(models.TextChoices):
    OPEN = "open", _("Waiting for an answer")
    YES = "yes", _("Yes, I'd love to")
    YES_IF = "yes_if", _("Yes, if…")
    NOT_NOW = "not_now", _("Not now")
    NO = "no", _("No")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    EXPIRED = "expired", _("Ended without an answer")
    # Forgotten: whatever the answer was, it is no longer known.
    ENDED = "ended", _("Ended")


YES_OUTCOMES = (Outcome.YES, Outcome.YES_IF)
DECLINES = (Outcome.NOT_NOW, Outcome.NO)
LIVE_OUTCOMES = (Outcome.OPEN, *YES_OUTCOMES)


class Invitation(models.Model):
    """An invitation from one partner to the other: something specific, for a
    time window, that ends on its own. A day after it ends it is forgotten:
    its words, the answer, who withdrew it and when are cleared, and the
    invitee too (who would otherwise say who declined). Only `inviter`,
    `created_at` and the window stay, for the balance view's initiative."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    inviter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Empty once forgotten: the other partner, while the invitation is live.
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Catalogue item ids, comma-separated: what was invited is content too.
    what_items = EncryptedTextField(blank=True, default="")
    what_words = EncryptedTextField(blank=True, default="")
    note = EncryptedTextField(blank=True, default="")
    conditions = EncryptedTextField(blank=True, default="")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # No time on purpose: when it was forgotten would tell when it ended.
    forgotten = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(inviter=models.F("invitee")), name="no_inviting_oneself"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="window_has_length"),
        ]
        indexes = [models.Index(fields=["couple", "outcome"])]

    def __str__(self) -> str:
        return f"Invitation {self.pk}"

    @property
    def item_ids(self) -> list[int]:
        return [item_id for part in self.what_items.split(",") if (item_id := id_from(part.strip())) is not None]

    @property
    def is_yes(self) -> bool:
        return self.outcome in YES_OUTCOMES


class Cooldown(models.Model):
    """After a "not now" or a "no": the inviter can't invite again before
    `until`. Only the fact that a cool-down runs is kept, never which answer,
    which invitation or when it was given; the row goes once it runs out."""

    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    inviter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    until = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["couple", "inviter"], name="one_cooldown_per_inviter")]

    def __str__(self) -> str:
        return f"Cooldown {self.pk}"


class CooldownHours(models.IntegerChoices):
    TWO = 2, _("2 hours")
    TWELVE = 12, _("12 hours")
    DAY = 24, _("A day")
    THREE_DAYS = 72, _("Three days")
    WEEK = 168, _("A week")


class ConsentSettings(models.Model):
    """A person's own pace: whether invitations reach them at all, and how long
    a "not now" or "no" keeps new invitations away."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    slower_pace = models.BooleanField(default=False)
    cooldown_hours = models.PositiveSmallIntegerField(choices=CooldownHours.choices, default=CooldownHours.DAY)

    def __str__(self) -> str:
        return f"ConsentSettings {self.pk}"
