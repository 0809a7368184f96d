"""Odd input never breaks a page, and never loses what was typed.

The demo couples are seeded, then the site is walked as Alex from the home page,
following links, and every form found (its action and its fields, read from the
HTML itself) is posted garbage made by hypothesis: any unicode, 2 MB of text,
NUL and control characters, direction overrides, huge and negative numbers,
fields left out or sent twice, and ids of the other couple's things. Whatever
comes back, it is never a server error, and when the form is refused, every
piece of text that was typed is on the page again.

A new form is covered without anyone having to remember it: it is found by the
walk. `test_the_walk_finds_the_forms_of_every_feature` keeps the walk honest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.apps import apps
from django.contrib.messages import constants as message_levels
from django.core.management import call_command
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evenly.accounts.models import User

pytestmark = pytest.mark.django_db

# Not walked: allauth's own pages (they sign out, change passwords and factors)
# and the quick exit.
SKIP_LINKS = re.compile(r"^/(accounts/|account/|exit|list/|static/|healthz)")
# Posted last, because they end the couple or the account for the rest of the walk.
ENDINGS = re.compile(r"leave|delete|erase|goodbye|end")
TYPED = {"text", "search", "email", "url", "tel", "textarea"}
MAX_PAGES = 120
NEXTS = ["abc", "checkins:index", "//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:x", ""]
TWO_MB = "\u202eevenly " * (2_000_000 // 10)  # 2 MB of UTF-8


@dataclass
class Form:
    action: str
    page: str
    fields: dict[str, str] = field(default_factory=dict)  # name -> input type
    values: dict[str, list[str]] = field(default_factory=dict)  # name -> values seen on the page


class _PageReader(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {key: value or "" for key, value in attrs}
        if tag == "a" and attr.get("href", "").startswith("/"):
            self.links.append(attr["href"].split("#")[0])
        elif tag == "form":
            if attr.get("method", "get").lower() == "post":
                self._form = Form(action=attr.get("action") or self.page, page=self.page)
                self.forms.append(self._form)
        elif self._form is not None and tag in {"input", "textarea", "select", "button"} and attr.get("name"):
            name = attr["name"]
            default = {"textarea": "textarea", "select": "select", "button": "submit"}.get(tag, "text")
            kind = default if tag != "input" else attr.get("type", "text")
            if name == "csrfmiddlewaretoken":
                return
            self._form.fields.setdefault(name, kind.lower())
            if "value" in attr:
                self._form.values.setdefault(name, []).append(attr["value"])
            if tag == "select":
                self._select = name
        elif tag == "option" and self._form is not None and self._select:
            self._form.values.setdefault(self._select, []).append(attr.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _shape(path: str) -> str:
    return re.sub(r"/\d+/", "/N/", urlsplit(path).path)


@dataclass
class Walk:
    forms: list[Form]
    queries: dict[str, set[str]]  # page path -> names of the query parameters its links use


def walk(client: Client) -> Walk:
    """Every distinct form on the pages reachable from the home page, one per
    action shape, and every page that links carry query parameters to."""
    seen_pages: set[str] = set()
    seen_shapes: dict[str, int] = {}
    queue = ["/"]
    forms: dict[str, Form] = {}
    queries: dict[str, set[str]] = {}
    while queue and len(seen_pages) < MAX_PAGES:
        page = queue.pop(0)
        shape = _shape(page)
        if page in seen_pages or seen_shapes.get(shape, 0) >= 2:
            continue
        seen_pages.add(page)
        seen_shapes[shape] = seen_shapes.get(shape, 0) + 1
        response = client.get(page)
        assert response.status_code < 500, page
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        reader = _PageReader(page)
        reader.feed(response.content.decode())
        for link in reader.links:
            parts = urlsplit(link)
            if parts.query and not SKIP_LINKS.match(parts.path):
                queries.setdefault(parts.path, set()).update(parse_qs(parts.query, keep_blank_values=True))
        queue += [link for link in reader.links if not SKIP_LINKS.match(link) and link not in seen_pages]
        for form in reader.forms:
            if not SKIP_LINKS.match(form.action):
                forms.setdefault(_shape(form.action) + " " + ",".join(sorted(form.fields)), form)
    ordered = sorted(forms.values(), key=lambda form: (bool(ENDINGS.search(form.action)), form.action))
    return Walk(forms=ordered, queries=queries)


def _other_couples_ids() -> list[str]:
    """Ids of the things Jordan and Riley own, for posting where an id is expected."""
    jordan = User.objects.get(email="jordan@demo.evenly")
    membership = jordan.memberships.filter(left_at__isnull=True).select_related("couple").first()
    ids: set[int] = set()
    for model in apps.get_models():
        names = {f.name for f in model._meta.get_fields()}
        if "couple" in names and membership is not None:
            ids.update(model._default_manager.filter(couple=membership.couple).values_list("pk", flat=True)[:5])
    return sorted(str(pk) for pk in ids) or ["1"]


def garbage(foreign_ids: list[str], seen: list[str]) -> st.SearchStrategy[str]:
    controls = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=31), min_size=1, max_size=10)
    overrides = st.lists(st.sampled_from(["\u202e", "\u202d", "\u2066", "\u2067", "\u200f", "\ufeff", "x"]), max_size=8)
    numbers = st.one_of(
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.sampled_from(["-1", "0", "9" * 40, "1e400", "NaN", "²", "٣", " 7 ", "0x10", "1.5"]),
    )
    return st.one_of(
        st.text(max_size=60),
        controls,
        overrides.map("".join),
        numbers,
        st.sampled_from(foreign_ids),
        st.sampled_from(seen or [""]),
        st.just(TWO_MB),
        st.just("A word\x00with a NUL"),
    )


@st.composite
def submission(draw: Any, form: Form, foreign_ids: list[str]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    if draw(st.booleans()):
        # Where to go back to, as an attacker or a stale page might say it.
        data["next"] = [draw(st.sampled_from(NEXTS))]
    for name in form.fields:
        how = draw(st.sampled_from(["garbage", "garbage", "seen", "missing", "twice"]))
        values = form.values.get(name, [])
        one = garbage(foreign_ids, values)
        if how == "missing":
            continue
        if how == "seen" and values:
            data[name] = [draw(st.sampled_from(values))]
        elif how == "twice":
            data[name] = [draw(one), draw(one)]
        else:
            data[name] = [draw(one)]
    return data


def _typed(form: Form, data: dict[str, list[str]]) -> dict[str, str]:
    """The text a person typed in this submission, field by field."""
    return {
        name: values[0]
        for name, values in data.items()
        if form.fields.get(name) in TYPED and len(values) == 1 and values[0].strip() and len(values[0]) < 100_000
    }


def _refused(response: Any) -> bool:
    html = response.content.decode(errors="replace")
    return "has-error" in html or 'class="form-errors"' in html or "field-error" in html


def _queued_errors(response: Any) -> list[str]:
    storage = getattr(response.wsgi_request, "_messages", None)
    queued = getattr(storage, "_queued_messages", [])
    return [str(message) for message in queued if message.level >= message_levels.ERROR]


def check_every_way_back(client: Client, form: Form) -> None:
    for target in NEXTS:
        response = client.post(form.action, {"next": target})
        assert response.status_code < 500, f"{form.action} with next={target!r}"
        if response.status_code == 302:
            assert response.url.startswith("/") and not response.url.startswith(("//", "/\\")), response.url


def check(client: Client, form: Form, data: dict[str, list[str]]) -> None:
    response = client.post(form.action, data)
    where = f"{form.action} (from {form.page}) with {sorted(data)}"
    assert response.status_code < 500, where
    typed = _typed(form, data)
    if not typed:
        return
    if response.status_code in {200, 400} and _refused(response):
        html = response.content.decode()
        lost = [name for name, value in typed.items() if escape(value) not in html]
        assert not lost, f"{where}: refused, and the page lost what was typed in {lost}"
    elif response.status_code == 302:
        errors = _queued_errors(response)
        assert not errors, f"{where}: refused with {errors!r} and a redirect, losing what was typed"


@pytest.fixture
def demo() -> tuple[Client, Walk, list[str]]:
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(email="alex@demo.evenly"))
    return client, walk(client), _other_couples_ids()


def test_the_walk_finds_the_forms_of_every_feature(demo: tuple[Client, Walk, list[str]]) -> None:
    _client, found, _ids = demo
    forms = found.forms
    actions = {form.action for form in forms}
    for prefix in ["/pause/", "/boundaries/", "/consent/", "/checkins/", "/decisions/", "/couple/"]:
        assert any(action.startswith(prefix) for action in actions), (prefix, sorted(actions))
    assert len(forms) >= 25, sorted(actions)
    assert "decision" in found.queries.get("/decisions/experiments/new/", set()), found.queries


def test_no_page_breaks_on_garbage_in_its_query_string(demo: tuple[Client, Walk, list[str]]) -> None:
    client, found, foreign_ids = demo
    for path, names in sorted(found.queries.items()):
        get_garbage(client, path, sorted(names), foreign_ids)
        for name in sorted(names):
            for value in ["\u00b2", "9" * 40, "-1", "\x00", "\u0663"]:
                response = client.get(path, {name: value})
                assert response.status_code < 500, f"{path}?{name}={value!r}"


def get_garbage(client: Client, path: str, names: list[str], foreign_ids: list[str]) -> None:
    @settings(max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(values=st.fixed_dictionaries({name: garbage(foreign_ids, []) for name in names}))
    def gets_garbage(values: dict[str, str]) -> None:
        query = urlencode({name: value[:2000] for name, value in values.items()})
        response = client.get(f"{path}?{query}")
        assert response.status_code < 500, f"{path}?{query[:200]}"

    gets_garbage()


def test_no_form_breaks_or_loses_typed_text_on_garbage(demo: tuple[Client, Walk, list[str]]) -> None:
    client, found, foreign_ids = demo
    for form in found.forms:
        check_every_way_back(client, form)
        post_garbage(client, form, foreign_ids)


def post_garbage(client: Client, form: Form, foreign_ids: list[str]) -> None:
    @settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(data=submission(form, foreign_ids))
    def posts_garbage(data: dict[str, list[str]]) -> None:
        check(client, form, data)

    posts_garbage()
