"""Documents generated from the database: merge values, PDF, .docx, filing in the personnel
file, signed copies, letterheads."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from effectif.contracts.tests.factories import ContractFactory, ContractTermsFactory
from effectif.core.models import AuditAction, AuditEntry
from effectif.documents.defaults import DEFAULT_NAMES
from effectif.documents.generation import render_for, render_sample
from effectif.documents.merging import registry
from effectif.documents.models import DocumentTemplate, GeneratedDocument, TemplateKind
from effectif.documents.services import (
    generated_save_to_file,
    letterhead_save,
    signed_copy_add,
    template_copy,
    template_save,
)
from effectif.documents.subjects import employee_subject_values
from effectif.documents.tests.factories import LetterheadFactory, TemplateFactory
from effectif.documents.tests.helpers import assert_pdf, png_bytes
from effectif.documents.wordprocessing import docx_from_html
from effectif.employees.models import EmployeeDocument
from effectif.employees.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

SUBJECT = registry.subject("salarie")
CONTRACT = registry.subject("contrat")


def default(kind: str) -> DocumentTemplate:
    return DocumentTemplate.objects.get(employer__isnull=True, kind=kind)


def test_every_kind_has_a_default_template_that_renders_on_sample_data():
    assert DocumentTemplate.objects.filter(employer__isnull=True).count() == len(TemplateKind)
    assert set(DEFAULT_NAMES) == set(TemplateKind.values)
    for template in DocumentTemplate.objects.filter(employer__isnull=True):
        generated = render_sample(body=template.body, kind=template.kind, employer=None)
        assert "<p>" in generated.body, template.kind


def test_employee_values_come_from_the_file_and_the_running_contract(world):
    LetterheadFactory(employer=world.employer)
    values = employee_subject_values(world.member)
    member = world.member
    assert values["salarie"]["nom"] == member.last_name.upper()
    assert values["salarie"]["date_naissance"] == "02/04/1990"
    assert values["salarie"]["date_entree"] == "01/01/2024"
    assert values["salarie"]["emplois"] == [
        {
            "emploi": "Assistant(e) administratif(ve)",
            "categorie": "Employé",
            "du": "01/01/2024",
            "au": "",
        }
    ]
    assert values["contrat"]["nature"] == "CDI"
    assert values["contrat"]["salaire_mensuel_brut"] == "2\u202f200,00\u00a0€"
    assert values["contrat"]["heures_hebdomadaires"] == "35"
    assert values["etablissement"]["nom"] == world.establishment.name
    assert values["employeur"]["raison_sociale"] == "Employeur A"
    assert values["employeur"]["signataire"] == "Jean DUPUIS"
    assert values["document"]["lieu"] == "Lyon"


def test_cdd_without_reason_nor_replaced_person_is_generated_with_markers(world):
    newcomer = EmployeeFactory(employer=world.employer, last_name="Petit")
    # A CDD recorded before the reason was required (or imported): the template refuses
    # nothing, it shows what is left to complete.
    contract = ContractFactory(
        employee=newcomer, kind="cdd", start_date=date(2026, 3, 2), end_date=date(2026, 8, 31)
    )
    ContractTermsFactory(contract=contract, establishment=world.establishment)
    generated = render_for(template=default(TemplateKind.CDD), subject=CONTRACT, obj=contract)
    labels = [label for _path, label in generated.missing]
    assert "motif de recours" in labels
    assert "personne remplacée (nom et qualification)" in labels
    assert "[à compléter : motif de recours]" in generated.body
    assert "[à compléter : personne remplacée (nom et qualification)]" in generated.body
    assert "prend fin le <strong>31/08/2026</strong>" in generated.body
    assert_pdf(generated.pdf(), "CONTRAT DE TRAVAIL À DURÉE DÉTERMINÉE", "[à compléter : motif")


def test_cdd_for_a_replacement_names_the_replaced_person_and_its_mentions(world):
    LetterheadFactory(employer=world.employer)
    newcomer = EmployeeFactory(
        employer=world.employer,
        last_name="Petit",
        address="3 rue Neuve",
        postal_code="69001",
        city="Lyon",
    )
    contract = ContractFactory(
        employee=newcomer,
        kind="cdd",
        fixed_term_reason="remplacement",
        replaced_person="Mme Julie BLANC, comptable",
        start_date=date(2026, 3, 2),
        end_date=date(2026, 8, 31),
        trial_end_date=date(2026, 3, 15),
    )
    ContractTermsFactory(
        contract=contract, establishment=world.establishment, classification="Position 1.1"
    )
    generated = render_for(template=default(TemplateKind.CDD), subject=CONTRACT, obj=contract)
    body = generated.body
    assert "Remplacement d'un salarié absent" in body
    assert "Mme Julie BLANC, comptable" in body
    assert "2 semaines" in body
    assert "15/03/2026" in body
    assert "renouvelé deux fois" in body
    assert "Agirc-Arrco Exemple" in body
    assert "Prévoyance Exemple" in body
    assert "IDCC 1486" in body
    assert generated.missing == []


def test_an_employee_without_contract_gets_markers_not_an_error(world):
    newcomer = EmployeeFactory(employer=world.employer)
    certificate = render_for(
        template=default(TemplateKind.WORK_CERTIFICATE), subject=SUBJECT, obj=newcomer
    )
    labels = [label for _path, label in certificate.missing]
    assert "date d'entrée (premier contrat)" in labels
    assert "<tbody></tbody>" in certificate.body  # no job to list
    contract = render_for(template=default(TemplateKind.CDI), subject=SUBJECT, obj=newcomer)
    assert "[à compléter : emploi occupé]" in contract.body


def test_pdf_carries_the_letterhead_and_the_text(world):
    LetterheadFactory(employer=world.employer)
    generated = render_for(template=default(TemplateKind.CDI), subject=SUBJECT, obj=world.member)
    assert_pdf(
        generated.pdf(),
        "CONTRAT DE TRAVAIL À DURÉE INDÉTERMINÉE",
        "Employeur A",
        world.member.last_name.upper(),
        "SAS au capital de 10 000 €",
        "Page 1 /",
    )


def test_docx_from_html_has_the_headings_paragraphs_lists_and_tables(world):
    generated = render_for(
        template=default(TemplateKind.WORK_CERTIFICATE), subject=SUBJECT, obj=world.member
    )
    document = docx.Document(io.BytesIO(generated.docx()))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    assert paragraphs[0] == ("Title", "Certificat de travail")
    assert ("Heading 1", "Maintien des garanties santé et prévoyance") in paragraphs
    assert any("a été employé(e) dans notre entreprise du 01/01/2024" in t for _s, t in paragraphs)
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Emploi", "Catégorie", "Du", "Au"]
    assert table.rows[1].cells[0].text == "Assistant(e) administratif(ve)"
    assert "Employeur A" in document.sections[0].header.paragraphs[0].text


def test_docx_keeps_bold_italic_lists_and_highlights_markers():
    from effectif.documents.printing import LetterheadView

    body = (
        "<h2>Titre</h2><p>Un <strong>gras</strong> et <em>italique</em><br>ligne 2</p>"
        "<ul><li>un</li><li>deux</li></ul><ol><li>premier</li></ol>"
        '<p><mark class="a-completer" data-champ="x.y">[à compléter : y]</mark></p>'
    )
    data = docx_from_html(body=body, letterhead=LetterheadView("E", [], "", "", ""), title="T")
    document = docx.Document(io.BytesIO(data))
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    assert [(p.style.name, p.text) for p in paragraphs] == [
        ("Heading 1", "Titre"),
        ("Normal", "Un gras et italique\nligne 2"),
        ("List Bullet", "un"),
        ("List Bullet", "deux"),
        ("List Number", "premier"),
        ("Normal", "[à compléter : y]"),
    ]
    runs = {r.text: r for r in paragraphs[1].runs}
    assert runs["gras"].bold
    assert runs["italique"].italic
    assert paragraphs[-1].runs[0].font.highlight_color is not None


def _docx_template(text: str) -> SimpleUploadedFile:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile("modele.docx", out.getvalue())


def test_an_uploaded_docx_template_is_rendered_in_a_sandbox(world, hr_manager):
    template = TemplateFactory(employer=world.employer, kind="attestation_employeur")
    template_save(
        template=template,
        by=hr_manager,
        docx_upload=_docx_template(
            "Attestation pour {{ salarie.nom_complet }} ({{ contrat.emploi }}) {{ salarie.inconnu }}"
        ),
    )
    generated = render_for(template=template, subject=SUBJECT, obj=world.member)
    text = docx.Document(io.BytesIO(generated.docx())).paragraphs[0].text
    assert f"Attestation pour Madame Camille {world.member.last_name.upper()}" in text
    assert "(Assistant(e) administratif(ve))" in text
    assert "[à compléter : inconnu]" in text


def test_a_docx_template_cannot_reach_python_internals(world, hr_manager):
    template = TemplateFactory(employer=world.employer)
    with pytest.raises(ValidationError) as error:
        template_save(
            template=template,
            by=hr_manager,
            docx_upload=_docx_template("{{ salarie.nom.__class__.__subclasses__() }}"),
        )
    assert "éléments internes" in str(error.value)
    template.refresh_from_db()
    assert not template.docx_file


def test_a_docx_template_with_a_syntax_error_is_refused(world, hr_manager):
    template = TemplateFactory(employer=world.employer)
    with pytest.raises(ValidationError) as error:
        template_save(template=template, by=hr_manager, docx_upload=_docx_template("{% for %}"))
    assert "erreur de champ de fusion" in str(error.value)


def test_a_file_that_is_not_a_docx_is_refused(world, hr_manager):
    template = TemplateFactory(employer=world.employer)
    with pytest.raises(ValidationError) as error:
        template_save(
            template=template,
            by=hr_manager,
            docx_upload=SimpleUploadedFile("modele.docx", b"%PDF-1.7 not a docx"),
        )
    assert "n'est pas un document Word" in str(error.value)


def test_a_template_whose_body_does_not_compile_is_refused(world, hr_manager):
    template = TemplateFactory.build(employer=world.employer, body="{% include 'x.html' %}")
    with pytest.raises(ValidationError):
        template_save(template=template, by=hr_manager)
    assert not DocumentTemplate.objects.filter(employer=world.employer).exists()


def test_copying_a_default_gives_the_employer_its_own_template(world, hr_manager):
    copy = template_copy(template=default(TemplateKind.CDI), employer=world.employer, by=hr_manager)
    assert copy.employer == world.employer
    assert copy.copied_from == default(TemplateKind.CDI)
    assert copy.body == default(TemplateKind.CDI).body
    assert AuditEntry.objects.filter(
        target_type="documents.DocumentTemplate", target_id=str(copy.pk), action=AuditAction.CREATE
    ).exists()


def test_saving_into_the_file_goes_through_the_personnel_file_and_is_audited(world, hr_manager):
    generated = render_for(template=default(TemplateKind.CDI), subject=CONTRACT, obj=world.contract)
    record = generated_save_to_file(
        generated=generated, subject=CONTRACT, obj=world.contract, by=hr_manager
    )
    filed = record.file_document
    assert filed.employee == world.member
    assert filed.kind == "contrat"
    assert filed.file.name.endswith(".pdf")
    with filed.file.open("rb") as handle:
        assert_pdf(handle.read(), "CONTRAT DE TRAVAIL À DURÉE INDÉTERMINÉE")
    assert record.subject_type == "contrat"
    assert record.subject_id == str(world.contract.pk)
    assert AuditEntry.objects.filter(
        target_type="employees.EmployeeDocument", target_id=str(filed.pk)
    ).exists()
    assert AuditEntry.objects.filter(
        target_type="documents.GeneratedDocument", employee_id=world.member.pk
    ).exists()


def test_a_certificate_is_filed_as_a_certificate(world, hr_manager):
    generated = render_for(
        template=default(TemplateKind.WORK_CERTIFICATE), subject=SUBJECT, obj=world.member
    )
    record = generated_save_to_file(
        generated=generated, subject=SUBJECT, obj=world.member, by=hr_manager
    )
    assert record.file_document.kind == "attestation"


def test_the_signed_copy_joins_the_file(world, hr_manager):
    generated = render_for(template=default(TemplateKind.CDI), subject=CONTRACT, obj=world.contract)
    record = generated_save_to_file(
        generated=generated, subject=CONTRACT, obj=world.contract, by=hr_manager
    )
    scan = SimpleUploadedFile("scan.pdf", generated.pdf(), content_type="application/pdf")
    record = signed_copy_add(generated=record, upload=scan, by=hr_manager)
    assert record.signed_document.title.endswith("(exemplaire signé)")
    assert EmployeeDocument.objects.filter(employee=world.member, kind="contrat").count() == 2
    with pytest.raises(ValidationError):
        signed_copy_add(
            generated=record,
            upload=SimpleUploadedFile("scan.pdf", b"not a pdf at all"),
            by=hr_manager,
        )
    assert GeneratedDocument.objects.get(pk=record.pk).signed_document == record.signed_document


def test_a_logo_is_checked_by_its_content_and_reencoded(world, hr_manager):
    from effectif.documents.models import Letterhead

    letterhead = Letterhead(employer=world.employer)
    with pytest.raises(ValidationError) as error:
        letterhead_save(
            letterhead=letterhead,
            by=hr_manager,
            logo_upload=SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n<script>"),
        )
    assert "image PNG ou JPEG" in str(error.value)
    saved = letterhead_save(
        letterhead=letterhead,
        by=hr_manager,
        logo_upload=SimpleUploadedFile("logo.jpg", png_bytes((1600, 400))),
    )
    with saved.logo.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"\x89PNG")
    from PIL import Image

    assert Image.open(io.BytesIO(data)).size == (800, 200)
    generated = render_for(template=default(TemplateKind.OTHER), subject=SUBJECT, obj=world.member)
    assert generated.letterhead.logo_data_uri.startswith("data:image/png;base64,")
    assert b"/Subtype /Image" in generated.pdf()
