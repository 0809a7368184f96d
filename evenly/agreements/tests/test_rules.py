"""The co-signing rules, the word diff and the follow-up time: pure logic."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenly.agreements import rules

A, B = 1, 2
operations = st.lists(
    st.tuples(st.sampled_from(["propose", "sign", "withdraw"]), st.sampled_from([A, B]), st.integers(1, 8)),
    max_size=30,
)


@given(operations)
def test_it_keeps_every_version_and_at_most_one_current_signed_by_both(ops):
    ledger = rules.Ledger(members=frozenset({A, B}))
    proposed = 0
    for op, user, pick in ops:
        if op == "propose":
            ledger.propose(user)
            proposed += 1
            continue
        if not ledger.statuses:
            continue
        version = (pick - 1) % len(ledger.statuses) + 1
        before = ledger.statuses[version]
        try:
            ledger.sign(user, version) if op == "sign" else ledger.withdraw(version)
        except rules.RuleError:
            assert before in rules.CLOSED or (op == "sign" and before == rules.CURRENT)
            continue
        if op == "withdraw" and before == rules.CURRENT:
            assert ledger.current is None  # back to no current version
    assert len(ledger.statuses) == proposed  # nothing is ever lost
    currents = [v for v, s in ledger.statuses.items() if s == rules.CURRENT]
    assert len(currents) <= 1
    for version in currents:
        assert ledger.signers[version] == {A, B}
    for version, status in ledger.statuses.items():
        if status == rules.PROPOSED:
            assert ledger.signers[version] != {A, B}


def test_it_keeps_both_proposals_made_at_once():
    ledger = rules.Ledger(members=frozenset({A, B}))
    first, second = ledger.propose(A), ledger.propose(B)
    assert ledger.statuses == {first: rules.PROPOSED, second: rules.PROPOSED}
    ledger.sign(B, first)
    assert ledger.current == first and ledger.statuses[second] == rules.PROPOSED
    ledger.sign(A, second)
    assert ledger.current == second and ledger.statuses[first] == rules.SUPERSEDED


def test_it_refuses_to_sign_a_closed_version():
    with pytest.raises(rules.RuleError):
        rules.status_after_signing(status=rules.WITHDRAWN, signers=[A, B], members=[A, B])


words = st.lists(st.sampled_from(["we", "take", "turns", "kindly", "always", "slow", "\n", "  "]), max_size=25)


@given(words, words)
def test_the_word_diff_rebuilds_both_texts(old, new):
    old_text, new_text = " ".join(old), " ".join(new)
    runs = rules.word_diff(old_text, new_text)
    assert "".join(t for k, t in rules.side(runs, kind=rules.REMOVED)) == old_text
    assert "".join(t for k, t in rules.side(runs, kind=rules.ADDED)) == new_text


def test_the_word_diff_marks_changed_words():
    runs = rules.word_diff("we take turns", "we always take turns")
    assert (rules.ADDED, "always ") in runs


def test_a_follow_up_lands_at_six_the_next_day_in_the_couples_zone():
    zone = ZoneInfo("Europe/Berlin")
    ended = datetime(2026, 3, 28, 23, 30, tzinfo=zone)
    assert rules.follow_up_time(rules.NEXT_DAY, ended=ended) == datetime(2026, 3, 29, 18, 0, tzinfo=zone)
    assert rules.follow_up_time(rules.SAME_DAY, ended=ended) == datetime(
        2026, 3, 29, 3, 30, tzinfo=zone
    )  # the clocks went forward
    with pytest.raises(rules.RuleError):
        rules.follow_up_time("whenever", ended=ended)
