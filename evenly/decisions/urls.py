from django.urls import path

from evenly.decisions import views

app_name = "decisions"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.decision_new, name="new"),
    path("<int:decision_id>/", views.decision_detail, name="detail"),
    path("<int:decision_id>/live/", views.decision_live, name="live"),
    path("<int:decision_id>/view/", views.view_write, name="view"),
    path("<int:decision_id>/summary/", views.summary_write, name="summary"),
    path("<int:decision_id>/summary/confirm/", views.summary_confirm, name="summary_confirm"),
    path("<int:decision_id>/summary/correct/", views.summary_correct, name="summary_correct"),
    path("<int:decision_id>/options/", views.option_add, name="option_add"),
    path("options/<int:option_id>/edit/", views.option_edit, name="option_edit"),
    path("<int:decision_id>/ratings/", views.ratings_save, name="ratings"),
    path("<int:decision_id>/ratings/reopen/", views.ratings_reopen, name="reopen"),
    path("<int:decision_id>/sign/", views.agreement_sign, name="sign"),
    path("<int:decision_id>/review/", views.review_submit, name="review"),
    path("<int:decision_id>/set-aside/", views.decision_set_aside, name="set_aside"),
    path("<int:decision_id>/resume/", views.decision_resume, name="resume"),
    path("experiments/new/", views.experiment_new, name="experiment_new"),
    path("experiments/<int:experiment_id>/", views.experiment_detail, name="experiment"),
    path("experiments/<int:experiment_id>/status/", views.experiment_status, name="experiment_status"),
    path("experiments/<int:experiment_id>/yes/", views.experiment_consent, name="experiment_consent"),
    path("experiments/<int:experiment_id>/not-now/", views.experiment_not_now, name="experiment_not_now"),
    path("experiments/<int:experiment_id>/counter/", views.experiment_counter, name="experiment_counter"),
    path("experiments/<int:experiment_id>/withdraw/", views.experiment_withdraw, name="experiment_withdraw"),
    path("experiments/<int:experiment_id>/end/", views.experiment_end, name="experiment_end"),
    path("experiments/<int:experiment_id>/debrief/", views.debrief_write, name="debrief"),
    path("wins/", views.wins, name="wins"),
]
