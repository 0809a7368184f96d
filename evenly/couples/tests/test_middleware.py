from __future__ import annotations

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from evenly.couples.middleware import couple_context_middleware
from evenly.couples.models import Couple
from evenly.couples.selectors import couple_context


def _run(user, view):  # type: ignore[no-untyped-def]
    request = RequestFactory().get("/")
    request.user = user
    return couple_context_middleware(view)(request)


def test_it_resolves_the_partnership_once_per_request(alex, sam):  # type: ignore[no-untyped-def]
    seen = {}

    def view(request):  # type: ignore[no-untyped-def]
        with CaptureQueriesContext(connection) as queries:
            for _ in range(5):
                ctx = couple_context(viewer=request.user)
        seen["queries"] = len(queries)
        seen["ctx"] = ctx
        seen["same"] = ctx is request.couple_ctx
        return None

    _run(alex, view)
    assert seen["queries"] == 0
    assert seen["same"]
    assert seen["ctx"].partner == sam
    assert seen["ctx"].seat == 1


def test_it_resolves_couple_and_partner_in_one_query(alex, sam):  # type: ignore[no-untyped-def]
    from evenly.couples.selectors import resolve_couple_context

    with CaptureQueriesContext(connection) as queries:
        ctx = resolve_couple_context(viewer=sam)
        assert ctx.partner.display_name == "Alex"
        assert ctx.couple.timezone
        assert ctx.seat == 2
    assert len(queries) == 1


def test_it_activates_the_couples_time_zone_for_the_request(alex):  # type: ignore[no-untyped-def]
    Couple.objects.filter(memberships__user=alex).update(timezone="Europe/Berlin")
    seen = {}

    def view(request):  # type: ignore[no-untyped-def]
        seen["zone"] = timezone.get_current_timezone_name()
        return None

    _run(alex, view)
    assert seen["zone"] == "Europe/Berlin"
    assert timezone.get_current_timezone_name() == "UTC"


def test_it_sees_a_couple_made_during_the_request(casey):  # type: ignore[no-untyped-def]
    from evenly.couples.services import couple_create

    seen = {}

    def view(request):  # type: ignore[no-untyped-def]
        assert couple_context(viewer=request.user).couple is None
        couple_create(actor=request.user)
        seen["couple"] = couple_context(viewer=request.user).couple
        return None

    _run(casey, view)
    assert seen["couple"] is not None


def test_outside_a_request_it_reads_fresh(alex):  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        couple_context(viewer=alex)
        couple_context(viewer=alex)
    assert len(queries) == 2
