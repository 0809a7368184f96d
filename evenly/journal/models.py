"""The private journal, tender topics and the moments a partner takes.

A journal entry is only ever its author's: it is never shared as such. Its
author may put a copy of it, whole or as an excerpt, on the check-in agenda;
the copy is an ordinary agenda item they can take off again. A tender topic is
private until its author chooses how much the partner sees. A breather ("I need
a moment") holds no text at all and is gone when it ends.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from evenly.core.fields import EncryptedTextField
from evenly.core.models import Authored

ENTRY_MAX = 50_000
PROMPT_MAX = 5_000
LABEL_MAX = 80
TOPIC_MAX = 200
NOTE_MAX = 2_000


class Entry(Authored):
    text = EncryptedTextField(blank=True, default="")
    feelings = EncryptedTextField(blank=True, default="")  # vocabulary keys, comma-joined
    own_words = EncryptedTextField(blank=True, default="")  # the author's own labels, one a line
    body = EncryptedTextField(blank=True, default="")
    past = EncryptedTextField(blank=True, default="")
    need = EncryptedTextField(blank=True, default="")
    # The copy on the agenda, while there is one.
    agenda_item = models.ForeignKey(
        "checkins.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Entry {self.pk}"

    @property
    def feeling_keys(self) -> list[str]:
        from evenly.journal import feelings

        return feelings.split(self.feelings)

    @property
    def own_labels(self) -> list[str]:
        return [line for line in self.own_words.split("\n") if line]

    @property
    def labels(self) -> list[str]:
        from evenly.journal import feelings

        return feelings.labels_for(self.feeling_keys) + self.own_labels


class Sharing(models.TextChoices):
    PRIVATE = "private", _("Only me")
    GENTLY = "gently", _("My partner sees the topic and “go gently with this topic”, nothing more")
    DETAILS = "details", _("My partner sees the topic and what I wrote about it")


class TenderTopic(Authored):
    """Something that tends to unsettle its author. `topic` holds the words
    that name it (matched against agenda items, decisions and invitations
    once shared); `note` what the author wrote about it."""

    topic = EncryptedTextField()
    note = EncryptedTextField(blank=True, default="")
    sharing = models.CharField(max_length=10, choices=Sharing.choices, default=Sharing.PRIVATE)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"TenderTopic {self.pk}"


class Breather(models.Model):
    """Someone is taking a moment. No text, no history: the row is deleted
    when the moment ends, and one older than `BREATHER_LASTS` counts as over."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    started_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Breather {self.pk}"
