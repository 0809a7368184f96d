"""Demo boundaries and curiosity answers for `manage.py seed_demo`.

Each person's words are written in their own language (`speaking`)."""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

from evenly.accounts.language import speaking
from evenly.accounts.models import User
from evenly.boundaries import services
from evenly.boundaries.models import Answer, Boundary, Kind, LifeEventKind

# (catalogue item id or own words, area for own words, kind, shared, note)
LISTS: dict[str, list[tuple[int | str, str, str, bool, str]]] = {
    "alex": [
        (102, "", Kind.ENJOY, True, gettext_noop("Especially on slow Sunday mornings.")),
        (105, "", Kind.ENJOY, True, ""),
        (110, "", Kind.HARD_LIMIT, True, ""),
        (304, "", Kind.DEPENDS, True, ""),
        (405, "", Kind.CURIOUS, False, gettext_noop("Not sure yet; I'd like to talk first.")),
        (gettext_noop("Being woken up for intimacy"), "pace", Kind.HARD_LIMIT, False, ""),
    ],
    "sam": [
        (101, "", Kind.ENJOY, True, ""),
        (208, "", Kind.CURIOUS, True, ""),
        (506, "", Kind.DEPENDS, True, ""),
        (409, "", Kind.HARD_LIMIT, True, gettext_noop("This one matters a lot to me.")),
        (604, "", Kind.ENJOY, False, ""),
    ],
    "jordan": [
        (103, "", Kind.ENJOY, True, ""),
        (601, "", Kind.ENJOY, True, ""),
        (503, "", Kind.HARD_LIMIT, True, ""),
        (309, "", Kind.DEPENDS, False, ""),
    ],
    "riley": [
        (402, "", Kind.ENJOY, True, ""),
        (703, "", Kind.ENJOY, True, ""),
        (109, "", Kind.HARD_LIMIT, False, ""),
        (gettext_noop("Plans changed at the last minute"), "pace", Kind.DEPENDS, True, ""),
    ],
}

DEPENDS_CONDITIONS = {
    "mood": gettext_noop("When I feel rested"),
    "context": gettext_noop("At home, no rush"),
    "must": gettext_noop("We've both said yes today"),
}

# Overlaps give a few matches per couple; 110 is open for Sam but a hard
# limit for Alex, so it never shows.
ANSWERS: dict[str, dict[int, str]] = {
    "alex": {102: Answer.YES, 105: Answer.YES, 208: Answer.CURIOUS, 303: Answer.YES, 602: Answer.NO, 110: Answer.NO},
    "sam": {102: Answer.YES, 105: Answer.CURIOUS, 208: Answer.CURIOUS, 303: Answer.NO, 110: Answer.YES},
    "jordan": {103: Answer.YES, 404: Answer.CURIOUS, 601: Answer.YES, 503: Answer.NO},
    "riley": {103: Answer.YES, 404: Answer.YES, 601: Answer.CURIOUS, 109: Answer.NO},
}


def _words(text: str) -> str:
    return gettext(text) if text else ""


def seed_boundaries(users: dict[str, User]) -> None:
    """Idempotent: a person who already has entries is left as they are."""
    for key, rows in LISTS.items():
        user = users[key]
        if Boundary.objects.filter(author=user).exists():
            continue
        with speaking(user):
            for what, area, kind, shared, note in rows:
                conditions = (
                    {
                        "when_mood": gettext(DEPENDS_CONDITIONS["mood"]),
                        "when_context": gettext(DEPENDS_CONDITIONS["context"]),
                        "when_must_be_true": gettext(DEPENDS_CONDITIONS["must"]),
                    }
                    if kind == Kind.DEPENDS
                    else {}
                )
                services.boundary_add(
                    actor=user,
                    kind=kind,
                    catalogue_item_id=what if isinstance(what, int) else None,
                    wording=_words(what) if isinstance(what, str) else "",
                    area=area,
                    note=_words(note),
                    share=shared,
                    **conditions,
                )
        for item_id, answer in ANSWERS[key].items():
            services.curiosity_answer_set(actor=user, catalogue_item_id=item_id, answer=answer)
    alex, sam = users["alex"], users["sam"]
    if not services.LifeEvent.objects.filter(author=sam).exists():
        with speaking(sam):
            services.life_event_add(
                actor=sam, kind=LifeEventKind.JOB_STRESS, note=gettext("A busy quarter at work."), share=True
            )
    shared_limit = Boundary.objects.filter(author=sam, catalogue_item_id=409).first()
    if shared_limit is not None:
        services.talk_request_add(actor=alex, boundary=shared_limit)
    riley_shared = Boundary.objects.filter(author=users["riley"], catalogue_item_id=402).first()
    if riley_shared is not None:
        services.talk_request_add(actor=users["jordan"], boundary=riley_shared)
    if not services.LifeEvent.objects.filter(author=users["jordan"]).exists():
        services.life_event_add(actor=users["jordan"], kind=LifeEventKind.MOVE)
