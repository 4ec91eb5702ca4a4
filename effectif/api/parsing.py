"""Request bodies: JSON, or a form (``application/x-www-form-urlencoded``, multipart)."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from ninja.parser import Parser

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class JsonOrFormParser(Parser):
    """JSON by default; a form's fields when the client posts a form (one value per field)."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        if (request.content_type or "").startswith(_FORM_TYPES):
            return {key: request.POST.get(key) for key in request.POST}
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise ValueError("a JSON object is expected")
        return data
