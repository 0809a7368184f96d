"""A partner's saved resources. The resources themselves are written into the
app (see `catalogue.py`); a row here says only that this person keeps one,
privately, or has shared it with their partner with a note.

The safety check stores nothing at all, so it has no model."""

from __future__ import annotations

from django.db import models

from evenly.core.fields import EncryptedTextField
from evenly.core.models import Authored

NOTE_MAX = 1000


class SavedResource(Authored):
    resource_key = models.CharField(max_length=60)
    note = EncryptedTextField(blank=True, default="")

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["author", "resource_key"], name="one_saved_resource_per_person"),
        ]

    def __str__(self) -> str:
        return f"SavedResource {self.pk}"
