"""One feelings vocabulary for the whole app."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evenly.journal import feelings

# The keys moments stored before the vocabulary grew: they must keep their words.
EARLIER_KEYS = [
    "at_ease",
    "safe",
    "close",
    "cared_for",
    "grateful",
    "hopeful",
    "anxious",
    "unsure",
    "tense",
    "overwhelmed",
    "confused",
    "on_edge",
    "sad",
    "lonely",
    "disappointed",
    "tired",
    "unseen",
    "small",
    "frustrated",
    "hurt",
    "resentful",
    "pressured",
    "trapped",
    "impatient",
    "in_charge",
    "responsible",
    "uneasy",
    "guilty",
    "awkward",
    "relieved",
]


def test_every_earlier_key_still_has_its_word():
    assert all(key in feelings.LABELS for key in EARLIER_KEYS)
    assert feelings.labels_for(["hurt", "small"]) == ["small", "hurt"]


def test_every_feeling_has_a_definition_and_keys_are_unique():
    keys = [f.key for _group, items in feelings.GROUPED for f in items]
    assert len(keys) == len(set(keys))
    assert all(str(f.definition).endswith(".") for f in feelings.FEELINGS.values())


def test_judgments_are_not_feelings_and_point_at_real_ones():
    labels = {str(label) for label in feelings.LABELS.values()}
    for judgment in feelings.JUDGMENTS:
        assert str(judgment.word) not in labels
        assert judgment.underneath and all(key in feelings.FEELINGS for key in judgment.underneath)


def test_search_matches_words_and_definitions():
    groups, judgments = feelings.search("ABANDON")
    assert [str(j.word) for j in judgments] == ["abandoned"]
    groups, _ = feelings.search("weight has lifted")
    assert [f.key for _g, items in groups for f in items] == ["relieved"]


def test_the_checkins_moment_form_uses_the_same_vocabulary():
    from evenly.checkins.forms import MomentForm

    offered = {key for _group, items in MomentForm().fields["feelings"].choices for key, _label in items}
    assert offered == set(feelings.LABELS)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_search_never_fails_and_an_empty_query_finds_everything(query):
    groups, _judgments = feelings.search(query)
    assert isinstance(groups, list)
    everything, _ = feelings.search("")
    assert sum(len(items) for _g, items in everything) == len(feelings.FEELINGS)


@given(st.lists(st.sampled_from(sorted(feelings.LABELS)), max_size=8))
def test_join_and_split_round_trip(keys):
    assert set(feelings.split(feelings.join(keys))) == set(keys)
