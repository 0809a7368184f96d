"""The turn-taking of one check-in, as a small state machine. Pure Python:
no Django here, so the rules can be read, and tested, on their own.

A check-in starts with both partners accepting the ground rules. Then one
speaks, the other reflects what they heard, and the speaker either confirms
the reflection or clarifies, in which case the listener tries again. Only a
confirmed reflection hands the word to the other partner. When both have
been heard the round is done: they begin another round or close.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class State(StrEnum):
    RULES = "rules"
    SPEAKING = "speaking"
    REFLECTING = "reflecting"
    CONFIRMING = "confirming"
    ROUND_DONE = "round_done"
    CLOSED = "closed"


class Action(StrEnum):
    ACCEPT_RULES = "accept_rules"
    SPEAK = "speak"
    REFLECT = "reflect"
    CONFIRM = "confirm"
    CLARIFY = "clarify"
    NEXT_ROUND = "next_round"
    CLOSE = "close"


# Actions that carry words (typed, or said aloud).
SAYING = frozenset({Action.SPEAK, Action.REFLECT, Action.CLARIFY})


class FlowError(Exception):
    """An action that is not open to this person right now."""


@dataclass(frozen=True)
class Session:
    """Where a check-in stands. Partners are identified by any two distinct
    ints (user ids in the app)."""

    partners: tuple[int, int]
    speaker: int
    round_first: int
    state: State = State.RULES
    round: int = 1
    spoken: frozenset[int] = frozenset()
    accepted: frozenset[int] = frozenset()

    @property
    def listener(self) -> int:
        return other(self, self.speaker)

    def to_dict(self) -> dict[str, object]:
        return {
            "partners": list(self.partners),
            "speaker": self.speaker,
            "round_first": self.round_first,
            "state": self.state.value,
            "round": self.round,
            "spoken": sorted(self.spoken),
            "accepted": sorted(self.accepted),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Session:
        partners = tuple(int(p) for p in data["partners"])  # type: ignore[attr-defined]
        return cls(
            partners=(partners[0], partners[1]),
            speaker=int(data["speaker"]),  # type: ignore[call-overload]
            round_first=int(data["round_first"]),  # type: ignore[call-overload]
            state=State(str(data["state"])),
            round=int(data["round"]),  # type: ignore[call-overload]
            spoken=frozenset(int(p) for p in data["spoken"]),  # type: ignore[attr-defined]
            accepted=frozenset(int(p) for p in data["accepted"]),  # type: ignore[attr-defined]
        )


def start(*, first_speaker: int, other_partner: int) -> Session:
    if first_speaker == other_partner:
        raise ValueError("A check-in needs two different partners.")
    return Session(partners=(first_speaker, other_partner), speaker=first_speaker, round_first=first_speaker)


def other(session: Session, who: int) -> int:
    first, second = session.partners
    return second if who == first else first


def first_speaker_for(*, starter: int, partner: int, previous_first: int | None) -> int:
    """Who speaks first: the other one than last time. The very first time,
    the partner who did not start the check-in is invited to go first."""
    if previous_first in (starter, partner):
        return partner if previous_first == starter else starter
    return partner


def holder(session: Session) -> int | None:
    """Whose turn it is, or None when it is both partners' moment (the rules,
    the end of a round) or nobody's (closed)."""
    if session.state in (State.SPEAKING, State.CONFIRMING):
        return session.speaker
    if session.state == State.REFLECTING:
        return session.listener
    return None


def allowed(session: Session, who: int) -> frozenset[Action]:
    """What `who` may do now. Either partner may close at any time."""
    if who not in session.partners or session.state == State.CLOSED:
        return frozenset()
    actions: set[Action] = {Action.CLOSE}
    if session.state == State.RULES and who not in session.accepted:
        actions.add(Action.ACCEPT_RULES)
    elif session.state == State.SPEAKING and who == session.speaker and who not in session.spoken:
        actions.add(Action.SPEAK)
    elif session.state == State.REFLECTING and who == session.listener:
        actions.add(Action.REFLECT)
    elif session.state == State.CONFIRMING and who == session.speaker:
        actions.update({Action.CONFIRM, Action.CLARIFY})
    elif session.state == State.ROUND_DONE:
        actions.add(Action.NEXT_ROUND)
    return frozenset(actions)


def apply(session: Session, who: int, action: Action) -> Session:
    """The session after `who` does `action`; FlowError if it isn't theirs to do."""
    if action not in allowed(session, who):
        raise FlowError(f"{action} is not open to {who} in {session.state}")
    if action == Action.CLOSE:
        return replace(session, state=State.CLOSED)
    if action == Action.ACCEPT_RULES:
        accepted = session.accepted | {who}
        state = State.SPEAKING if accepted == set(session.partners) else State.RULES
        return replace(session, accepted=accepted, state=state)
    if action == Action.SPEAK:
        return replace(session, spoken=session.spoken | {who}, state=State.REFLECTING)
    if action == Action.REFLECT:
        return replace(session, state=State.CONFIRMING)
    if action == Action.CLARIFY:
        return replace(session, state=State.REFLECTING)
    if action == Action.CONFIRM:
        if session.listener not in session.spoken:
            return replace(session, speaker=session.listener, state=State.SPEAKING)
        return replace(session, state=State.ROUND_DONE)
    # NEXT_ROUND: whoever went second last round goes first now.
    first = other(session, session.round_first)
    return replace(
        session, round=session.round + 1, spoken=frozenset(), speaker=first, round_first=first, state=State.SPEAKING
    )
