"""One helper per object: "missing" and "not yours" are the same 404."""

from __future__ import annotations

from django.http import Http404

from evenly.accounts.models import User
from evenly.checkins.models import AgendaItem, CheckIn, Moment, ParkedTopic
from evenly.couples.selectors import CoupleContext


def get_own_moment(*, viewer: User, moment_id: int) -> Moment:
    moment = Moment.objects.filter(pk=moment_id, author=viewer).first()
    if moment is None:
        raise Http404
    return moment


def get_own_parked_topic(*, viewer: User, parked_id: int) -> ParkedTopic:
    parked = ParkedTopic.objects.filter(pk=parked_id, author=viewer).first()
    if parked is None:
        raise Http404
    return parked


def get_checkin_for_member(*, context: CoupleContext, checkin_id: int) -> CheckIn:
    """A check-in of the couple the viewer is in now, with a partner."""
    checkin = None
    if context.couple_id is not None and context.is_partnered:
        checkin = CheckIn.objects.filter(pk=checkin_id, couple_id=context.couple_id).first()
    if checkin is None:
        raise Http404
    return checkin


def get_agenda_item_for_member(*, context: CoupleContext, item_id: int) -> AgendaItem:
    item = None
    if context.couple_id is not None:
        item = AgendaItem.objects.filter(pk=item_id, couple_id=context.couple_id).first()
    if item is None:
        raise Http404
    return item
