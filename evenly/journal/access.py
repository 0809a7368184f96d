"""One helper per object: "missing" and "not yours" are the same 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from evenly.accounts.models import User
from evenly.journal.models import Entry, TenderTopic


def get_own_entry(*, viewer: User, entry_id: int) -> Entry:
    return get_object_or_404(Entry.objects.filter(author=viewer), pk=entry_id)


def get_own_tender_topic(*, viewer: User, topic_id: int) -> TenderTopic:
    return get_object_or_404(TenderTopic.objects.filter(author=viewer), pk=topic_id)
