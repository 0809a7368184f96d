"""Export and erase: the rituals a person proposed, their feed's settings, the
appreciations and desire-log entries they wrote and their own answers. Never
what the partner wrote. Entries, answers, appreciations and the feed go with
the account by cascade."""

from __future__ import annotations

from evenly.accounts.models import User


def export(user: User) -> dict[str, object]:
    from evenly.rituals.models import Appreciation, CalendarFeed, DesireEntry, DesireResponse, Ritual

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
        "my_desire_log": [
            {
                "kind": e.kind,
                "from_the_list": e.item.title if e.item else None,
                "words": e.text,
                "shared": e.is_shared,
                "at": e.created_at.isoformat(),
            }
            for e in DesireEntry.objects.filter(author=user).order_by("created_at")
        ],
        # Only the answer: the entry it answers is the partner's.
        "my_answers_to_shared_entries": [
            {"answer": r.answer, "at": r.created_at.isoformat()}
            for r in DesireResponse.objects.filter(responder=user).order_by("created_at")
        ],
    }


def erase(user: User) -> None:
    from evenly.rituals.models import Ritual

    # A ritual is the couple's; the words its proposer chose go with them.
    Ritual.objects.filter(proposed_by=user).update(name="", about="")
