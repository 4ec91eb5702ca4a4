from django.urls import URLPattern, URLResolver, path

from effectif.timekeeping.views import clocking, reports, schedules, sheets

app_name = "timekeeping"

urlpatterns: list[URLPattern | URLResolver] = [
    path("horaires/", schedules.schedule_list, name="schedule_list"),
    path("horaires/nouveau/", schedules.schedule_create, name="schedule_create"),
    path("horaires/<int:pk>/", schedules.schedule_edit, name="schedule_edit"),
    path("salaries/<int:employee_pk>/horaire/", schedules.assign, name="assign"),
    path(
        "salaries/<int:employee_pk>/horaire/<int:pk>/retirer/",
        schedules.assignment_delete,
        name="assignment_delete",
    ),
    path("parametres/<int:employer_pk>/", schedules.settings_edit, name="settings"),
    path("mes-heures/", sheets.my_week, name="my_week"),
    path("a-valider/", sheets.to_validate, name="to_validate"),
    path("feuilles/", sheets.sheet_list_view, name="sheet_list"),
    path("feuilles/<int:pk>/", sheets.sheet_detail, name="sheet_detail"),
    path("feuilles/<int:pk>/valider/", sheets.sheet_validate_quick, name="sheet_validate"),
    path("controles/", reports.legal_checks, name="checks"),
    path("elements-variables/", reports.variable_elements_view, name="variable_elements"),
    path("pointages/", clocking.clock_start, name="clock_start"),
    path("pointages/modele.<str:fmt>", clocking.clock_template, name="clock_template"),
    path("pointages/<int:pk>/", clocking.clock_preview, name="clock_preview"),
    path("pointages/<int:pk>/confirmer/", clocking.clock_confirm, name="clock_confirm"),
    path("pointages/<int:pk>/annuler/", clocking.clock_cancel, name="clock_cancel"),
    path(
        "pointages/<int:pk>/erreurs.<str:fmt>",
        clocking.clock_errors_export,
        name="clock_errors_export",
    ),
]
