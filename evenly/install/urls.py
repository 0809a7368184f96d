from django.urls import path

from evenly.install import views

app_name = "install"
urlpatterns = [
    path("offline/", views.offline, name="offline"),
    path("home-screen/", views.home_screen, name="home_screen"),
]
