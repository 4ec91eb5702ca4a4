"""Receipts: a PDF carrying JavaScript, HTML hidden in an image or an image bomb is refused
in French, and nothing is written."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from effectif.core.testing import build_pdf, png_header, sample_image
from effectif.travel.services.expenses import report_create
from effectif.travel.tests.test_expenses_views import line_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ticket.pdf", build_pdf(b"/AA << /O << /S /JavaScript /JS (x) >> >>"), "contenu actif"),
        ("ticket.png", sample_image() + b"<script>alert(1)</script>", "code HTML"),
        ("ticket.png", png_header(100_000, 100_000), "Cette image est trop grande"),
    ],
)
def test_hostile_receipts_are_refused_in_french(
    world, employee_user, client_for, name, content, message
):
    report = report_create(employee=world.member, title="Salon", trip=None, by=employee_user)
    response = client_for(employee_user).post(
        reverse("travel:line_add", args=[report.pk]),
        {**line_post(), "receipt": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not report.lines.exists()
