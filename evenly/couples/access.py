from __future__ import annotations

from django.http import Http404

from evenly.accounts.models import User
from evenly.couples.models import Invite


def get_invite_for_user(*, viewer: User, invite_id: int) -> Invite:
    """An invitation of the viewer's current couple; 404 for anything else."""
    invite = Invite.objects.filter(
        pk=invite_id, couple__memberships__user=viewer, couple__memberships__left_at__isnull=True
    ).first()
    if invite is None:
        raise Http404
    return invite
