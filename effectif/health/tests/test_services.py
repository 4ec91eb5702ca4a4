"""Visits computed from the database, planned, held, cancelled, missed; each write audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from effectif.core.models import AuditAction, AuditEntry
from effectif.core.testing import sample_pdf
from effectif.employees.models import DocumentKind, Employee
from effectif.employees.services import employee_file_close
from effectif.health.models import MedicalVisit, Outcome, Reason, Status, VisitKind
from effectif.health.recompute import visits_recompute, visits_recompute_many
from effectif.health.selectors import later_obligations
from effectif.health.services import (
    visit_cancel,
    visit_create,
    visit_mark_missed,
    visit_plan,
    visit_record_outcome,
)
from effectif.health.tests.conftest import absence
from effectif.health.tests.factories import FollowUpSettingsFactory

pytestmark = pytest.mark.django_db

PDF = sample_pdf("Avis")


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 30)))


def open_visits(employee):
    return list(MedicalVisit.objects.filter(employee=employee, status__in=("to_plan", "planned")))


def test_a_new_hire_gets_a_vip_within_three_months(newcomer, hr_manager, health_service):
    done = visits_recompute(employee=newcomer, by=hr_manager)
    assert (done.created, done.updated, done.removed) == (1, 0, 0)
    visit = MedicalVisit.objects.get(employee=newcomer)
    assert visit.kind == VisitKind.VIP_INITIAL
    assert visit.reason == Reason.VIP_HIRING
    assert visit.due_date == dt.date(2026, 5, 2)  # 2 February + 3 months (R4624-10)
    assert visit.basis == "C. trav. art. R4624-10"
    assert visit.status == Status.TO_PLAN
    assert visit.health_service == health_service
    assert visit.place == health_service.address
    assert AuditEntry.objects.filter(
        action=AuditAction.CREATE, target_type="health.MedicalVisit", employee_id=newcomer.pk
    ).exists()
    # Nothing changed: nothing written.
    assert not visits_recompute(employee=newcomer, by=hr_manager).changed


def test_plan_then_fit_closes_the_obligation(newcomer, hr_manager, today):
    visits_recompute(employee=newcomer, by=hr_manager)
    visit = MedicalVisit.objects.get(employee=newcomer)
    visit = visit_plan(
        visit=visit,
        planned_at=at(dt.date(2026, 3, 2)),
        place="",
        health_service=visit.health_service,
        by=hr_manager,
    )
    assert visit.status == Status.PLANNED
    done = visit_record_outcome(visit=visit, held_on=today, outcome=Outcome.FIT, by=hr_manager)
    assert done.status == Status.DONE
    # The renewal falls in 2031, beyond the year kept: nothing left to organise.
    assert open_visits(newcomer) == []
    update = AuditEntry.objects.filter(action=AuditAction.UPDATE, target_id=str(visit.pk)).first()
    assert update.changes["outcome"] == ["", "Apte"]


def test_outcome_with_a_notice_files_a_health_document(newcomer, hr_manager, today):
    visit = visit_create(
        employee=newcomer, kind=VisitKind.VIP_INITIAL, due_date=dt.date(2026, 5, 2), by=hr_manager
    )
    visit = visit_record_outcome(
        visit=visit,
        held_on=today,
        outcome=Outcome.FIT_WITH_RESTRICTIONS,
        restrictions="Pas de port de charges de plus de 10 kg ; poste assis-debout.",
        next_visit_by=dt.date(2028, 3, 2),
        notice=SimpleUploadedFile("attestation.pdf", PDF, "application/pdf"),
        by=hr_manager,
    )
    document = visit.notice_document
    assert document.kind == DocumentKind.MEDICAL
    assert document.is_health_data
    assert "Attestation de suivi" in document.title
    # The professional set the next VIP for 2 March 2028, more than a year ahead: foreseen,
    # not yet a visit to organise.
    assert open_visits(newcomer) == []
    later = later_obligations(newcomer, today)
    assert [(d.due_date, d.reason) for d in later] == [
        (dt.date(2028, 3, 2), "Échéance fixée par le professionnel de santé"),
        (dt.date(2035, 12, 31), "Année du 45e anniversaire"),  # born in 1990
    ]


@pytest.mark.parametrize(
    ("outcome", "restrictions", "field"),
    [
        (Outcome.FIT_WITH_RESTRICTIONS, "", "restrictions"),
        (Outcome.FIT, "Pas de travail de nuit", "restrictions"),
        (
            Outcome.FIT_WITH_RESTRICTIONS,
            "Suite à sa hernie discale, pas de charges",
            "restrictions",
        ),
        (Outcome.FIT_WITH_RESTRICTIONS, "Traitement en cours : horaires de jour", "restrictions"),
        ("excellent", "", "outcome"),
    ],
)
def test_outcomes_refused_with_their_reason(
    newcomer, hr_manager, today, outcome, restrictions, field
):
    visit = visit_create(
        employee=newcomer, kind=VisitKind.VIP_INITIAL, due_date=dt.date(2026, 5, 2), by=hr_manager
    )
    with pytest.raises(ValidationError) as error:
        visit_record_outcome(
            visit=visit, held_on=today, outcome=outcome, restrictions=restrictions, by=hr_manager
        )
    assert field in error.value.message_dict
    visit.refresh_from_db()
    assert visit.status == Status.TO_PLAN  # nothing half-written


def test_medical_words_are_named_in_the_message(newcomer, hr_manager, today):
    visit = visit_create(
        employee=newcomer, kind=VisitKind.VIP_INITIAL, due_date=dt.date(2026, 5, 2), by=hr_manager
    )
    with pytest.raises(ValidationError) as error:
        visit_record_outcome(
            visit=visit,
            held_on=today,
            outcome=Outcome.FIT_WITH_RESTRICTIONS,
            restrictions="Lombalgie chronique : pas de charges",
            by=hr_manager,
        )
    message = error.value.message_dict["restrictions"][0]
    assert "« Lombalgie »" in message
    assert "RGPD" in message


def test_a_visit_cannot_be_held_in_the_future(newcomer, hr_manager, today):
    visit = visit_create(
        employee=newcomer, kind=VisitKind.VIP_INITIAL, due_date=dt.date(2026, 5, 2), by=hr_manager
    )
    with pytest.raises(ValidationError) as error:
        visit_record_outcome(
            visit=visit, held_on=today + dt.timedelta(days=1), outcome=Outcome.FIT, by=hr_manager
        )
    assert "held_on" in error.value.message_dict


def test_a_cancelled_obligation_is_not_proposed_again(newcomer, hr_manager):
    visits_recompute(employee=newcomer, by=hr_manager)
    visit = MedicalVisit.objects.get(employee=newcomer)
    with pytest.raises(ValidationError):
        visit_cancel(visit=visit, reason="  ", by=hr_manager)
    visit_cancel(visit=visit, reason="VIP passée chez l'employeur précédent", by=hr_manager)
    assert not visits_recompute(employee=newcomer, by=hr_manager).changed
    assert open_visits(newcomer) == []
    with pytest.raises(ValidationError):
        visit_plan(
            visit=visit,
            planned_at=at(dt.date(2026, 3, 9)),
            place="",
            health_service=None,
            by=hr_manager,
        )


def test_a_missed_visit_is_to_plan_again(newcomer, hr_manager):
    visits_recompute(employee=newcomer, by=hr_manager)
    visit = MedicalVisit.objects.get(employee=newcomer)
    with pytest.raises(ValidationError):  # only a planned visit can be missed
        visit_mark_missed(visit=visit, by=hr_manager)
    visit_plan(
        visit=visit,
        planned_at=at(dt.date(2026, 3, 9)),
        place="",
        health_service=None,
        by=hr_manager,
    )
    visit_mark_missed(visit=visit, by=hr_manager)
    again = open_visits(newcomer)
    assert len(again) == 1
    assert again[0].pk != visit.pk
    assert (again[0].key, again[0].status) == (visit.key, Status.TO_PLAN)


def test_a_visit_added_by_hand_answers_the_obligation(newcomer, hr_manager):
    manual = visit_create(
        employee=newcomer,
        kind=VisitKind.VIP_INITIAL,
        due_date=dt.date(2026, 4, 1),
        planned_at=at(dt.date(2026, 3, 20)),
        by=hr_manager,
    )
    assert manual.status == Status.PLANNED
    visits_recompute(employee=newcomer, by=hr_manager)
    assert open_visits(newcomer) == [manual]
    manual.refresh_from_db()
    assert (manual.key, manual.due_date) == ("vip:2026-02-02", dt.date(2026, 5, 2))


def test_return_to_work_after_a_long_sick_leave(world, hr_manager, leave_types, today):
    member = world.member
    visit_create(
        employee=member, kind=VisitKind.VIP_INITIAL, due_date=dt.date(2024, 4, 1), by=hr_manager
    )
    first = MedicalVisit.objects.get(employee=member)
    visit_record_outcome(
        visit=first, held_on=dt.date(2024, 3, 4), outcome=Outcome.FIT, by=hr_manager
    )
    # Sick from 5 January to 5 March 2026: 27 + 28 + 5 = 60 days; back 6 March, by 14 March.
    leave = absence(member, leave_types["maladie"], dt.date(2026, 1, 5), dt.date(2026, 3, 5))
    visits_recompute(employee=member, by=hr_manager)
    (reprise,) = open_visits(member)
    assert (reprise.kind, reprise.reason) == (VisitKind.RETURN, Reason.RETURN_ILLNESS)
    assert reprise.due_date == dt.date(2026, 3, 14)
    assert reprise.basis.endswith("4°")
    # Extended to 15 March: the same visit moves to 24 March.
    leave.end_date = dt.date(2026, 3, 15)
    leave.save()
    assert visits_recompute(employee=member, by=hr_manager).updated == 1
    reprise.refresh_from_db()
    assert reprise.due_date == dt.date(2026, 3, 24)
    # The sick leave cancelled: the visit still to plan goes.
    leave.status = "cancelled"
    leave.save()
    assert visits_recompute(employee=member, by=hr_manager).removed == 1
    assert open_visits(member) == []
    assert AuditEntry.objects.filter(action=AuditAction.DELETE, target_id=str(reprise.pk)).exists()


def test_short_work_accident_and_occupational_disease(world, hr_manager, leave_types, today):
    member = world.member
    visit_create(
        employee=member, kind=VisitKind.VIP_INITIAL, due_date=dt.date(2024, 4, 1), by=hr_manager
    )
    visit_record_outcome(
        visit=MedicalVisit.objects.get(employee=member),
        held_on=dt.date(2024, 3, 4),
        outcome=Outcome.FIT,
        by=hr_manager,
    )
    absence(member, leave_types["at_mp"], dt.date(2026, 2, 2), dt.date(2026, 2, 13))
    assert not visits_recompute(employee=member, by=hr_manager).created  # an accident of 12 days
    disease = leave_types["at_mp"]
    disease.pk = None
    disease.code, disease.label = "mp", "Maladie professionnelle"
    disease.save()
    absence(member, disease, dt.date(2026, 2, 16), dt.date(2026, 2, 20))
    visits_recompute(employee=member, by=hr_manager)
    (reprise,) = open_visits(member)
    assert reprise.reason == Reason.RETURN_OCCUPATIONAL_DISEASE
    assert reprise.due_date == dt.date(2026, 3, 1)  # back 21 February + 8 days


def test_a_risky_post_calls_for_an_aptitude_exam_before_the_assignment(
    newcomer, risky_position, hr_manager
):
    terms = newcomer.contracts.get().versions.get()
    terms.position = risky_position
    terms.save()
    visits_recompute(employee=newcomer, by=hr_manager)
    (exam,) = open_visits(newcomer)
    assert (exam.kind, exam.due_date) == (VisitKind.APTITUDE_INITIAL, dt.date(2026, 2, 2))
    assert exam.basis == "C. trav. art. R4624-24"


def test_night_work_from_the_position(newcomer, night_position, hr_manager):
    terms = newcomer.contracts.get().versions.get()
    terms.position = night_position
    terms.save()
    visits_recompute(employee=newcomer, by=hr_manager)
    (vip,) = open_visits(newcomer)
    assert (vip.reason, vip.due_date) == (Reason.VIP_BEFORE_NIGHT, dt.date(2026, 2, 2))


def test_mid_career_at_the_age_of_the_agreement(newcomer, hr_manager):

    FollowUpSettingsFactory(employer=newcomer.employer, mid_career_age=36)
    visits_recompute(employee=newcomer, by=hr_manager)
    kinds = {v.kind: v for v in open_visits(newcomer)}
    assert kinds[VisitKind.MID_CAREER].due_date == dt.date(2026, 12, 31)  # born 1990 + 36
    assert kinds[VisitKind.MID_CAREER].reason == Reason.MID_CAREER_AGREEMENT


def test_a_closed_file_is_left_alone(newcomer, hr_manager):
    visits_recompute(employee=newcomer, by=hr_manager)
    visit = MedicalVisit.objects.get(employee=newcomer)
    employee_file_close(employee=newcomer, by=hr_manager)
    with pytest.raises(ValidationError, match="clos"):
        visit_plan(
            visit=visit,
            planned_at=at(dt.date(2026, 3, 9)),
            place="",
            health_service=None,
            by=hr_manager,
        )
    assert not visits_recompute(
        employee=Employee.objects.get(pk=newcomer.pk), by=hr_manager
    ).changed


def test_recompute_many_for_the_nightly_run(world, newcomer, hr_manager):
    done = visits_recompute_many(employees=Employee.objects.all(), by=None)
    # The four files of the world (hired 2024, VIP overdue) and the newcomer.
    assert done.created == 5
    assert not visits_recompute_many(employees=Employee.objects.all(), by=None).changed
    created = AuditEntry.objects.filter(
        action=AuditAction.CREATE, target_type="health.MedicalVisit"
    )
    assert {e.actor_label for e in created} == {"système"}
