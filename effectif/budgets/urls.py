from django.urls import URLPattern, URLResolver, path

from effectif.budgets import views

app_name = "budgets"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.budget_list, name="list"),
]
