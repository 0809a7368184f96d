"""One access helper per object: missing and not-yours are the same 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from evenly.accounts.models import User
from evenly.agreements.models import FollowUp, RepairSent, RepairStatement, Timeout, Version
from evenly.couples.selectors import Partnership


def get_version_for_user(*, partnership: Partnership, version_id: int) -> Version:
    return get_object_or_404(Version.objects.filter(couple_id=partnership.couple_id), pk=version_id)


def get_own_repair(*, viewer: User, statement_id: int) -> RepairStatement:
    """Only its author can change, send or delete a repair statement."""
    return get_object_or_404(RepairStatement.objects.filter(author=viewer), pk=statement_id)


def get_received_repair(*, viewer: User, partnership: Partnership, sent_id: int) -> RepairSent:
    queryset = RepairSent.objects.select_related("statement").filter(couple_id=partnership.couple_id)
    return get_object_or_404(queryset.exclude(statement__author=viewer), pk=sent_id)


def get_timeout_for_user(*, partnership: Partnership, timeout_id: int) -> Timeout:
    queryset = Timeout.objects.select_related("pause", "pause__couple").filter(
        pause__couple_id=partnership.couple_id, pause__lifted_at__isnull=True
    )
    return get_object_or_404(queryset, pk=timeout_id)


def get_follow_up_for_user(*, partnership: Partnership, follow_up_id: int) -> FollowUp:
    return get_object_or_404(FollowUp.objects.filter(couple_id=partnership.couple_id), pk=follow_up_id)
