from django.urls import include, path

from effectif.accounts.urls import user_urlpatterns
from effectif.organisation.views import (
    departments,
    employers,
    establishments,
    health_services,
    org_chart,
    positions,
)

app_name = "organisation"

urlpatterns = [
    path("employeurs/", employers.employer_list, name="employer_list"),
    path("employeurs/nouveau/", employers.employer_create, name="employer_create"),
    path("employeurs/<int:pk>/", employers.employer_detail, name="employer_detail"),
    path("employeurs/<int:pk>/modifier/", employers.employer_edit, name="employer_edit"),
    path("employeurs/<int:pk>/acces/", employers.employer_grant, name="employer_grant"),
    path(
        "employeurs/<int:pk>/acces/<int:access_pk>/retirer/",
        employers.employer_revoke,
        name="employer_revoke",
    ),
    path(
        "employeurs/<int:pk>/etablissements/nouveau/",
        establishments.establishment_create,
        name="establishment_create",
    ),
    path(
        "etablissements/<int:pk>/modifier/",
        establishments.establishment_edit,
        name="establishment_edit",
    ),
    path("sante-au-travail/", health_services.health_service_list, name="health_service_list"),
    path(
        "sante-au-travail/nouveau/",
        health_services.health_service_edit,
        name="health_service_create",
    ),
    path(
        "sante-au-travail/<int:pk>/",
        health_services.health_service_edit,
        name="health_service_edit",
    ),
    path("services/", departments.department_list, name="department_list"),
    path("services/nouveau/", departments.department_edit, name="department_create"),
    path("services/<int:pk>/modifier/", departments.department_edit, name="department_edit"),
    path("postes/", positions.position_list, name="position_list"),
    path("postes/nouveau/", positions.position_edit, name="position_create"),
    path("postes/<int:pk>/", positions.position_detail, name="position_detail"),
    path("postes/<int:pk>/modifier/", positions.position_edit, name="position_edit"),
    path("organigramme/", org_chart.org_chart_view, name="org_chart"),
    path("utilisateurs/", include(user_urlpatterns)),
]
