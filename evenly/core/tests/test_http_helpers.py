"""The two readings of untrusted values every view shares."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from evenly.core.http import id_from, redirect_back


@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_an_id_is_read_back_exactly(number: int) -> None:
    assert id_from(str(number)) == number


@given(st.text())
def test_anything_else_is_not_an_id(text: str) -> None:
    result = id_from(text)
    assert result is None or (str(result) == text and 0 <= result < 2**63)


@pytest.mark.parametrize("value", ["²", "٣", " 7", "7 ", "-1", "+1", "1.0", "01", "9" * 19, "", None, 7, ["1"]])
def test_look_alikes_are_not_ids(value: object) -> None:
    assert id_from(value) is None


@pytest.mark.parametrize(
    "target",
    [
        "abc",
        "checkins:index",
        "//evil.example/x",
        "https://evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "",
        "http://testserver.evil.example/checkins/",
        "http://user@testserver/checkins/",
        "http://testserver//evil.example/x",
        "http://testserver",
    ],
)
def test_going_back_never_leaves_the_site_or_reads_a_view_name(target: str) -> None:
    request = RequestFactory().post("/checkins/agenda/add/", {"next": target})
    assert redirect_back(request, "checkins:index").url == "/checkins/"


@given(st.text())
def test_going_back_is_always_a_path_on_this_site(target: str) -> None:
    request = RequestFactory().post("/x/", {"next": target.replace("\x00", "")})
    url = redirect_back(request, "checkins:index").url
    assert url.startswith("/") and not url.startswith(("//", "/\\"))


def test_going_back_to_a_page_of_ours_works() -> None:
    request = RequestFactory().post("/x/", {"next": "/checkins/4/?v=2"})
    assert redirect_back(request, "checkins:index").url == "/checkins/4/?v=2"


def test_going_back_to_a_whole_address_of_ours_goes_to_its_path() -> None:
    request = RequestFactory().post("/x/", {"next": "http://testserver/checkins/4/?v=2#turn"})
    assert redirect_back(request, "checkins:index").url == "/checkins/4/?v=2#turn"


def test_a_secure_page_never_goes_back_to_a_plain_http_address() -> None:
    request = RequestFactory().post("/x/", {"next": "http://testserver/checkins/4/"}, secure=True)
    assert redirect_back(request, "checkins:index").url == "/checkins/"
    request = RequestFactory().post("/x/", {"next": "https://testserver/checkins/4/"}, secure=True)
    assert redirect_back(request, "checkins:index").url == "/checkins/4/"
