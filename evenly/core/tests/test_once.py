"""The one-time token never refuses a form on its own."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evenly.core.once import OnceField, new_once_token


@given(st.one_of(st.text(), st.none(), st.integers()))
def test_a_garbled_token_is_no_token_never_an_error(value: object) -> None:
    cleaned = OnceField().clean(value)
    assert cleaned == "" or cleaned == value


def test_a_real_token_is_kept_and_each_new_form_gets_its_own() -> None:
    token = new_once_token()
    assert OnceField().clean(token) == token
    assert new_once_token() != new_once_token()
