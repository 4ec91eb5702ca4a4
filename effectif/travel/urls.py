from django.urls import URLPattern, URLResolver

from effectif.travel.views import expenses, payments, policy, trips

app_name = "travel"

urlpatterns: list[URLPattern | URLResolver] = [
    *trips.urlpatterns,
    *expenses.urlpatterns,
    *payments.urlpatterns,
    *policy.urlpatterns,
]
