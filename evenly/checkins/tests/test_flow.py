"""The turn-taking rules, on their own: hypothesis drives random steps by
random people and checks the invariants after each one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evenly.checkins import flow
from evenly.checkins.flow import Action, State

A, B, STRANGER = 1, 2, 3
steps = st.lists(st.tuples(st.sampled_from([A, B, STRANGER]), st.sampled_from(list(Action))), max_size=60)


def fresh() -> flow.Session:
    return flow.start(first_speaker=A, other_partner=B)


def test_it_begins_with_the_rules_and_the_first_speaker():
    session = fresh()
    assert session.state == State.RULES
    assert session.speaker == A
    assert flow.allowed(session, A) == {Action.ACCEPT_RULES, Action.CLOSE}


def test_it_swaps_only_after_a_confirmed_reflection():
    session = fresh()
    for who, action in [(A, "accept_rules"), (B, "accept_rules"), (A, "speak"), (B, "reflect"), (A, "clarify")]:
        session = flow.apply(session, who, Action(action))
    assert session.speaker == A and session.state == State.REFLECTING
    session = flow.apply(session, B, Action.REFLECT)
    session = flow.apply(session, A, Action.CONFIRM)
    assert session.speaker == B and session.state == State.SPEAKING


def test_it_alternates_who_goes_first_across_check_ins_and_rounds():
    assert flow.first_speaker_for(starter=A, partner=B, previous_first=None) == B
    assert flow.first_speaker_for(starter=A, partner=B, previous_first=B) == A
    assert flow.first_speaker_for(starter=B, partner=A, previous_first=A) == B


def test_it_round_trips_through_a_dict():
    session = flow.apply(fresh(), A, Action.ACCEPT_RULES)
    assert flow.Session.from_dict(session.to_dict()) == session


def test_it_refuses_a_stranger():
    with pytest.raises(flow.FlowError):
        flow.apply(fresh(), STRANGER, Action.CLOSE)


@settings(max_examples=400, deadline=None)
@given(steps)
def test_it_keeps_its_invariants_whatever_anyone_tries(sequence):
    session = fresh()
    for who, action in sequence:
        before = session
        if action not in flow.allowed(before, who):
            with pytest.raises(flow.FlowError):
                flow.apply(before, who, action)
            continue
        session = flow.apply(before, who, action)
        # Nobody acts out of turn: the turn steps belong to one person only.
        if action in (Action.SPEAK, Action.CONFIRM, Action.CLARIFY):
            assert who == before.speaker
        if action == Action.REFLECT:
            assert who == before.listener
        # Roles swap only after a confirmed reflection, or a new round.
        if session.speaker != before.speaker:
            assert (before.state, action) in {(State.CONFIRMING, Action.CONFIRM), (State.ROUND_DONE, Action.NEXT_ROUND)}
        # Each partner speaks at most once a round.
        if action == Action.SPEAK:
            assert who not in before.spoken
        assert session.spoken <= {A, B}
        if session.round == before.round and action == Action.SPEAK:
            assert len(session.spoken) == len(before.spoken) + 1
        # The session ends only by closing, and nothing follows a close.
        if session.state == State.CLOSED:
            assert action == Action.CLOSE
            assert flow.allowed(session, A) == flow.allowed(session, B) == frozenset()
        # Nobody speaks before both accepted the ground rules.
        if session.state not in (State.RULES, State.CLOSED):
            assert session.accepted == {A, B}
        # A round is done only when both were heard.
        if session.state == State.ROUND_DONE:
            assert session.spoken == {A, B}
