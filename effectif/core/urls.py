from django.urls import path

from effectif.core import views

app_name = "core"

urlpatterns = [
    path("sante/", views.health, name="health"),
]
