from django.urls import path

from evenly.couples import views

app_name = "couples"
urlpatterns = [
    path("", views.couple_overview, name="overview"),
    path("create/", views.couple_create, name="create"),
    path("invite/", views.invite_create, name="invite_create"),
    path("invite/<int:invite_id>/revoke/", views.invite_revoke, name="invite_revoke"),
    path("join/", views.join_by_code, name="join"),
    path("join/<str:token>/", views.join_by_link, name="join_link"),
    path("leave/", views.couple_leave, name="leave"),
    path("profile/", views.profile, name="profile"),
    path("timezone/", views.couple_timezone, name="timezone"),
]
