"""Uploaded files are judged by their whole content: a PDF that does not parse or carries
active content, an image that does not decode or is a decompression bomb, a PDF or image
hiding HTML are refused with a French message; images are stored re-encoded, without their
metadata nor what follows their end. Uploaded files are served with a policy that forbids
everything, and a file missing from the storage gives a French 404 page."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.test import RequestFactory
from PIL import Image

from effectif.core.testing import build_pdf, png_header, sample_image, sample_pdf
from effectif.core.uploads import (
    UPLOAD_CONTENT_SECURITY_POLICY,
    OversizeUpload,
    SizeLimitedUploadHandler,
    check_document,
    check_upload,
    file_response,
)

ACTIVE = "Ce PDF contient du contenu actif"


def document(name: str, content: bytes) -> Any:
    return check_document(SimpleUploadedFile(name, content))


def refusal(name: str, content: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        document(name, content)
    return " ".join(error.value.message_dict["file"])


def test_plain_pdfs_and_images_are_accepted() -> None:
    assert document("a.pdf", sample_pdf("Attestation")).read() == sample_pdf("Attestation")
    assert document("b.pdf", build_pdf(b"/OpenAction [3 0 R /Fit]")).name == "b.pdf"
    link = b"<< /Type /Action /S /URI /URI (https://www.service-public.fr/) >>"
    assert document("c.pdf", build_pdf(b"/OpenAction 4 0 R", (link,))).name == "c.pdf"
    for name, image_format in (("d.png", "PNG"), ("e.jpg", "JPEG"), ("f.jpeg", "JPEG")):
        stored = document(name, sample_image(image_format))
        assert stored.name == name
        assert Image.open(stored).format == image_format


@pytest.mark.parametrize(
    ("catalog", "objects"),
    [
        (b"/OpenAction 4 0 R", (b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>",)),
        # the same with its names written in hexadecimal escapes
        (b"/OpenAction 4 0 R", (b"<< /Type /Action /S /Java#53cript /J#53 (app.alert(1)) >>",)),
        (b"/Names << /JavaScript 4 0 R >>", (b"<< /Names [(x) 5 0 R] >>", b"<< /S /Named >>")),
        (b"/AA << /WC 4 0 R >>", (b"<< /S /Named /N /Print >>",)),
        (b"/OpenAction << /S /Launch /F (calc.exe) >>", ()),
        (b"/OpenAction << /S /URI /URI (javascript:alert(1)) >>", ()),
        (b"/AcroForm << /Fields [] /XFA 4 0 R >>", (b"[(template) 5 0 R]", b"<< >>")),
        (
            b"/Names << /EmbeddedFiles << /Names [(a.exe) 4 0 R] >> >>",
            (b"<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>", b"<< /Length 0 >>"),
        ),
        (b"", (b"<< /Type /Annot /Subtype /RichMedia /RichMediaContent << >> >>",)),
    ],
)
def test_a_pdf_with_active_content_is_refused(catalog, objects) -> None:
    assert ACTIVE in refusal("recu.pdf", build_pdf(catalog, objects))


def test_a_pdf_that_does_not_parse_or_has_no_page_is_refused() -> None:
    for content in (b"%PDF-1.4 x", b"%PDF-1.4\n%%EOF\n", sample_pdf()[:200]):
        assert "illisible ou endommagé" in refusal("a.pdf", content)
    no_page = build_pdf().replace(b"/Kids [3 0 R] /Count 1", b"/Kids [] /Count 0")
    assert "illisible ou endommagé" in refusal("a.pdf", no_page)


def test_html_hidden_in_a_pdf_or_an_image_is_refused() -> None:
    assert "code HTML" in refusal("a.pdf", build_pdf(tail=b"<html><script>alert(1)</script>"))
    assert "code HTML" in refusal("a.png", sample_image() + b"<svg onload=alert(1)>")
    assert "code HTML" in refusal("a.jpg", sample_image("JPEG") + b"<SCRIPT>x</SCRIPT>")


def test_the_content_must_match_the_extension() -> None:
    assert "ne correspond pas à son extension .png" in refusal("a.png", sample_image("JPEG"))
    assert "ne correspond pas à son extension .pdf" in refusal("a.pdf", sample_image())
    assert "Seuls les fichiers PDF, PNG et JPEG" in refusal("a.gif", b"GIF89a")


def _jpeg_with_metadata() -> bytes:
    image = Image.new("RGB", (16, 8), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turned a quarter
    exif[0x010E] = "Sortie de caisse"  # a description
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"commentaire")
    return out.getvalue()


def test_images_are_stored_re_encoded_upright_without_metadata_nor_trailer() -> None:
    stored = document("photo.jpg", _jpeg_with_metadata() + b"\x00VIDEO-MP4" * 50)
    data = stored.read()
    assert b"VIDEO-MP4" not in data
    assert b"Sortie de caisse" not in data
    assert b"commentaire" not in data
    image = Image.open(io.BytesIO(data))
    assert image.size == (8, 16)  # turned as it is meant to be seen
    assert not image.getexif()
    png = document("scan.png", sample_image() + b"trailing bytes").read()
    assert png.endswith(b"IEND\xaeB`\x82")


def test_a_decompression_bomb_is_refused_in_french(settings) -> None:
    bomb = png_header(100_000, 100_000)  # ten billion pixels announced
    assert "trop grande (plus de 40 millions de pixels)" in refusal("bombe.png", bomb)
    settings.EFFECTIF_MAX_IMAGE_PIXELS = 100
    assert "plus de 0,0001 millions de pixels" in refusal("a.png", sample_image(size=(20, 20)))
    assert document("b.png", sample_image(size=(10, 10))).name == "b.png"


def test_a_truncated_image_is_refused() -> None:
    photo = sample_image("JPEG", size=(64, 64))
    assert "illisible ou endommagée" in refusal("a.jpg", photo[: len(photo) // 2])


class _Unreadable(SimpleUploadedFile):
    def read(self, *args: Any) -> bytes:
        raise AssertionError("an oversize file must not be read")


def test_an_oversize_file_is_refused_before_it_is_read(settings) -> None:
    settings.EFFECTIF_MAX_DOCUMENT_BYTES = 1024 * 1024
    upload = _Unreadable("a.pdf", b"")
    upload.size = 50 * 1024 * 1024
    with pytest.raises(ValidationError, match="Le fichier dépasse 1 Mo"):
        check_document(upload)


def test_a_file_over_the_request_limit_is_neither_kept_nor_accepted(settings) -> None:
    settings.EFFECTIF_MAX_UPLOAD_BYTES = 4096
    content = sample_pdf() + b"%" + b"x" * 10_000
    request = RequestFactory().post("/", {"file": SimpleUploadedFile("a.pdf", content)})
    request.upload_handlers = [
        SizeLimitedUploadHandler(request),
        MemoryFileUploadHandler(request),
    ]
    upload = request.FILES["file"]
    assert isinstance(upload, OversizeUpload)
    assert upload.size == len(content)
    assert upload.read() == b""
    with pytest.raises(ValidationError, match="Le fichier dépasse"):
        check_document(upload)


def test_office_documents_are_recognised_by_their_structure() -> None:
    def check(name: str, content: bytes) -> Any:
        return check_upload(
            SimpleUploadedFile(name, content),
            field="cv",
            accepted=(".pdf", ".doc", ".docx", ".odt"),
            max_bytes=1024 * 1024,
            wrong_type="type",
        )

    assert check("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100).name == "cv.doc"
    with pytest.raises(ValidationError, match="ne correspond pas"):
        check("cv.docx", b"PK\x03\x04 not really a zip")
    with pytest.raises(ValidationError, match="type"):
        check("cv.png", sample_image())


class _Stored:
    """What a FileField holds: a name in a storage."""

    def __init__(self, storage: FileSystemStorage, name: str) -> None:
        self.storage, self.name = storage, name

    def open(self, mode: str = "rb") -> Any:
        return self.storage.open(self.name, mode)


def test_uploaded_files_are_served_sandboxed(tmp_path, rf) -> None:
    storage = FileSystemStorage(location=tmp_path)
    storage.save("recu.pdf", io.BytesIO(sample_pdf()))
    storage.save("scan.html.png", io.BytesIO(sample_image()))
    storage.save("cv.docx", io.BytesIO(b"PK"))
    request = rf.get("/")
    inline = file_response(request, _Stored(storage, "recu.pdf"), filename="recu.pdf", inline=True)
    assert inline["Content-Security-Policy"] == UPLOAD_CONTENT_SECURITY_POLICY
    assert UPLOAD_CONTENT_SECURITY_POLICY == "default-src 'none'; sandbox"
    assert inline["X-Content-Type-Options"] == "nosniff"
    assert inline["Content-Type"] == "application/pdf"
    assert inline["Content-Disposition"].startswith("inline")
    image = file_response(request, _Stored(storage, "scan.html.png"), filename="x", inline=True)
    assert image["Content-Type"] == "image/png"
    word = file_response(request, _Stored(storage, "cv.docx"), filename="cv.docx", inline=True)
    assert word["Content-Disposition"].startswith("attachment")  # never shown by the browser
    assert word["Content-Security-Policy"] == UPLOAD_CONTENT_SECURITY_POLICY
    download = file_response(request, _Stored(storage, "recu.pdf"), filename="recu.pdf")
    assert download["Content-Disposition"].startswith("attachment")


def test_a_file_missing_from_the_storage_gives_a_french_404_page(tmp_path, rf) -> None:
    storage = FileSystemStorage(location=tmp_path)
    response = file_response(rf.get("/"), _Stored(storage, "parti.pdf"), filename="parti.pdf")
    assert response.status_code == 404
    assert "Le fichier de ce document est introuvable sur le serveur." in (
        response.content.decode()
    )
