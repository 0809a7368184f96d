"""Export and erase for consent: only what still exists (forgotten content is
gone for good), and only what the person wrote themselves or what is about
them alone."""

from __future__ import annotations

from evenly.accounts.models import User


def export(user: User) -> dict[str, object]:
    from evenly.consent.models import ConsentSettings, DialogueAnswer, Invitation, Signal

    settings_row = ConsentSettings.objects.filter(user=user).first()
    return {
        "pace": {
            "slower_pace": settings_row.slower_pace if settings_row else False,
            "cooldown_hours": settings_row.cooldown_hours if settings_row else 24,
        },
        "signals": [
            {"colour": s.colour, "set_at": s.set_at.isoformat(), "lapses_at": s.lapses_at.isoformat()}
            for s in Signal.objects.filter(user=user).order_by("set_at")
        ],
        "tonight_answers": [
            {
                "check_in": a.dialogue_id,
                "what_would_feel_good": a.feels_good,
                "what_would_break_trust": a.breaks_trust,
                "limits_in_place": a.limits,
                "signal": a.colour,
                "answered_at": a.answered_at.isoformat(),
            }
            for a in DialogueAnswer.objects.filter(author=user).order_by("answered_at")
        ],
        "invitations_sent": [
            {
                "catalogue_items": i.item_ids,
                "own_words": i.what_words,
                "note": i.note,
                "from": i.starts_at.isoformat(),
                "until": i.ends_at.isoformat(),
                "outcome": i.outcome,
                "content_forgotten": i.erased_at is not None,
            }
            for i in Invitation.objects.filter(inviter=user).order_by("created_at")
        ],
        "invitations_answered": [
            # Their own answer only: what the invitation said was written by the partner.
            {"outcome": i.outcome, "my_conditions": i.conditions, "content_forgotten": i.erased_at is not None}
            for i in Invitation.objects.filter(invitee=user).exclude(outcome="open").order_by("created_at")
        ],
    }


def erase(user: User) -> None:
    from evenly.consent.models import ConsentSettings, DialogueAnswer, Invitation, Signal

    DialogueAnswer.objects.filter(author=user).delete()
    Signal.objects.filter(user=user).delete()
    Invitation.objects.filter(inviter=user).delete()
    Invitation.objects.filter(invitee=user).delete()
    ConsentSettings.objects.filter(user=user).delete()


def register_all() -> None:
    from evenly.core.personal_data import register

    register(name="consent", export=export, erase=erase)
