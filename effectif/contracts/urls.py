from django.urls import path

from effectif.contracts import views

app_name = "contracts"

urlpatterns = [
    path("salarie/<int:employee_pk>/nouveau/", views.contract_new, name="create"),
    path("<int:pk>/", views.contract_detail, name="detail"),
    path("<int:pk>/modifier/", views.contract_edit, name="edit"),
    path("<int:pk>/avenant/", views.contract_amendment, name="amend"),
    path("<int:pk>/avenants/<int:terms_pk>/supprimer/", views.terms_delete, name="terms_delete"),
]
