"""Uploaded files on their way out: sandboxed, and a French 404 when the file is gone."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.files.base import File
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from effectif.core.uploads.kinds import (
    CONTENT_TYPES,
    KINDS,
    SHOWN_INLINE,
    UPLOAD_CONTENT_SECURITY_POLICY,
)


@dataclass(frozen=True)
class Served:
    filename: str
    content_type: str
    inline: bool


def _served(name: str, filename: str, inline: bool) -> Served:
    kind = KINDS.get(Path(name).suffix.lower())
    content_type = CONTENT_TYPES.get(kind or "", "application/octet-stream")
    return Served(filename, content_type, inline and kind in SHOWN_INLINE)


def missing_file_response(request: HttpRequest) -> HttpResponse:
    return render(request, "core/file_missing.html", status=404)


def file_response(
    request: HttpRequest, stored: Any, *, filename: str, inline: bool = False
) -> HttpResponse | FileResponse:
    """An uploaded file (a `FieldFile`) as the browser should get it: its type from its
    checked extension, downloaded unless `inline` and a PDF or an image, always with a
    policy that forbids it to run or load anything. A file missing from the storage gives
    a French 404 page."""
    name = stored.name or ""
    try:
        if not name or not stored.storage.exists(name):
            return missing_file_response(request)
        handle: File[Any] = stored.open("rb")
    except OSError:
        return missing_file_response(request)
    served = _served(name, filename, inline)
    response = FileResponse(
        handle,
        as_attachment=not served.inline,
        filename=served.filename,
        content_type=served.content_type,
    )
    response["Content-Security-Policy"] = UPLOAD_CONTENT_SECURITY_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    return response
