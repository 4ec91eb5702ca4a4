"""Personnel documents: a PDF carrying JavaScript or an image bomb is refused with a French
message (never a server error); a document is served with a policy that forbids it to run
anything, and one whose file has gone from the storage gives a French 404 page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from effectif.core.testing import build_pdf, png_header, sample_pdf
from effectif.employees.models import EmployeeDocument

pytestmark = pytest.mark.django_db

JAVASCRIPT_PDF = build_pdf(
    b"/OpenAction 4 0 R", (b"<< /S /JavaScript /JS (app.launchURL('http://pirate.example')) >>",)
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _add(client, world, name, content):
    return client.post(
        f"/salaries/{world.member.pk}/documents/ajouter/",
        {"kind": "autre", "title": "Pièce", "file": SimpleUploadedFile(name, content)},
    )


def test_active_pdfs_and_image_bombs_are_refused_in_french(client_for, hr_manager, world):
    client = client_for(hr_manager)
    response = _add(client, world, "piece.pdf", JAVASCRIPT_PDF)
    assert response.status_code == 200
    assert "Ce PDF contient du contenu actif" in response.content.decode()
    response = _add(client, world, "photo.png", png_header(100_000, 100_000))
    assert response.status_code == 200
    assert "Cette image est trop grande" in response.content.decode()
    assert not EmployeeDocument.objects.exists()


def test_a_document_is_served_sandboxed_and_a_lost_file_is_a_french_404(
    client_for, hr_manager, world
):
    client = client_for(hr_manager)
    assert _add(client, world, "piece.pdf", sample_pdf("Pièce")).status_code == 302
    document = EmployeeDocument.objects.get()
    url = f"/salaries/{world.member.pk}/documents/{document.pk}/"
    response = client.get(url)
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    document.file.storage.delete(document.file.name)
    response = client.get(url)
    assert response.status_code == 404
    assert "Le fichier de ce document est introuvable sur le serveur." in response.content.decode()
