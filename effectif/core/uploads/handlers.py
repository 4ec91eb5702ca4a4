"""A request carrying too large a file: refused without being read whole."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpRequest

from effectif.core.uploads.kinds import max_upload_bytes


class OversizeUpload(UploadedFile[Any]):
    """What is left of a file larger than `EFFECTIF_MAX_UPLOAD_BYTES`: its name and the size
    it had, no content. Every check refuses it on its size."""

    def __init__(self, name: str, size: int, content_type: str | None, limit: int) -> None:
        super().__init__(io.BytesIO(), name=name, content_type=content_type, size=size)
        self.limit = limit


class SizeLimitedUploadHandler(FileUploadHandler):
    """First of the upload handlers: past `EFFECTIF_MAX_UPLOAD_BYTES`, the rest of a file is
    read from the request but kept neither in memory nor on disk, and the file arrives as an
    `OversizeUpload`, refused with a French message by the form or the API."""

    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.limit = max_upload_bytes()
        self.over = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > self.limit:
            self.over = True
        return None if self.over else raw_data

    def file_complete(self, file_size: int) -> UploadedFile[Any] | None:
        if not self.over:
            return None
        name = self.file_name or "fichier"
        return OversizeUpload(name, file_size, self.content_type, self.limit)


#: What `request.body` holds once a multipart request is read from its stream.
STREAMED_BODY = b"(multipart/form-data: read from the stream)"


def read_multipart_from_stream(request: HttpRequest) -> None:
    """Read the fields and files of a multipart request from its stream, through the upload
    handlers (a file past `EFFECTIF_MAX_UPLOAD_BYTES` is not kept), then mark its body as
    read: code that only tests `request.body` (django-ninja does, before parsing) no longer
    loads the whole request, files included, into memory."""
    if request.content_type != "multipart/form-data" or hasattr(request, "_body"):
        return
    request.POST  # noqa: B018 (parsed here, from the stream)
    request._body = STREAMED_BODY
