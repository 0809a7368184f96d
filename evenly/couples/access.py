from __future__ import annotations

from django.http import Http404

from evenly.accounts.models import User
from evenly.couples.models import Invite
from evenly.couples.selectors import CoupleContext, Partnership


def partnership_or_404(ctx: CoupleContext | None) -> Partnership:
    """The viewer's couple with both partners present, or 404: shared pages
    don't exist for someone without a partner."""
    partnership = ctx.partnership if ctx is not None else None
    if partnership is None:
        raise Http404
    return partnership


def get_invite_for_user(*, viewer: User, invite_id: int) -> Invite:
    """An invitation of the viewer's current couple; 404 for anything else."""
    invite = Invite.objects.filter(
        pk=invite_id, couple__memberships__user=viewer, couple__memberships__left_at__isnull=True
    ).first()
    if invite is None:
        raise Http404
    return invite
