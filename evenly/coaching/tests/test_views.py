import logging

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from evenly.coaching.views import CHECKS_PER_MINUTE
from evenly.coaching.widgets import CoachedTextarea
from tests.cast import speaks_spanish

pytestmark = pytest.mark.django_db
URL = reverse("coaching:check")
BLAMING = "You make me feel unwanted."


def check(client, text, field="note", context=None):
    data = {"coach_field": field, field: text}
    if context is not None:
        data["coach_context"] = context
    return client.post(URL, data)


def test_anonymous_visitors_get_nothing(client):
    response = check(client, BLAMING)
    assert response.status_code == 302
    assert BLAMING not in response.content.decode()


def test_it_points_out_blame_with_several_reframes_that_keep_the_feeling(alex, client_for):
    page = check(client_for(alex), BLAMING).content.decode()
    assert "You make me feel" in page
    assert page.count("Use this wording") >= 2  # one button per suggestion
    assert "I feel unwanted." in page  # the reframe keeps what was said
    assert "___" not in page
    assert "you can send it as it is" in page
    assert "Keep my wording" in page


def test_a_reflection_gets_reflective_wording(alex, client_for):
    text = "You always decide what we do."
    message = check(client_for(alex), text).content.decode()
    reflection = check(client_for(alex), text, context="reflection").content.decode()
    assert "I feel powerless" in message and "I feel powerless" not in reflection
    assert "What I heard is that this is about deciding what we do" in reflection


def test_an_unknown_context_is_an_ordinary_message(alex, client_for):
    page = check(client_for(alex), "You always decide what we do.", context="<b>x</b>").content.decode()
    assert "I feel powerless" in page
    assert "<b>x</b>" not in page


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
    assert 'hx-params="note,coach_field,coach_context"' in html  # htmx filters hx-vals through hx-params too
    assert "&quot;coach_context&quot;: &quot;message&quot;" in html
    assert 'aria-describedby="id_note_helptext id_note-coach"' in html
    assert 'id="id_note-coach"' in html
    assert "<textarea" in html


def test_a_reflection_widget_sends_its_context():
    class SummaryForm(forms.Form):
        summary = forms.CharField(widget=CoachedTextarea(context="reflection"))

    assert "&quot;coach_context&quot;: &quot;reflection&quot;" in str(SummaryForm()["summary"])


def test_the_partners_view_summary_and_a_check_in_reflection_are_reflections(alex, client_for):
    from evenly.decisions.forms import SummaryForm, ViewForm

    assert SummaryForm().fields["text"].widget.context == "reflection"
    assert ViewForm().fields["text"].widget.context == "message"


def test_in_english_the_coach_still_analyses(alex, client_for, monkeypatch):
    from evenly.coaching import views

    alex.language = "en"
    alex.save(update_fields=["language"])
    calls = []
    real = views.analyze
    monkeypatch.setattr(views, "analyze", lambda *a, **k: calls.append(a) or real(*a, **k))
    page = check(client_for(alex), BLAMING).content.decode()
    assert calls and "Use this wording" in page


def test_in_spanish_it_says_once_that_it_reads_only_english_and_never_analyses(alex, client_for, monkeypatch):
    from evenly.coaching import views

    def no_analysis(*args, **kwargs):  # pragma: no cover - failing is the point
        raise AssertionError("the coach analysed a Spanish text")

    monkeypatch.setattr(views, "analyze", no_analysis)
    client = client_for(speaks_spanish(alex))
    first = client.post(URL, {"coach_field": "note", "note": "Nunca me escuchas."})
    first_page = first.content.decode()
    assert first.status_code == 200
    assert "El coach solo entiende inglés por ahora" in first_page
    assert "English" not in first_page
    for _ in range(3):
        later = client.post(URL, {"coach_field": "note", "note": BLAMING})
        assert later.status_code == 200
        assert later.content.decode().strip() == ""


def test_in_spanish_the_widget_asks_only_when_the_page_loads():
    class NoteForm(forms.Form):
        note = forms.CharField(widget=CoachedTextarea)

    assert 'hx-trigger="input changed delay:700ms, load"' in str(NoteForm()["note"])
    with translation.override("es"):
        assert 'hx-trigger="load"' in str(NoteForm()["note"])
