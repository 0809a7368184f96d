from __future__ import annotations

from evenly.core.models import AuditEvent, AuditKind


def audit_record(*, user_id: int, kind: AuditKind, detail: str = "") -> AuditEvent:
    return AuditEvent.objects.create(user_id=user_id, kind=kind, detail=detail[:80])
