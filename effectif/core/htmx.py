"""htmx helpers: one view serves the whole page or, for an htmx request, only its fragment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_page_or_partial(
    request: HttpRequest, page: str, partial: str, context: Mapping[str, Any]
) -> HttpResponse:
    """Render `partial` for an htmx request that targets it, else the whole `page`."""
    return render(request, partial if is_htmx(request) else page, context)


def is_htmx(request: HttpRequest) -> bool:
    """htmx sent the request to replace part of the page (a boosted link wants a whole page)."""
    details = getattr(request, "htmx", None)
    return bool(details) and not getattr(details, "boosted", False)
