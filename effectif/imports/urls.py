from django.urls import path

app_name = "imports"

urlpatterns: list = []  # filled as the app grows
