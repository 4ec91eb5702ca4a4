"""Writes of medical visits: add, plan, record the outcome, cancel, mark as missed; and the
employer's settings. Each validates first, then writes and audits in one transaction; a visit
of a closed file (after the departure) is read-only."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit_creation, audit_update, snapshot
from effectif.core.services import save_audited
from effectif.employees.models import DocumentKind, Employee
from effectif.employees.services import check_file_open, employee_document_add
from effectif.health.models import (
    OPEN_STATUSES,
    VISIT_FIELDS,
    FollowUpSettings,
    MedicalVisit,
    Outcome,
    Status,
    VisitKind,
)
from effectif.health.recompute import current_establishment, visits_recompute
from effectif.health.wording import medical_words
from effectif.organisation.models import HealthService

if TYPE_CHECKING:
    from effectif.accounts.models import User


def _locked(visit: MedicalVisit) -> MedicalVisit:
    current = (
        MedicalVisit.objects.select_for_update(of=("self",))
        .select_related("employee", "establishment", "health_service", "notice_document")
        .get(pk=visit.pk)
    )
    check_file_open(current.employee)
    return current


def _save(visit: MedicalVisit, before: dict[str, str], by: User, detail: str = "") -> MedicalVisit:
    visit.full_clean()
    visit.save()
    audit_update(
        actor=by, target=visit, before=before, after=snapshot(visit, VISIT_FIELDS), detail=detail
    )
    return visit


def _check_open(visit: MedicalVisit) -> None:
    if visit.status not in OPEN_STATUSES:
        raise ValidationError(
            _("Cette visite est %(status)s : elle ne peut plus être modifiée.")
            % {"status": visit.get_status_display().lower()}
        )


def _place_of(service: HealthService | None) -> str:
    return service.address if service is not None else ""


@transaction.atomic
def visit_create(
    *,
    employee: Employee,
    kind: str,
    due_date: dt.date,
    by: User,
    planned_at: dt.datetime | None = None,
    place: str = "",
    health_service: HealthService | None = None,
) -> MedicalVisit:
    """A visit HR adds by hand (a pre-return visit, a visit asked for…); the computed ones come
    from `recompute.visits_recompute`."""
    check_file_open(employee)
    establishment = current_establishment(employee, due_date)
    service = health_service or (establishment.health_service if establishment else None)
    visit = MedicalVisit(
        employee=employee,
        kind=kind,
        due_date=due_date,
        establishment=establishment,
        health_service=service,
        planned_at=planned_at,
        place=place or _place_of(service),
        status=Status.PLANNED if planned_at else Status.TO_PLAN,
    )
    visit.full_clean()
    visit.save()
    audit_creation(actor=by, target=visit, fields=VISIT_FIELDS)
    return visit


@transaction.atomic
def visit_plan(
    *,
    visit: MedicalVisit,
    planned_at: dt.datetime,
    place: str,
    health_service: HealthService | None,
    by: User,
) -> MedicalVisit:
    """Set the date, time and place the health service gave; the convocation comes next."""
    visit = _locked(visit)
    _check_open(visit)
    before = snapshot(visit, VISIT_FIELDS)
    visit.planned_at = planned_at
    visit.health_service = health_service
    visit.place = place.strip() or _place_of(health_service)
    visit.status = Status.PLANNED
    return _save(visit, before, by)


def _check_outcome(
    visit: MedicalVisit,
    held_on: dt.date,
    outcome: str,
    restrictions: str,
    next_visit_by: dt.date | None,
) -> None:
    errors: dict[str, list[str]] = {}
    if held_on > timezone.localdate():
        errors["held_on"] = [_("Une visite ne peut pas avoir eu lieu dans le futur.")]
    if outcome not in Outcome.values:
        errors["outcome"] = [_("Choisissez l'avis : apte, apte avec aménagements ou inapte.")]
    if outcome == Outcome.FIT_WITH_RESTRICTIONS and not restrictions:
        errors["restrictions"] = [
            _("Indiquez les aménagements du poste proposés par le professionnel de santé.")
        ]
    elif restrictions and outcome != Outcome.FIT_WITH_RESTRICTIONS:
        errors["restrictions"] = [
            _("Les aménagements ne s'indiquent qu'avec l'avis « apte avec aménagements ».")
        ]
    words = medical_words(restrictions)
    if words:
        errors.setdefault("restrictions", []).append(
            _(
                "« %(words)s » relève du secret médical et n'a pas sa place dans le dossier RH "
                "(C. trav. L4624-4, RGPD art. 9) : indiquez seulement l'aménagement du poste, "
                "p. ex. « pas de port de charges de plus de 10 kg »."
            )
            % {"words": "», «".join(words)}
        )
    if next_visit_by is not None and next_visit_by <= held_on:
        errors["next_visit_by"] = [_("La prochaine visite suit celle-ci.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def visit_record_outcome(
    *,
    visit: MedicalVisit,
    held_on: dt.date,
    outcome: str,
    by: User,
    restrictions: str = "",
    next_visit_by: dt.date | None = None,
    notice: UploadedFile[Any] | None = None,
    recompute: bool = True,
) -> MedicalVisit:
    """The visit took place: its outcome as the employer may know it, the notice filed as a
    health document, and the next visits computed again (unless the caller recomputes many
    files at once afterwards)."""
    visit = _locked(visit)
    _check_open(visit)
    restrictions = " ".join(restrictions.split())
    _check_outcome(visit, held_on, outcome, restrictions, next_visit_by)
    before = snapshot(visit, VISIT_FIELDS)
    if notice is not None:
        aptitude = visit.kind in (VisitKind.APTITUDE_INITIAL, VisitKind.APTITUDE_PERIODIC)
        title = _("Avis d'aptitude") if aptitude else _("Attestation de suivi")
        visit.notice_document = employee_document_add(
            employee=visit.employee,
            kind=DocumentKind.MEDICAL,
            title=_("%(title)s — %(kind)s du %(day)s")
            % {
                "title": title,
                "kind": visit.get_kind_display(),
                "day": held_on.strftime("%d/%m/%Y"),
            },
            upload=notice,
            expiry_date=None,
            by=by,
        )
    visit.held_on = held_on
    visit.outcome = outcome
    visit.restrictions = restrictions
    visit.next_visit_by = next_visit_by
    visit.status = Status.DONE
    _save(visit, before, by)
    if recompute:
        visits_recompute(employee=visit.employee, by=by)
    return visit


@transaction.atomic
def visit_cancel(*, visit: MedicalVisit, reason: str, by: User) -> MedicalVisit:
    """Not needed after all (the health service says so, the employee left…): the obligation it
    answered is not proposed again."""
    visit = _locked(visit)
    _check_open(visit)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": [_("Indiquez pourquoi la visite est annulée.")]})
    before = snapshot(visit, VISIT_FIELDS)
    visit.status = Status.CANCELLED
    visit.cancel_reason = reason[:300]
    return _save(visit, before, by)


@transaction.atomic
def visit_mark_missed(*, visit: MedicalVisit, by: User) -> MedicalVisit:
    """The employee did not come: the obligation stays, a new visit is to be planned."""
    visit = _locked(visit)
    if visit.status != Status.PLANNED:
        raise ValidationError(_("Seule une visite planifiée peut être déclarée non honorée."))
    before = snapshot(visit, VISIT_FIELDS)
    visit.status = Status.MISSED
    _save(visit, before, by)
    visits_recompute(employee=visit.employee, by=by)
    return visit


def settings_save(*, settings: FollowUpSettings, by: User) -> FollowUpSettings:
    return save_audited(instance=settings, by=by, fields=["employer", "mid_career_age"])
