"""Checking an uploaded CV by its content, not its name: PDF, Word (.doc, .docx) or
OpenDocument text (.odt), within a size limit. Nothing in the file is executed or extracted:
an archive is only listed, and its `mimetype` entry read when it is tiny."""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CV_MAX_BYTES = 5 * 1024 * 1024
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
CV_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
}
ACCEPT = ",".join(CV_TYPES)


def _zip_names(upload: Any) -> tuple[zipfile.ZipFile, set[str]] | None:
    try:
        archive = zipfile.ZipFile(upload)
        return archive, set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _content_matches(suffix: str, upload: Any) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if suffix == ".pdf":
        return bool(head.startswith(b"%PDF-"))
    if suffix == ".doc":
        return bool(head == OLE_SIGNATURE)
    if not head.startswith(ZIP_SIGNATURE):
        return False
    opened = _zip_names(upload)
    upload.seek(0)
    if opened is None:
        return False
    archive, names = opened
    with archive:
        if suffix == ".docx":
            return "[Content_Types].xml" in names and "word/document.xml" in names
        if "mimetype" not in names or archive.getinfo("mimetype").file_size > 100:
            return False
        return archive.read("mimetype").strip() == ODT_MIMETYPE


def check_cv(upload: Any, field: str = "cv") -> str:
    """Refuse a CV that is too big or not what its extension says; return its extension."""
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in CV_TYPES:
        raise ValidationError(
            {
                field: [
                    _("Le CV doit être un fichier PDF, Word (.doc, .docx) ou OpenDocument (.odt).")
                ]
            }
        )
    if upload.size is not None and upload.size > CV_MAX_BYTES:
        raise ValidationError(
            {field: [_("Le CV dépasse %(mo)s Mo.") % {"mo": CV_MAX_BYTES // (1024 * 1024)}]}
        )
    if not _content_matches(suffix, upload):
        raise ValidationError(
            {
                field: [
                    _("Le contenu du fichier ne correspond pas à son extension %(ext)s.")
                    % {"ext": suffix}
                ]
            }
        )
    return suffix


def stored_name(suffix: str) -> str:
    """A random name: the original name (which may carry anything) is kept apart, as text."""
    return f"{uuid.uuid4().hex}{suffix}"


def display_name(original: str) -> str:
    """The original file name, reduced to a harmless label."""
    name = Path(original or "cv").name
    cleaned = "".join(c for c in name if c.isalnum() or c in " ._-()")
    return cleaned.strip()[:120] or "cv"
