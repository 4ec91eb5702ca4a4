from django.urls import path

from effectif.employees import views

app_name = "employees"

urlpatterns = [
    path("", views.employee_list_view, name="list"),
    path("nouveau/", views.employee_create, name="create"),
    path("mon-dossier/", views.my_file, name="mine"),
    path("demandes/", views.change_request_list, name="change_requests"),
    path("demandes/<int:pk>/", views.change_request_decide, name="change_request_decide"),
    path("<int:pk>/", views.employee_detail, name="detail"),
    path("<int:pk>/sensibles/", views.employee_sensitive, name="sensitive"),
    path("<int:pk>/modifier/", views.employee_edit, name="edit"),
    path("<int:pk>/historique/", views.employee_history, name="history"),
    path(
        "<int:pk>/jetons-api/revoquer/",
        views.employee_api_tokens_revoke,
        name="api_tokens_revoke",
    ),
    path("<int:pk>/demande/", views.change_request_create, name="change_request_create"),
    path("<int:pk>/documents/ajouter/", views.document_add, name="document_add"),
    path(
        "<int:pk>/documents/<int:document_pk>/",
        views.document_download,
        name="document_download",
    ),
    path(
        "<int:pk>/documents/<int:document_pk>/supprimer/",
        views.document_delete,
        name="document_delete",
    ),
]
