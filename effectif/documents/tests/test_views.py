"""Every page of the documents app for every role, and the paths through them."""

from __future__ import annotations

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from effectif.core.models import AuditAction, AuditEntry
from effectif.documents.models import DocumentTemplate, GeneratedDocument, Letterhead
from effectif.documents.tests.factories import LetterheadFactory, TemplateFactory
from effectif.documents.tests.helpers import assert_pdf, png_bytes
from effectif.employees.models import EmployeeDocument

pytestmark = pytest.mark.django_db

ROLES = ["admin_user", "hr_manager", "hr_assistant", "manager_user", "employee_user", "outsider"]


def _client(request, role):
    client = Client()
    client.force_login(request.getfixturevalue(role))
    return client


def _default(kind="contrat_cdi"):
    return DocumentTemplate.objects.get(employer__isnull=True, kind=kind)


@pytest.fixture
def own_template(world):
    return TemplateFactory(employer=world.employer, name="Attestation maison")


@pytest.fixture
def foreign_template(world):
    return TemplateFactory(employer=world.other_employer, name="Modèle de B")


@pytest.fixture
def generated(world, hr_manager):
    from effectif.documents.generation import render_for
    from effectif.documents.merging import registry
    from effectif.documents.services import generated_save_to_file

    subject = registry.subject("contrat")
    result = render_for(template=_default(), subject=subject, obj=world.contract)
    return generated_save_to_file(
        generated=result, subject=subject, obj=world.contract, by=hr_manager
    )


def _url(world, name, target, request):
    if name in {"library", "template_create", "letterhead_list"}:
        return reverse(f"documents:{name}")
    if name == "letterhead_edit":
        return reverse("documents:letterhead_edit", args=[getattr(world, target).pk])
    if name == "generate":
        key, attr = target.split(":")
        return reverse("documents:generate", args=[key, getattr(world, attr).pk])
    if name == "signed_copy":
        return reverse("documents:signed_copy", args=[request.getfixturevalue("generated").pk])
    template = _default() if target == "default" else request.getfixturevalue(target)
    return reverse(f"documents:{name}", args=[template.pk])


# Expected status for each role, in ROLES order (the outsider is an HR assistant granted no
# employer: he reads the installation's defaults, nothing of anyone).
@pytest.mark.parametrize(
    ("name", "target", "expected"),
    [
        ("library", None, [200, 200, 200, 403, 403, 200]),
        ("template_create", None, [200, 200, 200, 403, 403, 200]),
        ("template_edit", "own_template", [200, 200, 200, 403, 403, 404]),
        ("template_edit", "foreign_template", [200, 404, 404, 403, 403, 404]),
        ("template_edit", "default", [200, 200, 200, 403, 403, 200]),
        ("template_copy", "default", [200, 200, 200, 403, 403, 200]),
        ("template_copy", "own_template", [200, 200, 200, 403, 403, 404]),
        ("letterhead_list", None, [200, 302, 302, 403, 403, 200]),
        ("letterhead_edit", "employer", [200, 200, 200, 403, 403, 404]),
        ("letterhead_edit", "other_employer", [200, 404, 404, 403, 403, 404]),
        ("generate", "salarie:member", [200, 200, 200, 403, 403, 404]),
        ("generate", "salarie:stranger", [200, 404, 404, 403, 403, 404]),
        ("generate", "contrat:contract", [200, 200, 200, 403, 403, 404]),
        ("generate", "contrat:stranger_contract", [200, 404, 404, 403, 403, 404]),
        ("signed_copy", None, [200, 200, 200, 403, 403, 404]),
    ],
)
def test_access_matrix(request, world, name, target, expected):
    url = _url(world, name, target, request)
    got = [_client(request, role).get(url).status_code for role in ROLES]
    assert got == expected, f"{url}: {got}"


@pytest.mark.parametrize(
    ("name", "target", "expected"),
    [
        ("template_preview", None, [200, 200, 200, 403, 403, 200]),
        ("template_restore", "default", [302, 403, 403, 403, 403, 403]),
        ("template_docx_remove", "own_template", [302, 302, 302, 403, 403, 404]),
        ("template_docx_remove", "foreign_template", [302, 404, 404, 403, 403, 404]),
    ],
)
def test_access_matrix_of_actions(request, world, name, target, expected):
    if target is None:
        url = reverse(f"documents:{name}")
    else:
        template = _default("autre") if target == "default" else request.getfixturevalue(target)
        url = reverse(f"documents:{name}", args=[template.pk])
    data = {"kind": "autre", "body": "<p>{{ salarie.nom }}</p>"}
    got = [_client(request, role).post(url, data).status_code for role in ROLES]
    assert got == expected, f"{url}: {got}"
    assert _client(request, "admin_user").get(url).status_code == 405


def test_unknown_subject_is_not_found(client_for, hr_manager, world):
    response = client_for(hr_manager).get(f"/documents/generer/candidat/{world.member.pk}/")
    assert response.status_code == 404


def test_library_lists_defaults_and_own_templates_only(
    client_for, hr_manager, own_template, foreign_template
):
    page = client_for(hr_manager).get("/documents/").content.decode()
    assert "Attestation maison" in page
    assert "Modèle de B" not in page
    assert "Contrat à durée déterminée" in page
    filtered = client_for(hr_manager).get("/documents/?employeur=defaut&type=contrat_cdd")
    text = filtered.content.decode()
    assert "Contrat à durée déterminée" in text
    assert "Attestation maison" not in text


def test_outsider_sees_no_employer_template(client_for, outsider, own_template):
    assert "Attestation maison" not in client_for(outsider).get("/documents/").content.decode()


def test_hr_creates_a_template_from_a_kind_and_edits_it(client_for, hr_assistant, world):
    client = client_for(hr_assistant)
    form = client.get("/documents/modeles/nouveau/?type=certificat_travail").content.decode()
    assert "salarie.emplois" in form  # the default body is proposed
    response = client.post(
        "/documents/modeles/nouveau/",
        {
            "employer": world.employer.pk,
            "kind": "autre",
            "name": "Note de service",
            "is_active": "on",
            "body": "<p>À l'attention de {{ salarie.nom_complet }}</p>",
        },
    )
    template = DocumentTemplate.objects.get(name="Note de service")
    assert response.status_code == 302
    assert template.employer == world.employer
    response = client.post(
        f"/documents/modeles/{template.pk}/",
        {"kind": "autre", "name": "Note de service", "body": "{% load static %}"},
    )
    assert response.status_code == 200
    assert "erreur de syntaxe" in response.content.decode()
    template.refresh_from_db()
    assert template.body.startswith("<p>")


def test_hr_cannot_create_a_default_nor_a_template_for_another_employer(
    client_for, hr_manager, world
):
    client = client_for(hr_manager)
    for employer in ("", world.other_employer.pk):
        response = client.post(
            "/documents/modeles/nouveau/",
            {"employer": employer, "kind": "autre", "name": "X", "body": "<p>x</p>"},
        )
        assert response.status_code == 200
    assert not DocumentTemplate.objects.filter(name="X").exists()


def test_hr_reads_a_default_and_copies_it_but_cannot_change_it(client_for, hr_manager, world):
    client = client_for(hr_manager)
    default = _default("contrat_cdd")
    page = client.get(f"/documents/modeles/{default.pk}/").content.decode()
    assert "Copier pour l&#x27;adapter" in page or "Copier pour l'adapter" in page
    client.post(f"/documents/modeles/{default.pk}/", {"kind": "autre", "name": "X", "body": "x"})
    default.refresh_from_db()
    assert default.kind == "contrat_cdd"
    assert client.post(f"/documents/modeles/{default.pk}/retablir/").status_code == 403
    response = client.post(
        f"/documents/modeles/{default.pk}/copier/",
        {"employer": world.employer.pk, "name": "CDD de l'atelier"},
    )
    copy = DocumentTemplate.objects.get(name="CDD de l'atelier")
    assert response.status_code == 302
    assert copy.employer == world.employer
    assert copy.copied_from == default


def test_admin_edits_and_restores_a_default(client_for, admin_user):
    client = client_for(admin_user)
    default = _default("autre")
    original = default.body
    client.post(
        f"/documents/modeles/{default.pk}/",
        {"kind": "autre", "name": default.name, "is_active": "on", "body": "<p>Modifié</p>"},
    )
    default.refresh_from_db()
    assert default.body == "<p>Modifié</p>"
    client.post(f"/documents/modeles/{default.pk}/retablir/")
    default.refresh_from_db()
    assert default.body == original


def test_live_preview_renders_sample_data_and_lists_unknown_fields(client_for, hr_manager, world):
    LetterheadFactory(employer=world.employer)
    response = client_for(hr_manager).post(
        "/documents/modeles/apercu/",
        {
            "kind": "contrat_cdd",
            "employer": world.employer.pk,
            "body": "<p>{{ salarie.nom_complet }} {{ contrat.motiff }} {{ saisie.heure_rdv }}</p>",
        },
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'srcdoc="&lt;!doctype html&gt;' in page  # the whole page, escaped in the attribute
    assert "Madame Camille MARTIN" in page  # the sample employee, inside the iframe's srcdoc
    assert "contrat.motiff" in page
    assert "Champs inconnus" in page
    assert "heure rdv" in page
    assert 'id="merge-fields" hx-swap-oob="true"' in page
    assert "Employeur A" in page  # the chosen employer's letterhead
    error = client_for(hr_manager).post(
        "/documents/modeles/apercu/", {"kind": "autre", "body": "{% debug %}"}
    )
    assert "erreur de syntaxe" in error.content.decode()


def test_preview_ignores_an_employer_out_of_scope(client_for, hr_manager, world):
    response = client_for(hr_manager).post(
        "/documents/modeles/apercu/",
        {"kind": "autre", "employer": world.other_employer.pk, "body": "<p>x</p>"},
    )
    assert "Employeur B" not in response.content.decode()


def test_letterhead_with_a_logo(client_for, hr_manager, world):
    client = client_for(hr_manager)
    data = {
        "address": "4 place Bellecour\n69002 Lyon",
        "siret": "",
        "footer": "SAS au capital de 10 000 €",
        "signatory_name": "Jean DUPUIS",
        "signatory_title": "Président",
        "pension_body": "Agirc-Arrco Exemple",
    }
    bad_siret = client.post(f"/documents/en-tetes/{world.employer.pk}/", {**data, "siret": "123"})
    assert "Le SIRET doit comporter 14 chiffres." in bad_siret.content.decode()
    assert bad_siret.status_code == 200
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>")
    response = client.post(
        f"/documents/en-tetes/{world.employer.pk}/", {**data, "logo_upload": fake}
    )
    assert "image PNG ou JPEG" in response.content.decode()
    assert not Letterhead.objects.filter(employer=world.employer).exists()
    logo = SimpleUploadedFile("logo.png", png_bytes())
    response = client.post(
        f"/documents/en-tetes/{world.employer.pk}/", {**data, "logo_upload": logo}
    )
    assert response.status_code == 302
    letterhead = Letterhead.objects.get(employer=world.employer)
    assert letterhead.logo
    assert letterhead.signatory_name == "Jean DUPUIS"
    page = client.get(f"/documents/en-tetes/{world.employer.pk}/").content.decode()
    assert "data:image/png;base64," in page


def test_generate_preview_complete_download_and_save(client_for, hr_manager, world):
    client = client_for(hr_manager)
    url = f"/documents/generer/salarie/{world.member.pk}/"
    convocation = _default("convocation_entretien_prealable")
    page = client.get(url).content.decode()
    assert "Convocation à l&#x27;entretien préalable" in page or convocation.name in page
    preview = client.get(f"{url}?modele={convocation.pk}").content.decode()
    assert 'srcdoc="&lt;!doctype html&gt;' in preview
    assert 'name="champ:saisie.date_entretien"' in preview
    completed = client.post(
        url,
        {
            "modele": convocation.pk,
            "action": "apercu",
            "champ:saisie.date_entretien": "lundi 12 janvier",
        },
    ).content.decode()
    assert "lundi 12 janvier" in completed
    assert 'value="lundi 12 janvier"' in completed  # the typed value is kept for the next step

    pdf = client.post(
        url,
        {
            "modele": convocation.pk,
            "action": "pdf",
            "champ:saisie.date_entretien": "lundi 12 janvier",
        },
    )
    assert pdf["Content-Type"] == "application/pdf"
    assert "attachment" in pdf["Content-Disposition"]
    assert_pdf(pdf.content, "convocation à un entretien préalable", "lundi 12 janvier")
    word = client.post(url, {"modele": convocation.pk, "action": "docx"})
    paragraphs = [p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs]
    assert any("entretien préalable" in p for p in paragraphs)
    assert (
        AuditEntry.objects.filter(action=AuditAction.EXPORT, employee_id=world.member.pk).count()
        == 2
    )

    saved = client.post(url, {"modele": convocation.pk, "action": "enregistrer"})
    assert saved.status_code == 302
    assert saved["Location"] == f"/salaries/{world.member.pk}/"
    record = GeneratedDocument.objects.get(employee=world.member)
    assert record.file_document.kind == "autre"
    assert "date de l'entretien" in record.missing_fields  # labels come from the field list


def test_a_template_of_another_employer_cannot_be_used(
    client_for, hr_manager, world, foreign_template
):
    page = (
        client_for(hr_manager)
        .get(f"/documents/generer/salarie/{world.member.pk}/?modele={foreign_template.pk}")
        .content.decode()
    )
    assert "Modèle de B" not in page
    assert "Choisissez un modèle" in page


def test_the_employee_sees_the_generated_document_in_their_file(
    client_for, employee_user, world, generated
):
    page = client_for(employee_user).get(f"/salaries/{world.member.pk}/").content.decode()
    assert generated.title in page
    assert "Générer un document" not in page  # the generation panel is for HR only
    download = client_for(employee_user).get(
        f"/salaries/{world.member.pk}/documents/{generated.file_document_id}/"
    )
    assert download.status_code == 200


def test_contract_page_offers_the_written_contract_to_hr_only(
    client_for, hr_manager, manager_user, world, generated
):
    url = f"/contrats/{world.contract.pk}/"
    page = client_for(hr_manager).get(url).content.decode()
    default = _default("contrat_cdi")
    assert f"/documents/generer/contrat/{world.contract.pk}/?modele={default.pk}" in page
    assert f"/documents/generes/{generated.pk}/exemplaire-signe/" in page
    assert "Générer le contrat" not in client_for(manager_user).get(url).content.decode()


def test_the_employer_template_is_suggested_before_the_default(client_for, hr_manager, world):
    own = TemplateFactory(employer=world.employer, kind="contrat_cdi", name="CDI maison")
    page = client_for(hr_manager).get(f"/contrats/{world.contract.pk}/").content.decode()
    assert f"?modele={own.pk}" in page


def test_signed_copy_upload(client_for, hr_manager, world, generated):
    url = f"/documents/generes/{generated.pk}/exemplaire-signe/"
    response = client_for(hr_manager).post(
        url, {"file": SimpleUploadedFile("signe.png", png_bytes(), content_type="image/png")}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/contrats/{world.contract.pk}/"
    generated.refresh_from_db()
    assert generated.signed_document.kind == "contrat"
    bad = client_for(hr_manager).post(url, {"file": SimpleUploadedFile("x.pdf", b"nope")})
    assert bad.status_code == 200
    assert EmployeeDocument.objects.filter(employee=world.member).count() == 2
