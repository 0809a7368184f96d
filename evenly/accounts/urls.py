from django.urls import path

from evenly.accounts import views

app_name = "accounts"
urlpatterns = [
    path("security/", views.security, name="security"),
    path("language/", views.language, name="language"),
    path("export/", views.data_export, name="export"),
    path("delete/", views.account_delete, name="delete"),
    path("goodbye/", views.goodbye, name="goodbye"),
]
