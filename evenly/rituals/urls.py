from django.urls import path

from evenly.rituals import views

app_name = "rituals"
urlpatterns = [
    path("", views.index, name="index"),
    path("live/", views.rituals_live, name="live"),
    path("new/", views.ritual_new, name="new"),
    path("<int:ritual_id>/agree/", views.ritual_agree, name="agree"),
    path("<int:ritual_id>/pause/", views.ritual_pause, name="pause"),
    path("<int:ritual_id>/resume/", views.ritual_resume, name="resume"),
    path("<int:ritual_id>/end/", views.ritual_end, name="end"),
    path("appreciations/", views.appreciation_send, name="appreciate"),
    path("appreciations/live/", views.appreciations_live, name="appreciations_live"),
    path("calendar/", views.feed_settings, name="feed_settings"),
    path("calendar/feed/<str:token>.ics", views.feed, name="feed"),
    path("desires/", views.desire_log, name="desires"),
    path("desires/live/", views.desire_live, name="desires_live"),
    path("desires/add/", views.desire_add, name="desire_add"),
    path("desires/<int:entry_id>/share/", views.desire_share, name="desire_share"),
    path("desires/<int:entry_id>/private/", views.desire_make_private, name="desire_private"),
    path("desires/<int:entry_id>/delete/", views.desire_delete, name="desire_delete"),
    path("desires/<int:entry_id>/answer/", views.desire_answer, name="desire_answer"),
]
