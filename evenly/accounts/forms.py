from __future__ import annotations

from django import forms


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that my account and everything I wrote will be deleted for good.",
        error_messages={"required": "Please tick the box if you're sure. Nothing has been deleted yet."},
    )
