from django.urls import URLPattern, URLResolver, path

from effectif.departures.views import departures, payroll

app_name = "departures"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", departures.departure_list_view, name="list"),
    path("nouveau/", departures.departure_new, name="create"),
    path("<int:pk>/", departures.departure_detail, name="detail"),
    path("<int:pk>/terminer/", departures.departure_end, name="end"),
    path("<int:pk>/clore/", departures.departure_close_view, name="close"),
    path("<int:pk>/rouvrir/", departures.departure_reopen_view, name="reopen"),
    path("<int:pk>/abandonner/", departures.departure_cancel_view, name="cancel"),
    path("<int:pk>/liste-de-sortie/", departures.departure_checklist, name="checklist"),
    path("paie/", payroll.payroll, name="payroll"),
    path("preavis/<int:employer_pk>/", payroll.notices, name="notices"),
    path("renouveler/<int:contract_pk>/", payroll.renew, name="renew"),
]
