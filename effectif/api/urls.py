from __future__ import annotations

from effectif.api.api import api

app_name = "api"

urlpatterns = api.urls[0]
