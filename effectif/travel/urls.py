from django.urls import URLPattern, URLResolver

from effectif.travel.views import expense_lines, expenses, payments, policy, trip_page, trips

app_name = "travel"

urlpatterns: list[URLPattern | URLResolver] = [
    *trips.urlpatterns,
    *trip_page.urlpatterns,
    *expenses.urlpatterns,
    *expense_lines.urlpatterns,
    *payments.urlpatterns,
    *policy.urlpatterns,
]
