from django.urls import path

from evenly.boundaries import views

app_name = "boundaries"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("add/", views.add, name="add"),
    path("<int:boundary_id>/edit/", views.edit, name="edit"),
    path("<int:boundary_id>/share/", views.share, name="share"),
    path("<int:boundary_id>/unshare/", views.unshare, name="unshare"),
    path("<int:boundary_id>/remove/", views.remove, name="remove"),
    path("history/", views.history, name="history"),
    path("partner/", views.partner, name="partner"),
    path("partner/list/", views.partner_list, name="partner_list"),
    path("partner/<int:boundary_id>/talk/", views.talk, name="talk"),
    path("review/", views.review, name="review"),
    path("review/<int:review_id>/", views.review_step, name="review_step"),
    path("review/<int:review_id>/finish/", views.review_finish, name="review_finish"),
    path("reminders/", views.reminders, name="reminders"),
    path("life-events/", views.life_events, name="life_events"),
    path("life-events/<int:event_id>/share/", views.life_event_share, name="life_event_share"),
    path("life-events/<int:event_id>/unshare/", views.life_event_unshare, name="life_event_unshare"),
    path("life-events/<int:event_id>/remove/", views.life_event_remove, name="life_event_remove"),
]
