import pytest
from django.urls import reverse

from evenly.couples import services
from evenly.couples.models import Invite
from evenly.couples.selectors import couple_context

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["couples:overview", "couples:join", "couples:leave", "couples:profile"])
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_it_shows_the_code_and_link_to_the_inviter(casey, client_for):
    client = client_for(casey)
    client.post(reverse("couples:create"), {"timezone": "Europe/Berlin"})
    invite = Invite.objects.get(created_by=casey)
    page = client.get(reverse("couples:overview")).content.decode()
    assert f"{invite.code[:4]}-{invite.code[4:]}" in page
    assert invite.token in page
    assert couple_context(viewer=casey).couple.timezone == "Europe/Berlin"


def test_an_unknown_time_zone_falls_back_to_utc(casey, client_for):
    client_for(casey).post(reverse("couples:create"), {"timezone": "Mars/Olympus"})
    assert couple_context(viewer=casey).couple.timezone == "UTC"


def test_an_outsider_cannot_revoke_someone_elses_invite(casey, make_user, client_for):
    jamie = make_user("Jamie")
    services.couple_create(actor=jamie)
    invite = services.invite_create(actor=jamie)
    response = client_for(casey).post(reverse("couples:invite_revoke", args=[invite.pk]))
    assert response.status_code == 404
    invite.refresh_from_db()
    assert invite.revoked_at is None


def test_a_missing_invite_is_the_same_404(casey, client_for):
    services.couple_create(actor=casey)
    assert client_for(casey).post(reverse("couples:invite_revoke", args=[999999])).status_code == 404


def test_a_bad_code_keeps_what_was_typed_and_says_why(casey, client_for):
    response = client_for(casey).post(reverse("couples:join"), {"code": "hello there"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "doesn&#x27;t look like an invitation code" in page
    assert 'value="hello there"' in page


def test_an_expired_code_gets_a_clear_message(casey, make_user, client_for):
    from datetime import timedelta

    from django.utils import timezone

    jamie = make_user("Jamie")
    services.couple_create(actor=jamie)
    invite = services.invite_create(actor=jamie)
    Invite.objects.filter(pk=invite.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client_for(casey).post(reverse("couples:join"), {"code": invite.code})
    assert "may have expired" in response.content.decode()
    assert couple_context(viewer=casey).couple is None


def test_a_double_submitted_join_is_harmless(casey, make_user, client_for):
    jamie = make_user("Jamie")
    services.couple_create(actor=jamie)
    invite = services.invite_create(actor=jamie)
    client = client_for(casey)
    client.post(reverse("couples:join_link", args=[invite.token]))
    second = client.post(reverse("couples:join_link", args=[invite.token]))
    assert second.status_code == 200
    assert couple_context(viewer=casey).partner == jamie


def test_the_join_link_names_the_inviter_only(casey, make_user, client_for):
    jamie = make_user("Jamie")
    services.couple_create(actor=jamie)
    invite = services.invite_create(actor=jamie)
    page = client_for(casey).get(reverse("couples:join_link", args=[invite.token])).content.decode()
    assert "Jamie invited you" in page
    assert jamie.email not in page


def test_a_partner_sees_names_but_not_the_email(alex, sam, client_for):
    page = client_for(alex).get(reverse("couples:overview")).content.decode()
    assert "You and Sam" in page
    assert sam.email not in page


def test_leaving_asks_for_the_password_again(alex, client_for):
    response = client_for(alex).get(reverse("couples:leave"))
    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response.url


def test_leaving_after_reauthenticating_ends_the_couple(alex, sam, client_for):
    from tests.cast import PASSWORD

    client = client_for(alex)
    response = client.post("/accounts/reauthenticate/?next=/couple/leave/", {"password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("couples:leave")).status_code == 200
    client.post(reverse("couples:leave"))
    assert couple_context(viewer=sam).couple is None


def test_profile_errors_keep_the_typed_values(alex, client_for):
    response = client_for(alex).post(reverse("couples:profile"), {"display_name": "", "pronouns": "they/them"})
    page = response.content.decode()
    assert "This field is required" in page
    assert 'value="they/them"' in page


def test_profile_is_saved(alex, client_for):
    client_for(alex).post(reverse("couples:profile"), {"display_name": " Lex ", "pronouns": "they/them"})
    alex.refresh_from_db()
    assert (alex.display_name, alex.pronouns) == ("Lex", "they/them")
