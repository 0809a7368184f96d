"""Export and erase: only what the person wrote or gave themselves."""

from __future__ import annotations

from evenly.accounts.models import User


def export(user: User) -> dict[str, object]:
    from evenly.checkins.models import (
        AgendaItem,
        Appreciation,
        GroundRule,
        Moment,
        NextStep,
        ParkedTopic,
        Rating,
        Utterance,
    )

    return {
        "moments": [
            {
                "happened_on": m.happened_on.isoformat(),
                "leaning": m.leaning,
                "what_happened": m.what_happened,
                "feelings": m.feeling_labels,
                "trust_impact": m.trust_impact,
                "desire_impact": m.desire_impact,
                "cues": m.cues,
                "visibility": m.visibility,
            }
            for m in Moment.objects.filter(author=user).order_by("happened_on", "id")
        ],
        "agenda_topics": [
            {"text": a.text, "added_at": a.created_at.isoformat()}
            for a in AgendaItem.objects.filter(author=user, kind="topic").order_by("created_at")
        ],
        "parked_topics": [
            {"text": p.text, "at": p.created_at.isoformat()} for p in ParkedTopic.objects.filter(author=user)
        ],
        "ground_rules_last_edited_by_me": [r.text for r in GroundRule.objects.filter(edited_by=user)],
        "what_i_said_in_check_ins": [
            {
                "checkin_id": u.checkin_id,
                "kind": u.kind,
                "said_aloud": u.said_aloud,
                "text": u.text,
                "at": u.created_at.isoformat(),
            }
            for u in Utterance.objects.filter(author=user).order_by("created_at", "id")
        ],
        "my_ratings": [
            {"checkin_id": r.checkin_id, "felt_heard": r.felt_heard, "equal_say": r.equal_say}
            for r in Rating.objects.filter(rater=user)
        ],
        "my_appreciations": [
            {"checkin_id": a.checkin_id, "text": a.text} for a in Appreciation.objects.filter(author=user)
        ],
        "next_steps_i_wrote": [
            {"checkin_id": n.checkin_id, "text": n.text} for n in NextStep.objects.filter(author=user)
        ],
    }


def erase(user: User) -> None:
    """Authored rows go with the user by cascade; shared ground rules the
    person last edited are removed so none of their words remain."""
    from evenly.checkins.models import GroundRule

    GroundRule.objects.filter(edited_by=user).delete()


def register_all() -> None:
    from evenly.core.personal_data import register

    register(name="checkins", export=export, erase=erase)
