from django.urls import URLPattern, URLResolver

app_name = "leave"

urlpatterns: list[URLPattern | URLResolver] = []  # filled as the app grows
