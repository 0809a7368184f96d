"""`{% choice_input radio %}`: one radio button or checkbox of a form field,
the same markup as `{{ radio.tag }}`, without rendering three widget
templates per choice (a page with a few 1-to-5 scales has dozens)."""

from __future__ import annotations

from django import template
from django.forms.boundfield import BoundWidget
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Django's own option templates: input_option.html around input.html and attrs.html.
_PLAIN = {"django/forms/widgets/radio_option.html", "django/forms/widgets/checkbox_option.html"}


@register.simple_tag
def choice_input(choice: BoundWidget) -> SafeString:
    if choice.template_name not in _PLAIN:
        return choice.tag()  # type: ignore[no-any-return]
    data = choice.data
    parts = [f'<input type="{conditional_escape(data["type"])}" name="{conditional_escape(data["name"])}"']
    if data["value"] is not None:
        parts.append(f' value="{conditional_escape(str(data["value"]))}"')
    for name, value in data["attrs"].items():
        if value is False:
            continue
        parts.append(f" {conditional_escape(name)}")
        if value is not True:
            parts.append(f'="{conditional_escape(str(value))}"')
    parts.append(">")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped above
