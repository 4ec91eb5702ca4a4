from django.urls import path

from effectif.privacy import views

app_name = "privacy"

urlpatterns = [
    path("journal/", views.audit_log, name="audit_log"),
]
