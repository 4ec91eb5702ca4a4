from django.urls import URLPattern, URLResolver, path

from effectif.budgets import views

app_name = "budgets"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.budget_list_view, name="list"),
    path("nouveau/", views.budget_create_view, name="create"),
    path("<int:pk>/modifier/", views.budget_edit_view, name="edit"),
    path("<int:pk>/supprimer/", views.budget_delete_view, name="delete"),
    path("suivi/", views.followup_view, name="followup"),
]
