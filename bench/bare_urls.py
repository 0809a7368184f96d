from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    """The cheapest possible page: the yardstick the real pages are measured against."""
    return HttpResponse("ok")


urlpatterns = [
    path("bench/bare", bare),
    path("", include("evenly.urls")),
]
