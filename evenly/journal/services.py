"""Every write for the journal, tender topics and taking a moment.

Journal entries and private tender topics never reach the partner. Events
carry ids only and go, after commit, to the members of the couple listed here.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from evenly.accounts.models import User
from evenly.checkins import services as checkins
from evenly.checkins.models import TEXT_MAX as AGENDA_MAX
from evenly.checkins.models import AgendaItem
from evenly.core.errors import ServiceError
from evenly.core.models import NotificationKind, Visibility
from evenly.core.notifications import notify
from evenly.core.realtime import publish
from evenly.couples.selectors import Partnership, member_ids, partnership_for
from evenly.journal import feelings as vocabulary
from evenly.journal.models import (
    ENTRY_MAX,
    LABEL_MAX,
    NOTE_MAX,
    PROMPT_MAX,
    TOPIC_MAX,
    Breather,
    Entry,
    Sharing,
    TenderTopic,
)

OWN_WORDS_MAX = 12
BREATHER_LASTS = timedelta(minutes=20)


def _text(value: str, *, limit: int, field: str) -> str:
    # Entries keep whatever was written or pasted, apart from the blank edges.
    value = (value or "").strip()
    if len(value) > limit:
        raise ServiceError(
            _("%(field)s is longer than %(limit)s characters. Your words are kept below; could you shorten it?")
            % {"field": field, "limit": number_format(limit, force_grouping=True)}
        )
    return value


def _own_words(words: list[str]) -> str:
    kept: list[str] = []
    for word in words:
        word = " ".join((word or "").split())
        if not word or word in kept:
            continue
        if len(word) > LABEL_MAX:
            raise ServiceError(
                _("A feeling in your own words can be up to %(limit)s characters.") % {"limit": LABEL_MAX}
            )
        kept.append(word)
    if len(kept) > OWN_WORDS_MAX:
        raise ServiceError(_("Up to %(count)s feelings in your own words, please.") % {"count": OWN_WORDS_MAX})
    return "\n".join(kept)


def _entry_fields(
    *, text: str, feelings: list[str], own_words: list[str], body: str, past: str, need: str
) -> dict[str, str]:
    fields = {
        "text": _text(text, limit=ENTRY_MAX, field=_("The entry")),
        "feelings": vocabulary.join(feelings),
        "own_words": _own_words(own_words),
        "body": _text(body, limit=PROMPT_MAX, field=_("What you noticed in your body")),
        "past": _text(past, limit=PROMPT_MAX, field=_("What it touched from your past")),
        "need": _text(need, limit=PROMPT_MAX, field=_("What you need")),
    }
    if not any(fields.values()):
        raise ServiceError(_("Write a few words, or choose a feeling, so there is something to keep."))
    return fields


def entry_create(
    *,
    actor: User,
    text: str,
    feelings: list[str],
    own_words: list[str] | None = None,
    body: str = "",
    past: str = "",
    need: str = "",
) -> Entry:
    fields = _entry_fields(text=text, feelings=feelings, own_words=own_words or [], body=body, past=past, need=need)
    # No couple on purpose: an entry belongs to its author, whatever happens to the couple.
    return Entry.objects.create(author=actor, couple=None, visibility=Visibility.PRIVATE, **fields)


def entry_update(
    *,
    actor: User,
    entry: Entry,
    text: str,
    feelings: list[str],
    own_words: list[str] | None = None,
    body: str = "",
    past: str = "",
    need: str = "",
) -> Entry:
    if entry.author_id != actor.pk:
        raise ServiceError(_("Only the person who wrote an entry can change it."))
    fields = _entry_fields(text=text, feelings=feelings, own_words=own_words or [], body=body, past=past, need=need)
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.save(update_fields=[*fields, "updated_at"])
    return entry


def open_agenda_copy(entry: Entry) -> AgendaItem | None:
    """The entry's copy on the agenda, while it waits to be talked about."""
    if entry.agenda_item_id is None:
        return None
    return AgendaItem.objects.filter(pk=entry.agenda_item_id, discussed_at__isnull=True).first()


def entry_delete(*, actor: User, entry: Entry) -> None:
    """The entry goes; a copy still waiting on the agenda goes with it."""
    if entry.author_id != actor.pk:
        raise ServiceError(_("Only the person who wrote an entry can delete it."))
    with transaction.atomic():
        copy = open_agenda_copy(entry)
        if copy is not None:
            checkins.agenda_item_withdraw(actor=actor, item=copy)
        entry.delete()


def entry_share_to_agenda(*, actor: User, entry: Entry, excerpt: str = "") -> AgendaItem:
    """Put a copy of the entry, or of a short excerpt of it, on the couple's
    check-in agenda. The entry itself stays private."""
    if entry.author_id != actor.pk:
        raise ServiceError(_("Only the person who wrote an entry can share it."))
    if open_agenda_copy(entry) is not None:
        raise ServiceError(_("This entry is already on the agenda."))
    words = (excerpt or "").strip() or entry.text.strip()
    if not words:
        raise ServiceError(_("There is no text in this entry to share. Write an excerpt to share instead."))
    if len(words) > AGENDA_MAX:
        raise ServiceError(
            _("The agenda holds up to %(limit)s characters. Choose an excerpt to share instead.")
            % {"limit": number_format(AGENDA_MAX, force_grouping=True)}
        )
    with transaction.atomic():
        item = checkins.topic_add(actor=actor, text=words, limit=AGENDA_MAX)
        Entry.objects.filter(pk=entry.pk).update(agenda_item=item)
    entry.agenda_item = item
    return item


def entry_take_off_agenda(*, actor: User, entry: Entry) -> None:
    copy = open_agenda_copy(entry)
    if copy is None:
        raise ServiceError(_("This entry isn't waiting on the agenda."))
    checkins.agenda_item_withdraw(actor=actor, item=copy)


# ---- Tender topics ----


def _tender_changed(couple_id: int) -> None:
    publish(recipients=member_ids(couple_id=couple_id), event="journal.tender", couple=couple_id)


def _tender_fields(*, topic: str, note: str, sharing: str) -> dict[str, str]:
    topic = _text(topic, limit=TOPIC_MAX, field=_("The topic"))
    if not topic:
        raise ServiceError(_("Name the topic in a word or a few, such as “money” or “my family”."))
    if sharing not in Sharing.values:
        raise ServiceError(_("Choose who may see this."))
    return {"topic": topic, "note": _text(note, limit=NOTE_MAX, field=_("What you wrote")), "sharing": sharing}


def _apply_sharing(*, actor: User, topic: TenderTopic) -> Partnership | None:
    """Visibility follows the sharing choice; a topic can only be shared with
    a partner there is."""
    if topic.sharing == Sharing.PRIVATE:
        topic.visibility = Visibility.PRIVATE
        return None
    partnership = partnership_for(
        actor=actor, refusal=_("Sharing is for a shared space with your partner. You can keep this for yourself.")
    )
    topic.visibility = Visibility.SHARED
    topic.couple = partnership.couple
    return partnership


def tender_topic_add(*, actor: User, topic: str, note: str = "", sharing: str = Sharing.PRIVATE) -> TenderTopic:
    fields = _tender_fields(topic=topic, note=note, sharing=sharing)
    with transaction.atomic():
        item = TenderTopic(author=actor, **fields)
        partnership = _apply_sharing(actor=actor, topic=item)
        item.save()
        if partnership is not None:
            notify(user_ids=[partnership.partner.pk], kind=NotificationKind.TENDER_TOPIC_SHARED)
            _tender_changed(partnership.couple_id)
    return item


def tender_topic_update(*, actor: User, item: TenderTopic, topic: str, note: str, sharing: str) -> TenderTopic:
    if item.author_id != actor.pk:
        raise ServiceError(_("Only the person who wrote this can change it."))
    fields = _tender_fields(topic=topic, note=note, sharing=sharing)
    was_shared = item.is_shared
    old_couple_id = item.couple_id
    with transaction.atomic():
        for name, value in fields.items():
            setattr(item, name, value)
        partnership = _apply_sharing(actor=actor, topic=item)
        item.save()
        if partnership is not None and not was_shared:
            notify(user_ids=[partnership.partner.pk], kind=NotificationKind.TENDER_TOPIC_SHARED)
        for couple_id in {old_couple_id if was_shared else None, item.couple_id if item.is_shared else None}:
            if couple_id:
                _tender_changed(couple_id)
    return item


def tender_topic_delete(*, actor: User, item: TenderTopic) -> None:
    if item.author_id != actor.pk:
        raise ServiceError(_("Only the person who wrote this can delete it."))
    with transaction.atomic():
        couple_id = item.couple_id if item.is_shared else None
        item.delete()
        if couple_id:
            _tender_changed(couple_id)


# ---- I need a moment ----


def _breather_changed(couple_id: int) -> None:
    publish(recipients=member_ids(couple_id=couple_id), event="journal.breather", couple=couple_id)


def breather_start(*, actor: User) -> Breather:
    """Taking a moment: the partner sees only that a moment is being taken.
    It is not a pause, and it asks nothing of anyone."""
    partnership = partnership_for(actor=actor, refusal=_("Taking a moment is for a shared space with a partner."))
    with transaction.atomic():
        Breather.objects.filter(person=actor).delete()
        breather = Breather.objects.create(person=actor, couple=partnership.couple)
        _breather_changed(partnership.couple_id)
    return breather


def breather_end(*, actor: User) -> None:
    """Ending twice is harmless."""
    with transaction.atomic():
        breathers = list(Breather.objects.filter(person=actor))
        for breather in breathers:
            breather.delete()
            _breather_changed(breather.couple_id)


def breather_is_current(breather: Breather) -> bool:
    return breather.started_at > timezone.now() - BREATHER_LASTS


def moment_name_feeling(*, actor: User, words: str) -> Entry:
    """The line to name the feeling: kept as a private journal entry. A word
    from the vocabulary is stored as that feeling; anything else as is."""
    words = " ".join((words or "").split())
    if not words:
        raise ServiceError(_("Name the feeling in a word or a few, or simply breathe: nothing needs to be written."))
    known = {str(label).casefold(): key for key, label in vocabulary.LABELS.items()}
    key = known.get(words.casefold())
    if key:
        return entry_create(actor=actor, text="", feelings=[key])
    return entry_create(actor=actor, text="", feelings=[], own_words=[words])
