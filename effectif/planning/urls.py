from django.urls import URLPattern, URLResolver, path
from django.views.generic import RedirectView

from effectif.planning.views import editing, feeds, grid, staffing

app_name = "planning"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", RedirectView.as_view(pattern_name="planning:grid", query_string=True)),
    path("equipes/", grid.planning_grid, name="grid"),
    path("moi/", grid.my_planning, name="mine"),
    path("jour/<int:employee_pk>/<str:day>/", editing.day_edit, name="day"),
    path("effectifs-minimum/", staffing.staffing_list, name="staffing"),
    path("effectifs-minimum/<int:pk>/", staffing.staffing_edit, name="staffing_edit"),
    path("agenda/", feeds.feed, name="feed"),
    path("agenda/<str:token>.ics", feeds.calendar_ics, name="ics"),
]
