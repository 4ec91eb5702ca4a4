from django.urls import URLPattern, URLResolver, path

from effectif.payroll.views import (
    documents,
    outputs,
    payslips,
    periods,
    settings,
    simulator,
    summary,
)
from effectif.payroll.views import imports as element_imports

app_name = "payroll"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", periods.period_list, name="periods"),
    path("nouvelle/", periods.period_create, name="period_create"),
    path("<int:pk>/", periods.period_detail, name="period"),
    path("<int:pk>/avancement/", periods.period_progress, name="period_progress"),
    path("<int:pk>/collecter/", periods.period_collect, name="period_collect"),
    path("<int:pk>/calculer/", periods.period_compute, name="period_compute"),
    path("<int:pk>/controler/", periods.period_check, name="period_check"),
    path("<int:pk>/valider/", periods.period_validate, name="period_validate"),
    path("<int:pk>/clore/", periods.period_close, name="period_close"),
    path("<int:pk>/rouvrir/", periods.period_reopen, name="period_reopen"),
    path("<int:pk>/elements/", periods.element_list, name="elements"),
    path("elements/<int:pk>/supprimer/", periods.element_delete, name="element_delete"),
    path("<int:pk>/anomalies/", periods.anomaly_list, name="anomalies"),
    path("anomalies/<int:pk>/accepter/", periods.anomaly_acknowledge, name="anomaly_acknowledge"),
    path("bulletins/<int:pk>/", payslips.payslip_detail, name="payslip"),
    path("mes-bulletins/", payslips.my_payslips, name="my_payslips"),
    path("simulateur/", simulator.simulator, name="simulator"),
    path("<int:pk>/synthese/", summary.summary, name="summary"),
    path("bulletins/<int:pk>/pdf/", documents.payslip_pdf, name="payslip_pdf"),
    path("<int:pk>/bulletins-pdf/", documents.period_pdfs, name="period_pdfs"),
    path("salaries/<int:pk>/parametres/", settings.employee_settings, name="employee_settings"),
    path("employeurs/<int:pk>/parametres/", settings.employer_settings, name="employer_settings"),
    path("<int:pk>/livre-de-paie/", outputs.journal, name="journal"),
    path("<int:pk>/ecritures/", outputs.accounting, name="accounting"),
    path(
        "<int:pk>/ecritures/comptes/",
        outputs.accounting_settings_edit,
        name="accounting_settings",
    ),
    path("<int:pk>/virements/", outputs.transfers, name="transfers"),
    path("<int:pk>/virements/fichier/", outputs.transfer_file, name="transfer_file"),
]
urlpatterns += [
    path("<int:pk>/elements/importer/", element_imports.elements_import, name="elements_import"),
    path(
        "<int:pk>/elements/modele.xlsx", element_imports.elements_template, name="elements_template"
    ),
]
