"""The pause reaches the partner at once, live, and only its pauser lifts it."""

from __future__ import annotations

import time

import pytest

from evenly.pause.models import Pause

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]

NOTICE = ".pause-notice"
WATCH_FOR_NOTICE = """() => { window.__noticeAt = new Promise(resolve => {
    const seen = () => document.querySelector(".pause-notice");
    if (seen()) { resolve(Date.now()); return; }
    new MutationObserver((_, observer) => {
        if (seen()) { observer.disconnect(); resolve(Date.now()); }
    }).observe(document.body, {childList: true, subtree: true});
}); }"""


def open_live(page, path: str = "/") -> None:
    """Open a page and wait until its live connection is up."""
    page.goto(path)
    page.wait_for_selector("body[data-live-state=open]", state="attached")


def test_it_shows_the_partner_the_pause_within_a_second_and_lifts_it_live(browsing, partners):
    open_live(partners.alex)
    open_live(partners.sam)
    partners.sam.evaluate(WATCH_FOR_NOTICE)
    navigations = []
    partners.sam.on("framenavigated", lambda frame: navigations.append(frame.url))

    pressed_at = time.time() * 1000
    partners.alex.get_by_role("button", name="Pause").click()
    shown_at = partners.sam.evaluate("() => window.__noticeAt")

    assert shown_at - pressed_at < 1000, f"The notice took {shown_at - pressed_at:.0f} ms"
    assert navigations == [], "Sam's page reloaded instead of updating live"
    notice = partners.sam.locator(NOTICE)
    assert notice.get_by_role("heading", name="Paused for now").is_visible()
    browsing.screenshot(partners.sam, "partner-notice-mobile")

    partners.alex.wait_for_url("**/pause/")
    assert partners.alex.locator(".breathing .breath-circle").is_visible()
    browsing.screenshot(partners.alex, "pause-page-mobile")
    partners.alex.get_by_label("In 20 minutes").check()
    partners.alex.get_by_role("button", name="Save when to revisit").click()
    partners.alex.get_by_text("You'll both get a gentle reminder then.").wait_for()
    assert Pause.objects.get().revisit_choice == "in_20_minutes"

    partners.alex.get_by_role("button", name="I'm ready: lift the pause").click()
    partners.alex.wait_for_url(browsing.server.url + "/")
    notice.wait_for(state="detached", timeout=2000)
    assert navigations == []


def test_it_moves_focus_to_the_pause_notice(partners):
    open_live(partners.alex)
    open_live(partners.sam)
    partners.alex.get_by_role("button", name="Pause").click()
    partners.sam.locator(NOTICE).wait_for()
    partners.sam.wait_for_function("document.activeElement && document.activeElement.id === 'pause-notice-title'")
    # Keyboard focus stays in the notice: the page behind it is inert.
    for _ in range(6):
        partners.sam.keyboard.press("Tab")
        assert partners.sam.evaluate("!document.activeElement.closest('body > :not(#pause-layer)')")


def test_it_pauses_with_the_keyboard_shortcut(partners):
    open_live(partners.alex)
    open_live(partners.sam)
    partners.alex.keyboard.press("Tab")
    partners.alex.keyboard.press("Alt+Shift+P")
    partners.alex.wait_for_url("**/pause/")
    partners.sam.locator(NOTICE).wait_for(timeout=2000)


def test_it_pauses_by_tabbing_to_the_button(partners):
    open_live(partners.alex)
    page = partners.alex
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "pause-button":
            break
    else:
        pytest.fail("Tab never reached the Pause button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pause/")
    assert Pause.objects.filter(lifted_at__isnull=True).count() == 1


def test_it_shows_the_pause_to_a_partner_who_was_away(browsing, alex, sam):
    alex_page = browsing.page(user=alex)
    open_live(alex_page)
    alex_page.get_by_role("button", name="Pause").click()
    alex_page.wait_for_url("**/pause/")

    sam_page = browsing.page(user=sam)
    sam_page.goto("/")
    assert sam_page.locator(NOTICE).get_by_role("heading", name="Paused for now").is_visible()
    assert sam_page.evaluate("document.body.classList.contains('is-paused')")


def test_it_leaves_the_pause_alone_when_the_partner_tries_to_lift_it(partners):
    open_live(partners.alex)
    partners.alex.get_by_role("button", name="Pause").click()
    partners.alex.wait_for_url("**/pause/")

    open_live(partners.sam)
    status = partners.sam.evaluate(
        """async () => {
            const token = JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
            const response = await fetch("/pause/lift/", {method: "POST", headers: {"X-CSRFToken": token}});
            return response.status;
        }"""
    )
    assert status == 200  # Redirected home, quietly: lifting someone else's pause does nothing.
    assert Pause.objects.filter(lifted_at__isnull=True).count() == 1
    partners.sam.reload()
    assert partners.sam.locator(NOTICE).is_visible()


def test_it_catches_up_after_the_connection_drops(partners):
    open_live(partners.alex)
    sam = partners.sam
    sam.add_init_script(
        """(() => {
            const Native = window.WebSocket;
            window.WebSocket = function (...args) {
                const s = new Native(...args);
                window.__sockets = (window.__sockets || []).concat(s);
                return s;
            };
            window.WebSocket.prototype = Native.prototype;
            Object.assign(window.WebSocket, {
                OPEN: Native.OPEN, CLOSED: Native.CLOSED, CONNECTING: Native.CONNECTING, CLOSING: Native.CLOSING
            });
        })()"""
    )
    open_live(sam)
    # Hold back reconnection until the pause has happened, so the event itself is missed.
    sam.evaluate(
        """() => {
            window.__heldConnect = [];
            const nativeTimeout = window.setTimeout;
            window.setTimeout = (fn, delay, ...rest) => {
                window.__heldConnect.push(() => nativeTimeout(fn, 0, ...rest));
                return 0;
            };
            window.__sockets.forEach(s => s.close(4000));
        }"""
    )
    sam.wait_for_selector("body[data-live-state=closed]", state="attached")

    partners.alex.get_by_role("button", name="Pause").click()
    partners.alex.wait_for_url("**/pause/")
    time.sleep(0.3)
    assert not sam.locator(NOTICE).is_visible()

    sam.evaluate("() => window.__heldConnect.forEach(go => go())")
    sam.locator(NOTICE).wait_for(timeout=3000)
    sam.wait_for_selector("body[data-live-state=open]", state="attached")
