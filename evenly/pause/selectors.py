from __future__ import annotations

from dataclasses import dataclass

from evenly.accounts.models import User
from evenly.core.errors import ServiceError
from evenly.pause.models import Pause


@dataclass(frozen=True)
class PauseState:
    mine: Pause | None
    partners: Pause | None

    @property
    def is_paused(self) -> bool:
        return self.mine is not None or self.partners is not None


def pause_state(*, viewer: User, couple_id: int | None) -> PauseState:
    if couple_id is None:
        return PauseState(mine=None, partners=None)
    active = list(Pause.objects.filter(couple_id=couple_id, lifted_at__isnull=True))
    mine = next((p for p in active if p.paused_by_id == viewer.pk), None)
    partners = next((p for p in active if p.paused_by_id != viewer.pk), None)
    return PauseState(mine=mine, partners=partners)


def pause_count(*, couple_id: int) -> int:
    """How many pauses the couple took, for the balance view. Never per
    partner: who paused is forgotten once a pause is over."""
    return Pause.objects.filter(couple_id=couple_id).count()


def refuse_while_paused(*, actor: User, couple_id: int, refusal: str) -> None:
    """Shared flows stand still while either partner has paused."""
    if pause_state(viewer=actor, couple_id=couple_id).is_paused:
        raise ServiceError(refusal)
