from django.urls import URLPattern, URLResolver

app_name = "departures"

urlpatterns: list[URLPattern | URLResolver] = []  # filled as the app grows
