from django.urls import path, re_path

from effectif.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.start, name="start"),
    re_path(r"^modele\.(?P<fmt>csv|xlsx)$", views.template_download, name="template"),
    path("<int:pk>/", views.preview, name="preview"),
    path("<int:pk>/confirmer/", views.confirm, name="confirm"),
    path("<int:pk>/annuler/", views.cancel, name="cancel"),
    path("<int:pk>/resultat/", views.result, name="result"),
    re_path(r"^(?P<pk>\d+)/erreurs\.(?P<fmt>csv|xlsx)$", views.errors_export, name="errors_export"),
]
