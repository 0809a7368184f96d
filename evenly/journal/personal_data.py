"""Export and erase: the person's own journal and tender topics. Everything
here is authored by them, so deleting the account removes it by cascade."""

from __future__ import annotations

from evenly.accounts.models import User


def export(user: User) -> dict[str, object]:
    from evenly.journal.models import Entry, TenderTopic

    return {
        "journal_entries": [
            {
                "written_at": e.created_at.isoformat(),
                "text": e.text,
                "feelings": e.labels,
                "what_i_noticed_in_my_body": e.body,
                "what_it_touched_from_my_past": e.past,
                "what_i_need": e.need,
            }
            for e in Entry.objects.filter(author=user).order_by("created_at", "id")
        ],
        "tender_topics": [
            {"topic": t.topic, "note": t.note, "who_sees_it": t.sharing}
            for t in TenderTopic.objects.filter(author=user).order_by("created_at", "id")
        ],
    }


def register_all() -> None:
    from evenly.core.personal_data import register

    register(name="journal", export=export)
