from django.urls import path

from effectif.privacy.views import audit, mine, record, requests

app_name = "privacy"

urlpatterns = [
    path("journal/", audit.audit_log, name="audit_log"),
    path("mes-donnees/", mine.my_data, name="my_data"),
    path("mes-donnees/archive/", mine.my_data_export, name="my_data_export"),
    path("archives/<int:pk>/etat/", mine.export_status, name="export_status"),
    path("archives/<int:pk>/telecharger/", mine.export_download, name="export_download"),
    path("demandes/", requests.request_list, name="requests"),
    path("demandes/nouvelle/", requests.request_new, name="request_new"),
    path("demandes/<int:pk>/", requests.request_detail, name="request"),
    path("demandes/<int:pk>/prolonger/", requests.request_extend_view, name="request_extend"),
    path("demandes/<int:pk>/suite/", requests.request_record_view, name="request_record"),
    path("demandes/<int:pk>/archive/", requests.request_archive, name="request_archive"),
    path("demandes/<int:pk>/effacement/", requests.request_erase, name="request_erase"),
    path("demandes/<int:pk>/reponse/", requests.request_answer_view, name="request_answer"),
    path("conservation/", record.schedule, name="schedule"),
    path("registre-des-traitements/", record.processing_record, name="record"),
]
