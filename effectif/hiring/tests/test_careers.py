"""The public careers page, for an anonymous visitor: offers, the form with its consent and
its privacy notice, CSRF, the hidden field for robots, the limit per address, CVs checked by
their content."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from effectif.core.testing import sample_pdf
from effectif.hiring.models import Candidate, CandidateSource, PostingStatus
from effectif.hiring.tests.conftest import NOW, pdf_upload

pytestmark = pytest.mark.django_db


def _url(recruiting, reference="2026-001"):
    return reverse("hiring:career_posting", args=[recruiting.world.employer.siren, reference])


def _form(**extra):
    data = {
        "civility": "mme",
        "first_names": "Lou",
        "last_name": "Durand",
        "email": "lou@example.test",
        "phone": "0601020304",
        "message": "Bonjour",
        "consent": "on",
        "website": "",
        "cv": pdf_upload("CV Lou.pdf"),
    }
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def test_the_list_shows_published_offers_only(recruiting):
    draft = recruiting.posting
    page = Client().get(reverse("hiring:career_list", args=[recruiting.world.employer.siren]))
    text = page.content.decode()
    assert "Comptable (H/F)" in text
    assert "Boulanger" not in text
    assert "2 ans après notre dernier échange" in text  # how long data are kept
    draft.status = PostingStatus.DRAFT
    draft.save()
    assert "Comptable (H/F)" not in Client().get(page.request["PATH_INFO"]).content.decode()
    assert Client().get(_url(recruiting)).status_code == 404
    assert Client().get(reverse("hiring:career_list", args=["000000000"])).status_code == 404


def test_an_anonymous_application(recruiting):
    client = Client(enforce_csrf_checks=True)
    page = client.get(_url(recruiting))
    text = page.content.decode()
    assert "J&#x27;accepte que" in text or "J'accepte que" in text
    assert "RGPD" in text
    assert "CNIL" in text
    token = page.cookies["csrftoken"].value
    response = client.post(_url(recruiting), {**_form(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"].endswith("/merci/")
    candidate = Candidate.objects.get(email="lou@example.test")
    assert candidate.source == CandidateSource.CAREERS
    assert candidate.posting == recruiting.posting
    assert candidate.consent_at == NOW
    assert "J'accepte que" in candidate.consent_text
    assert candidate.cv_filename == "CV Lou.pdf"
    assert client.get(response["Location"]).status_code == 200


def test_csrf_is_required(recruiting):
    response = Client(enforce_csrf_checks=True).post(_url(recruiting), _form())
    assert response.status_code == 403
    assert not Candidate.objects.filter(email="lou@example.test").exists()


def test_consent_is_required(recruiting):
    response = Client().post(_url(recruiting), _form(consent=None))
    assert response.status_code == 200
    assert "Ce champ est obligatoire" in response.content.decode()
    assert not Candidate.objects.filter(email="lou@example.test").exists()


def test_a_robot_filling_the_hidden_field_is_thanked_and_ignored(recruiting):
    response = Client().post(_url(recruiting), _form(website="http://spam.example"))
    assert response.status_code == 302
    assert not Candidate.objects.filter(email="lou@example.test").exists()


def test_too_many_submissions_from_one_address(recruiting):
    client = Client(REMOTE_ADDR="198.51.100.7")
    codes = [
        client.post(_url(recruiting), _form(email=f"lou{i}@example.test")).status_code
        for i in range(6)
    ]
    assert codes == [302] * 5 + [429]
    assert Candidate.objects.filter(email__startswith="lou").count() == 5
    assert Client(REMOTE_ADDR="198.51.100.8").post(_url(recruiting), _form()).status_code == 302


def _docx(valid=True):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        if valid:
            archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def _odt():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("cv.pdf", sample_pdf("CV"), True),
        ("cv.docx", _docx(), True),
        ("cv.odt", _odt(), True),
        ("cv.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, True),
        ("cv.pdf", b"MZ\x90\x00 an executable", False),  # content is not a PDF
        ("cv.docx", _docx(valid=False), False),  # a zip, not a Word document
        ("cv.odt", _docx(), False),
        ("cv.exe", b"%PDF-1.7", False),  # extension not accepted
        ("cv.pdf", b"%PDF-1.7" + b"0" * (5 * 1024 * 1024), False),  # over 5 MB
    ],
)
def test_cvs_are_checked_by_their_content(recruiting, name, content, accepted):
    upload = SimpleUploadedFile(name, content)
    response = Client().post(_url(recruiting), _form(cv=upload))
    assert (response.status_code == 302) is accepted
    assert Candidate.objects.filter(email="lou@example.test").exists() is accepted
    if not accepted:
        assert "CV" in response.content.decode() or "fichier" in response.content.decode()
