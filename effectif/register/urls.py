from django.urls import URLPattern, URLResolver, path

from effectif.register import views

app_name = "register"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.register_index, name="index"),
    path("<int:pk>/", views.register_detail, name="detail"),
]
