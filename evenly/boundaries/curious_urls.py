from django.urls import path

from evenly.boundaries import views

app_name = "curious"
urlpatterns = [
    path("", views.curious, name="list"),
    path("<int:item_id>/", views.curious_answer, name="answer"),
    path("matches/", views.matches, name="matches"),
]
