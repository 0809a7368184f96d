"""Demo data for the journal: Alex's entries over a few months, a tender
topic Alex shares as "go gently", and a resource Sam saved. Idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from evenly.accounts.language import speaking
from evenly.accounts.models import User
from evenly.healing import services as healing
from evenly.journal import services
from evenly.journal.models import Entry, Sharing, TenderTopic

ALEX_ENTRIES = [
    (
        5,
        gettext_noop("Dinner felt easy tonight. We laughed about the film choice instead of arguing about it."),
        ["calm", "close"],
        [],
    ),
    (
        12,
        gettext_noop("I said yes to the weekend plan before I knew what I wanted. Noticed it an hour later."),
        ["tense", "small"],
        [],
    ),
    (
        34,
        gettext_noop("Talked about money again. I went quiet and my jaw was tight the whole time."),
        ["anxious", "tense"],
        ["🫤"],
    ),
    (41, gettext_noop("A good check-in. I felt listened to when I asked for more time."), ["hopeful", "grateful"], []),
    (63, gettext_noop("Tired after work and didn't have it in me to talk. That's allowed."), ["tired", "calm"], []),
    (
        70,
        gettext_noop("Old stuff came up when voices got louder. Not about Sam, really."),
        ["scared", "tense"],
        [gettext_noop("heavy")],
    ),
    (95, gettext_noop("Tried the slower evening idea. Liked it more than I expected."), ["curious", "at_ease"], []),
]


def seed_journal(users: dict[str, User]) -> None:
    alex, sam = users["alex"], users["sam"]
    # Each author writes in their own language.
    with speaking(alex):
        if not Entry.objects.filter(author=alex).exists():
            for days_ago, text, feelings, own in ALEX_ENTRIES:
                entry = services.entry_create(
                    actor=alex,
                    text=gettext(text),
                    feelings=feelings,
                    own_words=[gettext(word) for word in own],
                    body=gettext("Shoulders up, breath short.") if "tense" in feelings else "",
                    need=gettext("A minute before answering.") if "small" in feelings else "",
                )
                Entry.objects.filter(pk=entry.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
        if not TenderTopic.objects.filter(author=alex).exists():
            services.tender_topic_add(
                actor=alex,
                topic=gettext("money, raised voices"),
                note=gettext("Raised voices take me back to growing up; I go quiet and can't think."),
                sharing=Sharing.GENTLY,
            )
            services.tender_topic_add(
                actor=alex, topic=gettext("my father"), note=gettext("Not ready to share this yet.")
            )
    healing.resource_save(actor=sam, key="come-as-you-are")
    healing.resource_save(actor=alex, key="hold-me-tight")
