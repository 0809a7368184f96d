from django.urls import path

from evenly.pause import views

app_name = "pause"
urlpatterns = [
    path("", views.pause_page, name="page"),
    path("start/", views.pause_start, name="start"),
    path("revisit/", views.pause_revisit, name="revisit"),
    path("lift/", views.pause_lift, name="lift"),
    path("layer/", views.pause_layer, name="layer"),
]
