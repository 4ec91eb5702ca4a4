"""Fetching one row through a scoped queryset: what is out of scope does not exist (404)."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.http import Http404

M = TypeVar("M", bound=models.Model)


def get_in_scope(rows: QuerySet[M], pk: Any) -> M:
    """The row of `rows` with this primary key; 404 if it is absent, out of scope or malformed,
    so that a file's existence is never disclosed."""
    try:
        return rows.get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
