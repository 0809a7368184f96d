"""Every read, given the viewer (or the couple they are in now)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import connection
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from evenly.accounts.models import User
from evenly.agreements import rules
from evenly.agreements.models import FollowUp, Kind, RepairSent, RepairStatement, Signature, Status, Timeout, Version
from evenly.couples.selectors import CoupleContext, Partnership
from evenly.pause.models import Pause

RECEIVED_FOR = timedelta(days=2)


@dataclass(frozen=True)
class Row:
    version: Version
    mine: bool  # proposed by the viewer
    i_signed: bool
    partner_signed: bool
    # Side by side with the current version, when there is one to compare with.
    before: list[tuple[str, str]] = field(default_factory=list)
    after: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Track:
    """One kind of agreement: its current version, open proposals, history."""

    current: Row | None
    proposals: list[Row]
    history: list[Row]


@dataclass(frozen=True)
class Page:
    values: Track
    pact: Track
    my_repairs: list[RepairStatement]
    partners_repairs: list[RepairStatement]
    received: list[RepairSent]


def _text(version: Version) -> str:
    if version.kind == Kind.VALUES:
        return version.statement
    return f"{version.during}\n{version.ending}"


def _row(version: Version, *, viewer: User, current: Version | None = None) -> Row:
    signers = {s.user_id for s in version.signatures.all()}
    before: list[tuple[str, str]] = []
    after: list[tuple[str, str]] = []
    if current is not None and version.status == Status.PROPOSED:
        runs = rules.word_diff(_text(current), _text(version))
        before, after = rules.side(runs, kind=rules.REMOVED), rules.side(runs, kind=rules.ADDED)
    return Row(
        version=version,
        mine=version.proposed_by_id == viewer.pk,
        i_signed=viewer.pk in signers,
        partner_signed=bool(signers - {viewer.pk}),
        before=before,
        after=after,
    )


def _track(versions: list[Version], *, viewer: User) -> Track:
    current = next((v for v in versions if v.status == Status.CURRENT), None)
    return Track(
        current=_row(current, viewer=viewer) if current else None,
        proposals=[_row(v, viewer=viewer, current=current) for v in versions if v.status == Status.PROPOSED],
        history=[_row(v, viewer=viewer) for v in versions if v.status in rules.CLOSED],
    )


def agreements_page(*, viewer: User, partnership: Partnership) -> Page:
    versions = list(
        Version.objects.filter(couple_id=partnership.couple_id).prefetch_related(
            Prefetch("signatures", queryset=Signature.objects.only("id", "version_id", "user_id"))
        )
    )
    repairs = list(RepairStatement.objects.visible_to(viewer, couple_id=partnership.couple_id))
    return Page(
        values=_track([v for v in versions if v.kind == Kind.VALUES], viewer=viewer),
        pact=_track([v for v in versions if v.kind == Kind.PACT], viewer=viewer),
        my_repairs=[r for r in repairs if r.author_id == viewer.pk],
        partners_repairs=[r for r in repairs if r.author_id != viewer.pk],
        received=received_repairs(viewer=viewer, couple_id=partnership.couple_id),
    )


def received_repairs(*, viewer: User, couple_id: int) -> list[RepairSent]:
    """Repair statements the partner sent the viewer lately, still open."""
    return list(
        RepairSent.objects.select_related("statement")
        .filter(couple_id=couple_id, set_aside_at__isnull=True, sent_at__gte=timezone.now() - RECEIVED_FOR)
        .exclude(statement__author=viewer)
    )


@dataclass(frozen=True)
class Received:
    pk: int  # the sending, for closing it
    statement: RepairStatement


def repairs_beside_a_pause(*, viewer: User, couple_id: int) -> tuple[list[RepairStatement], list[Received]]:
    """The viewer's own statements, and those the partner sent lately, in one query."""
    recent = RepairSent.objects.filter(
        couple_id=couple_id, set_aside_at__isnull=True, sent_at__gte=timezone.now() - RECEIVED_FOR
    )
    latest = recent.filter(statement=OuterRef("pk")).order_by("-sent_at").values("pk")[:1]
    rows = RepairStatement.objects.filter(
        Q(author=viewer) | Q(pk__in=recent.exclude(statement__author=viewer).values("statement_id"))
    ).annotate(open_sent_id=Subquery(latest))
    mine: list[RepairStatement] = [r for r in rows if r.author_id == viewer.pk]
    received = [Received(pk=r.open_sent_id, statement=r) for r in rows if r.author_id != viewer.pk]  # type: ignore[attr-defined]
    return mine, received


def current_version(*, couple_id: int | None, kind: str) -> Version | None:
    if couple_id is None:
        return None
    return Version.objects.filter(couple_id=couple_id, kind=kind, status=Status.CURRENT).first()


def current_values_of(ctx: CoupleContext) -> Version | None:
    """The couple's current shared values, from what the request's couple
    context read (no query), or from the database outside a request."""
    if ctx.sealed_values is None:
        if ctx.pauses is not None:  # read with the context: there are none
            return None
        return current_version(couple_id=ctx.couple_id, kind=Kind.VALUES)
    pk, sealed = ctx.sealed_values
    statement = Version._meta.get_field("statement").from_db_value(sealed, None, connection)  # type: ignore[attr-defined]
    return Version.from_db(
        connection.alias,
        ["id", "couple_id", "kind", "status", "statement"],
        [pk, ctx.couple_id, Kind.VALUES, Status.CURRENT, statement],
    )


def own_repairs(*, viewer: User) -> list[RepairStatement]:
    return list(RepairStatement.objects.filter(author=viewer))


def timeout_of(*, pause: Pause) -> Timeout | None:
    """Usually read together with the pause (see `pause_state`)."""
    try:
        return pause.timeout  # type: ignore[attr-defined,no-any-return]
    except Timeout.DoesNotExist:
        return None


def follow_ups_on_agenda(*, couple_id: int) -> list[FollowUp]:
    return list(FollowUp.objects.filter(couple_id=couple_id, landed_at__isnull=False, discussed_at__isnull=True))
