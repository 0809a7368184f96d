"""Why the suggestion is fairest, in whole sentences, in the reader's language."""

from django.utils import translation

from evenly.decisions.suggestion import Suggestion
from evenly.decisions.wording import suggestion_reason


def test_it_explains_without_saying_who_rated_what():
    text = suggestion_reason(Suggestion(key=1, floor=3, total=7, decided_by="floor"))
    assert text == "It's the best option for whichever of you likes it least: neither of you rated it below 'okay'."
    assert "liked more overall" in suggestion_reason(Suggestion(key=1, floor=3, total=8, decided_by="total"))
    assert "added first" in suggestion_reason(Suggestion(key=1, floor=2, total=6, decided_by="order"))
    assert suggestion_reason(Suggestion(key=1, floor=5, total=10, decided_by="floor")) == "You both love this one."


def test_it_explains_in_spanish():
    with translation.override("es"):
        text = suggestion_reason(Suggestion(key=1, floor=4, total=9, decided_by="total"))
    assert "«me gusta»" in text
    assert "overall" not in text and "whichever" not in text
