"""Two partners, two languages: Alex reads Evenly in English and Sam in
Spanish, on their own phones, through a pause and a whole check-in. Each page
is rendered for its viewer, so every step comes out in that person's language,
live updates included, and the Spanish still fits a 390 px phone."""

from __future__ import annotations

import gettext
import re
import time
from functools import cache
from pathlib import Path

import pytest

from evenly.checkins.models import CheckIn, Rating
from evenly.pause.models import Pause
from tests.cast import speaks_spanish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]

ROOT = Path(__file__).resolve().parents[2]
NOTICE = ".pause-notice"
WATCH_FOR_NOTICE = """() => { window.__noticeAt = new Promise(resolve => {
    const seen = () => document.querySelector(".pause-notice");
    if (seen()) { resolve(Date.now()); return; }
    new MutationObserver((_, observer) => {
        if (seen()) { observer.disconnect(); resolve(Date.now()); }
    }).observe(document.body, {childList: true, subtree: true});
}); }"""


@pytest.fixture
def languages(alex, sam) -> None:
    alex.language = "en"
    alex.save(update_fields=["language"])
    speaks_spanish(sam)


def open_live(page, path: str = "/") -> None:
    page.set_default_timeout(30_000)  # A shared, busy machine: be patient, not flaky.
    page.goto(path)
    page.wait_for_selector("body[data-live-state=open]", state="attached")


def heading(page, name: str) -> None:
    # A whole check-in is many round trips between two browsers; on a small,
    # busy machine a step can take longer than the default wait.
    page.get_by_role("heading", name=name).wait_for(timeout=30_000)


# ---- What the checkpoints look for ----


@cache
def english_sentences() -> frozenset[str]:
    """Every English source sentence of the interface (three words or more,
    placeholders cut out) that the Spanish catalogues translate differently.
    Needs the compiled catalogues (compilemessages) like any Spanish test."""
    sentences = set()
    catalogues = [*ROOT.glob("evenly/*/locale/es/LC_MESSAGES/django.mo"), ROOT / "locale/es/LC_MESSAGES/django.mo"]
    assert all(path.exists() for path in catalogues) and catalogues, "Compile the catalogues first"
    for path in catalogues:
        with path.open("rb") as file:
            catalogue = gettext.GNUTranslations(file)._catalog  # type: ignore[attr-defined]
        for key, translated in catalogue.items():
            msgid = key if isinstance(key, str) else key[0]
            msgid = msgid.split("\x04")[-1]
            if not msgid or msgid == translated or "<" in msgid:
                continue
            for piece in re.split(r"%\(\w+\)[sd]|%[sd]|\{\{[^}]*\}\}", msgid):
                piece = " ".join(piece.split()).strip(" ,.:;·")
                if len(piece.split()) >= 3:
                    sentences.add(piece)
    return frozenset(sentences)


def english_on(page) -> list[str]:
    """English interface sentences a Spanish reader would meet on the page:
    its visible text (screen-reader-only text too), title and labels."""
    text = page.evaluate(
        """() => [document.title, document.body.innerText,
            ...Array.from(document.querySelectorAll("[aria-label], [title], [placeholder]"), element =>
                ["aria-label", "title", "placeholder"].map(name => element.getAttribute(name) || "").join(" ")),
            document.body.dataset.pauseLiftedMessage || ""].join("\\n")"""
    )
    text = " ".join(text.split())
    return sorted(sentence for sentence in english_sentences() if sentence in text)


def overflowing(page) -> list[str]:
    """Header controls, buttons and the page itself wider than their room."""
    return page.evaluate(
        """() => {
            const found = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth + 1) { found.push(`page ${root.scrollWidth}px wide`); }
            const right = root.clientWidth;
            document.querySelectorAll(".site-header *, button, .btn, .btn-exit").forEach(element => {
                const box = element.getBoundingClientRect();
                // Visually hidden text (a 1 px clip) is meant to be cut off.
                if (box.width <= 1 || box.height <= 1 || getComputedStyle(element).visibility === "hidden") { return; }
                const name = `${element.tagName.toLowerCase()}.${element.className} "${element.innerText.trim()}"`;
                if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflow !== "visible") {
                    found.push(`${name} clips its text`);
                } else if (element.scrollWidth > element.clientWidth + 1 && element.matches("button, .btn")) {
                    found.push(`${name} text wider than the button`);
                }
                if (box.right > right + 1 || box.left < -1) { found.push(`${name} reaches past the screen`); }
            });
            return found;
        }"""
    )


def header_rows(page) -> int:
    """How many rows the phone header's controls take."""
    return page.evaluate(
        """() => new Set(Array.from(document.querySelectorAll(".site-header > *, .header-actions > *"))
            .filter(element => element.getBoundingClientRect().height > 1)
            .map(element => Math.round(element.getBoundingClientRect().top))).size"""
    )


# ---- The pause ----


def test_sam_pauses_in_spanish_and_alex_sees_it_in_english(browsing, partners, languages):
    alex, sam = partners.alex, partners.sam
    open_live(alex)
    open_live(sam)
    assert sam.locator("html").get_attribute("lang") == "es"
    assert alex.locator("html").get_attribute("lang") == "en"
    assert overflowing(sam) == []
    # The longer Spanish words still fit the two rows the English header takes.
    assert header_rows(sam) == header_rows(alex) == 2
    browsing.screenshot(sam, "home-es-mobile")
    alex.evaluate(WATCH_FOR_NOTICE)
    navigations = []
    alex.on("framenavigated", lambda frame: navigations.append(frame.url))

    pressed_at = time.time() * 1000
    sam.get_by_role("button", name="Pausa").click()
    shown_at = alex.evaluate("() => window.__noticeAt")

    assert shown_at - pressed_at < 1000, f"The notice took {shown_at - pressed_at:.0f} ms"
    notice = alex.locator(NOTICE)
    assert notice.get_by_role("heading", name="Paused for now").is_visible()
    assert notice.get_by_text("Your partner pressed pause. Everything shared is on hold for both of you.").is_visible()
    assert notice.get_by_role("link", name="Quick exit").is_visible()

    sam.wait_for_url("**/pause/")
    sam.get_by_role("heading", name="Pusiste una pausa. Todo lo compartido queda en espera.").wait_for()
    sam.get_by_text("No le debes una razón a nadie. Tu pareja ve un aviso tranquilo y nada más.").wait_for()
    assert sam.get_by_role("button", name="Ya puedo seguir: terminar la pausa").is_visible()
    assert english_on(sam) == []
    assert overflowing(sam) == []
    browsing.screenshot(sam, "pause-page-es-mobile")

    # Elsewhere, Sam's pause layer keeps the way back in Spanish.
    sam.goto("/")
    banner = sam.locator(".pause-banner")
    banner.get_by_text("Pusiste una pausa. Todo lo compartido queda en espera.").wait_for()
    assert overflowing(sam) == []
    browsing.screenshot(sam, "pause-banner-es-mobile")
    banner.get_by_role("link", name="Ir a tu pausa").click()
    sam.wait_for_url("**/pause/")

    sam.get_by_role("button", name="Ya puedo seguir: terminar la pausa").click()
    sam.wait_for_url(browsing.server.url + "/")
    sam.get_by_text("La pausa ha terminado.").wait_for()
    notice.wait_for(state="detached", timeout=15_000)
    # The polite announcement speaks each one's own language.
    alex.wait_for_function(
        "document.getElementById('live-status').textContent === 'The pause has been lifted.'", timeout=15_000
    )
    assert sam.locator("body").get_attribute("data-pause-lifted-message") == "La pausa ha terminado."
    assert navigations == [], "Alex's page reloaded instead of updating live"
    assert Pause.objects.get().lifted_at is not None


def test_alex_pauses_in_english_and_sam_sees_it_in_spanish(browsing, partners, languages):
    alex, sam = partners.alex, partners.sam
    open_live(alex)
    open_live(sam)
    sam.evaluate(WATCH_FOR_NOTICE)
    navigations = []
    sam.on("framenavigated", lambda frame: navigations.append(frame.url))

    pressed_at = time.time() * 1000
    alex.get_by_role("button", name="Pause").click()
    shown_at = sam.evaluate("() => window.__noticeAt")

    assert shown_at - pressed_at < 1000, f"The notice took {shown_at - pressed_at:.0f} ms"
    notice = sam.locator(NOTICE)
    assert notice.get_by_role("heading", name="En pausa por ahora").is_visible()
    assert notice.get_by_text(
        "Tu pareja pulsó Pausa. Todo lo compartido queda en espera para las dos personas."
    ).is_visible()
    assert notice.get_by_text("La pausa termina cuando tu pareja esté lista.").is_visible()
    assert notice.get_by_role("link", name="Salida rápida").is_visible()
    assert english_on(sam) == []
    assert overflowing(sam) == []
    browsing.screenshot(sam, "partner-notice-es-mobile")

    alex.wait_for_url("**/pause/")
    alex.get_by_role("heading", name="You paused. Everything shared is on hold.").wait_for()
    alex.get_by_role("button", name="I'm ready: lift the pause").click()
    alex.wait_for_url(browsing.server.url + "/")
    alex.get_by_text("The pause is lifted.").wait_for()
    notice.wait_for(state="detached", timeout=15_000)
    sam.wait_for_function(
        "document.getElementById('live-status').textContent === 'La pausa ha terminado.'", timeout=15_000
    )
    assert alex.locator("body").get_attribute("data-pause-lifted-message") == "The pause has been lifted."
    assert navigations == [], "Sam's page reloaded instead of updating live"


# ---- A check-in, English and Spanish on two devices ----


def test_a_check_in_from_start_to_close_in_english_and_spanish(browsing, partners, languages):
    alex, sam = partners.alex, partners.sam
    open_live(alex, "/checkins/")
    alex.get_by_label("Each on our own device").check()
    alex.get_by_role("button", name="Begin now").click()
    alex.wait_for_url("**/checkins/*/")
    alex.wait_for_selector("body[data-live-state=open]", state="attached")
    open_live(sam, alex.url)

    # Ground rules, each in their own language.
    heading(alex, "First, our ground rules")
    heading(sam, "Primero, nuestras normas de la charla")
    assert "I accept these for today" in english_on(alex)  # The checkpoint does see English.
    assert english_on(sam) == []
    assert overflowing(sam) == []
    browsing.screenshot(sam, "ground-rules-es-mobile")
    sam.get_by_role("button", name="Acepto estas normas para hoy").click()
    sam.get_by_text("Ya las aceptaste. La conversación empieza cuando las dos personas las hayan aceptado.").wait_for()
    alex.get_by_role("button", name="I accept these for today").click()

    # Sam speaks first; Alex's page follows, in English.
    heading(sam, "Sam, te toca hablar")
    heading(alex, "Sam is speaking")
    assert overflowing(sam) == []
    browsing.screenshot(sam, "speaker-es-mobile")
    sam.get_by_label("Lo que quieres decir").fill("Me gustaría que eligiéramos por turnos el plan de los viernes.")
    sam.get_by_role("button", name="Compartir lo que quiero decir").click()

    heading(alex, "Alex, what did you hear?")
    alex.get_by_text("eligiéramos por turnos el plan de los viernes").wait_for()
    alex.get_by_label("What you heard").fill("You'd like us to take turns choosing Friday plans.")
    alex.get_by_role("button", name="Send my reflection").click()

    heading(sam, "Sam, ¿Alex lo entendió bien?")
    assert english_on(sam) == []
    assert overflowing(sam) == []
    browsing.screenshot(sam, "confirming-es-mobile")
    sam.get_by_role("button", name="Sí, eso es").click()

    # The roles swap: Alex speaks, Sam listens and says back, in Spanish.
    heading(alex, "Alex, your turn to speak")
    heading(sam, "Alex está hablando")
    alex.get_by_label("Your piece").fill("Fridays feel rushed and I want room to rest.")
    alex.get_by_role("button", name="Share my piece").click()
    heading(sam, "Sam, ¿qué escuchaste?")
    sam.get_by_text("Fridays feel rushed").wait_for()
    sam.get_by_label("Lo que escuchaste").fill("Los viernes se te hacen apurados y quieres tiempo para descansar.")
    assert overflowing(sam) == []
    browsing.screenshot(sam, "listener-es-mobile")
    sam.get_by_role("button", name="Enviar lo que escuché").click()
    heading(alex, "Alex, did Sam get it?")
    alex.get_by_role("button", name="Yes, that's it").click()

    heading(alex, "You've both been heard")
    heading(sam, "Ya se escucharon mutuamente")
    assert english_on(sam) == []
    sam.get_by_role("button", name="Terminar la charla").wait_for()
    assert overflowing(sam) == []
    browsing.screenshot(sam, "round-done-es-mobile")

    # Alex closes; Sam's page says so in Spanish and leads to the close.
    alex.get_by_role("button", name="Close the check-in").click()
    heading(alex, "After the check-in")
    heading(sam, "La charla ha terminado")
    sam.get_by_role("link", name="Ir al cierre").click()
    heading(sam, "Después de la charla")
    sam.get_by_text("Sentí que me escuchaban").wait_for()
    sam.get_by_text("Mi voz contó tanto como la de mi pareja").wait_for()
    assert english_on(sam) == []
    assert overflowing(sam) == []
    browsing.screenshot(sam, "closing-es-mobile")

    # Each rates privately, in their own language, and both finish together.
    sam.locator("input[name=felt_heard][value='5']").check()
    sam.locator("input[name=equal_say][value='4']").check()
    sam.get_by_role("button", name="Guardar, en privado").click()
    sam.get_by_text("Guardado en privado. Solo tú verás tus propios números.").wait_for()
    alex.locator("input[name=felt_heard][value='4']").check()
    alex.locator("input[name=equal_say][value='4']").check()
    alex.get_by_role("button", name="Save, privately").click()
    alex.get_by_text("Saved, privately. Only you will ever see your own numbers.").wait_for()

    sam.get_by_label("Algo que agradeces (tu pareja lo verá)").fill("Gracias por escucharme con calma.")
    sam.get_by_role("button", name="Compartir el agradecimiento").click()
    alex.get_by_text("Gracias por escucharme con calma.").wait_for()  # Live on Alex's closing page.
    alex.get_by_text("From Sam").wait_for()
    alex.get_by_label("A next step").fill("Sam picks this Friday, Alex the next.")
    alex.get_by_role("button", name="Write it down").click()
    sam.locator(".next-steps").get_by_text("Sam picks this Friday, Alex the next.").wait_for()  # Live for Sam.
    assert english_on(sam) == []
    assert overflowing(sam) == []
    browsing.screenshot(sam, "closing-shared-es-mobile")
    browsing.screenshot(alex, "closing-shared-en-mobile")

    checkin = CheckIn.objects.get()
    assert checkin.status == "closed" and checkin.closed_by.display_name == "Alex"
    assert sorted(Rating.objects.values_list("felt_heard", "equal_say")) == [(4, 4), (5, 4)]
