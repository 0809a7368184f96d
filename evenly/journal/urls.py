from django.urls import path

from evenly.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.index, name="index"),
    path("words/", views.words, name="words"),
    path("new/", views.entry_new, name="entry_new"),
    path("<int:entry_id>/", views.entry_detail, name="entry"),
    path("<int:entry_id>/edit/", views.entry_edit, name="entry_edit"),
    path("<int:entry_id>/share/", views.entry_share, name="entry_share"),
    path("<int:entry_id>/unshare/", views.entry_unshare, name="entry_unshare"),
    path("<int:entry_id>/delete/", views.entry_delete, name="entry_delete"),
    path("tender/", views.tender, name="tender"),
    path("tender/partner/", views.tender_partner, name="tender_partner"),
    path("tender/add/", views.tender_add, name="tender_add"),
    path("tender/<int:topic_id>/", views.tender_edit, name="tender_edit"),
    path("tender/<int:topic_id>/delete/", views.tender_delete, name="tender_delete"),
    path("moment/", views.moment_page, name="moment"),
    path("moment/start/", views.moment_start, name="moment_start"),
    path("moment/name/", views.moment_name, name="moment_name"),
    path("moment/end/", views.moment_end, name="moment_end"),
    path("moment/notice/", views.moment_notice, name="moment_notice"),
]
