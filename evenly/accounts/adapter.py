from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Neutral subjects for every email: nothing in an inbox preview hints at
    what Evenly is for."""

    def format_email_subject(self, subject: str) -> str:
        return "Account notice" if "Evenly" in subject else super().format_email_subject(subject)
