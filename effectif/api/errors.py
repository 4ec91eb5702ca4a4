"""Errors of the API as JSON, in French.

Every refusal of input is HTTP 422 with the same shape, whether the request did not match the
schema or a service refused it: ``{"detail": [{"field": "nir", "message": "…"}]}``. The other
errors are ``{"detail": "…"}`` with their status: 401, 403, 404, 413, 429.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import RawPostDataException
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as SchemaValidationError

from effectif.core.bad_input import NulCharacterError
from effectif.core.dates import missing_parameter_message
from effectif.rules.parameters.base import MissingParameter

#: Where ninja says an input came from; the first element of a pydantic location.
_SOURCES = frozenset({"body", "query", "path", "form", "header", "cookie", "file"})


def field_errors(error: DjangoValidationError) -> list[dict[str, str]]:
    """A Django validation error as a list of {field, message}; `__all__` for the whole."""
    if hasattr(error, "error_dict"):
        return [
            {"field": field, "message": str(message)}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": NON_FIELD_ERRORS, "message": str(message)} for message in error.messages]


def renamed(error: DjangoValidationError, names: Mapping[str, str]) -> DjangoValidationError:
    """The same error with some fields renamed (a nested input's fields, `terms.job_title`)."""
    if not hasattr(error, "error_dict"):
        return error
    return DjangoValidationError(
        {names.get(field, field): messages for field, messages in error.message_dict.items()}
    )


def _field_of(location: tuple[Any, ...] | list[Any]) -> str:
    """The field as the client named it: ("body", "payload", "terms", "job_title") is
    `terms.job_title`, ("query", "limit") is `limit`."""
    parts = list(location)
    if parts and parts[0] in _SOURCES:
        source = parts.pop(0)
        # ninja nests a JSON body under the operation's parameter name (`payload`).
        if source == "body" and len(parts) > 1:
            parts.pop(0)
    return ".".join(str(part) for part in parts) or NON_FIELD_ERRORS


def schema_message(error: Mapping[str, Any]) -> str:
    """A French message for one pydantic error."""
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    simple = {
        "missing": _("Ce champ est obligatoire."),
        "extra_forbidden": _("Ce champ est inconnu ou ne peut pas être modifié ainsi."),
        "string_type": _("Saisissez un texte."),
        "int_parsing": _("Saisissez un nombre entier."),
        "int_type": _("Saisissez un nombre entier."),
        "int_from_float": _("Saisissez un nombre entier."),
        "float_parsing": _("Saisissez un nombre."),
        "float_type": _("Saisissez un nombre."),
        "decimal_parsing": _("Saisissez un nombre décimal (p. ex. 2300.50)."),
        "decimal_type": _("Saisissez un nombre décimal (p. ex. 2300.50)."),
        "bool_parsing": _("Saisissez true ou false."),
        "bool_type": _("Saisissez true ou false."),
        "date_parsing": _("Date invalide : utilisez le format AAAA-MM-JJ."),
        "date_type": _("Date invalide : utilisez le format AAAA-MM-JJ."),
        "date_from_datetime_parsing": _("Date invalide : utilisez le format AAAA-MM-JJ."),
        "date_from_datetime_inexact": _("Indiquez une date sans heure (AAAA-MM-JJ)."),
        "datetime_parsing": _("Date et heure invalides (format ISO 8601 attendu)."),
        "list_type": _("Une liste est attendue."),
        "model_type": _("Un objet JSON est attendu."),
        "model_attributes_type": _("Un objet JSON est attendu."),
        "dict_type": _("Un objet JSON est attendu."),
        "json_invalid": _("Le corps de la requête n'est pas un JSON valide."),
        "none_required": _("Ce champ doit être vide."),
    }
    if kind in simple:
        return simple[kind]
    if kind == "string_too_long":
        return _("Au plus %(count)s caractères.") % {"count": ctx.get("max_length")}
    if kind == "string_too_short":
        return _("Au moins %(count)s caractère(s).") % {"count": ctx.get("min_length")}
    if kind in {"too_long", "too_short"}:
        return _("Nombre d'éléments incorrect.")
    if kind == "greater_than":
        return _("La valeur doit être supérieure à %(limit)s.") % {"limit": ctx.get("gt")}
    if kind == "greater_than_equal":
        return _("La valeur doit être supérieure ou égale à %(limit)s.") % {"limit": ctx.get("ge")}
    if kind == "less_than":
        return _("La valeur doit être inférieure à %(limit)s.") % {"limit": ctx.get("lt")}
    if kind == "less_than_equal":
        return _("La valeur doit être inférieure ou égale à %(limit)s.") % {"limit": ctx.get("le")}
    if kind in {"decimal_max_digits", "decimal_max_places", "decimal_whole_digits"}:
        return _("Trop de chiffres pour ce nombre.")
    if kind in {"enum", "literal_error"}:
        return _("Valeur non autorisée. Valeurs possibles : %(choices)s.") % {
            "choices": ctx.get("expected", "")
        }
    if kind == "value_error" and ctx.get("error"):
        return str(ctx["error"])
    return _("Valeur invalide.")


def schema_errors(errors: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [
        {"field": _field_of(error.get("loc", ())), "message": schema_message(error)}
        for error in errors
    ]


def _field_holding(request: HttpRequest, value: str) -> str:
    """The query parameter or top-level body field the client sent `value` in (the date a
    rule could not be applied on), else the whole request."""
    for name, values in request.GET.lists():
        if value in values:
            return name
    if (request.content_type or "") == "application/json":
        try:
            body = json.loads(request.body)
        except (ValueError, RawPostDataException):
            body = None
        if isinstance(body, dict):
            for name, sent in body.items():
                if sent == value:
                    return str(name)
    return NON_FIELD_ERRORS


def _translated(message: str) -> str:
    """ninja's own English messages, for the errors it raises itself, in French."""
    if message.startswith("Cannot parse request body"):
        return _("Le corps de la requête n'est pas un JSON valide.")
    if message == "Unauthorized":
        return _("Authentification requise : jeton « Authorization: Bearer … » ou session ouverte.")
    if message == "Forbidden":
        return _("Vous n'avez pas le droit d'effectuer cette action.")
    return message


def install(api: NinjaAPI) -> None:
    """Replace ninja's default handlers by French ones with the shapes above."""

    def validation(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, {"detail": schema_errors(exc.errors)}, status=422)

    def refused(request: HttpRequest, exc: Any) -> HttpResponse:
        return api.create_response(request, {"detail": field_errors(exc)}, status=422)

    def not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        message = _("Introuvable, ou hors de votre périmètre.")
        return api.create_response(request, {"detail": message}, status=404)

    def denied(request: HttpRequest, exc: Any) -> HttpResponse:
        # A service's own refusal, should a check before it have let the call through.
        detail = _translated("Forbidden")
        return api.create_response(request, {"detail": detail}, status=403)

    def too_big(request: HttpRequest, exc: Any) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        message = _("La requête dépasse %(mo)s Mo.") % {"mo": limit}
        return api.create_response(request, {"detail": message}, status=413)

    def unauthenticated(request: HttpRequest, exc: Any) -> HttpResponse:
        detail = _translated("Unauthorized")
        response = api.create_response(request, {"detail": detail}, status=401)
        response["WWW-Authenticate"] = "Bearer"
        return response

    def throttled(request: HttpRequest, exc: Any) -> HttpResponse:
        message = _("Trop de requêtes. Réessayez plus tard.")
        return api.create_response(request, {"detail": message}, status=429)

    def missing_parameter(request: HttpRequest, exc: Any) -> HttpResponse:
        # A date before or after the legal parameters Effectif knows (SMIC, notice periods…).
        field = _field_holding(request, exc.on.isoformat())
        return api.create_response(
            request,
            {"detail": [{"field": field, "message": missing_parameter_message(exc)}]},
            status=422,
        )

    def overflow(request: HttpRequest, exc: Any) -> HttpResponse:
        # A number or a date beyond what the database or the calendar holds.
        message = _("Une valeur saisie est hors des limites permises (nombre ou date trop grand).")
        return api.create_response(
            request, {"detail": [{"field": NON_FIELD_ERRORS, "message": message}]}, status=422
        )

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        # ninja reports any failure of the body's parser as unparsable: say which.
        cause = exc.__cause__
        detail = str(cause) if isinstance(cause, NulCharacterError) else _translated(exc.message)
        response = api.create_response(request, {"detail": detail}, status=exc.status_code)
        if getattr(exc, "retry_after", None):
            response["Retry-After"] = str(exc.retry_after)
        return response

    api.add_exception_handler(SchemaValidationError, validation)
    api.add_exception_handler(DjangoValidationError, refused)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(PermissionDenied, denied)
    api.add_exception_handler(RequestDataTooBig, too_big)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(Throttled, throttled)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(MissingParameter, missing_parameter)
    api.add_exception_handler(OverflowError, overflow)


def forbidden(message: str | None = None) -> HttpError:
    """A refusal of an action on an object the user may see (HTTP 403)."""
    return HttpError(403, message or _("Vous n'avez pas le droit d'effectuer cette action."))


def refuse_unless(allowed: bool, *, role_allows: bool, status_label: str) -> None:
    """Let an action through, or refuse it: HTTP 422 on `status` when the user could take it
    but not at this step of the workflow (already approved, no longer a draft…), 403 when it
    is not the user's to take at all."""
    if allowed:
        return
    if role_allows:
        raise DjangoValidationError(
            {
                "status": [
                    _("Cette action n'est pas possible au statut « %(status)s ».")
                    % {"status": status_label}
                ]
            }
        )
    raise forbidden()
