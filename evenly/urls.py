from django.urls import include, path

from evenly.core import views as core_views
from evenly.install import views as install_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("list/", core_views.neutral_page, name="neutral"),
    path("notifications/", core_views.notices, name="notices"),
    path("notifications/<int:notification_id>/dismiss/", core_views.notification_dismiss, name="notification_dismiss"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),  # the visitors' language switch
    path("account/", include("evenly.accounts.urls")),
    path("couple/", include("evenly.couples.urls")),
    path("pause/", include("evenly.pause.urls")),
    path("consent/", include("evenly.consent.urls")),
    path("boundaries/", include("evenly.boundaries.urls")),
    path("curious/", include("evenly.boundaries.curious_urls")),
    path("coach/", include("evenly.coaching.urls")),
    path("checkins/", include("evenly.checkins.urls")),
    path("decisions/", include("evenly.decisions.urls")),
    path("agreements/", include("evenly.agreements.urls")),
    path("journal/", include("evenly.journal.urls")),
    path("", include("evenly.healing.urls")),
    path("rituals/", include("evenly.rituals.urls")),
    path("manifest.webmanifest", install_views.manifest, name="manifest"),
    path("sw.js", install_views.service_worker, name="service_worker"),
    path("app/", include("evenly.install.urls")),
    path("balance/", include("evenly.balance.urls")),
]
