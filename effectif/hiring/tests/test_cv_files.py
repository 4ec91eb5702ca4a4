"""CVs from the public careers site: a PDF carrying JavaScript is refused in French; a CV is
served with a policy that forbids it to run anything, and one whose file has gone from the
storage gives a French 404 page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from effectif.core.testing import build_pdf
from effectif.hiring.models import Candidate
from effectif.hiring.tests.conftest import pdf_upload
from effectif.hiring.tests.test_careers import _form, _url

pytestmark = pytest.mark.django_db

JAVASCRIPT_PDF = build_pdf(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")
MISSING = "Le fichier de ce document est introuvable sur le serveur."


def test_a_cv_with_javascript_is_refused_in_french(recruiting):
    response = Client().post(_url(recruiting), _form(cv=pdf_upload("cv.pdf", JAVASCRIPT_PDF)))
    assert response.status_code == 200
    assert "Ce PDF contient du contenu actif" in response.content.decode()
    assert not Candidate.objects.filter(email="lou@example.test").exists()


def test_a_cv_is_served_sandboxed_and_a_lost_one_is_a_french_404(
    recruiting, client_for, manager_user
):
    client = client_for(manager_user)
    url = reverse("hiring:candidate_cv", args=[recruiting.received.pk])
    response = client.get(url)
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Content-Type"] == "application/pdf"
    cv = recruiting.received.cv
    cv.storage.delete(cv.name)
    response = client.get(url)
    assert response.status_code == 404
    assert MISSING in response.content.decode()
