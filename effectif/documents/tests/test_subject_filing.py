"""A subject without personnel file (a candidate) keeps its documents through its own `file`
callable; without one, a document is only downloaded."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse

from effectif.documents.merging import registry
from effectif.documents.tests.factories import TemplateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed():
    return []


@pytest.fixture
def fileless_subject(world, filed):
    """The employee subject, seen as a subject with no personnel file."""
    original = registry.subject("salarie")
    assert original is not None

    def keep(generated, obj, user):
        filed.append((generated.title, obj.pk, user.pk, generated.pdf()[:5]))
        return f"Gardé : {generated.title}"

    def variant(key, file):
        return dataclasses.replace(original, key=key, employee=lambda obj: None, file=file)

    registry.register_subject(variant("essai-avec-classement", keep))
    registry.register_subject(variant("essai-sans-classement", None))
    yield
    registry._subjects.pop("essai-avec-classement")
    registry._subjects.pop("essai-sans-classement")


def _url(key, world, template):
    return reverse("documents:generate", args=[key, world.member.pk]) + f"?modele={template.pk}"


def test_the_subject_files_the_document_itself(
    client_for, hr_manager, world, filed, fileless_subject
):
    template = TemplateFactory(employer=world.employer)
    client = client_for(hr_manager)
    page = client.get(_url("essai-avec-classement", world, template)).content.decode()
    assert 'value="enregistrer"' in page
    response = client.post(
        reverse("documents:generate", args=["essai-avec-classement", world.member.pk]),
        {"modele": template.pk, "action": "enregistrer"},
        follow=True,
    )
    assert filed == [
        (f"{template.name} — {world.member.display_name}", world.member.pk, hr_manager.pk, b"%PDF-")
    ]
    assert "Gardé :" in response.content.decode()
    assert not world.member.documents.exists()  # nothing went into the personnel file


def test_without_a_file_callable_the_document_is_only_downloaded(
    client_for, hr_manager, world, fileless_subject
):
    template = TemplateFactory(employer=world.employer)
    page = client_for(hr_manager).get(_url("essai-sans-classement", world, template))
    assert 'value="enregistrer"' not in page.content.decode()
    assert 'value="pdf"' in page.content.decode()
