"""Co-signing and versioning, repair statements, timeouts and follow-ups,
through the real services and database."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evenly.agreements import rules, selectors, services
from evenly.agreements.models import FollowUp, RepairStatement, Status, Timeout, Version
from evenly.checkins.selectors import agenda_for
from evenly.core.errors import ServiceError
from evenly.couples.services import couple_leave
from evenly.pause.models import Pause
from evenly.pause.services import pause_lift, pause_start

pytestmark = pytest.mark.django_db


def values(actor, words="We take turns."):
    return services.values_propose(actor=actor, touchstones=[], words=words)


def pact(actor, minutes=30, follow_up="next_day"):
    return services.pact_propose(
        actor=actor, timeout_minutes=minutes, during="Separate rooms.", ending="We come back.", follow_up=follow_up
    )


def test_a_version_takes_effect_only_when_both_have_agreed(alex, sam):
    version = values(alex)
    assert Version.objects.get(pk=version.pk).status == Status.PROPOSED
    assert selectors.current_version(couple_id=version.couple_id, kind="values") is None
    services.version_sign(actor=sam, version=version)
    assert selectors.current_version(couple_id=version.couple_id, kind="values") == version


def test_both_proposing_at_once_loses_neither(alex, sam, couple_ctx_for):
    first, second = values(alex, "Alex's words."), values(sam, "Sam's words.")
    for viewer in (alex, sam):
        page = selectors.agreements_page(viewer=viewer, partnership=couple_ctx_for(viewer).partnership)
        assert [r.version.pk for r in page.values.proposals] == [second.pk, first.pk]
    services.version_sign(actor=sam, version=first)
    services.version_sign(actor=alex, version=second)
    assert Version.objects.get(pk=first.pk).status == Status.SUPERSEDED
    assert Version.objects.get(pk=second.pk).status == Status.CURRENT


def test_withdrawing_agreement_leaves_no_current_version_and_keeps_the_history(alex, sam, couple_ctx_for):
    version = values(alex)
    services.version_sign(actor=sam, version=version)
    services.version_withdraw(actor=sam, version=version)
    page = selectors.agreements_page(viewer=alex, partnership=couple_ctx_for(alex).partnership)
    assert page.values.current is None
    assert [r.version.status for r in page.values.history] == [Status.WITHDRAWN]
    with pytest.raises(ServiceError):
        services.version_sign(actor=alex, version=version)


def test_a_change_is_shown_beside_the_current_version_word_by_word(alex, sam, couple_ctx_for):
    services.version_sign(actor=sam, version=values(alex, "We take turns."))
    values(sam, "We always take turns.")
    page = selectors.agreements_page(viewer=alex, partnership=couple_ctx_for(alex).partnership)
    (row,) = page.values.proposals
    assert (rules.ADDED, "always ") in row.after
    assert not row.i_signed and row.partner_signed


def test_an_outsider_cannot_sign_another_couples_version(alex, sam, jordan):
    with pytest.raises(ServiceError):
        services.version_sign(actor=jordan, version=values(alex))


def test_values_need_a_touchstone_or_words(alex, sam):
    with pytest.raises(ServiceError):
        services.values_propose(actor=alex, touchstones=[], words="   ")


def test_proposals_wait_while_paused(alex, sam):
    pause_start(actor=sam)
    with pytest.raises(ServiceError):
        values(alex)


def test_leaving_ends_the_agreements_for_both_and_each_keeps_their_repair_statements(alex, sam):
    services.version_sign(actor=sam, version=values(alex))
    pact(sam)
    services.repair_add(actor=alex, text="I'm sorry.", share=True)
    services.repair_add(actor=sam, text="Thank you.", share=False)
    couple_leave(actor=sam)
    assert set(Version.objects.values_list("status", flat=True)) == {Status.ENDED}
    assert RepairStatement.objects.filter(author=alex, visibility="private").count() == 1  # private again
    assert RepairStatement.objects.filter(author=sam).count() == 1


def test_a_partner_never_sees_private_repair_statements(alex, sam, couple_ctx_for):
    services.repair_add(actor=alex, text="PRIVATE words", share=False)
    shared = services.repair_add(actor=alex, text="Shared words", share=True)
    page = selectors.agreements_page(viewer=sam, partnership=couple_ctx_for(sam).partnership)
    assert page.partners_repairs == [shared]
    assert page.my_repairs == []


def test_a_timeout_works_without_a_pact_for_twenty_minutes(alex, sam):
    timeout = services.timeout_take(actor=alex)
    assert timeout.minutes == 20
    pause = Pause.objects.get()
    assert pause.lifted_at is None and pause.revisit_at == timeout.ends_at
    assert services.timeout_take(actor=alex) == timeout  # a second tap changes nothing


def test_a_timeout_lasts_as_long_as_the_pact_says_and_either_can_extend_it(alex, sam):
    services.version_sign(actor=alex, version=pact(sam, minutes=45))
    timeout = services.timeout_take(actor=alex)
    assert timeout.minutes == 45
    Timeout.objects.filter(pk=timeout.pk).update(ends_at=timezone.now() - timedelta(minutes=1))
    timeout.refresh_from_db()
    extended = services.timeout_extend(actor=sam, timeout=timeout)
    assert extended.ends_at > timezone.now() + timedelta(minutes=44)
    assert Pause.objects.get().revisit_at == extended.ends_at


def test_after_a_pause_the_pacts_follow_up_lands_on_the_agenda(alex, sam, django_capture_on_commit_callbacks):
    services.version_sign(actor=alex, version=pact(sam, follow_up="same_day"))
    pause = pause_start(actor=alex)
    pause_lift(actor=alex, pause=pause)
    follow_up = FollowUp.objects.get()
    assert follow_up.due_at > timezone.now() + timedelta(hours=2, minutes=59)
    assert agenda_for(viewer=sam, couple_id=follow_up.couple_id) == []  # not due yet
    from evenly.agreements.tasks import follow_up_land

    follow_up_land.call(follow_up.pk)
    for viewer in (alex, sam):
        (entry,) = agenda_for(viewer=viewer, couple_id=follow_up.couple_id)
        assert entry.kind == "follow_up" and entry.added_by == ""
    services.follow_up_mark_discussed(actor=sam, follow_up=follow_up)
    assert agenda_for(viewer=sam, couple_id=follow_up.couple_id) == []


def test_without_a_pact_a_pause_leaves_no_follow_up(alex, sam):
    pause_lift(actor=alex, pause=pause_start(actor=alex))
    assert not FollowUp.objects.exists()


def test_a_repair_can_be_sent_during_a_timeout_and_only_by_its_author(alex, sam, couple_ctx_for):
    statement = services.repair_add(actor=alex, text="Can we start again?", share=False)
    services.timeout_take(actor=sam)
    services.repair_send(actor=alex, statement=statement)
    (received,) = selectors.received_repairs(viewer=sam, couple_id=couple_ctx_for(sam).couple_id)
    assert received.statement == statement
    assert selectors.received_repairs(viewer=alex, couple_id=couple_ctx_for(alex).couple_id) == []
    with pytest.raises(ServiceError):
        services.repair_send(actor=sam, statement=statement)


# ---- The co-signing rules, run against the real services ----

_names = itertools.count()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.sampled_from(["propose", "sign", "withdraw"]), st.booleans(), st.integers(0, 5)), max_size=10)
)
def test_the_services_follow_the_co_signing_rules(make_couple, ops):
    n = next(_names)
    a, b, _couple = make_couple(f"Ann{n}", f"Bo{n}")
    ledger = rules.Ledger(members=frozenset({a.pk, b.pk}))
    ids: dict[int, int] = {}
    for op, first, pick in ops:
        actor = a if first else b
        if op == "propose":
            ids[ledger.propose(actor.pk)] = values(actor, f"words {pick}").pk
            continue
        if not ids:
            continue
        key = sorted(ids)[pick % len(ids)]
        version = Version.objects.get(pk=ids[key])
        try:
            ledger.sign(actor.pk, key) if op == "sign" else ledger.withdraw(key)
            expected_error = False
        except rules.RuleError:
            expected_error = True
        try:
            services.version_sign(actor=actor, version=version) if op == "sign" else services.version_withdraw(
                actor=actor, version=version
            )
            assert not expected_error
        except ServiceError:
            assert expected_error
    stored = {key: Version.objects.get(pk=pk).status for key, pk in ids.items()}
    assert stored == ledger.statuses


def test_several_pauses_leave_one_waiting_follow_up(alex, sam):
    services.version_sign(actor=alex, version=pact(sam))
    for _ in range(3):
        pause_lift(actor=alex, pause=pause_start(actor=alex))
    assert FollowUp.objects.count() == 1


def test_a_proposal_leaves_a_neutral_notice_for_the_partner_only(alex, sam):
    from evenly.core.models import Notification

    values(alex, "PRIVATE words")
    assert list(Notification.objects.values_list("user_id", "kind")) == [(sam.pk, "agreement_proposed")]


def test_a_landed_follow_up_leaves_a_neutral_notice_for_both(alex, sam):
    from evenly.agreements.tasks import follow_up_land
    from evenly.core.models import Notification

    services.version_sign(actor=alex, version=pact(sam))
    pause_lift(actor=alex, pause=pause_start(actor=alex))
    follow_up_land.call(FollowUp.objects.get().pk)
    assert set(Notification.objects.filter(kind="follow_up_due").values_list("user_id", flat=True)) == {alex.pk, sam.pk}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.text(max_size=2100), touchstones=st.lists(st.text(max_size=120), max_size=3))
def test_any_typed_values_are_kept_exactly_or_refused_with_a_message(alex, sam, words, touchstones):
    try:
        version = services.values_propose(actor=alex, touchstones=touchstones, words=words)
    except ServiceError as error:
        assert error.message
        return
    stored = Version.objects.get(pk=version.pk).statement
    assert stored == version.statement and len(stored) <= 2000
    if words.strip():
        assert stored.endswith(words.strip())


@pytest.mark.django_db(transaction=True)
def test_the_worker_lands_the_follow_up_when_it_is_due(alex, sam):
    from django_tasks_db.models import DBTaskResult

    from evenly.core.lifespan import _run_ready_tasks

    services.version_sign(actor=alex, version=pact(sam))
    pause_lift(actor=alex, pause=pause_start(actor=alex))
    follow_up = FollowUp.objects.get()
    _run_ready_tasks()
    assert FollowUp.objects.get().landed_at is None  # not due yet
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))
    _run_ready_tasks()
    (entry,) = agenda_for(viewer=sam, couple_id=follow_up.couple_id)
    assert entry.follow_up_id == follow_up.pk
