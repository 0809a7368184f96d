from django.urls import path

from evenly.healing import views

app_name = "healing"
urlpatterns = [
    path("resources/", views.resources, name="resources"),
    path("resources/shared/", views.resources_shared, name="resources_shared"),
    path("resources/<slug:key>/save/", views.resource_save, name="resource_save"),
    path("resources/<slug:key>/unsave/", views.resource_unsave, name="resource_unsave"),
    path("resources/<slug:key>/share/", views.resource_share, name="resource_share"),
    path("resources/<slug:key>/unshare/", views.resource_unshare, name="resource_unshare"),
    path("safety/", views.safety_check, name="safety"),
]
