"""The check of an upload on its way in: size, kind, whole content."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext as _

from effectif.core.uploads.handlers import OversizeUpload
from effectif.core.uploads.images import decoded_image, reencoded
from effectif.core.uploads.kinds import (
    CONTENT_TYPES,
    DOC,
    DOCUMENT_SUFFIXES,
    DOCX,
    HTML_MARKERS,
    JPEG,
    JPEG_SIGNATURE,
    KINDS,
    ODT,
    ODT_MIMETYPE,
    OLE_SIGNATURE,
    PDF,
    PILLOW_FORMATS,
    PNG,
    PNG_SIGNATURE,
    ZIP_SIGNATURE,
    megabytes,
    refused,
)
from effectif.core.uploads.pdf import check_pdf


def _office_matches(data: bytes, kind: str) -> bool:
    if kind == DOC:
        return data.startswith(OLE_SIGNATURE)
    if not data.startswith(ZIP_SIGNATURE):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if kind == DOCX:
                return "[Content_Types].xml" in names and "word/document.xml" in names
            if "mimetype" not in names or archive.getinfo("mimetype").file_size > 100:
                return False
            return archive.read("mimetype").strip() == ODT_MIMETYPE
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return False


# --- The check -------------------------------------------------------------------------------

SIGNATURES = {PDF: b"%PDF-", PNG: PNG_SIGNATURE, JPEG: JPEG_SIGNATURE}


def _read(upload: UploadedFile[Any], max_bytes: int, field: str, too_big: str) -> bytes:
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    upload.seek(0)
    if len(data) > max_bytes:
        raise refused(field, too_big)
    return bytes(data)


def check_upload(
    upload: UploadedFile[Any],
    *,
    field: str,
    accepted: Collection[str],
    max_bytes: int,
    wrong_type: str,
    too_big: str = "",
) -> UploadedFile[Any]:
    """Refuse a file that is not one of the `accepted` extensions, is larger than
    `max_bytes`, or whose content is not what its extension says or is not safe to keep
    (ValidationError on `field`, in French). Returns the file to store: the upload itself,
    or an image re-encoded under the same name."""
    name = upload.name or ""
    suffix = Path(name).suffix.lower()
    if suffix not in accepted or suffix not in KINDS:
        raise refused(field, wrong_type)
    if isinstance(upload, OversizeUpload):
        max_bytes = min(max_bytes, upload.limit)
    too_big = too_big or _("Le fichier dépasse %(mo)s Mo.") % {"mo": megabytes(max_bytes)}
    if isinstance(upload, OversizeUpload) or (upload.size is not None and upload.size > max_bytes):
        raise refused(field, too_big)  # refused on the size announced, before reading
    kind = KINDS[suffix]
    data = _read(upload, max_bytes, field, too_big)
    mismatch = _("Le contenu du fichier ne correspond pas à son extension %(ext)s.") % {
        "ext": suffix
    }
    if kind in (DOC, DOCX, ODT):
        if not _office_matches(data, kind):
            raise refused(field, mismatch)
        return upload
    if not data.startswith(SIGNATURES[kind]):
        raise refused(field, mismatch)
    if HTML_MARKERS.search(data):
        raise refused(
            field,
            _(
                "Ce fichier contient du code HTML ou un script caché : il est refusé. "
                "Enregistrez le document de nouveau (PDF, JPEG ou PNG) et déposez-le à nouveau."
            ),
        )
    if kind == PDF:
        check_pdf(data, field)
        return upload
    image = decoded_image(data, field=field, formats=PILLOW_FORMATS[kind], mismatch=mismatch)
    with image:
        cleaned = reencoded(image, kind)
    return SimpleUploadedFile(name, cleaned, content_type=CONTENT_TYPES[kind])


def check_document(upload: Any, *, field: str = "file") -> UploadedFile[Any]:
    """A document of a personnel file or an expense receipt: a PDF, PNG or JPEG within
    `EFFECTIF_MAX_DOCUMENT_BYTES`."""
    return check_upload(
        upload,
        field=field,
        accepted=DOCUMENT_SUFFIXES,
        max_bytes=settings.EFFECTIF_MAX_DOCUMENT_BYTES,
        wrong_type=_("Seuls les fichiers PDF, PNG et JPEG sont acceptés."),
    )
