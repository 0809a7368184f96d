from django import forms
from django.template import Context, Template
from django.urls import reverse
from django.utils.translation import gettext_lazy

from evenly.core.links import link_to


class Choosing(forms.Form):
    mode = forms.ChoiceField(choices=[("a", "A"), ("b&c", 'B "c"')], widget=forms.RadioSelect, initial="b&c")
    scale = forms.TypedChoiceField(
        choices=[(n, str(n)) for n in range(1, 4)], coerce=int, widget=forms.RadioSelect(attrs={"class": "x"})
    )
    many = forms.MultipleChoiceField(choices=[("1", "one"), ("2", "two")], widget=forms.CheckboxSelectMultiple)


class Described(forms.Form):
    """The attributes that make a choice accessible: help, errors, optional,
    disabled, a translated label attribute, a form's own id format."""

    mood = forms.ChoiceField(
        choices=[("calm", "Calm"), ("tense", "Tense")],
        widget=forms.RadioSelect(attrs={"aria-label": gettext_lazy("How it felt"), "data-x": True, "data-y": False}),
        help_text="Only you see this.",
    )
    maybe = forms.ChoiceField(choices=[("", "No answer"), ("y", "Yes")], widget=forms.RadioSelect, required=False)
    fixed = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect, disabled=True, initial="a")
    boxes = forms.MultipleChoiceField(
        choices=[("1", "one"), ("2", "two")], widget=forms.CheckboxSelectMultiple, help_text="Any you like."
    )


def _same_markup(form: forms.Form) -> None:
    for field in form:
        for choice in field:
            fast = Template("{% load choices %}{% choice_input choice %}").render(Context({"choice": choice}))
            assert fast == str(choice.tag()), field.name


def test_choice_input_is_the_same_markup_as_the_widget_tag() -> None:
    for data in (None, {"mode": "a", "scale": "2", "many": ["2"]}, {"mode": "zzz", "scale": "9"}):
        _same_markup(Choosing(data=data))


def test_choice_input_keeps_every_accessible_attribute_of_the_widget_tag() -> None:
    for data in (None, {"mood": "calm", "boxes": ["2"]}, {"mood": "zzz", "boxes": ["9"]}):
        _same_markup(Described(data=data))
        _same_markup(Described(data=data, auto_id="ritual-%s", prefix="new"))
    invalid = Described(data={"mood": "zzz"})
    markup = Template("{% load choices %}{% choice_input choice %}").render(Context({"choice": invalid["mood"][0]}))
    assert 'aria-invalid="true"' in markup and "required" in markup and 'aria-label="How it felt"' in markup


def test_link_to_is_reverse() -> None:
    for pk in (1, 42, 10_000_123):
        assert link_to("checkins:moment")(pk) == reverse("checkins:moment", args=[pk])
        assert link_to("decisions:experiment")(pk) == reverse("decisions:experiment", args=[pk])
        assert link_to("decisions:detail")(pk) == reverse("decisions:detail", args=[pk])
