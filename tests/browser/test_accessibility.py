"""Every page of the foundation passes axe-core, light and dark, and none of
them asks anything of a third party. Screenshots land in test-artifacts/."""

from __future__ import annotations

import pytest

from tests.browser.conftest import AXE, DESKTOP, MOBILE
from tests.browser.tour import tour

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume"),
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_it_passes_axe_on_every_page(browsing, make_user, scheme):
    if not AXE.exists():
        pytest.skip("axe-core not installed: run npm install in the project root")
    from tests.browser.conftest import axe_violations

    problems: list[str] = []
    visited = []
    # bypass_csp only so that axe itself can be injected into the page.
    for label, page in tour(browsing, make_user, color_scheme=scheme, bypass_csp=True):
        visited.append(label)
        problems += axe_violations(page, context=f"{label}, {scheme}")
        page.set_viewport_size(MOBILE)
        browsing.screenshot(page, f"{label}-{scheme}-mobile")
        page.set_viewport_size(DESKTOP)
        browsing.screenshot(page, f"{label}-{scheme}-desktop")
        problems += axe_violations(page, context=f"{label}, {scheme}, desktop")
        page.set_viewport_size(MOBILE)
    assert len(visited) == 22
    assert not problems, "Accessibility violations:\n" + "\n".join(problems)


def test_it_makes_no_third_party_requests_on_any_page(browsing, make_user):
    # The guard in `browsing` fails the test on any request that leaves 127.0.0.1.
    visited = [label for label, _page in tour(browsing, make_user)]
    assert len(visited) == 22
