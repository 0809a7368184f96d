from django.urls import path

from evenly.coaching import views

app_name = "coaching"
urlpatterns = [path("check/", views.coach_check, name="check")]
