"""Export and erase for consent: only what still exists (forgotten content is
gone for good), and only what the person wrote or did themselves. An
invitation's answer belongs to the partner who gave it, so the inviter's
export never says how an invitation was answered, at any time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from evenly.accounts.models import User

if TYPE_CHECKING:
    from evenly.consent.models import Invitation


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
                "sent_at": i.created_at.isoformat(),
                "from": i.starts_at.isoformat(),
                "until": i.ends_at.isoformat(),
                "i_withdrew_it": i.withdrawn_by_id == user.pk,
                "content_forgotten": i.forgotten,
            }
            for i in Invitation.objects.filter(inviter=user).order_by("created_at")
        ],
        # Their own answers only, while they still exist: what the invitation
        # said was written by the partner, and a withdrawal by the partner is theirs.
        "invitations_answered": [
            {"my_answer": answer, "my_conditions": i.conditions}
            for i in Invitation.objects.filter(invitee=user).order_by("created_at")
            if (answer := _own_answer(i, user)) is not None
        ],
    }


def _own_answer(invitation: Invitation, user: User) -> str | None:
    from evenly.consent.models import DECLINES, YES_OUTCOMES, Outcome

    if invitation.outcome in (*YES_OUTCOMES, *DECLINES):
        return str(invitation.outcome)
    if invitation.outcome == Outcome.WITHDRAWN and invitation.withdrawn_by_id == user.pk:
        return "withdrew my yes"
    return None


def erase(user: User) -> None:
    """Everything they sent goes entirely, forgotten or not, and so does every
    invitation that still holds their answer. A forgotten invitation their
    partner sent them holds nothing of theirs and stays the partner's."""
    from evenly.consent.models import ConsentSettings, Cooldown, DialogueAnswer, Invitation, Signal
    from evenly.couples.models import Membership

    DialogueAnswer.objects.filter(author=user).delete()
    Signal.objects.filter(user=user).delete()
    Invitation.objects.filter(inviter=user).delete()
    Invitation.objects.filter(invitee=user).delete()
    # A cool-down their "no" started for their partner would outlive them.
    Cooldown.objects.filter(couple_id__in=Membership.objects.filter(user=user).values("couple_id")).delete()
    ConsentSettings.objects.filter(user=user).delete()


def register_all() -> None:
    from evenly.core.personal_data import register

    register(name="consent", export=export, erase=erase)
