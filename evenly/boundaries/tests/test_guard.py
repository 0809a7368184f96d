import pytest

from evenly.boundaries.guard import NOT_OPEN_MESSAGE, check_proposal, proposal_is_open, touches_phrase
from evenly.boundaries.models import Boundary, Kind
from evenly.core.errors import ServiceError
from evenly.core.models import Visibility

pytestmark = pytest.mark.django_db


def _limit(author, *, item=None, wording="", shared=False):
    return Boundary.objects.create(
        author=author,
        catalogue_item_id=item,
        wording=wording,
        area="touch",
        kind=Kind.HARD_LIMIT,
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
    )


@pytest.mark.parametrize("shared", [True, False])
def test_it_stops_a_proposal_touching_a_partners_hard_limit(alex, sam, shared):
    _limit(sam, item=110, shared=shared)
    assert not proposal_is_open(proposer=alex, catalogue_item_ids=[110])
    with pytest.raises(ServiceError) as error:
        check_proposal(proposer=alex, catalogue_item_ids=[103, 110])
    assert error.value.message == NOT_OPEN_MESSAGE


def test_it_lets_other_items_through(alex, sam):
    _limit(sam, item=110)
    assert proposal_is_open(proposer=alex, catalogue_item_ids=[103])
    check_proposal(proposer=alex, catalogue_item_ids=[103], text="A long walk")


def test_it_ignores_the_proposers_own_limits(alex, sam):
    _limit(alex, item=110)
    assert proposal_is_open(proposer=alex, catalogue_item_ids=[110])


def test_it_ignores_other_couples(alex, sam, jordan):
    _limit(jordan, item=110)
    assert proposal_is_open(proposer=alex, catalogue_item_ids=[110])


def test_it_matches_free_text_against_custom_wording_and_titles(alex, sam):
    _limit(sam, wording="Being woken up")
    _limit(sam, item=110)  # Tickling
    assert not proposal_is_open(proposer=alex, text="What about being WOKEN up, gently?")
    assert not proposal_is_open(proposer=alex, text="a little tickling tonight")
    assert proposal_is_open(proposer=alex, text="Breakfast upstairs at ten")  # whole words only
    assert proposal_is_open(proposer=alex, text="A slow evening")


def test_a_person_without_a_partner_is_never_blocked(casey):
    assert proposal_is_open(proposer=casey, catalogue_item_ids=[110], text="tickling")


def test_phrases_match_as_whole_words():
    assert touches_phrase("Lights on, please", "lights on")
    assert not touches_phrase("spotlights only", "lights")
    assert not touches_phrase("anything", "")


def test_it_catches_a_hard_limit_in_other_words(alex, sam):
    _limit(sam, item=110)  # Tickling
    assert not proposal_is_open(proposer=alex, text="Lots of tickles tonight")
    with pytest.raises(ServiceError) as error:
        check_proposal(proposer=alex, text="A tickle fight on the sofa")
    assert error.value.message == NOT_OPEN_MESSAGE


def test_it_catches_a_private_limit_in_the_partners_own_words(alex, sam):
    _limit(sam, wording="Being filmed")
    assert not proposal_is_open(proposer=alex, text="Making a little movie of us")
    # A chosen catalogue item is read as words too.
    assert proposal_is_open(proposer=alex, catalogue_item_ids=[214])  # Taking photos
    _limit(sam, wording="Pictures of me")
    assert not proposal_is_open(proposer=alex, catalogue_item_ids=[214])
    assert proposal_is_open(proposer=alex, text="Dinner by candlelight", catalogue_item_ids=[103])


def test_unrelated_proposals_stay_open(alex, sam):
    _limit(sam, item=110)
    _limit(sam, wording="Being filmed")
    for text in ["A slow dance in the kitchen", "Breakfast in the garden", "A long bath together"]:
        assert proposal_is_open(proposer=alex, text=text), text


def test_boundary_add_still_takes_its_keywords(alex, sam):
    from evenly.boundaries.services import boundary_add

    boundary_add(actor=sam, kind="hard_limit", catalogue_item_id=110)
    boundary_add(actor=sam, kind="hard_limit", wording="Being filmed", area="activities")
    assert not proposal_is_open(proposer=alex, catalogue_item_ids=(), text="Record a video")
