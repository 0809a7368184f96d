from django.urls import path

from evenly.consent import views

app_name = "consent"
urlpatterns = [
    path("", views.consent_home, name="home"),
    path("forgetting/", views.forgetting, name="forgetting"),
    path("signal/", views.signal_page, name="signal"),
    path("signal/set/", views.signal_set, name="signal_set"),
    path("signal/partner/", views.signal_partner, name="signal_partner"),
    path("signal/notice/", views.signal_notice, name="signal_notice"),
    path("tonight/start/", views.dialogue_start, name="dialogue_start"),
    path("tonight/<int:dialogue_id>/", views.dialogue_page, name="dialogue"),
    path("tonight/<int:dialogue_id>/answer/", views.dialogue_answer, name="dialogue_answer"),
    path("tonight/<int:dialogue_id>/state/", views.dialogue_state, name="dialogue_state"),
    path("invitations/new/", views.invitation_new, name="invitation_new"),
    path("invitations/live/", views.invitations_live, name="invitations_live"),
    path("invitations/<int:invitation_id>/", views.invitation_detail, name="invitation"),
    path("invitations/<int:invitation_id>/state/", views.invitation_state, name="invitation_state"),
    path("invitations/<int:invitation_id>/answer/", views.invitation_answer, name="invitation_answer"),
    path("invitations/<int:invitation_id>/withdraw/", views.invitation_withdraw, name="invitation_withdraw"),
    path("pace/", views.pace, name="pace"),
]
