"""Lists: pagination that keeps the filters, sort links, and the export switch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django_stubs_ext import StrOrPromise

T = TypeVar("T")

PAGE_SIZES = (25, 50, 100)
#: The largest identifier the databases store (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def parse_id(text: str | None) -> int | None:
    """An identifier written in a query string (a filter's employer…), or None when it is
    absent, malformed or beyond what the databases store, which no row can have."""
    text = (text or "").strip()
    if not text.isdigit() or len(text) > len(str(MAX_ID)):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


def page_of(
    request: HttpRequest, items: QuerySet[Any, T] | Sequence[T], default_size: int = 25
) -> Page[T]:
    try:
        size = int(request.GET.get("par_page", default_size))
    except ValueError:
        size = default_size
    size = size if size in PAGE_SIZES else default_size
    return Paginator(items, size).get_page(request.GET.get("page"))


def query_without(params: QueryDict, *names: str) -> str:
    """The query string without some parameters (to build page and sort links)."""
    copy = params.copy()
    for name in names:
        copy.pop(name, None)
    return copy.urlencode()


@dataclass(frozen=True)
class SortLink:
    label: StrOrPromise
    key: str
    url: str
    active: bool
    descending: bool


def sort_links(
    request: HttpRequest, columns: Sequence[tuple[str, StrOrPromise]]
) -> dict[str, SortLink]:
    """For each sortable column, the link that sorts by it (toggling the direction)."""
    current = request.GET.get("tri", "")
    base = query_without(request.GET, "tri", "page")
    links = {}
    for key, label in columns:
        active = current.lstrip("-") == key
        descending = current.startswith("-") and active
        target = key if descending or not active else f"-{key}"
        url = f"?{base}&tri={target}" if base else f"?tri={target}"
        links[key] = SortLink(label, key, url, active, descending)
    return links


def requested_export(request: HttpRequest) -> str | None:
    value = request.GET.get("export")
    return value if value in {"csv", "xlsx"} else None
