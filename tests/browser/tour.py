"""A tour of every page of the foundation, in each state a person can meet it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from evenly.couples.services import couple_create, invite_accept, invite_create
from evenly.pause.services import pause_start
from tests.cast import PASSWORD


def tour(browsing: Any, make_user: Callable[..., Any], **context_options: Any) -> Iterator[tuple[str, Any]]:
    """Open each page in turn and yield (label, page) once it has loaded."""
    anonymous = browsing.page(**context_options)
    for label, path in [
        ("welcome", "/"),
        ("login", "/accounts/login/"),
        ("signup", "/accounts/signup/"),
        ("password-reset", "/accounts/password/reset/"),
        ("neutral", "/list/"),
    ]:
        anonymous.goto(path)
        yield label, anonymous

    # A form sent after its protection token was lost: the CSRF failure page.
    anonymous.goto("/accounts/login/")
    anonymous.fill("input[name=login]", "someone@example.com")
    anonymous.fill("input[name=password]", "not sent anywhere")
    anonymous.context.clear_cookies()
    with anonymous.expect_navigation():
        anonymous.press("input[name=password]", "Enter")
    assert anonymous.title().startswith("Please try again")
    yield "csrf-failure", anonymous

    casey = browsing.page(user=make_user("Casey"), **context_options)
    for label, path in [
        ("home-no-couple", "/"),
        ("overview-no-couple", "/couple/"),
        ("join-by-code", "/couple/join/"),
        ("join-by-link-unusable", "/couple/join/not-a-real-invitation/"),
        ("profile", "/couple/profile/"),
        ("security", "/account/security/"),
    ]:
        casey.goto(path)
        yield label, casey
    casey.goto("/couple/join/")
    casey.get_by_label("Invitation code").fill("nope")
    casey.get_by_role("button", name="Join").click()
    casey.locator(".field-error").wait_for()
    yield "join-by-code-error", casey

    taylor_user = make_user("Taylor")
    couple_create(actor=taylor_user)
    invite = invite_create(actor=taylor_user)
    taylor = browsing.page(user=taylor_user, **context_options)
    taylor.goto("/")
    yield "home-waiting", taylor
    taylor.goto("/couple/")
    yield "overview-waiting", taylor
    casey.goto(f"/couple/join/{invite.token}/")
    yield "join-by-link", casey

    alex_user, sam_user = make_user("Alex"), make_user("Sam")
    couple_create(actor=alex_user)
    invite_accept(actor=sam_user, token=invite_create(actor=alex_user).token)
    alex = browsing.page(user=alex_user, **context_options)
    alex.goto("/")
    yield "home-partnered", alex
    alex.goto("/couple/")
    yield "overview-partnered", alex
    # Leaving asks for the password again first.
    alex.goto("/couple/leave/")
    assert "/accounts/reauthenticate/" in alex.url
    yield "reauthenticate", alex
    alex.fill("input[name=password]", PASSWORD)
    with alex.expect_navigation():
        alex.press("input[name=password]", "Enter")
    assert alex.url.endswith("/couple/leave/")
    yield "leave", alex

    pause_start(actor=alex_user)
    alex.goto("/pause/")
    yield "pause-page", alex
    sam = browsing.page(user=sam_user, **context_options)
    sam.goto("/")
    sam.locator(".pause-notice").wait_for()
    yield "home-partner-paused", sam
