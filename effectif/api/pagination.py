"""Lists are paged by `limit` and `offset`, and say how many items match (`count`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from django.db.models import QuerySet
from ninja import Field, Schema

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
#: Far beyond any list, and within what the databases take for an OFFSET.
MAX_OFFSET = 1_000_000_000


class Paging(Schema):
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Nombre d'éléments par page (200 au plus)."
    )
    offset: int = Field(
        0, ge=0, le=MAX_OFFSET, description="Nombre d'éléments à sauter (un milliard au plus)."
    )


class Page(Schema, Generic[T]):
    count: int = Field(description="Nombre total d'éléments correspondant à la demande.")
    limit: int
    offset: int
    items: list[T]


def page_of(
    queryset: QuerySet[Any],
    paging: Paging,
    *,
    count: int | None = None,
    present: Callable[[list[Any]], Iterable[Any]] | None = None,
) -> dict[str, Any]:
    """One page of a queryset: a slice of it and the total count, in two queries.

    `count` may be given when a cheaper query than counting `queryset` knows it; `present`
    turns the page's objects into items (e.g. to attach prefetched data).
    """
    total = queryset.count() if count is None else count
    rows = list(queryset[paging.offset : paging.offset + paging.limit])
    items = list(present(rows)) if present is not None else rows
    return {"count": total, "limit": paging.limit, "offset": paging.offset, "items": items}
