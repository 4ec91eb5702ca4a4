"""Uploaded files, checked on the way in and served on the way out, in one place.

On the way in (`check_upload`), a file is judged by its whole content, never by its name:

- its size first, from what the request said, before anything is read;
- a PDF must parse (pypdf) and have pages, and carries no active content: JavaScript,
  automatic actions, launched programs, embedded files, rich media or XFA forms;
- an image (PNG, JPEG) must decode entirely (Pillow), within `EFFECTIF_MAX_IMAGE_PIXELS`
  pixels (a « decompression bomb » is refused, never decoded); it is then **re-encoded**: what
  is stored is its pixels alone, in the same format, turned the way it is shown, without its
  metadata (GPS position, comments) nor anything hidden after its end — a photo taken with a
  phone that appends a second picture or a video is still accepted;
- a PDF or an image holding HTML or script markup (a « polyglot » a browser could take for a
  page) is refused;
- Word (.doc, .docx) and OpenDocument (.odt) files are recognised by their structure; nothing
  in them is executed or extracted.

On the way out (`file_response`), every uploaded file is served with a Content-Security-Policy
that forbids everything (`default-src 'none'; sandbox`) and `nosniff`, as an attachment unless
the caller shows a checked PDF or image in the browser; a file missing from the storage gives
a French 404 page, not a server error.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

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


def _refused(field: str, message: str) -> ValidationError:
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


# --- PDF -------------------------------------------------------------------------------------


class _TooManyObjects(Exception):
    pass


def _active_in(objects: Iterator[Any]) -> str | None:
    """The first active element among PDF objects (each dictionary and array walked without
    following references: every indirect object comes on its own)."""
    from pypdf.generic import ArrayObject, DictionaryObject

    seen = 0
    for obj in objects:
        stack = [obj]
        while stack:
            seen += 1
            if seen > MAX_PDF_OBJECTS:
                raise _TooManyObjects
            item = stack.pop()
            if isinstance(item, DictionaryObject):
                for key, inner in item.items():
                    if key in ACTIVE_KEYS:
                        return str(key)
                    if key == "/S" and inner in ACTIVE_ACTIONS:
                        return str(inner)
                    if key == "/URI" and str(inner).strip().lower().startswith("javascript:"):
                        return "/URI javascript:"
                    stack.append(inner)
            elif isinstance(item, ArrayObject):
                stack.extend(item)
    return None


def _pdf_objects(reader: Any) -> Iterator[Any]:
    from pypdf.generic import IndirectObject

    yield reader.trailer
    for generation, numbers in reader.xref.items():
        for number in numbers:
            yield reader.get_object(IndirectObject(number, generation, reader))
    for number in reader.xref_objStm:
        yield reader.get_object(number)


def _check_pdf(data: bytes, field: str) -> None:
    from pypdf import PdfReader

    unreadable = _(
        "Ce fichier PDF est illisible ou endommagé : enregistrez-le de nouveau en PDF et "
        "déposez-le à nouveau."
    )
    active = _(
        "Ce PDF contient du contenu actif (JavaScript, formulaire dynamique ou fichier joint) : "
        "enregistrez-le en PDF simple et déposez-le à nouveau."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf warns of every oddity it repairs
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise _refused(
                    field,
                    _(
                        "Ce PDF est protégé par un mot de passe : enregistrez-le sans protection "
                        "et déposez-le à nouveau."
                    ),
                )
            if len(reader.pages) == 0:
                raise _refused(field, unreadable)
            if _active_in(_pdf_objects(reader)):
                raise _refused(field, active)
    except ValidationError:
        raise
    except Exception as error:  # a malformed file can fail the parser in any way: refused
        raise _refused(field, unreadable) from error


# --- Images ----------------------------------------------------------------------------------


def decoded_image(
    data: bytes, *, field: str, formats: Collection[str], mismatch: str, unreadable: str = ""
) -> Image.Image:
    """The image of `data`, decoded entirely, if Pillow reads it as one of `formats` and it
    has at most `EFFECTIF_MAX_IMAGE_PIXELS` pixels; else a French ValidationError on `field`
    (`mismatch` for another format). A decompression bomb is refused before it is decoded."""
    limit = max_image_pixels()
    Image.MAX_IMAGE_PIXELS = limit  # Pillow refuses twice as many pixels by itself
    too_big = _(
        "Cette image est trop grande (plus de %(mp)s millions de pixels) : réduisez-la ou "
        "enregistrez-la en PDF avant de la déposer."
    ) % {"mp": f"{limit / 1_000_000:g}".replace(".", ",")}
    unreadable = unreadable or _(
        "Cette image est illisible ou endommagée : enregistrez-la de nouveau (JPEG ou PNG) et "
        "déposez-la à nouveau."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in formats:
                    raise _refused(field, mismatch)
                if probe.width * probe.height > limit:
                    raise _refused(field, too_big)
                probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
            return image
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _refused(field, too_big) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as error:
        raise _refused(field, unreadable) from error
    except Exception as error:  # a malformed file can fail a decoder in any way: refused
        raise _refused(field, unreadable) from error


def _reencoded(image: Image.Image, kind: str) -> bytes:
    """The pixels alone, in the same format, turned as the photo is meant to be seen."""
    upright = ImageOps.exif_transpose(image)
    keep: dict[str, Any] = {
        key: upright.info[key] for key in ("transparency", "icc_profile") if key in upright.info
    }
    upright.info.clear()  # nothing else of the original travels: comments, EXIF, XMP…
    for key, value in keep.items():
        upright.info[key] = value
    out = io.BytesIO()
    if kind == PNG:
        upright.save(out, format="PNG", **keep)
    else:
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
        extra = {"icc_profile": keep["icc_profile"]} if "icc_profile" in keep else {}
        upright.save(out, format="JPEG", quality=90, **extra)
    return out.getvalue()


# --- Word and OpenDocument -------------------------------------------------------------------


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


def _read(upload: Any, max_bytes: int, field: str, too_big: str) -> bytes:
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    upload.seek(0)
    if len(data) > max_bytes:
        raise _refused(field, too_big)
    return bytes(data)


def check_upload(
    upload: Any,
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
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in accepted or suffix not in KINDS:
        raise _refused(field, wrong_type)
    if isinstance(upload, OversizeUpload):
        max_bytes = min(max_bytes, upload.limit)
    too_big = too_big or _("Le fichier dépasse %(mo)s Mo.") % {"mo": megabytes(max_bytes)}
    if isinstance(upload, OversizeUpload) or (upload.size is not None and upload.size > max_bytes):
        raise _refused(field, too_big)  # refused on the size announced, before reading
    kind = KINDS[suffix]
    data = _read(upload, max_bytes, field, too_big)
    mismatch = _("Le contenu du fichier ne correspond pas à son extension %(ext)s.") % {
        "ext": suffix
    }
    if kind in (DOC, DOCX, ODT):
        if not _office_matches(data, kind):
            raise _refused(field, mismatch)
        return upload  # type: ignore[no-any-return]
    if not data.startswith(SIGNATURES[kind]):
        raise _refused(field, mismatch)
    if HTML_MARKERS.search(data):
        raise _refused(
            field,
            _(
                "Ce fichier contient du code HTML ou un script caché : il est refusé. "
                "Enregistrez le document de nouveau (PDF, JPEG ou PNG) et déposez-le à nouveau."
            ),
        )
    if kind == PDF:
        _check_pdf(data, field)
        return upload  # type: ignore[no-any-return]
    image = decoded_image(data, field=field, formats=PILLOW_FORMATS[kind], mismatch=mismatch)
    with image:
        cleaned = _reencoded(image, kind)
    return SimpleUploadedFile(upload.name, cleaned, content_type=CONTENT_TYPES[kind])


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


# --- Too large a request ---------------------------------------------------------------------


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


# --- Serving ---------------------------------------------------------------------------------


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
