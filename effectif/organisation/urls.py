from django.urls import path

from effectif.organisation import views

app_name = "organisation"

urlpatterns = [
    path("employeurs/", views.employer_list, name="employer_list"),
    path("employeurs/nouveau/", views.employer_create, name="employer_create"),
    path("employeurs/<int:pk>/", views.employer_detail, name="employer_detail"),
    path("employeurs/<int:pk>/modifier/", views.employer_edit, name="employer_edit"),
    path("employeurs/<int:pk>/acces/", views.employer_grant, name="employer_grant"),
    path(
        "employeurs/<int:pk>/acces/<int:access_pk>/retirer/",
        views.employer_revoke,
        name="employer_revoke",
    ),
    path(
        "employeurs/<int:pk>/etablissements/nouveau/",
        views.establishment_create,
        name="establishment_create",
    ),
    path("etablissements/<int:pk>/modifier/", views.establishment_edit, name="establishment_edit"),
    path("sante-au-travail/", views.health_service_list, name="health_service_list"),
    path("sante-au-travail/nouveau/", views.health_service_edit, name="health_service_create"),
    path("sante-au-travail/<int:pk>/", views.health_service_edit, name="health_service_edit"),
    path("services/", views.department_list, name="department_list"),
    path("services/nouveau/", views.department_edit, name="department_create"),
    path("services/<int:pk>/modifier/", views.department_edit, name="department_edit"),
    path("postes/", views.position_list, name="position_list"),
    path("postes/nouveau/", views.position_edit, name="position_create"),
    path("postes/<int:pk>/", views.position_detail, name="position_detail"),
    path("postes/<int:pk>/modifier/", views.position_edit, name="position_edit"),
    path("organigramme/", views.org_chart_view, name="org_chart"),
    path("utilisateurs/", views.user_list, name="user_list"),
    path("utilisateurs/nouveau/", views.user_edit, name="user_create"),
    path("utilisateurs/<int:pk>/", views.user_edit, name="user_edit"),
]
