"""Demo data for agreements, written through the real services.

Each couple gets signed shared values and a signed pact, a few repair
statements (one shared), and one past timeout whose follow-up is waiting on
the check-in agenda.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from evenly.accounts.language import speaking
from evenly.accounts.models import User
from evenly.agreements import services
from evenly.agreements.forms import TOUCHSTONES
from evenly.agreements.models import FollowUp, Timeout, Version
from evenly.core.models import Notification, NotificationKind
from evenly.pause.models import Pause
from evenly.pause.services import pause_lift

# The fixed words are marked here and translated as each partner writes them.
COUPLES = [
    (
        "alex",
        "sam",
        gettext_noop("We slow down when one of us is unsure, and we check in after."),
        gettext_noop("We each go to a different room, breathe, and don't message about it."),
        gettext_noop("Whoever took the timeout comes back and says one kind thing first."),
        [
            gettext_noop("I'm sorry I raised my voice. I want to hear you properly."),
            gettext_noop("Can we start that again, more slowly?"),
        ],
        [
            gettext_noop("It helps me when you sit next to me before we talk again."),
            gettext_noop("I still love you, even when we disagree."),
        ],
    ),
    (
        "jordan",
        "riley",
        gettext_noop("Either of us can say no at any point, and the other says thank you."),
        gettext_noop("A walk or a shower, and a glass of water. No decisions while upset."),
        gettext_noop("We meet in the kitchen and each say how we're doing, in one sentence."),
        [gettext_noop("I got defensive, and I'd like to try again.")],
        [gettext_noop("I needed a moment, and I'm back now."), gettext_noop("Thank you for giving me space.")],
    ),
]


def seed_agreements(users: dict[str, User]) -> None:
    for first_key, second_key, own_words, during, ending, first_repairs, second_repairs in COUPLES:
        first, second = users[first_key], users[second_key]
        if Version.objects.filter(proposed_by__in=[first, second]).exists():
            continue
        # Each partner writes in their own language (Riley's may be Spanish).
        with speaking(first):
            values = services.values_propose(
                actor=first, touchstones=[str(t) for t in TOUCHSTONES[:3]], words=_(own_words)
            )
        services.version_sign(actor=second, version=values)
        with speaking(second):
            pact = services.pact_propose(
                actor=second, timeout_minutes=20, during=_(during), ending=_(ending), follow_up="next_day"
            )
        services.version_sign(actor=first, version=pact)
        with speaking(first):
            for index, text in enumerate(first_repairs):
                services.repair_add(actor=first, text=_(text), share=index == 0)
        with speaking(second):
            for text in second_repairs:
                services.repair_add(actor=second, text=_(text), share=False)

        # A timeout taken a few days ago, ended, its follow-up now on the agenda.
        timeout = services.timeout_take(actor=first)
        pause = timeout.pause
        pause_lift(actor=first, pause=pause)
        started = timezone.now() - timedelta(days=3, hours=1)
        ends = started + timedelta(minutes=timeout.minutes)
        Pause.objects.filter(pk=pause.pk).update(started_at=started, lifted_at=ends, revisit_at=ends)
        Timeout.objects.filter(pk=timeout.pk).update(ends_at=ends)
        FollowUp.objects.filter(couple_id=pause.couple_id, landed_at__isnull=True).update(
            due_at=started + timedelta(days=1), landed_at=started + timedelta(days=1)
        )
        # Signed long ago: nothing is waiting to be looked at.
        Notification.objects.filter(user__in=[first, second], kind=NotificationKind.AGREEMENT_PROPOSED).delete()
