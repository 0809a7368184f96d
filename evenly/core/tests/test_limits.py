"""One length rule: a service refuses what its form would, whatever the path."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evenly.core.errors import ServiceError
from evenly.core.limits import check_length


@given(st.text(max_size=60), st.integers(min_value=0, max_value=50))
def test_a_text_fits_exactly_when_it_is_no_longer_than_the_limit(text, limit):  # type: ignore[no-untyped-def]
    if len(text) <= limit:
        assert check_length(text, limit=limit) == text
    else:
        with pytest.raises(ServiceError, match=f"under {limit:,} characters"):
            check_length(text, limit=limit)


def test_a_decision_option_too_long_is_refused_by_the_service(alex, sam):  # type: ignore[no-untyped-def]
    from evenly.decisions import services
    from evenly.decisions.models import OPTION_MAX, Option

    decision = services.decision_open(actor=alex, topic="Evenings")
    with pytest.raises(ServiceError, match="characters"):
        services.option_add(actor=alex, decision=decision, text="x" * (OPTION_MAX + 1))
    assert not Option.objects.exists()
