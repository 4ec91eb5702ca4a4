"""Receipts are shown in the browser sandboxed (nothing in them may run or load), and one
whose file has gone from the storage gives a French 404 page."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from effectif.core.testing import sample_image
from effectif.travel.models import ExpenseReport
from effectif.travel.services.expenses import report_create
from effectif.travel.tests.test_expenses_views import line_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_receipt_is_shown_sandboxed_and_a_lost_one_is_a_french_404(
    world, employee_user, client_for
):
    client = client_for(employee_user)
    report = report_create(employee=world.member, title="Salon", trip=None, by=employee_user)
    photo = SimpleUploadedFile("ticket.jpg", sample_image("JPEG"))
    client.post(reverse("travel:line_add", args=[report.pk]), {**line_post(), "receipt": photo})
    line = ExpenseReport.objects.get(pk=report.pk).lines.get()
    url = reverse("travel:receipt", args=[report.pk, line.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("inline")
    line.receipt.storage.delete(line.receipt.name)
    response = client.get(url)
    assert response.status_code == 404
    assert "Le fichier de ce document est introuvable sur le serveur." in response.content.decode()
