"""Export and erase: resources the person saved or shared. The safety check
stores nothing, so there is nothing of it to export or erase."""

from __future__ import annotations

from evenly.accounts.models import User


def export(user: User) -> dict[str, object]:
    from evenly.healing.catalogue import RESOURCES
    from evenly.healing.models import SavedResource

    return {
        "saved_resources": [
            {
                "resource": str(RESOURCES[s.resource_key].title) if s.resource_key in RESOURCES else s.resource_key,
                "shared_with_partner": s.is_shared,
                "note": s.note,
            }
            for s in SavedResource.objects.filter(author=user)
        ]
    }


def register_all() -> None:
    from evenly.core.personal_data import register

    register(name="resources", export=export)
