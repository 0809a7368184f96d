"""One access helper per object: missing and not-yours are the same 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from evenly.couples.selectors import Partnership
from evenly.rituals.models import Ritual, Status


def get_ritual_for_user(*, partnership: Partnership, ritual_id: int) -> Ritual:
    return get_object_or_404(Ritual.objects.exclude(status=Status.ENDED), pk=ritual_id, couple_id=partnership.couple_id)
