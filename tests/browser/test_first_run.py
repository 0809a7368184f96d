"""A new couple's first run, from the welcome page to the first speaking turn,
each partner on their own phone. The test counts every click and every field
filled, so the path stays short."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]

PASSWORD = "a calm evening 42"


@dataclass
class Counted:
    """A page whose clicks and filled fields are counted."""

    page: object
    clicks: int = 0
    fields: int = 0

    def click(self, role: str, name: str) -> None:
        self.clicks += 1
        self.page.get_by_role(role, name=name).click()  # type: ignore[attr-defined]

    def fill(self, label: str, value: str) -> None:
        self.fields += 1
        self.page.get_by_label(label, exact=True).fill(value)  # type: ignore[attr-defined]


def sign_up(person: Counted, name: str, email: str) -> None:
    from django.core import mail

    person.page.goto("/")  # type: ignore[attr-defined]
    person.click("link", "Create an account")
    person.fill("Your name, as your partner will see it", name)
    person.fill("Email", email)
    person.fill("Password", PASSWORD)
    person.fill("Password (again)", PASSWORD)
    person.click("button", "Create account")
    # The address is confirmed from the email: opening its link is one tap.
    person.page.wait_for_url("**/accounts/confirm-email/")  # type: ignore[attr-defined]
    message = next(m for m in reversed(mail.outbox) if email in m.to)
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", message.body)
    assert link, message.body
    person.clicks += 1
    person.page.goto(link.group(1))  # type: ignore[attr-defined]
    if person.page.get_by_role("button", name="Confirm").count():  # type: ignore[attr-defined]
        person.click("button", "Confirm")
    person.page.wait_for_url(re.compile(r"/$"))  # type: ignore[attr-defined]


def test_a_new_couple_reaches_their_first_speaking_turn_in_a_few_taps(browsing):
    alex = Counted(browsing.page())
    sam = Counted(browsing.page())

    sign_up(alex, "Alex", "alex.first@example.com")
    alex.click("link", "Create a shared space")
    alex.click("button", "Create and invite")
    code = alex.page.locator(".invite-code").inner_text().strip()  # type: ignore[attr-defined]
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", code)

    sign_up(sam, "Sam", "sam.first@example.com")
    sam.click("link", "I have a code")
    sam.fill("Invitation code", code)
    sam.click("button", "Join")
    # Alex's invitation page moves on by itself once Sam has joined.
    alex.page.get_by_role("heading", name="Your first check-in").wait_for()  # type: ignore[attr-defined]

    sam.page.goto("/")  # type: ignore[attr-defined]
    browsing.screenshot(sam.page, "first-run-home-mobile")
    sam.click("button", "Begin our first check-in")
    sam.page.get_by_role("heading", name="First, our ground rules").wait_for()  # type: ignore[attr-defined]
    sam.page.wait_for_selector("body[data-live-state=open]", state="attached")  # type: ignore[attr-defined]
    alex.page.goto("/")  # type: ignore[attr-defined]
    alex.click("link", "A check-in has begun. Join whenever you're ready.")
    alex.click("button", "I accept these for today")
    sam.click("button", "I accept these for today")
    speaking = re.compile(r"(Alex|Sam), your turn to speak")
    for person in (alex, sam):
        person.page.get_by_role("heading", name=re.compile(r"turn to speak|is speaking")).wait_for()  # type: ignore[attr-defined]
    assert any(
        person.page.get_by_role("heading", name=speaking).count() == 1  # type: ignore[attr-defined]
        for person in (alex, sam)
    )
    browsing.screenshot(sam.page, "first-run-first-turn-mobile")

    # The path's length, reported by the suite: each partner's clicks and fields.
    print(f"first run: Alex {alex.clicks} clicks, {alex.fields} fields; Sam {sam.clicks} clicks, {sam.fields} fields")
    assert alex.clicks <= 8 and sam.clicks <= 8
    assert alex.fields == 4 and sam.fields == 5
