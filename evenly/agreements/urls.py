from django.urls import path

from evenly.agreements import views

app_name = "agreements"
urlpatterns = [
    path("", views.index, name="index"),
    path("live/", views.live, name="live"),
    path("values/propose/", views.values_propose, name="values_propose"),
    path("pact/propose/", views.pact_propose, name="pact_propose"),
    path("versions/<int:version_id>/sign/", views.version_sign, name="sign"),
    path("versions/<int:version_id>/withdraw/", views.version_withdraw, name="withdraw"),
    path("repairs/add/", views.repair_add, name="repair_add"),
    path("repairs/<int:statement_id>/share/", views.repair_share, name="repair_share"),
    path("repairs/<int:statement_id>/delete/", views.repair_delete, name="repair_delete"),
    path("repairs/<int:statement_id>/send/", views.repair_send, name="repair_send"),
    path("repairs/received/", views.received_notice, name="received_notice"),
    path("repairs/received/<int:sent_id>/close/", views.received_set_aside, name="received_close"),
    path("timeout/", views.timeout_take, name="timeout_take"),
    path("timeout/<int:timeout_id>/extend/", views.timeout_extend, name="timeout_extend"),
    path("pause/companion/", views.pause_companion, name="companion"),
    path("follow-ups/<int:follow_up_id>/discussed/", views.follow_up_discussed, name="follow_up_discussed"),
]
