from __future__ import annotations

import functools
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Model

from evenly.accounts.models import User
from evenly.core.errors import ServiceError
from evenly.couples.models import Couple, Invite, Membership


@dataclass(frozen=True)
class CoupleContext:
    """Where a person stands: their active couple (if any), their seat in it and
    their partner. Resolved once per request (see `evenly.couples.middleware`)."""

    couple: Couple | None
    partner: User | None
    seat: int | None = None
    # Whether a pause was running when the context was read (None: not read).
    # Only for showing the pause layer; services always check afresh.
    has_active_pause: bool | None = None
    # The running pauses as read with the context (the viewer's, the
    # partner's), for the pause layer only; services always read afresh.
    pauses: tuple[Any, Any] | None = None
    # The id and sealed words of the couple's current shared values, opened
    # only when the pause notice shows them (evenly.agreements).
    sealed_values: tuple[int, str] | None = None

    @property
    def couple_id(self) -> int | None:
        return self.couple.pk if self.couple else None

    @property
    def is_partnered(self) -> bool:
        return self.partner is not None

    @property
    def zone(self) -> ZoneInfo | None:
        """The couple's time zone, the one every page of theirs shows and reads."""
        return couple_zone(self.couple) if self.couple else None

    @property
    def partnership(self) -> Partnership | None:
        if self.couple is None or self.partner is None:
            return None
        return Partnership(couple=self.couple, partner=self.partner)


@dataclass(frozen=True)
class Partnership:
    """A couple with both partners present: what every shared feature needs."""

    couple: Couple
    partner: User

    @property
    def couple_id(self) -> int:
        return self.couple.pk


def couple_zone(couple: Couple) -> ZoneInfo:
    try:
        return ZoneInfo(couple.timezone)
    except (ValueError, KeyError):  # a name that was valid once and no longer is
        return ZoneInfo("UTC")


def partnership_for(*, actor: User, refusal: str, couple_id: int | None = None) -> Partnership:
    """The actor's couple and partner (read once per request), or a ServiceError
    with the feature's own words when there is no partner to do this with, or
    when `couple_id` is given and is not the actor's couple."""
    partnership = couple_context(viewer=actor).partnership
    if partnership is None or (couple_id is not None and partnership.couple_id != couple_id):
        raise ServiceError(refusal)
    return partnership


def active_membership(*, viewer: User) -> Membership | None:
    return Membership.objects.select_related("couple").filter(user=viewer, left_at__isnull=True).first()


# The contexts resolved during the current request, by user id. Set by the
# middleware for the length of one request only, so code outside a request
# (tasks, commands, tests calling services) always reads the database.
_resolved: ContextVar[dict[int, CoupleContext] | None] = ContextVar("evenly_couple_contexts", default=None)


# One statement for the whole context: both active memberships of the
# viewer's couple, each with its couple, its person, that person's running
# pause and the pause's timer. Written once per process from the models'
# own columns and read with their own converters, because it runs on every
# request and building it through the ORM each time cost more than the query.
_CONTEXT_TABLES = ("m", "c", "u", "p", "t")


@functools.cache
def _context_statement(vendor: str) -> tuple[str, list[tuple[type[Model], list[str], list[list[Any]], slice]]]:
    from django.db import connection

    from evenly.agreements.models import Timeout, Version
    from evenly.pause.models import Pause

    models_by_alias: dict[str, type[Model]] = {"m": Membership, "c": Couple, "u": User, "p": Pause, "t": Timeout}
    q = connection.ops.quote_name
    columns: list[str] = []
    readers = []
    for alias in _CONTEXT_TABLES:
        model = models_by_alias[alias]
        fields = list(model._meta.concrete_fields)
        start = len(columns)
        columns += [f"{alias}.{connection.ops.quote_name(str(f.column))}" for f in fields]
        converters = [
            connection.ops.get_db_converters(f.get_col(alias)) + f.get_col(alias).get_db_converters(connection)
            for f in fields
        ]
        readers.append((model, [f.attname for f in fields], converters, slice(start, len(columns))))
    q = connection.ops.quote_name
    # The couple's shared values, still sealed: the pause notice shows them.
    columns += [f"v.{q('id')}", f"v.{q('statement')}"]
    # Only model table and column names go into the text; values are parameters.
    sql = (
        f"SELECT {', '.join(columns)} FROM {q(Membership._meta.db_table)} m"  # noqa: S608
        f" JOIN {q(Couple._meta.db_table)} c ON c.{q('id')} = m.{q('couple_id')}"
        f" JOIN {q(User._meta.db_table)} u ON u.{q('id')} = m.{q('user_id')}"
        f" LEFT JOIN {q(Pause._meta.db_table)} p ON p.{q('couple_id')} = m.{q('couple_id')}"
        f" AND p.{q('paused_by_id')} = m.{q('user_id')} AND p.{q('lifted_at')} IS NULL"
        f" LEFT JOIN {q(Timeout._meta.db_table)} t ON t.{q('pause_id')} = p.{q('id')}"
        f" LEFT JOIN {q(Version._meta.db_table)} v ON v.{q('couple_id')} = m.{q('couple_id')}"
        f" AND v.{q('kind')} = %s AND v.{q('status')} = %s"
        f" WHERE m.{q('left_at')} IS NULL AND m.{q('couple_id')} IN"
        f" (SELECT {q('couple_id')} FROM {q(Membership._meta.db_table)}"
        f" WHERE {q('user_id')} = %s AND {q('left_at')} IS NULL)"
    )
    return sql, readers


def _read_context_rows(viewer_id: int) -> list[tuple[Any, ...]]:
    from django.db import connection

    from evenly.agreements.models import Kind, Status

    sql, readers = _context_statement(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [Kind.VALUES.value, Status.CURRENT.value, viewer_id])
        rows = cursor.fetchall()
    out = []
    for row in rows:
        objects: list[Model | None] = []
        for model, attnames, converters, columns in readers:
            values = list(row[columns])
            if values[0] is None:  # the LEFT JOINs found nothing
                objects.append(None)
                continue
            for index, (value, chain) in enumerate(zip(values, converters, strict=True)):
                for convert in chain:
                    value = convert(value, None, connection)
                values[index] = value
            objects.append(model.from_db(connection.alias, attnames, values))
        out.append((*objects, row[-2:]))
    return out


@dataclass(frozen=True)
class _Resolved:
    context: CoupleContext
    viewer: User | None  # the viewer's own row, read with the context


def _resolve(viewer_id: int) -> _Resolved:
    own_row = other_row = None
    sealed_values = None
    for membership, couple, person, pause, timeout, values in _read_context_rows(viewer_id):
        sealed_values = values if values[0] is not None else None
        membership._state.fields_cache["couple"] = couple  # type: ignore[union-attr]
        membership._state.fields_cache["user"] = person  # type: ignore[union-attr]
        if pause is not None:
            pause._state.fields_cache["timeout"] = timeout  # read with the pause, as pause_state does
        if membership.user_id == viewer_id:  # type: ignore[union-attr]
            own_row = (membership, person, pause)
        else:
            other_row = (membership, person, pause)
    if own_row is None:
        return _Resolved(CoupleContext(couple=None, partner=None), None)
    membership, person, own_pause = own_row
    partners_pause = other_row[2] if other_row else None
    context = CoupleContext(
        couple=membership.couple,  # type: ignore[union-attr]
        partner=other_row[1] if other_row else None,  # type: ignore[arg-type]
        seat=membership.seat,  # type: ignore[union-attr]
        has_active_pause=own_pause is not None or partners_pause is not None,
        pauses=(own_pause, partners_pause),
        sealed_values=sealed_values,
    )
    return _Resolved(context, person)  # type: ignore[arg-type]


def resolve_couple_context(*, viewer: User) -> CoupleContext:
    """Both active memberships of the viewer's couple, with the couple, both
    people and the pauses running, in one query."""
    return _resolve(viewer.pk).context


def viewer_with_context(user_id: int) -> User | None:
    """The signed-in person's own row, read in the same query as their couple
    context, which rides on the row until the request takes it up (see
    `take_read_context`). None when they are in no couple: the caller reads
    the row the ordinary way."""
    resolved = _resolve(user_id)
    if resolved.viewer is None:
        return None
    resolved.viewer._read_couple_context = resolved.context  # type: ignore[attr-defined]
    return resolved.viewer


def take_read_context(user: User) -> None:
    """Start the request's cache with the context read along with `user`."""
    context = getattr(user, "_read_couple_context", None)  # through request.user's lazy wrapper
    if context is not None:
        del user._read_couple_context  # type: ignore[attr-defined]
    cache = _resolved.get()
    if context is not None and cache is not None:
        cache[user.pk] = context


def couple_context(*, viewer: User) -> CoupleContext:
    """The viewer's couple context: resolved once per request inside a request,
    read fresh everywhere else."""
    resolved = _resolved.get()
    if resolved is None:
        return resolve_couple_context(viewer=viewer)
    if viewer.pk not in resolved:
        resolved[viewer.pk] = resolve_couple_context(viewer=viewer)
    return resolved[viewer.pk]


def begin_request_contexts() -> None:
    _resolved.set({})


def end_request_contexts() -> None:
    _resolved.set(None)


def forget_couple_contexts() -> None:
    """Called by every service that changes who is in a couple (or its time zone),
    so the rest of the request sees the change."""
    resolved = _resolved.get()
    if resolved is not None:
        resolved.clear()


def open_invite(*, viewer: User, couple: Couple) -> Invite | None:
    from django.utils import timezone

    return (
        Invite.objects.filter(
            couple=couple,
            used_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-created_at")
        .first()
    )


def member_ids(*, couple_id: int) -> list[int]:
    return list(Membership.objects.filter(couple_id=couple_id, left_at__isnull=True).values_list("user_id", flat=True))
