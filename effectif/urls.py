from django.urls import include, path

urlpatterns = [
    path("", include("effectif.dashboards.urls")),
    path("", include("effectif.core.urls")),
    path("compte/", include("effectif.accounts.urls")),
]
