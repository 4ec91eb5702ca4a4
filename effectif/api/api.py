"""The REST API: one NinjaAPI under `/api/v1/`, its OpenAPI document at `/api/v1/openapi.json`.

No interactive documentation page: Swagger UI and Redoc load from a CDN, and Effectif runs on
intranets without one. The OpenAPI document can be opened in any local tool.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema

from effectif.api import errors
from effectif.api.auth import api_auth
from effectif.api.parsing import JsonOrFormParser
from effectif.api.routers import (
    contracts,
    deadlines,
    departments,
    employees,
    employers,
    establishments,
    positions,
    tokens,
)
from effectif.core.uploads import read_multipart_from_stream

DESCRIPTION = """\
API REST d'Effectif. Authentification : `POST /api/v1/token` avec `username` et `password`,
puis l'en-tête `Authorization: Bearer <jeton>` ; une session ouverte dans le navigateur est
aussi acceptée (avec l'en-tête `X-CSRFToken` pour les modifications).

Chaque utilisateur ne voit que son périmètre, comme dans les pages : un objet hors périmètre
répond 404, une action interdite sur un objet visible 403. Les saisies refusées répondent 422
avec `{"detail": [{"field": …, "message": …}]}`. Les listes se paginent par `limit` et `offset`
et donnent le nombre total `count`.
"""


class EffectifAPI(NinjaAPI):
    """The API, its OpenAPI document built once per process rather than on every request."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._openapi_documents: dict[str, OpenAPISchema] = {}

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        if path_prefix not in self._openapi_documents:
            self._openapi_documents[path_prefix] = super().get_openapi_schema(
                path_prefix=path_prefix
            )
        return self._openapi_documents[path_prefix]

    def create_temporal_response(self, request: HttpRequest) -> HttpResponse:
        # Called once the caller is authenticated, before the body is read: a multipart
        # request (a receipt) is read from its stream, never loaded whole into memory.
        read_multipart_from_stream(request)
        return super().create_temporal_response(request)


api = EffectifAPI(
    title="Effectif",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url=None,
    openapi_url="/openapi.json",
    auth=api_auth(),
    parser=JsonOrFormParser(),
)
errors.install(api)

api.add_router("", tokens.router)
api.add_router("/employers", employers.router)
api.add_router("/establishments", establishments.router)
api.add_router("/departments", departments.router)
api.add_router("/positions", positions.router)
api.add_router("/employees", employees.router)
api.add_router("/contracts", contracts.router)
api.add_router("/deadlines", deadlines.router)
api.add_router("", "effectif.api.routers.leave.router")
api.add_router("/departures", "effectif.api.routers.departures.router")
api.add_router("/establishments", "effectif.api.routers.personnel_register.router")
api.add_router("/candidates", "effectif.api.routers.candidates.router")
api.add_router("/medical-visits", "effectif.api.routers.medical_visits.router")
# The reads' routers, with the writes of their modules `*_writes` added to them.
api.add_router("/trips", "effectif.api.routers.trips_writes.router")
api.add_router("/expense-reports", "effectif.api.routers.expense_reports_writes.router")
api.add_router("/budgets", "effectif.api.routers.budgets.router")
api.add_router("", "effectif.api.routers.payroll.router")
