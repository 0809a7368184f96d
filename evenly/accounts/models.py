from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext as _

from evenly.accounts.pronouns import pronoun_key


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
    # A code from settings.LANGUAGES; empty until chosen (sign-up fills it
    # from the browser). Every page, notice and email to this person uses it.
    language = models.CharField(max_length=8, blank=True, default="", db_default="")

    @property
    def shown_name(self) -> str:
        # Never a piece of the email address: that is not a name anyone chose.
        return self.display_name or str(_("Your partner"))

    @property
    def pronoun_key(self) -> str:
        """ "she", "he", "they" or "name": which wording a sentence about
        this person uses (see evenly/accounts/pronouns.py)."""
        return pronoun_key(self.pronouns)
