from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from evenly.boundaries import services
from evenly.boundaries.models import (
    Boundary,
    BoundaryChange,
    ChangeAction,
    Kind,
    Review,
    ReviewSettings,
    TalkRequest,
    is_stricter,
)
from evenly.boundaries.selectors import review_next_boundary
from evenly.boundaries.tasks import send_review_reminder
from evenly.boundaries.tests.helpers import entry, partners_boundaries_seen_by
from evenly.core.errors import ServiceError
from evenly.core.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db

PRIVATE = "words only Alex should ever read"


def _events(event_tap, user):
    return [(m["event"], m["ids"]) for m in event_tap.received(user)]


def test_it_orders_kinds_from_open_to_careful():
    assert is_stricter(Kind.ENJOY, Kind.DEPENDS)
    assert is_stricter(Kind.DEPENDS, Kind.CURIOUS)
    assert is_stricter(Kind.CURIOUS, Kind.HARD_LIMIT)
    assert not is_stricter(Kind.HARD_LIMIT, Kind.ENJOY)
    assert not is_stricter(Kind.ENJOY, Kind.ENJOY)


def test_a_stricter_shared_boundary_tells_only_the_partner_with_ids_only(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    boundary = entry(alex, 103, shared=True)
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.boundary_update(actor=alex, boundary=boundary, kind=Kind.DEPENDS, note=PRIVATE, when_mood=PRIVATE)
    received = _events(event_tap, sam)
    assert ("boundary.changed", {"boundary": boundary.pk}) in received
    assert ("notification.created", {}) in received
    assert PRIVATE not in repr(received)
    assert event_tap.received(alex) == [] and event_tap.received(jordan) == []
    notice = Notification.objects.get(user=sam)
    assert notice.text == "A boundary your partner shares has changed."


def test_a_looser_change_redraws_the_partners_view_without_a_notice(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    boundary = entry(alex, 103, shared=True, kind=Kind.HARD_LIMIT)
    Notification.objects.all().delete()
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.boundary_update(actor=alex, boundary=boundary, kind=Kind.CURIOUS, note=PRIVATE)
    assert _events(event_tap, sam) == [("boundary.changed", {"boundary": boundary.pk})]
    assert event_tap.received(alex) == [] and event_tap.received(jordan) == []
    assert not Notification.objects.filter(user=sam).exists()


def test_a_stricter_private_boundary_sends_nothing(alex, sam, event_tap, django_capture_on_commit_callbacks):
    boundary = entry(alex, 103)
    event_tap.listen(sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.boundary_update(actor=alex, boundary=boundary, kind=Kind.HARD_LIMIT)
    assert event_tap.received(sam) == []
    assert not Notification.objects.filter(user=sam).exists()


@pytest.mark.parametrize("how", ["add", "share"])
def test_a_newly_shared_hard_limit_tells_the_partner(alex, sam, event_tap, django_capture_on_commit_callbacks, how):
    event_tap.listen(sam)
    with django_capture_on_commit_callbacks(execute=True):
        if how == "add":
            boundary = entry(alex, 110, kind=Kind.HARD_LIMIT, shared=True)
        else:
            boundary = entry(alex, 110, kind=Kind.HARD_LIMIT)
            services.boundary_share(actor=alex, boundary=boundary)
    assert ("boundary.changed", {"boundary": boundary.pk}) in _events(event_tap, sam)


def test_sharing_unsharing_and_removing_redraw_the_partners_view_without_a_notice(
    alex, sam, jordan, event_tap, django_capture_on_commit_callbacks
):
    gentle = entry(alex, 103)
    shared_limit = entry(alex, 104, shared=True, kind=Kind.HARD_LIMIT)
    Notification.objects.all().delete()
    event_tap.listen(sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.boundary_share(actor=alex, boundary=gentle)
        services.boundary_unshare(actor=alex, boundary=gentle)
        services.boundary_delete(actor=alex, boundary=shared_limit)
    assert _events(event_tap, sam) == [
        ("boundary.changed", {"boundary": gentle.pk}),
        ("boundary.changed", {"boundary": gentle.pk}),
        ("boundary.changed", {"boundary": shared_limit.pk}),
    ]
    assert event_tap.received(jordan) == []
    assert not Notification.objects.filter(user=sam).exists()


def test_a_private_entry_never_reaches_the_partner(alex, sam, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(sam)
    with django_capture_on_commit_callbacks(execute=True):
        boundary = entry(alex, 103)
        services.boundary_update(actor=alex, boundary=boundary, kind=Kind.CURIOUS)
        services.boundary_delete(actor=alex, boundary=boundary)
    assert event_tap.received(sam) == []


def test_only_the_author_can_change_a_boundary(alex, sam):
    boundary = entry(alex, 103, shared=True)
    for action in (services.boundary_share, services.boundary_unshare, services.boundary_delete):
        with pytest.raises(ServiceError):
            action(actor=sam, boundary=boundary)
    with pytest.raises(ServiceError):
        services.boundary_update(actor=sam, boundary=boundary, kind=Kind.HARD_LIMIT)


def test_every_change_is_kept_as_history(alex):
    boundary = entry(alex, 103, shared=True)
    services.boundary_update(actor=alex, boundary=boundary, kind=Kind.CURIOUS, note="n")
    services.boundary_unshare(actor=alex, boundary=boundary)
    services.boundary_delete(actor=alex, boundary=boundary)
    actions = list(BoundaryChange.objects.filter(author=alex).order_by("id").values_list("action", flat=True))
    assert actions == [ChangeAction.ADDED, ChangeAction.CHANGED, ChangeAction.UNSHARED, ChangeAction.REMOVED]


def test_it_refuses_unknown_items_duplicates_and_long_text(alex):
    with pytest.raises(ServiceError, match="isn't in the list"):
        entry(alex, 99999)
    entry(alex, 103)
    with pytest.raises(ServiceError, match="already on your list"):
        entry(alex, 103)
    entry(alex, None, wording="Slow mornings")
    with pytest.raises(ServiceError, match="already have an entry"):
        entry(alex, None, wording="slow   MORNINGS")
    with pytest.raises(ServiceError, match="2,000"):
        entry(alex, 104, note="x" * 2001)
    assert Boundary.objects.filter(author=alex).count() == 2


def test_the_same_own_words_are_fine_on_different_lists(alex, sam):
    entry(alex, None, wording="Slow mornings")
    entry(sam, None, wording="Slow mornings")


def test_conditions_are_kept_only_for_depends(alex):
    boundary = entry(alex, 103, kind=Kind.ENJOY, when_mood="tired")
    assert boundary.when_mood == ""
    boundary = entry(alex, 104, kind=Kind.DEPENDS, when_mood="rested", when_must_be_true="we talked")
    assert boundary.conditions == [("Mood", "rested"), ("What must be true", "we talked")]


def test_sharing_needs_a_partner(casey):
    with pytest.raises(ServiceError, match="Sharing opens"):
        entry(casey, 103, shared=True)


def test_notes_are_encrypted_at_rest(alex):
    from django.db import connection

    entry(alex, None, wording="Secret wording", note=PRIVATE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT wording, note FROM boundaries_boundary")
        wording, note = cursor.fetchone()
    assert "Secret" not in wording and "Alex" not in note


def test_a_talk_request_is_one_agenda_item_and_goes_when_unshared(alex, sam):
    boundary = entry(alex, 103, shared=True)
    first = services.talk_request_add(actor=sam, boundary=boundary)
    assert services.talk_request_add(actor=sam, boundary=boundary) == first
    with pytest.raises(ServiceError):
        services.talk_request_add(actor=alex, boundary=boundary)
    services.boundary_unshare(actor=alex, boundary=boundary)
    assert not TalkRequest.objects.exists()


def test_starting_a_review_twice_resumes_it(alex):
    assert services.review_start(actor=alex) == services.review_start(actor=alex)
    assert Review.objects.count() == 1


def test_a_review_walks_every_entry_once(alex):
    first, second = entry(alex, 105), entry(alex, 101)
    review = services.review_start(actor=alex)
    assert review_next_boundary(review=review) == second
    services.review_step(actor=alex, review=review, boundary=second, outcome="kept")
    services.review_step(actor=alex, review=review, boundary=second, outcome="removed")  # repeated: ignored
    assert Boundary.objects.filter(pk=second.pk).exists()
    services.review_step(actor=alex, review=review, boundary=first, outcome="removed")
    assert review_next_boundary(review=review) is None
    services.review_finish(actor=alex, review=review)
    assert services.review_start(actor=alex) != review


def test_finishing_a_review_schedules_the_next_reminder(alex, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.review_finish(actor=alex, review=services.review_start(actor=alex))
    row = ReviewSettings.objects.get(user=alex)
    assert row.next_reminder_at > timezone.now() + timedelta(days=85)
    assert DBTaskResult.objects.filter(task_path__endswith="send_review_reminder").exists()


def test_the_reminder_setting_schedules_a_task_and_off_schedules_none(alex):
    services.review_reminder_set(actor=alex, months=1)
    row = ReviewSettings.objects.get(user=alex)
    assert timedelta(days=29) < row.next_reminder_at - timezone.now() < timedelta(days=31)
    services.review_reminder_set(actor=alex, months=0)
    assert ReviewSettings.objects.get(user=alex).next_reminder_at is None
    with pytest.raises(ServiceError):
        services.review_reminder_set(actor=alex, months=5)


def test_a_due_reminder_leaves_a_neutral_notice_and_plans_the_next(alex, sam):
    row = services.review_reminder_set(actor=alex, months=3)
    send_review_reminder.call(alex.pk, row.next_reminder_at.isoformat())
    notice = Notification.objects.get(user=alex)
    assert notice.kind == NotificationKind.BOUNDARY_REVIEW
    assert not Notification.objects.filter(user=sam).exists()
    refreshed = ReviewSettings.objects.get(user=alex)
    assert refreshed.review_suggested_at is not None and refreshed.next_reminder_at > row.next_reminder_at


def test_a_stale_reminder_does_nothing(alex):
    row = services.review_reminder_set(actor=alex, months=3)
    stale = row.next_reminder_at.isoformat()
    services.review_reminder_set(actor=alex, months=6)
    send_review_reminder.call(alex.pk, stale)
    assert not Notification.objects.exists()


def test_a_private_life_event_prompts_a_review_for_its_author_only(alex, sam):
    services.life_event_add(actor=alex, kind="illness", note=PRIVATE)
    assert ReviewSettings.objects.get(user=alex).review_suggested_at is not None
    assert not ReviewSettings.objects.filter(user=sam, review_suggested_at__isnull=False).exists()
    assert list(Notification.objects.values_list("user_id", flat=True)) == [alex.pk]


def test_a_shared_life_event_prompts_both(alex, sam, jordan, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam, jordan)
    with django_capture_on_commit_callbacks(execute=True):
        services.life_event_add(actor=alex, kind="new_child", note=PRIVATE, share=True)
    assert set(Notification.objects.values_list("user_id", flat=True)) == {alex.pk, sam.pk}
    assert PRIVATE not in repr(event_tap.received(sam))
    assert event_tap.received(jordan) == []


def test_sharing_a_life_event_later_prompts_the_partner(alex, sam):
    event = services.life_event_add(actor=alex, kind="move")
    services.life_event_share(actor=alex, event=event)
    assert ReviewSettings.objects.get(user=sam).review_suggested_at is not None


def test_curiosity_answers_send_no_events(alex, sam, event_tap, django_capture_on_commit_callbacks):
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.curiosity_answer_set(actor=alex, catalogue_item_id=101, answer="yes")
        services.curiosity_answer_set(actor=sam, catalogue_item_id=101, answer="yes")
        services.curiosity_answer_set(actor=sam, catalogue_item_id=101, answer="no")
    assert event_tap.received(alex) == [] and event_tap.received(sam) == []


def test_the_first_entry_starts_the_default_reminder(alex, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry(alex, 103)
        entry(alex, 104)
    row = ReviewSettings.objects.get(user=alex)
    assert row.reminder_months == 3 and row.next_reminder_at > timezone.now() + timedelta(days=85)
    assert DBTaskResult.objects.filter(task_path__endswith="send_review_reminder").count() == 1


def test_a_boundary_shared_in_an_earlier_couple_stays_unseen_and_silent(
    alex, sam, casey, event_tap, django_capture_on_commit_callbacks
):
    from evenly.couples.services import couple_create, couple_leave, invite_accept, invite_create

    boundary = entry(alex, 103, shared=True)
    couple_leave(actor=alex)
    couple_create(actor=alex)
    invite_accept(actor=casey, token=invite_create(actor=alex).token)
    assert partners_boundaries_seen_by(sam) == []
    assert all(not group.boundaries for group in partners_boundaries_seen_by(casey))
    event_tap.listen(casey, sam)
    with django_capture_on_commit_callbacks(execute=True):
        services.boundary_update(actor=alex, boundary=boundary, kind=Kind.HARD_LIMIT)
    assert event_tap.received(casey) == [] and event_tap.received(sam) == []


def test_the_database_holds_one_own_words_entry_per_wording(alex):
    from django.db import IntegrityError, transaction

    from evenly.boundaries.models import Boundary

    Boundary.objects.create(author=alex, wording="Being filmed", area="activities", kind="hard_limit")
    with pytest.raises(IntegrityError), transaction.atomic():
        Boundary.objects.create(author=alex, wording="  being   FILMED ", area="activities", kind="hard_limit")
    from evenly.accounts.models import User

    # Another person may write the same words, and the stored keys differ.
    other = User.objects.create_user(username="other", email="other@example.com", password="x" * 12)
    Boundary.objects.create(author=other, wording="Being filmed", area="activities", kind="hard_limit")
    keys = set(Boundary.objects.values_list("wording_key", flat=True))
    assert len(keys) == 2 and all(len(key) == 64 for key in keys)


def test_the_wording_key_does_not_reveal_the_words(alex):
    from evenly.boundaries.models import Boundary

    boundary = Boundary.objects.create(author=alex, wording="Being filmed", area="activities", kind="hard_limit")
    import hashlib

    assert boundary.wording_key != hashlib.sha256(b"being filmed").hexdigest()
    assert "filmed" not in boundary.wording_key


def test_an_edit_to_an_existing_wording_is_refused(alex):
    from evenly.core.errors import ServiceError

    first = services.boundary_add(actor=alex, kind="enjoy", wording="Slow mornings", area="pace")
    second = services.boundary_add(actor=alex, kind="enjoy", wording="Long walks", area="pace")
    with pytest.raises(ServiceError):
        services.boundary_update(actor=alex, boundary=second, kind="enjoy", wording="slow  Mornings", area="pace")
    assert first.pk != second.pk
