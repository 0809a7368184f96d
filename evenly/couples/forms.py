from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from evenly.core.errors import ServiceError
from evenly.couples.codes import normalize_code
from evenly.couples.zones import check_zone_name


class JoinByCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Invitation code"),
        max_length=20,
        help_text=_("Eight letters and numbers, for example 7KQM-PX4D. Case and dashes don't matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        code = normalize_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                gettext("That doesn't look like an invitation code. Check it has eight letters and numbers.")
            )
        return code


class ProfileForm(forms.Form):
    display_name = forms.CharField(label=_("Your name, as your partner sees it"), max_length=40)
    pronouns = forms.CharField(
        label=_("Pronouns (optional)"),
        help_text=_("For example she/her, he/him or they/them. Sentences about you will use them."),
        max_length=30,
        required=False,
    )


class TimezoneForm(forms.Form):
    timezone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        help_text=_("Every time you both see and plan is in this zone, for example Europe/Berlin."),
        widget=forms.TextInput(attrs={"list": "zone-names", "autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_timezone(self) -> str:
        try:
            return check_zone_name(self.cleaned_data["timezone"])
        except ServiceError as error:
            raise forms.ValidationError(error.message) from error
