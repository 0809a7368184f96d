from django import forms
from django.utils.translation import gettext_lazy as _

from evenly.install.models import AppName


class HomeScreenForm(forms.Form):
    name = forms.ChoiceField(label=_("The name under its icon"), choices=AppName.choices, widget=forms.RadioSelect)
