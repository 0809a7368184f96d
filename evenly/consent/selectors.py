"""What a person may see of consent right now. Only what is live: there is no
list of past yeses anywhere, and nothing that says "you agreed earlier"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext

from evenly.accounts.models import User
from evenly.boundaries import catalogue
from evenly.consent.models import LIVE_OUTCOMES, Cooldown, Dialogue, DialogueAnswer, Invitation, Outcome, Signal
from evenly.consent.services import settings_for
from evenly.couples.selectors import CoupleContext

WITHDRAWN_SHOWN_FOR = timedelta(hours=6)


def current_signal(*, user_id: int, couple_id: int | None) -> Signal | None:
    if couple_id is None:
        return None
    return (
        Signal.objects.filter(user_id=user_id, couple_id=couple_id, ended_at__isnull=True, lapses_at__gt=timezone.now())
        .order_by("-set_at")
        .first()
    )


@dataclass(frozen=True)
class SignalView:
    mine: Signal | None
    partners: Signal | None
    partner: User | None


def signal_view(*, viewer: User, context: CoupleContext) -> SignalView:
    """Both partners' current colours, in one query."""
    partner = context.partner
    current: dict[int, Signal] = {}
    if context.couple_id is not None:
        people = [viewer.pk, partner.pk] if partner else [viewer.pk]
        for signal in Signal.objects.filter(
            user_id__in=people, couple_id=context.couple_id, ended_at__isnull=True, lapses_at__gt=timezone.now()
        ).order_by("-set_at"):
            current.setdefault(signal.user_id, signal)
    return SignalView(
        mine=current.get(viewer.pk),
        partners=current.get(partner.pk) if partner else None,
        partner=partner,
    )


@dataclass(frozen=True)
class DialogueView:
    dialogue: Dialogue
    mine: DialogueAnswer | None
    # The partner's answers, only once both have answered.
    theirs: DialogueAnswer | None

    @property
    def is_revealed(self) -> bool:
        return self.dialogue.revealed_at is not None


def open_dialogue(*, context: CoupleContext) -> Dialogue | None:
    if context.couple_id is None:
        return None
    return Dialogue.objects.filter(
        couple_id=context.couple_id, ends_at__gt=timezone.now(), erased_at__isnull=True
    ).first()


def dialogue_view(*, viewer: User, dialogue: Dialogue) -> DialogueView:
    answers = {a.author_id: a for a in DialogueAnswer.objects.filter(dialogue=dialogue)}
    mine = answers.get(viewer.pk)
    theirs = None
    if dialogue.revealed_at is not None:
        theirs = next((a for author_id, a in answers.items() if author_id != viewer.pk), None)
    return DialogueView(dialogue=dialogue, mine=mine, theirs=theirs)


def limits_prefill(*, viewer: User) -> str:
    """The viewer's own shared hard limits, one a line, to start the third answer from."""
    from evenly.boundaries.models import Boundary, Kind

    rows = Boundary.objects.filter(author=viewer, kind=Kind.HARD_LIMIT, visibility="shared")
    return "\n".join(sorted((b.title for b in rows), key=str.casefold))


def what_phrase(titles: list[str], words: str) -> str:
    parts = [", ".join(titles)] if titles else []
    words = " ".join(words.split()).rstrip(".!;:, ")
    if words:
        parts.append(words)
    return "; ".join(parts)


@dataclass(frozen=True)
class InvitationView:
    invitation: Invitation
    items: list[catalogue.CatalogueItem]
    from_me: bool

    @property
    def what(self) -> str:
        """What the invitation is for, as one phrase that reads well inside a
        sentence or quotation marks: the items, then the own words, without
        the closing full stop the inviter may have typed."""
        return what_phrase([gettext(item.title) for item in self.items], self.invitation.what_words)


@dataclass
class InvitationsView:
    to_me: list[InvitationView] = field(default_factory=list)
    from_me: list[InvitationView] = field(default_factory=list)
    # Withdrawn while their window still runs, so the other partner sees it no longer stands.
    withdrawn: list[InvitationView] = field(default_factory=list)
    # After a "not now" or "no": a kind word for the inviter while the cool-down runs.
    acknowledgement_until: datetime | None = None
    partner_pace_slower: bool = False

    @property
    def can_invite(self) -> bool:
        return not self.partner_pace_slower and self.acknowledgement_until is None


def _view(invitation: Invitation, viewer: User) -> InvitationView:
    items = [item for item in (catalogue.get(i) for i in invitation.item_ids) if item]
    return InvitationView(invitation=invitation, items=items, from_me=invitation.inviter_id == viewer.pk)


def invitations_view(*, viewer: User, context: CoupleContext) -> InvitationsView:
    """Live invitations only: open ones and current yeses, until their window
    ends or someone withdraws. Declined, withdrawn and past ones are not listed."""
    view = InvitationsView()
    if context.couple_id is None or context.partner is None:
        return view
    now = timezone.now()
    # The live ones and the recently withdrawn ones in one query: each condition
    # keeps only rows whose window still runs, so the cost stays the same
    # however long the couple's history.
    live = Q(outcome__in=LIVE_OUTCOMES, ends_at__gt=now, forgotten=False)
    withdrawn = Q(
        outcome=Outcome.WITHDRAWN, ends_at__gt=now, forgotten=False, withdrawn_at__gt=now - WITHDRAWN_SHOWN_FOR
    )
    rows = list(
        Invitation.objects.filter(Q(couple_id=context.couple_id) & (live | withdrawn)).annotate(
            shown_as=Case(When(live, then=Value("live")), default=Value("withdrawn"))
        )
    )
    for invitation in sorted(rows, key=lambda i: (i.starts_at, i.pk)):
        if invitation.shown_as == "live":
            target = view.to_me if invitation.invitee_id == viewer.pk else view.from_me
            target.append(_view(invitation, viewer))
    withdrawn_rows = [i for i in rows if i.shown_as == "withdrawn"]
    view.withdrawn = [
        _view(i, viewer) for i in sorted(withdrawn_rows, key=lambda i: i.withdrawn_at or now, reverse=True)
    ]
    view.acknowledgement_until = (
        Cooldown.objects.filter(couple_id=context.couple_id, inviter=viewer, until__gt=now)
        .values_list("until", flat=True)
        .first()
    )
    view.partner_pace_slower = settings_for(context.partner).slower_pace
    return view


def invitation_view(*, viewer: User, invitation: Invitation) -> InvitationView:
    return _view(invitation, viewer)


def is_live(invitation: Invitation) -> bool:
    return invitation.outcome in LIVE_OUTCOMES and invitation.ends_at > timezone.now() and not invitation.forgotten


def is_open(invitation: Invitation) -> bool:
    return invitation.outcome == Outcome.OPEN and is_live(invitation)
