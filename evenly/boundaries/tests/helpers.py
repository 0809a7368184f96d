from __future__ import annotations

from evenly.boundaries import services
from evenly.boundaries.models import Boundary, Kind


def entry(user, item: int | None = 103, *, kind: str = Kind.ENJOY, shared: bool = False, **extra) -> Boundary:
    if item is None:
        extra.setdefault("area", "touch")
    return services.boundary_add(actor=user, kind=kind, catalogue_item_id=item, share=shared, **extra)
