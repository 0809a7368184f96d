from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a failure on purpose")


urlpatterns = [path("boom/", boom), path("", include("evenly.urls"))]
