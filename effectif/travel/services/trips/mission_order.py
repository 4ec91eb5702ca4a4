"""The mission order of an approved trip, generated from the « Ordre de mission » template
and filed in the requester's personnel file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.core.audit import audit_update
from effectif.documents.generation import render_for
from effectif.documents.models import DocumentTemplate, TemplateKind
from effectif.documents.services import generated_save_to_file
from effectif.organisation.models import Employer
from effectif.travel.merging import SUBJECT
from effectif.travel.models import (
    Trip,
    TripStatus,
)

if TYPE_CHECKING:
    from effectif.accounts.models import User


def mission_order_template(employer: Employer) -> DocumentTemplate | None:
    """The employer's own active « Ordre de mission » template, else the installation's."""
    templates = DocumentTemplate.objects.filter(kind=TemplateKind.MISSION_ORDER, is_active=True)
    return (
        templates.filter(employer=employer).order_by("name").first()
        or templates.filter(employer__isnull=True).order_by("name").first()
    )


@transaction.atomic
def mission_order_generate(*, trip: Trip, by: User) -> Trip:
    """Generate the mission order of an approved trip as a PDF and file it in the requester's
    personnel file (the documents app keeps the record of what was generated)."""
    if trip.status != TripStatus.APPROVED:
        raise ValidationError(_("L'ordre de mission s'établit une fois le déplacement approuvé."))
    template = mission_order_template(trip.employer)
    if template is None:
        raise ValidationError(
            _("Aucun modèle « Ordre de mission » actif : ajoutez-en un dans la bibliothèque.")
        )
    trip = Trip.objects.select_related(
        "employer", "employee", "department", "manager_decided_by", "hr_decided_by"
    ).get(pk=trip.pk)
    generated = render_for(template=template, subject=SUBJECT, obj=trip)
    record = generated_save_to_file(generated=generated, subject=SUBJECT, obj=trip, by=by)
    before = {"mission_order": str(trip.mission_order or "")}
    trip.mission_order = record.file_document
    trip.save(update_fields=["mission_order", "updated_at"])
    audit_update(
        actor=by,
        target=trip,
        before=before,
        after={"mission_order": str(trip.mission_order or "")},
        detail=_("Ordre de mission établi"),
    )
    return trip
