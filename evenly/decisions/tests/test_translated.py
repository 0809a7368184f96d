"""Every state of the decision, experiment and pause pages, under the
pseudo-language of tests/translation_check.py: no visible text is left
that nobody could translate, and every string asked for is in a catalogue."""

import pytest
from django.urls import reverse

from evenly.decisions import services
from evenly.decisions.models import Option
from evenly.decisions.tests import helpers
from evenly.pause.services import pause_start
from tests.translation_check import PSEUDO, pseudo_language, untranslated_text

pytestmark = pytest.mark.django_db
# What the people wrote in the helpers, which is theirs and not translated.
WRITTEN = {"Alex", "Sam", "PRIVATE", "VIEW", "IDEA", "lights", "low", "Option", "words", "Opt", "You'd", "like"}
WRITTEN |= {"slower", "mornings", "more", "say", "in", "plans", "How", "we", "spend", "Sunday", "Tea", "first"}
WRITTEN |= {"then", "decide", "Take", "turns", "choosing", "Topic", "You", "THEN", "tea", "ENDS", "either", "says"}
WRITTEN |= {"stop", "Good", "Odd", "Surprise"}


def _mine(html):
    """The untranslated text of this app's part of the page: the layout
    around it (header, skip link, footer) belongs to the root catalogue."""
    main = html.split("<main", 1)[-1].split(">", 1)[-1].split("</main>", 1)[0]
    return untranslated_text(main, names=WRITTEN)


def _pages(alex, sam):
    fresh = services.decision_open(actor=alex, topic="Topic")
    revealed = helpers.views_revealed(alex, sam)
    understood = helpers.understood(alex, sam)
    option = services.option_add(actor=alex, decision=understood, text="Opt")
    rated = helpers.rated(alex, sam)
    agreed = helpers.agreed(alex, sam)
    set_aside = services.decision_open(actor=alex, topic="Topic")
    services.decision_set_aside(actor=alex, decision=set_aside)
    proposed = helpers.proposed(alex)
    running = helpers.running(alex, sam)
    ended = helpers.running(alex, sam)
    services.experiment_end(actor=sam, experiment=ended)
    half_signed = helpers.rated(alex, sam)
    option = Option.objects.filter(round__decision=half_signed).order_by("created_at").first()
    services.agreement_sign(actor=sam, decision=half_signed, option=option, seen_version=option.version, trial_days=7)
    kept, adjusted = helpers.agreed(alex, sam), helpers.agreed(alex, sam)
    for person in (alex, sam):
        services.review_submit(actor=person, decision=kept, level=5, next_step="keep")
    services.review_submit(actor=alex, decision=adjusted, level=2, next_step="drop")
    services.review_submit(actor=sam, decision=adjusted, level=4, next_step="keep")
    not_now, withdrawn, countered = helpers.proposed(alex), helpers.proposed(alex), helpers.proposed(alex)
    services.experiment_not_now(actor=sam, experiment=not_now)
    services.experiment_withdraw(actor=alex, experiment=withdrawn)
    services.experiment_counter(actor=sam, experiment=countered, idea="Topic", ends_when="stop", then_what="tea")
    talked = helpers.running(alex, sam)
    services.experiment_end(actor=alex, experiment=talked)
    for person in (alex, sam):
        services.debrief_write(actor=person, experiment=talked, worked="Good", didnt_work="Odd", surprised="Surprise")
    decisions = [fresh, revealed, understood, rated, agreed, set_aside, half_signed, kept, adjusted]
    experiments = [proposed, running, ended, not_now, withdrawn, countered, talked]
    return [
        reverse("decisions:index"),
        reverse("decisions:wins"),
        reverse("decisions:new"),
        reverse("decisions:experiment_new"),
        reverse("decisions:option_edit", args=[option.pk]),
        reverse("decisions:experiment_counter", args=[proposed.pk]),
        *[reverse("decisions:detail", args=[d.pk]) for d in decisions],
        *[f"{reverse('decisions:live', args=[d.pk])}?seen=0" for d in decisions],
        *[reverse("decisions:experiment", args=[e.pk]) for e in experiments],
    ]


def test_every_state_of_these_pages_is_translated(alex, sam, client_for):
    with pseudo_language():
        for person in (alex, sam):
            person.language = PSEUDO
            person.save(update_fields=["language"])
        pages = _pages(alex, sam)
        untranslated = []
        for person in (alex, sam):
            client = client_for(person)
            for url in pages:
                response = client.get(url)
                assert response.status_code in (200, 302, 403), url  # some steps are only the other partner's
                untranslated += [f"{url}: {t}" for t in _mine(response.content.decode())]
        pause_start(actor=alex)
        for person, url in ((alex, reverse("pause:page")), (sam, reverse("pause:layer"))):
            response = client_for(person).get(url)
            untranslated += [f"{url}: {t}" for t in _mine(response.content.decode())]
    assert not untranslated, "\n".join(sorted(set(untranslated)))
