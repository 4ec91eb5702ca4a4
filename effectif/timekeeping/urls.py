from django.urls import URLPattern, URLResolver

app_name = "timekeeping"

urlpatterns: list[URLPattern | URLResolver] = []  # filled as the app grows
