"""Request bodies: JSON, or a form (``application/x-www-form-urlencoded``, multipart).

A NUL character in a form is refused here (HTTP 400, as `core.bad_input` does for the query
string and JSON bodies): the API reads a multipart form from its stream once the caller is
authenticated, after the middleware has run.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.errors import HttpError
from ninja.parser import Parser

from effectif.core.bad_input import NulCharacterError, contains_nul, nul_message

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _refuse_nul(data: MultiValueDict[str, Any]) -> None:
    texts = [getattr(value, "name", value) for _key, values in data.lists() for value in values]
    if contains_nul(list(data.keys())) or contains_nul(texts):
        raise NulCharacterError


class JsonOrFormParser(Parser):
    """JSON by default; a form's fields when the client posts a form (one value per field)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        if (request.content_type or "").startswith(_FORM_TYPES):
            _refuse_nul(request.POST)
            return {key: request.POST.get(key) for key in request.POST}
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise ValueError("a JSON object is expected")
        return data

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        try:
            _refuse_nul(data)
        except NulCharacterError as error:
            raise HttpError(400, nul_message()) from error
        return super().parse_querydict(data, list_fields, request)
