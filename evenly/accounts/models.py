from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person using Evenly. Signs in with their email address; the username
    is an internal handle allauth fills in."""

    display_name = models.CharField(
        max_length=40,
        blank=True,
        help_text="The name your partner sees.",
    )
    pronouns = models.CharField(
        max_length=30, blank=True, help_text="Optional, for example she/her, he/him, they/them."
    )

    @property
    def shown_name(self) -> str:
        return self.display_name or self.email.split("@", 1)[0] or "Your partner"
