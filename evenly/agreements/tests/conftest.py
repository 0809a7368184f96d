import pytest

from evenly.couples.selectors import couple_context


@pytest.fixture
def couple_ctx_for():
    return lambda viewer: couple_context(viewer=viewer)
