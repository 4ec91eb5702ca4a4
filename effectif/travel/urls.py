from django.urls import URLPattern, URLResolver, path

from effectif.travel.views import expense_lines, expenses, payments, policy, trip_page, trips

app_name = "travel"

urlpatterns: list[URLPattern | URLResolver] = [
    path("mes-deplacements/", trips.my_trips_view, name="my_trips"),
    path("ordres-de-mission/voyageurs/", trips.traveller_search_view, name="trip_travellers"),
    path("ordres-de-mission/nouveau/", trips.trip_create_view, name="trip_create"),
    path("ordres-de-mission/", trips.trips_view, name="trips"),
    path("ordres-de-mission/<int:pk>/modifier/", trips.trip_edit_view, name="trip_edit"),
    path("ordres-de-mission/<int:pk>/", trip_page.trip_detail, name="trip"),
    path("ordres-de-mission/<int:pk>/options/", trip_page.option_add_view, name="option_add"),
    path(
        "ordres-de-mission/<int:pk>/options/<int:option_pk>/retirer/",
        trip_page.option_remove_view,
        name="option_remove",
    ),
    path(
        "ordres-de-mission/<int:pk>/options/<int:option_pk>/retenir/",
        trip_page.option_choose_view,
        name="option_choose",
    ),
    path("ordres-de-mission/<int:pk>/soumettre/", trip_page.trip_submit_view, name="trip_submit"),
    path("ordres-de-mission/<int:pk>/approuver/", trip_page.trip_approve_view, name="trip_approve"),
    path("ordres-de-mission/<int:pk>/refuser/", trip_page.trip_reject_view, name="trip_reject"),
    path("ordres-de-mission/<int:pk>/annuler/", trip_page.trip_cancel_view, name="trip_cancel"),
    path(
        "ordres-de-mission/<int:pk>/ordre-de-mission/",
        trip_page.mission_order_download,
        name="mission_order",
    ),
    path("notes-de-frais/mes-notes/", expenses.my_reports_view, name="my_reports"),
    path("notes-de-frais/", expenses.reports_view, name="reports"),
    path("notes-de-frais/nouvelle/", expenses.report_create_view, name="report_create"),
    path("notes-de-frais/<int:pk>/", expenses.report_detail, name="report"),
    path("notes-de-frais/<int:pk>/modifier/", expenses.report_edit_view, name="report_edit"),
    path("notes-de-frais/<int:pk>/soumettre/", expenses.report_submit_view, name="report_submit"),
    path("notes-de-frais/<int:pk>/valider/", expenses.report_approve_view, name="report_approve"),
    path("notes-de-frais/<int:pk>/controler/", expenses.report_check_view, name="report_check"),
    path("notes-de-frais/<int:pk>/refuser/", expenses.report_reject_view, name="report_reject"),
    path("notes-de-frais/<int:pk>/lignes/ajouter/", expense_lines.line_add_view, name="line_add"),
    path(
        "notes-de-frais/<int:pk>/lignes/<int:line_pk>/modifier/",
        expense_lines.line_edit_view,
        name="line_edit",
    ),
    path(
        "notes-de-frais/<int:pk>/lignes/<int:line_pk>/supprimer/",
        expense_lines.line_delete_view,
        name="line_delete",
    ),
    path(
        "notes-de-frais/<int:pk>/lignes/<int:line_pk>/justificatif/",
        expense_lines.receipt_view,
        name="receipt",
    ),
    path(
        "notes-de-frais/<int:pk>/lignes/<int:line_pk>/decision/",
        expense_lines.line_decide_view,
        name="line_decide",
    ),
    path("remboursements/", payments.payments_view, name="payments"),
    path("remboursements/notes/<int:pk>/mode/", payments.method_view, name="payment_method"),
    path("remboursements/virements/", payments.batch_create_view, name="batch_create"),
    path(
        "remboursements/virements/<int:pk>/pain001.xml",
        payments.batch_download,
        name="batch_download",
    ),
    path("remboursements/paie/", payments.payroll_view, name="payroll_elements"),
    path(
        "remboursements/paie/transmettre/",
        payments.payroll_hand_over_view,
        name="payroll_hand_over",
    ),
    path("politique/", policy.policy_view, name="policy"),
    path("politique/<int:employer_pk>/", policy.policy_edit, name="policy_edit"),
    path("grille-tarifaire/", policy.fares_view, name="fares"),
    path("grille-tarifaire/nouveau/", policy.fare_create, name="fare_create"),
    path("grille-tarifaire/<int:pk>/", policy.fare_edit, name="fare_edit"),
    path("grille-tarifaire/<int:pk>/supprimer/", policy.fare_delete_view, name="fare_delete"),
    path("mes-vehicules/", policy.my_vehicles, name="my_vehicles"),
    path(
        "salaries/<int:employee_pk>/vehicules/",
        policy.employee_vehicles_view,
        name="employee_vehicles",
    ),
    path(
        "salaries/<int:employee_pk>/vehicules/nouveau/",
        policy.vehicle_create,
        name="vehicle_create",
    ),
    path("vehicules/<int:pk>/", policy.vehicle_edit, name="vehicle_edit"),
    path("vehicules/<int:pk>/supprimer/", policy.vehicle_delete_view, name="vehicle_delete"),
]
