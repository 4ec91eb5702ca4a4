"""Checking an uploaded CV by its content, not its name: PDF, Word (.doc, .docx) or
OpenDocument text (.odt), within a size limit, by the checks every upload goes through
(`core.uploads`): a PDF must parse and carry no active content; nothing in a Word or
OpenDocument file is executed or extracted."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from effectif.core.uploads import CONTENT_TYPES, KINDS, check_upload

CV_MAX_BYTES = 5 * 1024 * 1024
CV_TYPES = {suffix: CONTENT_TYPES[KINDS[suffix]] for suffix in (".pdf", ".doc", ".docx", ".odt")}
ACCEPT = ",".join(CV_TYPES)


def check_cv(upload: Any, field: str = "cv") -> str:
    """Refuse a CV that is too big or not what its extension says; return its extension."""
    check_upload(
        upload,
        field=field,
        accepted=CV_TYPES,
        max_bytes=CV_MAX_BYTES,
        wrong_type=_("Le CV doit être un fichier PDF, Word (.doc, .docx) ou OpenDocument (.odt)."),
        too_big=_("Le CV dépasse %(mo)s Mo.") % {"mo": CV_MAX_BYTES // (1024 * 1024)},
    )
    return Path(upload.name or "").suffix.lower()


def stored_name(suffix: str) -> str:
    """A random name: the original name (which may carry anything) is kept apart, as text."""
    return f"{uuid.uuid4().hex}{suffix}"


def display_name(original: str) -> str:
    """The original file name, reduced to a harmless label."""
    name = Path(original or "cv").name
    cleaned = "".join(c for c in name if c.isalnum() or c in " ._-()")
    return cleaned.strip()[:120] or "cv"
