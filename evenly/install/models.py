"""The name a person gives Evenly on their own home screen."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppName(models.TextChoices):
    EVENLY = "Evenly", _("Evenly")
    NOTES = "Notes", _("Notes")
    LISTS = "Lists", _("Lists")
    PLANNER = "Planner", _("Planner")


class HomeScreen(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=20, choices=AppName.choices, default=AppName.EVENLY)

    def __str__(self) -> str:
        return f"HomeScreen {self.pk}"
