"""Demo data for consent: a current signal for everyone, an open invitation in
each couple, and a slower pace for Riley."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from evenly.accounts.language import speaking
from evenly.accounts.models import User
from evenly.consent import services
from evenly.consent.models import Colour, Invitation, Signal
from evenly.consent.selectors import current_signal
from evenly.core.errors import ServiceError


def seed_consent(users: dict[str, User]) -> None:
    colours = {"alex": Colour.GREEN, "sam": Colour.YELLOW, "jordan": Colour.GREEN, "riley": Colour.GREEN}
    for key, colour in colours.items():
        user = users[key]
        if current_signal(user_id=user.pk, couple_id=_couple_id(user)) is None:
            Signal.objects.filter(user=user, ended_at__isnull=True).update(ended_at=timezone.now())
            services.signal_set(actor=user, colour=colour)
    start = (timezone.now() + timedelta(days=1)).replace(hour=19, minute=0, second=0, microsecond=0)
    invitations = [("alex", [101, 105], gettext_noop("A slow evening with music on")), ("riley", [102], "")]
    for key, items, words in invitations:
        user = users[key]
        if Invitation.objects.filter(inviter=user, ends_at__gt=timezone.now()).exists():
            continue
        try:
            # The inviter writes in their own language.
            with speaking(user):
                services.invitation_create(
                    actor=user,
                    item_ids=items,
                    words=gettext(words) if words else "",
                    note="",
                    starts_at=start,
                    ends_at=start + timedelta(hours=3),
                )
        except ServiceError:
            continue  # e.g. the other demo person marked it a hard limit: the guard holds in the demo too.
    # Riley invited Jordan, and would like no invitations herself for a while.
    services.consent_settings_update(actor=users["riley"], slower_pace=True, cooldown_hours=24)


def _couple_id(user: User) -> int | None:
    from evenly.couples.selectors import couple_context

    return couple_context(viewer=user).couple_id
