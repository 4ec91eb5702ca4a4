from django.urls import path

from effectif.core import views

app_name = "core"

urlpatterns = [
    path("statut/", views.health, name="health"),
]
