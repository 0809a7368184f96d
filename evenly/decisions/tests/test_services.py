from datetime import timedelta

import pytest
from django.utils import timezone

from evenly.boundaries.guard import NOT_OPEN_MESSAGE
from evenly.boundaries.models import Area, Boundary, Kind
from evenly.core.errors import ServiceError
from evenly.decisions import services
from evenly.decisions.models import (
    Decision,
    Experiment,
    ExperimentStatus,
    Option,
    Outcome,
    Round,
    Stage,
)
from evenly.decisions.tests import helpers
from evenly.pause.services import pause_start

pytestmark = pytest.mark.django_db


def test_it_reveals_views_only_once_both_are_written(alex, sam):
    decision = services.decision_open(actor=alex, topic="Evenings")
    services.decision_write_view(actor=alex, decision=decision, text="mine")
    assert Decision.objects.get(pk=decision.pk).views_revealed_at is None
    services.decision_write_view(actor=sam, decision=decision, text="theirs")
    decision.refresh_from_db()
    assert decision.views_revealed_at is not None and decision.stage == Stage.UNDERSTANDING


def test_it_keeps_views_as_they_were_after_the_reveal(alex, sam):
    decision = helpers.views_revealed(alex, sam)
    with pytest.raises(ServiceError, match="already showing"):
        services.decision_write_view(actor=alex, decision=decision, text="changed")


def test_it_moves_on_only_once_both_summaries_are_confirmed(alex, sam):
    decision = helpers.views_revealed(alex, sam)
    services.decision_write_summary(actor=alex, decision=decision, text="You want X")
    services.decision_correct_summary(actor=sam, decision=decision, note="More Y than X")
    mine = decision.perspectives.get(user=alex)
    assert mine.correction == "More Y than X" and mine.summary_written_at is None
    with pytest.raises(ServiceError):
        services.decision_confirm_summary(actor=sam, decision=decision)  # nothing to confirm until rewritten
    services.decision_write_summary(actor=alex, decision=decision, text="You want Y")
    services.decision_confirm_summary(actor=sam, decision=decision)
    assert Decision.objects.get(pk=decision.pk).stage == Stage.UNDERSTANDING
    services.decision_write_summary(actor=sam, decision=decision, text="You want Z")
    services.decision_confirm_summary(actor=alex, decision=decision)
    assert Decision.objects.get(pk=decision.pk).stage == Stage.OPTIONS


def test_it_shows_the_suggestion_once_both_finish_rating(alex, sam):
    decision = helpers.rated(alex, sam)
    assert decision.stage == Stage.AGREEING
    assert Round.objects.get(decision=decision).ratings_revealed_at is not None


def test_it_needs_every_option_rated_before_done(alex, sam):
    decision = helpers.understood(alex, sam)
    services.option_add(actor=alex, decision=decision, text="One")
    services.option_add(actor=sam, decision=decision, text="Two")
    first = Option.objects.filter(round__decision=decision).first()
    with pytest.raises(ServiceError, match="Rate every option"):
        services.ratings_save(
            actor=alex, decision=decision, levels={first.pk: 3}, seen_versions={first.pk: first.version}, done=True
        )


def test_it_locks_ratings_once_the_suggestion_shows(alex, sam):
    decision = helpers.rated(alex, sam)
    with pytest.raises(ServiceError, match="locked"):
        helpers.rate(decision, alex, (1, 1))


def test_it_unlocks_ratings_when_going_back_to_the_options_and_keeps_them(alex, sam):
    decision = helpers.rated(alex, sam)
    services.ratings_reopen(actor=sam, decision=decision)
    decision.refresh_from_db()
    assert decision.stage == Stage.OPTIONS
    assert Option.objects.filter(round__decision=decision).first().ratings.count() == 2
    helpers.rate(decision, alex, (2, 5))


def test_it_refuses_an_edit_over_a_newer_version_and_keeps_both(alex, sam):
    # The author, on two devices: the second save never overwrites the first.
    decision = helpers.understood(alex, sam)
    option = services.option_add(actor=alex, decision=decision, text="Original")
    services.option_edit(actor=alex, option=option, text="Phone wording", seen_version=1, is_compromise=False)
    with pytest.raises(services.OptionChanged) as conflict:
        services.option_edit(actor=alex, option=option, text="Laptop wording", seen_version=1, is_compromise=False)
    assert conflict.value.option.text == "Phone wording"
    option.refresh_from_db()
    assert option.text == "Phone wording" and option.version == 2


def test_only_the_author_of_an_option_changes_its_wording(alex, sam):
    decision = helpers.understood(alex, sam)
    option = services.option_add(actor=alex, decision=decision, text="Original")
    with pytest.raises(services.NotYourOption):
        services.option_edit(actor=sam, option=option, text="Sam's wording", seen_version=1, is_compromise=False)
    option.refresh_from_db()
    assert option.text == "Original" and option.version == 1


def test_it_skips_a_rating_for_wording_that_changed_meanwhile(alex, sam):
    decision = helpers.understood(alex, sam)
    option = services.option_add(actor=alex, decision=decision, text="Original")
    services.option_edit(actor=alex, option=option, text="Changed", seen_version=1, is_compromise=False)
    changed = services.ratings_save(
        actor=sam, decision=decision, levels={option.pk: 4}, seen_versions={option.pk: 1}, done=True
    )
    assert [o.pk for o in changed] == [option.pk]
    assert not option.ratings.exists()


def test_it_refuses_to_sign_an_option_that_changed_since_it_was_viewed(alex, sam):
    decision = helpers.rated(alex, sam)
    option = Option.objects.filter(round__decision=decision).first()
    with pytest.raises(ServiceError, match="changed after you opened"):
        services.agreement_sign(
            actor=alex,
            decision=decision,
            option=option,
            seen_version=option.version - 1 if option.version > 1 else 99,
            trial_days=14,
        )
    assert not decision.rounds.get().seats.filter(signed_at__isnull=False).exists()


def test_it_never_adopts_an_option_someone_cant_live_with(alex, sam):
    decision = helpers.rated(alex, sam, a_levels=(1, 4), b_levels=(5, 4))
    vetoed = Option.objects.filter(round__decision=decision).first()
    with pytest.raises(ServiceError, match="can't live with"):
        services.agreement_sign(
            actor=sam,
            decision=decision,
            option=vetoed,
            seen_version=vetoed.version,
            trial_days=7,
        )


def test_it_starts_the_trial_only_when_both_sign_the_same_terms(alex, sam):
    decision = helpers.rated(alex, sam)
    first, second = Option.objects.filter(round__decision=decision)
    assert not services.agreement_sign(actor=alex, decision=decision, option=first, seen_version=1, trial_days=14)
    assert not services.agreement_sign(actor=sam, decision=decision, option=second, seen_version=1, trial_days=14)
    assert services.agreement_sign(actor=alex, decision=decision, option=second, seen_version=1, trial_days=14)
    round_ = Round.objects.get(decision=decision)
    assert round_.adopted_option == second and round_.adopted_proposed_by == sam
    assert Decision.objects.get(pk=decision.pk).stage == Stage.TRIAL


def test_it_keeps_the_decision_when_both_choose_to_and_records_a_win(alex, sam):
    decision = helpers.agreed(alex, sam)
    services.review_submit(actor=alex, decision=decision, level=5, next_step="keep")
    assert Decision.objects.get(pk=decision.pk).stage == Stage.TRIAL
    services.review_submit(actor=sam, decision=decision, level=4, next_step="keep")
    decision.refresh_from_db()
    round_ = decision.rounds.get()
    assert decision.stage == Stage.KEPT and round_.outcome == Outcome.KEPT and round_.both_rated_well


def test_it_opens_a_new_round_when_the_partners_choose_differently(alex, sam):
    decision = helpers.agreed(alex, sam)
    services.review_submit(actor=alex, decision=decision, level=2, next_step="drop")
    services.review_submit(actor=sam, decision=decision, level=4, next_step="keep")
    decision.refresh_from_db()
    assert decision.stage == Stage.OPTIONS and decision.round_number == 2
    assert decision.rounds.get(number=1).both_rated_well is False
    with pytest.raises(ServiceError):
        services.review_submit(actor=sam, decision=decision, level=4, next_step="keep")


def test_it_lets_a_decision_wait_and_resume_without_losing_anything(alex, sam):
    decision = helpers.views_revealed(alex, sam)
    services.decision_set_aside(actor=sam, decision=decision)
    Decision.objects.filter(pk=decision.pk).update(updated_at=timezone.now() - timedelta(weeks=8))
    decision.refresh_from_db()
    with pytest.raises(ServiceError, match="set aside"):
        services.decision_write_summary(actor=alex, decision=decision, text="x")
    services.decision_resume(actor=alex, decision=decision)
    services.decision_write_summary(actor=alex, decision=decision, text="x")
    assert decision.perspectives.get(user=alex).view == "PRIVATE-VIEW-A"


def test_it_holds_shared_steps_during_a_pause(alex, sam):
    decision = helpers.views_revealed(alex, sam)
    pause_start(actor=sam)
    with pytest.raises(ServiceError, match="paused"):
        services.decision_write_summary(actor=alex, decision=decision, text="x")
    with pytest.raises(ServiceError, match="paused"):
        services.experiment_propose(actor=alex, idea="a", ends_when="b", then_what="c")


def test_it_lets_either_partner_end_an_experiment_even_during_a_pause(alex, sam):
    experiment = helpers.running(alex, sam)
    pause_start(actor=alex)
    services.experiment_end(actor=sam, experiment=experiment)
    experiment.refresh_from_db()
    assert experiment.status == ExperimentStatus.ENDED and experiment.ended_by == sam


def test_it_runs_an_experiment_only_after_the_partner_says_yes(alex, sam):
    experiment = helpers.proposed(alex)
    assert experiment.status == ExperimentStatus.PROPOSED
    with pytest.raises(ServiceError):
        services.experiment_consent(actor=alex, experiment=experiment)
    services.experiment_consent(actor=sam, experiment=experiment)
    assert Experiment.objects.get(pk=experiment.pk).status == ExperimentStatus.RUNNING


def test_it_needs_an_exit_strategy(alex, sam):
    with pytest.raises(ServiceError, match="All three"):
        services.experiment_propose(actor=alex, idea="Something", ends_when="", then_what="tea")


def test_it_refuses_an_experiment_touching_the_partners_hard_limit(alex, sam):
    Boundary.objects.create(author=sam, area=Area.ACTIVITIES, kind=Kind.HARD_LIMIT, wording="candle wax")
    with pytest.raises(ServiceError) as refusal:
        services.experiment_propose(actor=alex, idea="Try candle wax", ends_when="stop", then_what="tea")
    assert refusal.value.message == NOT_OPEN_MESSAGE
    assert not Experiment.objects.exists()


def test_it_refuses_an_option_touching_the_partners_hard_limit(alex, sam):
    Boundary.objects.create(author=sam, area=Area.ACTIVITIES, kind=Kind.HARD_LIMIT, wording="candle wax")
    decision = helpers.understood(alex, sam)
    with pytest.raises(ServiceError, match=NOT_OPEN_MESSAGE):
        services.option_add(actor=alex, decision=decision, text="Candle wax on Fridays")


def test_it_reveals_debriefs_together(alex, sam):
    experiment = helpers.running(alex, sam)
    with pytest.raises(ServiceError, match="after the experiment ends"):
        services.debrief_write(actor=alex, experiment=experiment, worked="a", didnt_work="", surprised="")
    services.experiment_end(actor=alex, experiment=experiment)
    services.debrief_write(actor=alex, experiment=experiment, worked="a", didnt_work="", surprised="")
    assert Experiment.objects.get(pk=experiment.pk).debriefs_revealed_at is None
    services.debrief_write(actor=sam, experiment=experiment, worked="", didnt_work="b", surprised="")
    assert Experiment.objects.get(pk=experiment.pk).debriefs_revealed_at is not None
    with pytest.raises(ServiceError, match="already revealed"):
        services.debrief_write(actor=sam, experiment=experiment, worked="c", didnt_work="", surprised="")


def test_it_keeps_the_balance_facts_when_the_words_are_erased(alex, sam):
    from evenly.decisions.personal_data import erase

    decision = helpers.agreed(alex, sam)
    erase(alex)
    decision.refresh_from_db()
    round_ = decision.rounds.get()
    assert decision.topic == "" and decision.opened_by == alex
    assert round_.adopted_proposed_by == alex and round_.adopted_option.text == ""


def test_the_demo_seeds_every_stage(db):
    from evenly.core.management.commands.seed_demo import seed_couples, seed_users
    from evenly.decisions.demo import seed_decisions

    users = seed_users()
    seed_couples(users)
    seed_decisions(users)
    stages = set(Decision.objects.values_list("stage", flat=True))
    assert {Stage.AGREEING, Stage.TRIAL, Stage.VIEWS} <= stages
    assert Experiment.objects.filter(status=ExperimentStatus.RUNNING).exists()
    assert Experiment.objects.filter(debriefs_revealed_at__isnull=False).exists()
    seed_decisions(users)  # running it again changes nothing
    assert Decision.objects.count() == 3


@pytest.mark.parametrize("days", [7, 14, 30, 90])
def test_the_look_back_follows_the_trials_length(alex, sam, days):
    decision = helpers.rated(alex, sam)
    option = Option.objects.filter(round__decision=decision).order_by("created_at").first()
    for person in (alex, sam):
        services.agreement_sign(
            actor=person, decision=decision, option=option, seen_version=option.version, trial_days=days
        )
    round_ = Round.objects.get(decision=decision)
    assert round_.trial_days == days
    assert round_.review_on == timezone.localdate() + timedelta(days=days)


def test_the_look_back_is_a_day_in_the_couples_own_calendar(alex, sam):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from evenly.couples.models import Couple

    couple = Couple.objects.get(memberships__user=alex)
    couple.timezone = "Pacific/Auckland"
    # 20:00 UTC on 1 March is already 2 March in Auckland.
    agreed_at = datetime(2027, 3, 1, 20, 0, tzinfo=ZoneInfo("UTC"))
    assert services.look_back_on(agreed_at=agreed_at, trial_days=7, couple=couple).isoformat() == "2027-03-09"


def test_the_invitee_can_answer_with_a_changed_version(alex, sam, event_tap, django_capture_on_commit_callbacks):
    from evenly.decisions.models import Experiment, ExperimentStatus

    original = helpers.proposed(alex)
    event_tap.listen(alex, sam)
    with django_capture_on_commit_callbacks(execute=True):
        counter = services.experiment_counter(
            actor=sam, experiment=original, idea="The walk, but on Sundays", ends_when="Either says so", then_what="Tea"
        )
    original.refresh_from_db()
    assert original.status == ExperimentStatus.COUNTERED
    assert counter.proposed_by == sam and counter.counter_of == original
    assert counter.status == ExperimentStatus.PROPOSED
    for person in (alex, sam):
        received = [m["ids"] for m in event_tap.received(person)]
        assert received == [{"experiment": original.pk}, {"experiment": counter.pk}]
        assert "Sundays" not in repr(received)
    # Now it waits for Alex's yes; Sam can't say yes to her own version.
    with pytest.raises(ServiceError):
        services.experiment_consent(actor=sam, experiment=counter)
    assert services.experiment_consent(actor=alex, experiment=counter).status == ExperimentStatus.RUNNING
    assert Experiment.objects.count() == 2


def test_a_changed_version_is_only_the_invitees_and_only_while_it_waits(alex, sam):
    original = helpers.proposed(alex)
    with pytest.raises(ServiceError):
        services.experiment_counter(actor=alex, experiment=original, idea="x", ends_when="y", then_what="z")
    with pytest.raises(ServiceError, match="All three"):
        services.experiment_counter(actor=sam, experiment=original, idea="x", ends_when=" ", then_what="z")
    services.experiment_not_now(actor=sam, experiment=original)
    with pytest.raises(ServiceError):
        services.experiment_counter(actor=sam, experiment=original, idea="x", ends_when="y", then_what="z")


def test_a_correction_is_in_its_writers_export_and_not_the_partners(alex, sam):
    from evenly.core.personal_data import export_for

    decision = helpers.views_revealed(alex, sam)
    services.decision_write_summary(actor=alex, decision=decision, text="You want X")
    services.decision_correct_summary(actor=sam, decision=decision, note="CORRECTION-BY-SAM")
    sams = export_for(sam)["decisions"]
    assert sams["my_corrections_to_my_partners_summary"] == [  # type: ignore[index]
        {"decision_id": decision.pk, "correction": "CORRECTION-BY-SAM"}
    ]
    assert "CORRECTION-BY-SAM" not in str(export_for(alex))
