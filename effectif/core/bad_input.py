"""Input no view can use, refused in French in one place rather than failing in the database.

- A NUL character (``\\0``) in the path, the query string, a form field or a JSON body: SQLite
  stores it, PostgreSQL refuses it in text, and no HR data contains it. The request is
  answered 400, with a French page, or the API's JSON error ``{"detail": "…"}``.
- A date no legal parameter covers (`MissingParameter`, e.g. a notice period asked for 1901)
  that a page did not turn into a form error (`core.editing.submit` does): a French 422 page
  naming the rule and the date, rather than a server error; a number too large for the
  database in a page's query (`OverflowError`): a French 400 page. The API answers these in
  its own JSON (`api.errors`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _

from effectif.core.dates import missing_parameter_message
from effectif.rules.parameters.base import MissingParameter

API_PREFIX = "/api/"
NUL = "\x00"
_FORM = "application/x-www-form-urlencoded"
_MULTIPART = "multipart/form-data"


class NulCharacterError(ValueError):
    """Input holding a NUL character."""

    def __init__(self) -> None:
        super().__init__(nul_message())


def nul_message() -> str:
    return _("La requête contient un caractère nul (\\0), qu'Effectif n'accepte pas.")


def contains_nul(values: Iterable[Any]) -> bool:
    """Whether any text in `values` (nested lists and objects of a JSON body included, their
    keys too) holds a NUL character."""
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if NUL in value:
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
    return False


def _query_dict_has_nul(data: Any) -> bool:
    return contains_nul(data.keys()) or contains_nul(v for _k, vs in data.lists() for v in vs)


def _body_has_nul(request: HttpRequest) -> bool:
    """A raw body (JSON or another text) holding a NUL, as a byte or as a JSON escape."""
    try:
        body = request.body
    except (RequestDataTooBig, SuspiciousOperation):
        return False  # the view refuses it in its own words (413…)
    if b"\x00" in body:
        return True
    if b"\\u0000" not in body.lower():
        return False
    try:
        return contains_nul([json.loads(body)])
    except ValueError:
        return False  # not JSON: the view says so


def request_has_nul(request: HttpRequest) -> bool:
    if NUL in request.path or _query_dict_has_nul(request.GET):
        return True
    if request.method in {"GET", "HEAD", "OPTIONS", "DELETE"}:
        return False
    content_type = request.content_type or ""
    if content_type == _MULTIPART and is_api(request):
        # The API reads a multipart form from its stream once the caller is authenticated,
        # and refuses a NUL in it itself (`api.parsing`).
        return False
    if content_type in {_FORM, _MULTIPART}:
        try:
            names = [f.name for _k, files in request.FILES.lists() for f in files]
            return _query_dict_has_nul(request.POST) or contains_nul(names)
        except (RequestDataTooBig, SuspiciousOperation, MultiPartParserError):
            return False  # the view refuses it in its own words
    return _body_has_nul(request)


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def refusal(request: HttpRequest, message: str, *, status: int, title: str) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": message}, status=status)
    context = {"title": title, "message": message}
    return render(request, "400.html", context, status=status)


class BadInputMiddleware:
    """Place after the CSRF middleware, which reads a page's form first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        if request_has_nul(request):
            return refusal(request, nul_message(), status=400, title=_("Requête refusée"))
        return None

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if is_api(request):
            return None  # the API answers in JSON (`api.errors`)
        if isinstance(exception, MissingParameter):
            message = missing_parameter_message(exception)
            return refusal(request, message, status=422, title=_("Date non prise en charge"))
        if isinstance(exception, OverflowError):
            # A number of the query (an identifier in a filter…) beyond what the database or
            # the calendar holds.
            message = _("Une valeur de la requête est hors des limites permises.")
            return refusal(request, message, status=400, title=_("Requête refusée"))
        return None
