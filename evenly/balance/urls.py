from django.urls import path

from evenly.balance import views

app_name = "balance"
urlpatterns = [
    path("", views.index, name="index"),
    path("ours/", views.shared_section, name="shared"),
    path("ours/on/", views.shared_on, name="shared_on"),
    path("ours/off/", views.shared_off, name="shared_off"),
    path("pulse/", views.pulse_save, name="pulse"),
    path("offers/<slug:pattern>/agenda/", views.offer_to_agenda, name="offer_agenda"),
    path("offers/<slug:pattern>/dismiss/", views.offer_dismiss, name="offer_dismiss"),
]
