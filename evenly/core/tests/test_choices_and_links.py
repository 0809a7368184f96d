from django import forms
from django.template import Context, Template
from django.urls import reverse

from evenly.core.links import link_to


class Choosing(forms.Form):
    mode = forms.ChoiceField(choices=[("a", "A"), ("b&c", 'B "c"')], widget=forms.RadioSelect, initial="b&c")
    scale = forms.TypedChoiceField(
        choices=[(n, str(n)) for n in range(1, 4)], coerce=int, widget=forms.RadioSelect(attrs={"class": "x"})
    )
    many = forms.MultipleChoiceField(choices=[("1", "one"), ("2", "two")], widget=forms.CheckboxSelectMultiple)


def test_choice_input_is_the_same_markup_as_the_widget_tag() -> None:
    for data in (None, {"mode": "a", "scale": "2", "many": ["2"]}):
        form = Choosing(data=data)
        for name in ("mode", "scale", "many"):
            for choice in form[name]:
                fast = Template("{% load choices %}{% choice_input choice %}").render(Context({"choice": choice}))
                assert fast == str(choice.tag())


def test_link_to_is_reverse() -> None:
    for pk in (1, 42, 10_000_123):
        assert link_to("checkins:moment")(pk) == reverse("checkins:moment", args=[pk])
        assert link_to("decisions:experiment")(pk) == reverse("decisions:experiment", args=[pk])
        assert link_to("decisions:detail")(pk) == reverse("decisions:detail", args=[pk])
