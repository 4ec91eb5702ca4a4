"""Writes of the documents app: templates, letterheads, generated documents filed in the
personnel file, and their signed copies. Each validates first, then writes and audits in one
transaction."""

from __future__ import annotations

import io
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.audit import audit, audit_creation
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.core.uploads import decoded_image
from effectif.documents.defaults import default_body
from effectif.documents.generation import Generated
from effectif.documents.merging import Subject, merge_context, registry
from effectif.documents.models import (
    DocumentTemplate,
    GeneratedDocument,
    Letterhead,
    file_kind_of,
)
from effectif.documents.sandbox import render_body
from effectif.documents.wordprocessing import check_docx_template
from effectif.employees.services import employee_document_add
from effectif.organisation.models import Employer

TEMPLATE_FIELDS = ["employer", "kind", "name", "body", "docx_file", "is_active"]
LETTERHEAD_FIELDS = ["logo", *Letterhead.TYPED_FIELDS]
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_BOX = (800, 300)


def check_docx_upload(upload: UploadedFile[Any], kind: str) -> None:
    if upload.size is not None and upload.size > settings.EFFECTIF_MAX_DOCUMENT_BYTES:
        limit = settings.EFFECTIF_MAX_DOCUMENT_BYTES // (1024 * 1024)
        raise ValidationError({"docx_file": [_("Le fichier dépasse %(mo)s Mo.") % {"mo": limit}]})
    problem = check_docx_template(upload, merge_context(registry.sample_values(kind)))
    if problem == "not-docx":
        raise ValidationError({"docx_file": [_("Ce fichier n'est pas un document Word (.docx).")]})
    if problem == "unsafe":
        raise ValidationError(
            {
                "docx_file": [
                    _("Le modèle Word tente d'accéder à des éléments internes : c'est interdit.")
                ]
            }
        )
    if problem:
        raise ValidationError(
            {
                "docx_file": [
                    _("Le modèle Word contient une erreur de champ de fusion : %(error)s")
                    % {"error": problem}
                ]
            }
        )


@transaction.atomic
def template_save(
    *, template: DocumentTemplate, by: User, docx_upload: UploadedFile[Any] | None = None
) -> DocumentTemplate:
    """Create or change a template; its body must compile in the sandbox and render, within
    the sandbox's limits, on the sample values of its kind."""
    render_body(template.body, merge_context(registry.sample_values(template.kind)))
    if docx_upload is not None:
        check_docx_upload(docx_upload, template.kind)
        template.docx_file.save(docx_upload.name or "modele.docx", docx_upload, save=False)
    return save_audited(instance=template, by=by, fields=TEMPLATE_FIELDS)


@transaction.atomic
def template_copy(
    *, template: DocumentTemplate, employer: Employer, by: User, name: str = ""
) -> DocumentTemplate:
    """A copy of a template (usually a default) for an employer to adapt."""
    copy = DocumentTemplate(
        employer=employer,
        kind=template.kind,
        name=name or template.name,
        body=template.body,
        copied_from=template,
    )
    if template.docx_file:
        with template.docx_file.open("rb") as source:
            copy.docx_file.save(
                (template.docx_file.name or "modele.docx").rsplit("/", 1)[-1],
                ContentFile(source.read()),
                save=False,
            )
    return save_audited(instance=copy, by=by, fields=TEMPLATE_FIELDS)


@transaction.atomic
def template_restore_default(*, template: DocumentTemplate, by: User) -> DocumentTemplate:
    """Put back the shipped text of an installation default."""
    if not template.is_default:
        raise ValidationError(_("Seuls les modèles par défaut ont un texte d'origine."))
    template.body = default_body(template.kind)
    return save_audited(
        instance=template, by=by, fields=TEMPLATE_FIELDS, detail=_("Texte d'origine rétabli")
    )


@transaction.atomic
def template_remove_docx(*, template: DocumentTemplate, by: User) -> DocumentTemplate:
    template.docx_file.delete(save=False)
    template.docx_file = ""
    return save_audited(instance=template, by=by, fields=TEMPLATE_FIELDS)


def clean_logo(upload: UploadedFile[Any]) -> ContentFile[bytes]:
    """A logo is a PNG or JPEG image (checked by decoding it, not by its name), re-encoded as a
    PNG of reasonable size: nothing else that the file carried is kept."""
    if upload.size is not None and upload.size > LOGO_MAX_BYTES:
        raise ValidationError({"logo": [_("Le logo dépasse 2 Mo.")]})
    upload.seek(0)
    data = upload.read(LOGO_MAX_BYTES + 1)
    upload.seek(0)
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError({"logo": [_("Le logo dépasse 2 Mo.")]})
    wrong = _("Le logo doit être une image PNG ou JPEG valide.")
    # Decoded within the pixel limit: a decompression bomb is refused, never decoded.
    with decoded_image(
        data, field="logo", formats={"PNG", "JPEG"}, mismatch=wrong, unreadable=wrong
    ) as image:
        picture = image.convert("RGBA")
    picture.thumbnail(LOGO_BOX)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name="logo.png")


@transaction.atomic
def letterhead_save(
    *,
    letterhead: Letterhead,
    by: User,
    logo_upload: UploadedFile[Any] | None = None,
    remove_logo: bool = False,
) -> Letterhead:
    if logo_upload is not None:
        cleaned = clean_logo(logo_upload)
        if letterhead.logo:
            letterhead.logo.delete(save=False)
        letterhead.logo.save("logo.png", cleaned, save=False)
    elif remove_logo and letterhead.logo:
        letterhead.logo.delete(save=False)
        letterhead.logo = ""
    return save_audited(instance=letterhead, by=by, fields=LETTERHEAD_FIELDS)


@transaction.atomic
def generated_save_to_file(
    *, generated: Generated, subject: Subject, obj: Any, by: User
) -> GeneratedDocument:
    """File the PDF of a generated document in the employee's file (through the personnel
    file's own service), and keep the record of what was generated, from which template."""
    template = generated.template
    if template is None:
        raise ValidationError(_("Un aperçu sur des données d'exemple ne s'enregistre pas."))
    employee = subject.employee(obj)
    if employee is None:
        raise ValidationError(_("Ce document ne se rattache à aucun dossier du personnel."))
    title = generated.title[:200]
    upload = SimpleUploadedFile(
        f"{generated.filename}.pdf", generated.pdf(), content_type="application/pdf"
    )
    filed = employee_document_add(
        employee=employee,
        kind=file_kind_of(template.kind),
        title=title,
        upload=upload,
        expiry_date=None,
        by=by,
    )
    record = GeneratedDocument.objects.create(
        template=template,
        kind=template.kind,
        title=title,
        subject_type=subject.key,
        subject_id=str(obj.pk),
        employer=subject.employer(obj),
        employee=employee,
        file_document=filed,
        missing_fields=[label for _path, label in generated.missing],
        generated_by=by,
    )
    audit_creation(actor=by, target=record, fields=["kind", "title", "template"])
    return record


@transaction.atomic
def signed_copy_add(
    *, generated: GeneratedDocument, upload: UploadedFile[Any], by: User
) -> GeneratedDocument:
    """File the signed copy of a generated document (a scan or the signed PDF)."""
    record = GeneratedDocument.objects.select_for_update().get(pk=generated.pk)
    filed = employee_document_add(
        employee=record.employee,
        kind=file_kind_of(record.kind),
        title=(_("%(title)s (exemplaire signé)") % {"title": record.title})[:200],
        upload=upload,
        expiry_date=None,
        by=by,
    )
    record.signed_document = filed
    record.save(update_fields=["signed_document", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=record,
        changes={"signed_document": ["", filed.title]},
        detail=_("Exemplaire signé déposé"),
    )
    return record
