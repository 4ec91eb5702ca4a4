from django.urls import URLPattern, URLResolver

app_name = "hiring"

urlpatterns: list[URLPattern | URLResolver] = []  # filled as the app grows
