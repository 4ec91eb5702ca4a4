from django.urls import include, path

urlpatterns = [
    path("", include("effectif.dashboards.urls")),
    path("", include("effectif.core.urls")),
    path("compte/", include("effectif.accounts.urls")),
    path("organisation/", include("effectif.organisation.urls")),
    path("salaries/", include("effectif.employees.urls")),
    path("contrats/", include("effectif.contracts.urls")),
    path("temps/", include("effectif.timekeeping.urls")),
    path("documents/", include("effectif.documents.urls")),
    path("conges/", include("effectif.leave.urls")),
    path("planning/", include("effectif.planning.urls")),
    path("recrutement/", include("effectif.hiring.urls")),
    path("sante/", include("effectif.health.urls")),
    path("departs/", include("effectif.departures.urls")),
    path("registre/", include("effectif.register.urls")),
    path("deplacements/", include("effectif.travel.urls")),
    path("budgets/", include("effectif.budgets.urls")),
    path("paie/", include("effectif.payroll.urls")),
    path("donnees-personnelles/", include("effectif.privacy.urls")),
    path("api/v1/", include("effectif.api.urls")),
    path("import/", include("effectif.imports.urls")),
]
