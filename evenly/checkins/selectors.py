"""Reads, always for a given viewer. Ratings are read only by their rater."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext

from evenly.accounts.models import User
from evenly.checkins import flow
from evenly.checkins.defaults import GROUND_RULES
from evenly.checkins.models import (
    AgendaItem,
    AgendaKind,
    Appreciation,
    CheckIn,
    GroundRule,
    Leaning,
    Moment,
    NextStep,
    ParkedTopic,
    Rating,
    Status,
    Utterance,
    UtteranceKind,
)
from evenly.core.links import link_to
from evenly.core.models import Visibility
from evenly.core.paging import Page, page_of
from evenly.couples.selectors import CoupleContext
from evenly.journal.selectors import TenderNote, notes_touching, shared_tender_topics

# ---- Ground rules ----


def default_ground_rules() -> list[str]:
    """Evenly's starting list, in the language of whoever reads it."""
    return [gettext(rule) for rule in GROUND_RULES]


def ground_rules(*, couple_id: int | None) -> list[str]:
    """The couple's list, or Evenly's starting list until they change it."""
    if couple_id is None:
        return default_ground_rules()
    rules = [rule.text for rule in GroundRule.objects.filter(couple_id=couple_id)]
    return rules or default_ground_rules()


@dataclass(frozen=True)
class FirstSteps:
    """A new couple's way in: the ground rules they will accept together, and
    their first check-in to begin or plan. Shown until one has been held."""

    rules: list[str]
    has_boundary: bool


def first_steps_for(*, viewer: User, couple_id: int | None) -> FirstSteps | None:
    if couple_id is None or CheckIn.objects.filter(couple_id=couple_id, started_at__isnull=False).exists():
        return None
    from evenly.boundaries.models import Boundary

    return FirstSteps(
        rules=ground_rules(couple_id=couple_id), has_boundary=Boundary.objects.filter(author=viewer).exists()
    )


# ---- Moments ----


MOMENTS_PER_PAGE = 10  # a page of cards to read through, then "Older"


@dataclass(frozen=True)
class MomentLine:
    """A moment as the list shows it: its day, its leaning, whether it is shared."""

    url: str
    happened_on: date
    leaning: str
    is_shared: bool


def moments_page(*, viewer: User, number: int) -> Page:
    """One page of the viewer's own moments, newest first. Only the listed
    columns are read: the written (encrypted) fields stay unread."""
    rows = Moment.objects.filter(author=viewer).values_list("pk", "happened_on", "leaning", "visibility")
    page = page_of(rows, number, size=MOMENTS_PER_PAGE)
    # Each label is translated once a page, not once a row.
    leanings = {value: str(label) for value, label in Leaning.choices}
    link = link_to("checkins:moment")
    lines = [
        MomentLine(
            url=link(pk), happened_on=happened_on, leaning=leanings[leaning], is_shared=visibility == Visibility.SHARED
        )
        for pk, happened_on, leaning, visibility in page.items
    ]
    return replace(page, items=lines)


def moment_agenda_item(*, moment: Moment) -> AgendaItem | None:
    return AgendaItem.objects.filter(moment=moment, discussed_at__isnull=True).first()


# ---- The agenda ----


@dataclass(frozen=True)
class AgendaEntry:
    kind: str  # "topic", "moment" or "talk"
    added_by: str
    mine: bool
    item: AgendaItem | None = None
    moment: Moment | None = None
    talk_request_id: int | None = None
    title: str = ""
    follow_up_id: int | None = None
    # Gentle notes when this touches a topic either partner marked tender.
    tender_notes: list[TenderNote] = field(default_factory=list)


def agenda_for(*, viewer: User, couple_id: int | None) -> list[AgendaEntry]:
    """What is waiting to be talked about: topics, shared moments and the
    boundaries a partner asked to talk about."""
    if couple_id is None:
        return []
    entries: list[AgendaEntry] = []
    items = (
        AgendaItem.objects.visible_to(viewer, couple_id=couple_id)
        .filter(couple_id=couple_id, discussed_at__isnull=True)
        .select_related("author", "moment")
    )
    for item in items:
        moment = item.moment if item.kind == AgendaKind.MOMENT else None
        if item.kind == AgendaKind.MOMENT and (moment is None or not moment.is_shared):
            continue
        entries.append(
            AgendaEntry(
                kind=item.kind,
                added_by=item.author.shown_name,
                mine=item.author_id == viewer.pk,
                item=item,
                moment=moment,
                title=item.text,
            )
        )
    entries.extend(_talk_requests(viewer=viewer, couple_id=couple_id))
    entries.extend(_follow_ups(couple_id=couple_id))
    topics = shared_tender_topics(couple_id=couple_id) if entries else []
    for entry in entries:
        texts = [entry.title, entry.moment.what_happened if entry.moment else ""]
        entry.tender_notes.extend(notes_touching(viewer=viewer, topics=topics, texts=texts))
    return entries


def _follow_ups(*, couple_id: int) -> list[AgendaEntry]:
    """Follow-ups after a timeout or a pause (from the couple's pact): nobody's
    in particular, with three prompts."""
    from evenly.agreements.selectors import follow_ups_on_agenda

    return [
        AgendaEntry(kind="follow_up", added_by="", mine=False, follow_up_id=f.pk)
        for f in follow_ups_on_agenda(couple_id=couple_id)
    ]


def _talk_requests(*, viewer: User, couple_id: int) -> list[AgendaEntry]:
    try:
        from evenly.boundaries.models import Boundary, TalkRequest
    except ImportError:  # pragma: no cover - boundaries is installed alongside
        return []
    requests = TalkRequest.objects.filter(couple_id=couple_id, addressed_at__isnull=True)
    # The boundary's words only where the viewer may read it (the rule of
    # `visible_to`, applied to the joined row, so one query serves).
    visible = Boundary.objects.visible_to(viewer, couple_id=couple_id).filter(pk=OuterRef("boundary_id"))
    entries = []
    rows = requests.select_related("requester", "boundary").annotate(boundary_visible=Exists(visible))
    for request in rows.order_by("created_at", "pk"):
        boundary = request.boundary if request.boundary_visible else None
        entries.append(
            AgendaEntry(
                kind="talk",
                added_by=request.requester.shown_name,
                mine=request.requester_id == viewer.pk,
                talk_request_id=request.pk,
                title=boundary.title if boundary else "",
            )
        )
    return entries


def parked_topics_of(*, viewer: User) -> list[ParkedTopic]:
    return list(ParkedTopic.objects.filter(author=viewer))


# ---- The overview ----


@dataclass(frozen=True)
class Overview:
    context: CoupleContext
    open: CheckIn | None
    planned: CheckIn | None
    past: list[CheckIn]
    agenda: list[AgendaEntry]
    parked: list[ParkedTopic]


PAST_SHOWN = 10


def overview_for(*, viewer: User, context: CoupleContext) -> Overview:
    couple_id = context.couple_id if context.is_partnered else None
    checkins = CheckIn.objects.filter(couple_id=couple_id) if couple_id else CheckIn.objects.none()
    # The open and planned ones and the ten most recent closed, in one query.
    recent = checkins.filter(status=Status.CLOSED).order_by("-closed_at").values("pk")[:PAST_SHOWN]
    shown = list(checkins.filter(Q(status__in=[Status.OPEN, Status.SCHEDULED]) | Q(pk__in=recent)).order_by("pk"))
    return Overview(
        context=context,
        open=next((c for c in shown if c.status == Status.OPEN), None),
        planned=next((c for c in shown if c.status == Status.SCHEDULED), None),
        past=sorted(
            (c for c in shown if c.status == Status.CLOSED and c.closed_at),
            key=lambda c: c.closed_at or 0,
            reverse=True,
        ),
        agenda=agenda_for(viewer=viewer, couple_id=couple_id),
        parked=parked_topics_of(viewer=viewer),
    )


# ---- A check-in under way ----


@dataclass(frozen=True)
class Stage:
    checkin: CheckIn
    session: flow.Session
    names: dict[int, str]
    acting_as: int
    allowed: frozenset[flow.Action]
    handoff_to: int | None
    earlier: list[Utterance]
    turn: list[Utterance]
    rules: list[str]
    viewer_id: int
    accepted_by_viewer: bool = False
    agenda: list[AgendaEntry] = field(default_factory=list)
    pronoun_keys: dict[int, str] = field(default_factory=dict)

    @property
    def state(self) -> str:
        return self.session.state.value

    @property
    def speaker_name(self) -> str:
        return self.names[self.session.speaker]

    @property
    def listener_name(self) -> str:
        return self.names[self.session.listener]

    @property
    def listener_pronoun_key(self) -> str:
        return self.pronoun_keys.get(self.session.listener, "name")

    @property
    def acting_name(self) -> str:
        return self.names[self.acting_as]

    @property
    def handoff_name(self) -> str:
        return self.names[self.handoff_to] if self.handoff_to else ""

    @property
    def holder_name(self) -> str:
        holder = flow.holder(self.session)
        return self.names[holder] if holder else ""

    @property
    def next_first_name(self) -> str:
        return self.names[flow.other(self.session, self.session.round_first)]

    @property
    def last_reflection(self) -> Utterance | None:
        reflections = [u for u in self.turn if u.kind == UtteranceKind.REFLECTION]
        return reflections[-1] if reflections else None


def _names(checkin: CheckIn, session: flow.Session) -> dict[int, str]:
    return {user.pk: user.shown_name for user in _people(session)}


def _people(session: flow.Session) -> list[User]:
    return list(User.objects.filter(pk__in=session.partners))


def utterances_for(*, viewer: User, context: CoupleContext, checkin: CheckIn) -> list[Utterance]:
    return list(Utterance.objects.visible_to(viewer, couple_id=context.couple_id).filter(checkin=checkin))


def stage_for(*, viewer: User, context: CoupleContext, checkin: CheckIn, ready: int | None = None) -> Stage:
    """What the viewer's screen shows. On a shared device the screen belongs
    to whoever holds the phone, after a hand-over screen naming them."""
    session = flow.Session.from_dict(checkin.flow)
    holder = flow.holder(session)
    acting_as = viewer.pk
    handoff_to = None
    if checkin.is_one_device and holder is not None:
        acting_as = holder
        if ready != checkin.version:
            handoff_to = holder
    utterances = utterances_for(viewer=viewer, context=context, checkin=checkin)
    turn_start = len(utterances)
    if session.state in (flow.State.REFLECTING, flow.State.CONFIRMING):
        for index in range(len(utterances) - 1, -1, -1):
            if utterances[index].kind == UtteranceKind.STATEMENT:
                turn_start = index
                break
    people = _people(session)
    return Stage(
        checkin=checkin,
        session=session,
        names={person.pk: person.shown_name for person in people},
        pronoun_keys={person.pk: person.pronoun_key for person in people},
        acting_as=acting_as,
        allowed=flow.allowed(session, acting_as),
        handoff_to=handoff_to,
        earlier=utterances[:turn_start],
        turn=utterances[turn_start:],
        rules=ground_rules(couple_id=checkin.couple_id),
        viewer_id=viewer.pk,
        accepted_by_viewer=viewer.pk in session.accepted,
    )


# ---- After the close ----


@dataclass(frozen=True)
class Closing:
    checkin: CheckIn
    my_rating: Rating | None
    appreciations: list[Appreciation]
    next_steps: list[NextStep]
    utterances: list[Utterance]
    discussed: list[AgendaItem]
    names: dict[int, str]


def closing_for(*, viewer: User, context: CoupleContext, checkin: CheckIn) -> Closing:
    session = flow.Session.from_dict(checkin.flow) if checkin.flow else None
    return Closing(
        checkin=checkin,
        my_rating=Rating.objects.filter(checkin=checkin, rater=viewer).first(),
        appreciations=list(
            Appreciation.objects.visible_to(viewer, couple_id=context.couple_id)
            .filter(checkin=checkin)
            .select_related("author")
        ),
        next_steps=list(
            NextStep.objects.visible_to(viewer, couple_id=context.couple_id)
            .filter(checkin=checkin)
            .select_related("author")
        ),
        utterances=utterances_for(viewer=viewer, context=context, checkin=checkin),
        discussed=list(
            AgendaItem.objects.visible_to(viewer, couple_id=context.couple_id)
            .filter(discussed_in=checkin)
            .select_related("moment")
        ),
        names=_names(checkin, session) if session else {},
    )
