"""Export and erase: the versions a person proposed and their own repair
statements. Never the partner's statements, shared or not."""

from __future__ import annotations

from evenly.accounts.models import User


def export(user: User) -> dict[str, object]:
    from evenly.agreements.models import RepairStatement, Signature, Version

    return {
        "versions_i_proposed": [
            {
                "kind": v.kind,
                "status": v.status,
                "values": v.statement,
                "timeout_minutes": v.timeout_minutes,
                "during_a_timeout": v.during,
                "how_a_timeout_ends": v.ending,
                "follow_up": v.follow_up,
                "proposed_at": v.created_at.isoformat(),
            }
            for v in Version.objects.filter(proposed_by=user).order_by("created_at", "id")
        ],
        "versions_i_agreed_to": [
            {"version_id": s.version_id, "at": s.signed_at.isoformat()}
            for s in Signature.objects.filter(user=user).order_by("signed_at", "id")
        ],
        "my_repair_statements": [
            {"text": r.text, "shared": r.is_shared, "written_at": r.created_at.isoformat()}
            for r in RepairStatement.objects.filter(author=user)
        ],
    }


def erase(user: User) -> None:
    from evenly.agreements.models import RepairStatement, Version

    RepairStatement.objects.filter(author=user).delete()
    Version.objects.filter(proposed_by=user).update(statement="", during="", ending="")
