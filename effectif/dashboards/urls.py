from django.urls import path

from effectif.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("", views.home, name="home"),
    path("echeancier/", views.deadline_list, name="deadlines"),
]
