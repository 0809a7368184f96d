"""The demo couple uses the journal: entries over months, a gentle topic, a saved resource."""

from __future__ import annotations

from evenly.healing.models import SavedResource
from evenly.journal.demo import seed_journal
from evenly.journal.models import Entry, TenderTopic
from evenly.journal.selectors import partners_tender_topics, patterns_for


def test_the_demo_fills_the_journal_once(alex, sam):
    from evenly.couples.selectors import couple_context

    seed_journal({"alex": alex, "sam": sam})
    seed_journal({"alex": alex, "sam": sam})
    assert Entry.objects.filter(author=alex).count() == 7
    months = {e.created_at.month for e in Entry.objects.filter(author=alex)}
    assert len(months) >= 3
    assert not patterns_for(viewer=alex).is_empty
    shown = partners_tender_topics(viewer=sam, partnership=couple_context(viewer=sam).partnership)
    assert [t.sharing for t in shown] == ["gently"]
    assert TenderTopic.objects.filter(author=alex).count() == 2
    assert SavedResource.objects.filter(author=sam, visibility="private").exists()
