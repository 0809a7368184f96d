"""Export and erase: the rituals a person proposed, their feed's settings and
the appreciations they wrote. Never what the partner wrote."""

from __future__ import annotations

from evenly.accounts.models import User


def export(user: User) -> dict[str, object]:
    from evenly.rituals.models import Appreciation, CalendarFeed, Ritual

    feed = CalendarFeed.objects.filter(user=user).first()
    return {
        "rituals_i_proposed": [
            {
                "name": r.name,
                "about": r.about,
                "kind": r.kind,
                "how_often": r.frequency,
                "weekday": r.weekday,
                "week_of_month": r.week_of_month,
                "day_of_month": r.day_of_month,
                "at": r.at.isoformat(),
                "status": r.status,
            }
            for r in Ritual.objects.filter(proposed_by=user).order_by("created_at")
        ],
        "calendar_feed": {"on": True, "title": feed.title} if feed else {"on": False},
        "appreciations_i_wrote": [
            {"text": a.text, "at": a.created_at.isoformat()}
            for a in Appreciation.objects.filter(author=user).order_by("created_at")
        ],
    }


def erase(user: User) -> None:
    from evenly.rituals.models import Ritual

    # A ritual is the couple's; the words its proposer chose go with them.
    Ritual.objects.filter(proposed_by=user).update(name="", about="")
