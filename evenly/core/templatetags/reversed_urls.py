"""`{% url %}` for every template, with each address worked out once per process.

Django's own tag walks the URL patterns at every use; a page of Evenly has
some 25 of them, about a twelfth of its time. The addresses of a running
server don't change: the same view with the same arguments, URL conf, script
prefix and language always gives the same address, so this tag keeps it.
It is a builtin (settings.TEMPLATES) and replaces Django's `url` with the same
syntax and output; arguments that can't be kept (unhashable) are reversed as
Django would, every time."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.template.base import Parser, Token
from django.template.context import Context
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.translation import get_language

register = template.Library()


@lru_cache(maxsize=8192)
def reversed_url(
    view_name: str,
    args: tuple[Any, ...],
    kwargs: tuple[tuple[str, Any], ...],
    current_app: str | None,
    urlconf: str | None,
    script_prefix: str,
    language: str | None,
) -> str:
    # The script prefix and language are part of the key only: reverse() reads them itself.
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app, urlconf=urlconf)


def _current_app(context: Context) -> str | None:
    request = getattr(context, "request", None)
    if request is None:
        return None
    current_app = getattr(request, "current_app", None)
    if current_app is not None:
        return str(current_app)
    match = getattr(request, "resolver_match", None)
    return match.namespace if match is not None else None


class ReversedOnceNode(URLNode):
    def render(self, context: Context) -> str:
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple(sorted((name, value.resolve(context)) for name, value in self.kwargs.items()))
        key = (self.view_name.resolve(context), args, kwargs, _current_app(context))
        try:
            url = reversed_url(*key, get_urlconf(), get_script_prefix(), get_language())
        except TypeError:  # an argument that can't be a key
            return str(super().render(context))
        except NoReverseMatch:
            if self.asvar is None:
                raise
            url = ""
        if self.asvar:
            context[self.asvar] = url
            return ""
        return str(conditional_escape(url)) if context.autoescape else url


@register.tag
def url(parser: Parser, token: Token) -> ReversedOnceNode:
    node = django_url(parser, token)
    return ReversedOnceNode(node.view_name, node.args, node.kwargs, node.asvar)
