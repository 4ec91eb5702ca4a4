from django.urls import path

from effectif.leave.views import management, requests

app_name = "leave"

urlpatterns = [
    path("", requests.my_leave, name="mine"),
    path("demandes/", requests.request_list, name="requests"),
    path("demandes/nouvelle/", requests.request_new, name="request_new"),
    path("demandes/apercu/", requests.request_preview, name="request_preview"),
    path("demandes/<int:pk>/", requests.request_detail, name="request_detail"),
    path("demandes/<int:pk>/valider/", requests.request_approve, name="request_approve"),
    path("demandes/<int:pk>/refuser/", requests.request_refuse, name="request_refuse"),
    path("demandes/<int:pk>/annuler/", requests.request_cancel, name="request_cancel"),
    path("absences/nouvelle/", requests.request_new, {"absence": True}, name="absence_new"),
    path("notifications/", requests.notification_list, name="notifications"),
    path("salaries/<int:pk>/", management.employee_statement, name="statement"),
    path("salaries/<int:pk>/ajustement/", management.employee_adjust, name="adjust"),
    path("soldes/", management.balance_list, name="balances"),
    path("types/", management.type_list, name="types"),
    path("types/nouveau/", management.type_edit, name="type_new"),
    path("types/par-defaut/", management.type_defaults, name="type_defaults"),
    path("types/<int:pk>/", management.type_edit, name="type_edit"),
    path("indemnites/", management.leave_pay, name="pay"),
    path("cloture/", management.closing, name="closing"),
]
