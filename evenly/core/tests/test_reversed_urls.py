"""`{% url %}` works each address out once, and gives exactly what Django's
own tag gives; the static files' addresses are worked out once too."""

from __future__ import annotations

import pytest
from django.template import Context, Engine, Template
from django.template.defaulttags import URLNode
from django.urls import NoReverseMatch, reverse, set_script_prefix
from hypothesis import given
from hypothesis import strategies as st

from evenly.core.templatetags.reversed_urls import ReversedOnceNode, reversed_url


def render(source: str, **values: object) -> str:
    return Template(source).render(Context(values))


def test_every_template_gets_the_tag_without_loading_it() -> None:
    template = Template("{% url 'home' %}")
    assert isinstance(template.nodelist[0], ReversedOnceNode)
    assert render("{% url 'home' %}") == "/"


@given(decision=st.integers(min_value=1, max_value=10**12))
def test_it_gives_what_reverse_gives(decision: int) -> None:
    assert render("{% url 'decisions:detail' decision %}", decision=decision) == reverse(
        "decisions:detail", args=[decision]
    )
    assert render("{% url 'decisions:detail' decision_id=decision %}", decision=decision) == reverse(
        "decisions:detail", kwargs={"decision_id": decision}
    )


def test_as_a_variable_and_escaped_as_django_does() -> None:
    assert render("{% url 'healthz' as where %}[{{ where }}]") == "[/healthz]"
    assert render("{% url 'no-such-view' as where %}[{{ where }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-view' %}")
    django_own = Engine(builtins=[]).from_string("{% url 'home' %}")
    assert isinstance(django_own.nodelist[0], URLNode)
    assert render("{% url 'home' %}") == django_own.render(Context())


def test_each_address_is_worked_out_once() -> None:
    reversed_url.cache_clear()
    for _ in range(5):
        render("{% url 'home' %}{% url 'decisions:detail' 7 %}")
    info = reversed_url.cache_info()
    assert (info.misses, info.hits) == (2, 8)


def test_another_script_prefix_gets_its_own_address() -> None:
    try:
        set_script_prefix("/evenly/")
        assert render("{% url 'home' %}") == "/evenly/"
    finally:
        set_script_prefix("/")
    assert render("{% url 'home' %}") == "/"


def test_an_argument_that_cannot_be_kept_is_reversed_every_time() -> None:
    class Unhashable(int):
        __hash__ = None  # type: ignore[assignment]

    assert render("{% url 'decisions:detail' decision %}", decision=Unhashable(3)) == "/decisions/3/"


def test_static_addresses_are_worked_out_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from evenly.core.storage import StaticFiles

    manifest = {"paths": {"css/evenly.css": "css/evenly.0123abcd.css"}, "version": "1.1"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    storage = StaticFiles(location=tmp_path, base_url="/static/")
    assert storage.url("css/evenly.css") == "/static/css/evenly.0123abcd.css"
    storage.hashed_files.clear()  # the manifest is no longer asked
    assert storage.url("css/evenly.css") == "/static/css/evenly.0123abcd.css"
