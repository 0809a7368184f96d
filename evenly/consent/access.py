from __future__ import annotations

from django.http import Http404

from evenly.accounts.models import User
from evenly.consent.models import Dialogue, Invitation
from evenly.couples.selectors import couple_context


def get_dialogue_for_user(*, viewer: User, dialogue_id: int) -> Dialogue:
    """A check-in of the viewer's current couple that has not been forgotten; 404 otherwise."""
    couple_id = couple_context(viewer=viewer).couple_id
    dialogue = Dialogue.objects.filter(pk=dialogue_id, couple_id=couple_id, erased_at__isnull=True).first()
    if couple_id is None or dialogue is None:
        raise Http404
    return dialogue


def get_invitation_for_user(*, viewer: User, invitation_id: int) -> Invitation:
    """An invitation the viewer sent or received in their current couple, not
    yet forgotten; 404 for anything else."""
    couple_id = couple_context(viewer=viewer).couple_id
    invitation = (
        Invitation.objects.filter(pk=invitation_id, couple_id=couple_id, erased_at__isnull=True)
        .filter(inviter=viewer)
        .first()
    ) or (
        Invitation.objects.filter(pk=invitation_id, couple_id=couple_id, erased_at__isnull=True)
        .filter(invitee=viewer)
        .first()
    )
    if couple_id is None or invitation is None:
        raise Http404
    return invitation
