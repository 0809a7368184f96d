"""Matching tender topics against what comes up: plain, tested words."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evenly.journal.tender import phrases, touches


def test_it_splits_a_topic_into_phrases():
    assert phrases(" Money ;my  Family,\nmoney") == ["money", "my family"]


def test_it_matches_whole_words_ignoring_case_and_plurals():
    assert touches("holiday", ["Where shall we go for the HOLIDAYS?"])
    assert touches("my family", ["Visiting my\nfamily next month"])
    assert touches("money", ["Money worries"])


def test_it_does_not_match_inside_other_words():
    assert not touches("ex", ["An experiment next week"])
    assert not touches("art", ["We could start earlier"])


def test_an_empty_topic_touches_nothing():
    assert not touches(" , ;", ["anything at all"])


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéøßДж", min_size=1, max_size=10)
relaxed = settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60, deadline=None)


@relaxed
@given(words, st.lists(words, max_size=4), st.lists(words, max_size=4))
def test_a_phrase_is_found_wherever_it_stands_between_words(word, before, after):
    text = " ".join([*before, word.upper(), *after])
    assert touches(word, [text])


@relaxed
@given(st.text(max_size=200), st.text(max_size=200))
def test_it_never_fails_on_any_input(topic, text):
    assert touches(topic, [text]) in (True, False)
