from django.urls import path

from evenly.checkins import views

app_name = "checkins"
urlpatterns = [
    path("", views.index, name="index"),
    path("start/", views.start, name="start"),
    path("now/", views.now, name="now"),
    path("plan/", views.schedule, name="schedule"),
    path("rules/", views.rules, name="rules"),
    path("rules/card/", views.rules_card, name="rules_card"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/add/", views.topic_add, name="topic_add"),
    path("agenda/<int:item_id>/withdraw/", views.agenda_withdraw, name="agenda_withdraw"),
    path("parked/add/", views.parked_add, name="parked_add"),
    path("parked/<int:parked_id>/to-agenda/", views.parked_to_agenda, name="parked_to_agenda"),
    path("parked/<int:parked_id>/delete/", views.parked_delete, name="parked_delete"),
    path("<int:checkin_id>/", views.checkin_page, name="checkin"),
    path("<int:checkin_id>/stage/", views.stage, name="stage"),
    path("<int:checkin_id>/act/", views.act, name="act"),
    path("<int:checkin_id>/cancel/", views.cancel, name="cancel"),
    path("<int:checkin_id>/agenda/<int:item_id>/discussed/", views.agenda_discussed, name="agenda_discussed"),
    path("<int:checkin_id>/talk/<int:talk_id>/discussed/", views.talk_discussed, name="talk_discussed"),
    path("<int:checkin_id>/shared/", views.closing_shared, name="closing_shared"),
    path("<int:checkin_id>/rate/", views.rate, name="rate"),
    path("<int:checkin_id>/appreciation/", views.appreciation, name="appreciation"),
    path("<int:checkin_id>/next-step/", views.next_step, name="next_step"),
    path("moments/", views.moments, name="moments"),
    path("moments/new/", views.moment_new, name="moment_new"),
    path("moments/<int:moment_id>/", views.moment_detail, name="moment"),
    path("moments/<int:moment_id>/share/", views.moment_share, name="moment_share"),
    path("moments/<int:moment_id>/private/", views.moment_private, name="moment_private"),
    path("moments/<int:moment_id>/delete/", views.moment_delete, name="moment_delete"),
]
