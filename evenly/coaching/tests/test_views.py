import logging

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evenly.coaching.views import CHECKS_PER_MINUTE
from evenly.coaching.widgets import CoachedTextarea

pytestmark = pytest.mark.django_db
URL = reverse("coaching:check")
BLAMING = "You make me feel unwanted."


def check(client, text, field="note"):
    return client.post(URL, {"coach_field": field, field: text})


def test_anonymous_visitors_get_nothing(client):
    response = check(client, BLAMING)
    assert response.status_code == 302
    assert BLAMING not in response.content.decode()


def test_it_points_out_blame_with_a_reframe(alex, client_for):
    page = check(client_for(alex), BLAMING).content.decode()
    assert "You make me feel" in page
    assert "Use this wording" in page
    assert "___" in page
    assert "you can send it as it is" in page


def test_kind_words_get_no_findings(alex, client_for):
    page = check(client_for(alex), "You always make me feel welcome.").content.decode()
    assert page.strip() == ""


@pytest.mark.parametrize("text", ["", "   ", "🙂🙃", "<script>alert(1)</script> you never listen", "\x00\x07 hi"])
def test_odd_input_never_breaks_it(alex, client_for, text):
    response = check(client_for(alex), text)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_over_long_text_gets_a_clear_note(alex, client_for):
    page = check(client_for(alex), "You never listen. " * 2000).content.decode()
    assert "too long for the coach to check" in page
    assert "You can still send it" in page


def test_it_stores_nothing(alex, client_for):
    client = client_for(alex)
    with CaptureQueriesContext(connection) as queries:
        check(client, BLAMING)
    assert not any("unwanted" in q["sql"] for q in queries)
    writes = [q["sql"] for q in queries if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}]
    # Only the session bookkeeping every signed-in request does, never the text.
    assert all("usersessions_usersession" in sql or "django_session" in sql for sql in writes)


def test_it_logs_no_text(alex, client_for, caplog):
    with caplog.at_level(logging.DEBUG):
        check(client_for(alex), "You make me feel unwanted, secret-marker-42.")
    assert "secret-marker-42" not in caplog.text


def test_it_is_rate_limited_kindly(alex, client_for):
    client = client_for(alex)
    for _ in range(CHECKS_PER_MINUTE):
        check(client, "hello")
    response = check(client, BLAMING)
    assert response.status_code == 429
    assert "fine to send" in response.content.decode()


def test_only_the_named_field_is_read(alex, client_for):
    page = client_for(alex).post(URL, {"coach_field": "csrfmiddlewaretoken", "csrfmiddlewaretoken": BLAMING})
    assert page.content.decode().strip() == ""


def test_the_widget_wires_the_text_box_to_the_coach():
    class NoteForm(forms.Form):
        note = forms.CharField(widget=CoachedTextarea, help_text="What happened.")

    html = str(NoteForm()["note"])
    assert 'hx-post="/coach/check/"' in html
    assert 'hx-params="note,coach_field"' in html  # htmx filters hx-vals through hx-params too
    assert 'aria-describedby="id_note_helptext id_note-coach"' in html
    assert 'id="id_note-coach"' in html
    assert "<textarea" in html
