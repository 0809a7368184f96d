from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from evenly.accounts.models import User
from evenly.consent.models import Dialogue, Invitation
from evenly.couples.selectors import CoupleContext


def get_dialogue_for_user(*, context: CoupleContext, dialogue_id: int) -> Dialogue:
    """A check-in of the viewer's current couple that is still open; 404 otherwise.
    Once it ends, its answers are never shown again, even before they are erased."""
    couple_id = context.couple_id
    if couple_id is None:
        raise Http404
    dialogue = Dialogue.objects.filter(
        pk=dialogue_id, couple_id=couple_id, erased_at__isnull=True, ends_at__gt=timezone.now()
    ).first()
    if dialogue is None:
        raise Http404
    return dialogue


def get_invitation_for_user(*, viewer: User, context: CoupleContext, invitation_id: int) -> Invitation:
    """An invitation the viewer sent or received in their current couple, not
    yet forgotten; 404 for anything else."""
    couple_id = context.couple_id
    if couple_id is None:
        raise Http404
    invitation = (
        Invitation.objects.filter(pk=invitation_id, couple_id=couple_id, forgotten=False)
        .filter(Q(inviter=viewer) | Q(invitee=viewer))
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation
