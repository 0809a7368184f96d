from __future__ import annotations

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from evenly.accounts.language import language_codes
from evenly.accounts.models import User


class SignupForm(AllauthSignupForm):
    """Sign-up asks for the name the partner will see, and optional pronouns,
    so no screen ever has to make a name up."""

    display_name = forms.CharField(
        label=_("Your name, as your partner will see it"),
        max_length=User._meta.get_field("display_name").max_length,
    )
    pronouns = forms.CharField(
        label=_("Your pronouns (optional)"),
        help_text=_("For example she/her, he/him or they/them. Sentences about you will use them."),
        max_length=User._meta.get_field("pronouns").max_length,
        required=False,
    )

    field_order = ["display_name", "pronouns", "email", "password1", "password2"]

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Please write the name your partner will see."))
        return name

    def save(self, request):  # type: ignore[no-untyped-def]
        user = super().save(request)
        user.display_name = self.cleaned_data["display_name"]
        user.pronouns = self.cleaned_data.get("pronouns", "").strip()
        # The language this page was shown in (the browser's, or the one the
        # visitor switched to) stays theirs until they choose another.
        user.language = translation.get_language() if translation.get_language() in language_codes() else ""
        user.save(update_fields=["display_name", "pronouns", "language"])
        return user


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account and everything I wrote will be deleted for good."),
        error_messages={"required": _("Please tick the box if you're sure. Nothing has been deleted yet.")},
    )


class LanguageForm(forms.Form):
    # Each language names itself, so anyone can find their own on this page.
    language = forms.ChoiceField(
        label=_("The language Evenly speaks to you in"),
        help_text=_("Your partner chooses their own. Notices and emails to you use yours."),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
    )
