"""How long a text may be: one check, used by every service, so a text that a
form would refuse is refused the same way when it arrives by any other path.
Each app keeps its own sizes beside its model; this is the one rule."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from evenly.core.errors import ServiceError


def check_length(value: str, *, limit: int, message: str | None = None) -> str:
    """`value` when it fits in `limit` characters; otherwise a ServiceError
    with `message` (or a plain "keep it under N characters")."""
    if len(value) > limit:
        shown = number_format(limit, force_grouping=True)
        raise ServiceError(message or _("Please keep it under %(limit)s characters.") % {"limit": shown})
    return value
