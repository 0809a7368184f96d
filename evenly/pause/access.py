from __future__ import annotations

from django.http import Http404

from evenly.accounts.models import User
from evenly.pause.models import Pause


def get_own_active_pause(*, viewer: User) -> Pause:
    """The viewer's own open pause; 404 when there is none."""
    pause = Pause.objects.select_related("couple").filter(paused_by=viewer, lifted_at__isnull=True).first()
    if pause is None:
        raise Http404
    return pause
