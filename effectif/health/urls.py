from django.urls import URLPattern, URLResolver, path

from effectif.health.views import employees, lists, visits

app_name = "health"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", lists.visit_list_view, name="list"),
    path("recalculer/", lists.recompute_all, name="recompute"),
    path("parametres/", lists.settings_view, name="settings"),
    path("parametres/<int:employer_pk>/", lists.settings_view, name="settings_edit"),
    path("visites/<int:pk>/", visits.visit_detail, name="detail"),
    path("visites/<int:pk>/planifier/", visits.visit_plan_view, name="plan"),
    path("visites/<int:pk>/avis/", visits.visit_outcome_view, name="outcome"),
    path("visites/<int:pk>/annuler/", visits.visit_cancel_view, name="cancel"),
    path("visites/<int:pk>/non-honoree/", visits.visit_missed_view, name="missed"),
    path("mes-visites/", employees.my_visits, name="mine"),
    path("salaries/<int:employee_pk>/", employees.employee_visits, name="employee"),
    path("salaries/<int:employee_pk>/bloc/", employees.employee_panel, name="panel"),
    path("salaries/<int:employee_pk>/nouvelle/", visits.visit_create_view, name="create"),
    path(
        "salaries/<int:employee_pk>/recalculer/",
        employees.recompute_employee,
        name="recompute_employee",
    ),
]
