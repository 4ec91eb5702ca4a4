"""The kinds of file Effectif accepts, their signatures and the limits of an upload."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError

#: The policy of every uploaded file served: nothing may load, run or navigate.
UPLOAD_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox"
DEFAULT_MAX_IMAGE_PIXELS = 40_000_000

PDF, PNG, JPEG, DOC, DOCX, ODT = ".pdf", ".png", ".jpeg", ".doc", ".docx", ".odt"
#: Each accepted extension and the kind of content it must hold.
KINDS = {
    ".pdf": PDF,
    ".png": PNG,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".doc": DOC,
    ".docx": DOCX,
    ".odt": ODT,
}
CONTENT_TYPES = {
    PDF: "application/pdf",
    PNG: "image/png",
    JPEG: "image/jpeg",
    DOC: "application/msword",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ODT: "application/vnd.oasis.opendocument.text",
}
#: What a browser may show itself once checked (the others are always downloaded).
SHOWN_INLINE = frozenset({PDF, PNG, JPEG})
DOCUMENT_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg")

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
PILLOW_FORMATS = {PNG: {"PNG"}, JPEG: {"JPEG", "MPO"}}  # MPO: a JPEG with a second picture

#: Markup that a browser sniffing the bytes could take for a page or an SVG with scripts.
HTML_MARKERS = re.compile(
    rb"<(?:script|html|body|iframe|frameset|svg|object|embed|!doctype\s+html)[\s/>]",
    re.IGNORECASE,
)

#: Dictionary keys of active content in a PDF (pypdf decodes names written as #xx).
ACTIVE_KEYS = frozenset(
    {"/JS", "/JavaScript", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/EF"}
    | {"/RichMedia", "/RichMediaContent", "/XFA"}
)
#: Actions (`/S`) that run something, open another file or send data away.
ACTIVE_ACTIONS = frozenset(
    {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute", "/GoToE"}
)
#: Objects walked at most in a PDF: beyond, the file is refused rather than read on.
MAX_PDF_OBJECTS = 200_000


def refused(field: str, message: str) -> ValidationError:
    return ValidationError({field: [message]})


def max_image_pixels() -> int:
    return int(getattr(settings, "EFFECTIF_MAX_IMAGE_PIXELS", DEFAULT_MAX_IMAGE_PIXELS))


def max_upload_bytes() -> int:
    """The largest file a request may carry (every check has its own, smaller limit)."""
    default = 2 * settings.EFFECTIF_MAX_DOCUMENT_BYTES
    return int(getattr(settings, "EFFECTIF_MAX_UPLOAD_BYTES", default))


def megabytes(size: int) -> str:
    """A limit in whole megabytes, or with one decimal when smaller than one."""
    value = size / (1024 * 1024)
    return f"{value:.0f}" if value >= 1 else f"{value:.1f}".replace(".", ",")
