"""Hiring a candidate: file, contract, DPAE and onboarding in one transaction; the DPAE
checked, filed and flagged when late; the HR to-do fed with the DPAE, the trial period and the
onboarding tasks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from effectif.contracts.models import Contract, ContractTerms
from effectif.contracts.tests.factories import hire as factory_hire
from effectif.core.deadlines import deadlines
from effectif.core.models import AuditEntry
from effectif.employees.models import Employee
from effectif.employees.tests.factories import EmployeeFactory
from effectif.hiring.deadlines import dpae_to_file
from effectif.hiring.models import CandidateStatus, Dpae, DpaeStatus, Onboarding, OnboardingTask
from effectif.hiring.services.dpae import dpae_create, dpae_mark_done
from effectif.hiring.services.hire import candidate_hire, suggest_matricule
from effectif.hiring.services.onboarding import task_tick, template_install_default
from effectif.hiring.tests.conftest import NOW, PARIS
from effectif.organisation.models import HealthService
from effectif.organisation.tests.factories import EmployerFactory
from effectif.rules.identity.generate import make_nir

pytestmark = pytest.mark.django_db
START = dt.date(2026, 4, 1)


def _employee(world, **extra):
    values = {
        "matricule": "H0001",
        "department": world.team,
        "last_name": "RETENUE",
        "first_names": "Alex",
        "sex": "F",
        "birth_date": dt.date(1995, 6, 15),
        "birth_place": "Nantes (44)",
        "nir": make_nir(
            sex="F", birth_date=dt.date(1995, 6, 15), department="44", commune=109, order=3
        ),
    }
    values.update(extra)
    return Employee(**values)


def _contract(**extra):
    return Contract(**{"kind": "cdi", "start_date": START, **extra})


def _terms(world, **extra):
    values = {
        "establishment": world.establishment,
        "job_title": "Comptable",
        "category": "employe",
        "working_time": "temps_plein",
        "monthly_gross_amount": Decimal("2800.00"),
    }
    values.update(extra)
    return ContractTerms(**values)


def _hire(recruiting, by, **kwargs):
    world = recruiting.world
    return candidate_hire(
        candidate=recruiting.offered,
        employee=kwargs.pop("employee", _employee(world)),
        contract=kwargs.pop("contract", _contract()),
        terms=kwargs.pop("terms", _terms(world)),
        hire_time=dt.time(9, 0),
        by=by,
        **kwargs,
    )


def test_hiring_creates_file_contract_dpae_and_onboarding(recruiting, hr_assistant, manager_user):
    done = _hire(recruiting, hr_assistant)
    candidate = recruiting.offered
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.HIRED
    assert candidate.employee == done.employee
    assert candidate.contract == done.contract
    assert done.employee.employer == recruiting.world.employer
    # The legal maximum trial period is filled in: 2 months for an employee (L1221-19).
    assert done.contract.trial_end_date == dt.date(2026, 5, 31)
    assert done.dpae.status == DpaeStatus.TODO
    assert done.dpae.hire_at == dt.datetime(2026, 4, 1, 9, 0, tzinfo=PARIS)
    tasks = list(done.onboarding.tasks.order_by("order"))
    assert len(tasks) == 9  # the standard list
    assert tasks[0].due_date == START - dt.timedelta(days=3)
    owners = {t.owner for t in tasks}
    assert owners == {hr_assistant, manager_user}  # the team's manager does their part
    assert AuditEntry.objects.filter(employee_id=done.employee.pk).count() >= 3


def test_every_error_is_reported_at_once_and_nothing_is_written(recruiting, hr_manager):
    before = (Employee.objects.count(), Contract.objects.count(), Dpae.objects.count())
    with pytest.raises(ValidationError) as refused:
        _hire(
            recruiting,
            hr_manager,
            employee=_employee(recruiting.world, nir="", birth_place=""),
            contract=_contract(kind="cdd"),  # no end date, no reason
            terms=_terms(recruiting.world, monthly_gross_amount=None),
        )
    fields = set(refused.value.message_dict)
    assert {"end_date", "fixed_term_reason", "monthly_gross_amount", "nir_absence_reason"} <= fields
    assert (Employee.objects.count(), Contract.objects.count(), Dpae.objects.count()) == before
    recruiting.offered.refresh_from_db()
    assert recruiting.offered.status == CandidateStatus.OFFER


def test_a_rejected_candidate_is_not_hired(recruiting, hr_manager):
    recruiting.offered.status = CandidateStatus.REJECTED
    recruiting.offered.save()
    with pytest.raises(ValidationError):
        _hire(recruiting, hr_manager)


def test_the_onboarding_follows_the_most_specific_template(recruiting, hr_manager):
    general = template_install_default(employer=recruiting.world.employer, by=hr_manager)
    general.items.filter(order__gt=2).delete()
    done = _hire(recruiting, hr_manager, onboarding_template=general)
    assert [t.label for t in done.onboarding.tasks.order_by("order")] == [
        "Préparer le badge et les accès aux locaux",
        "Préparer le poste de travail et le matériel",
    ]


def test_suggested_matricule_follows_the_series(world):
    # An employer of its own: the factories' matricules of other tests must not interfere.
    employer = EmployerFactory()
    EmployeeFactory(employer=employer, matricule="M00098")
    EmployeeFactory(employer=employer, matricule="M00099")
    assert suggest_matricule(employer) == "M00100"


def test_dpae_data_must_be_complete_to_be_recorded(recruiting, hr_manager):
    done = _hire(recruiting, hr_manager)
    establishment = recruiting.world.establishment
    establishment.health_service = None
    establishment.save()
    with pytest.raises(ValidationError) as refused:
        dpae_mark_done(dpae=done.dpae, declared_at=NOW, receipt_number="123", by=hr_manager)
    assert "santé au travail" in " ".join(refused.value.messages)


def test_a_dpae_filed_in_time_leaves_the_to_do(recruiting, hr_manager):
    done = _hire(recruiting, hr_manager)
    window = (START - dt.timedelta(days=30), START + dt.timedelta(days=30))
    items = [d for d in deadlines.collect(hr_manager, *window) if d.kind == "hire"]
    assert [d.due_date for d in items] == [START]
    assert "DPAE à faire" in items[0].title
    assert "09:00" in items[0].title
    assert "L1221-10" in items[0].rule
    assert f"/recrutement/dpae/{done.dpae.pk}/" == items[0].url
    declared = dt.datetime(2026, 3, 30, 14, 0, tzinfo=PARIS)
    with pytest.raises(ValidationError):  # not in the future
        dpae_mark_done(dpae=done.dpae, declared_at=declared, receipt_number="X", by=hr_manager)
    filed, timing = dpae_mark_done(
        dpae=done.dpae,
        declared_at=NOW - dt.timedelta(hours=1),  # 2026-03-02, too early: more than 8 days
        receipt_number="DPAE-2026-0001",
        by=hr_manager,
    )
    assert filed.status == DpaeStatus.DONE
    assert filed.late
    assert timing is not None
    assert "au plus tôt le 24/03/2026" in timing.message
    assert filed.declared_data["nir"].startswith("•")
    assert filed.declared_data["siret"]
    assert not [d for d in deadlines.collect(hr_manager, *window) if d.kind == "hire"]
    with pytest.raises(ValidationError):
        dpae_mark_done(dpae=filed, declared_at=NOW, receipt_number="again", by=hr_manager)


def test_a_dpae_after_the_hire_is_recorded_and_flagged(world, hr_manager, time_machine):
    time_machine.move_to(dt.datetime(2026, 4, 2, 10, 0, tzinfo=PARIS), tick=False)
    contract = factory_hire(
        EmployeeFactory(employer=world.employer, department=world.team),
        start=START,
        establishment=world.establishment,
    )
    world.establishment.health_service = HealthService.objects.create(name="SPST")
    world.establishment.save()
    dpae = dpae_create(contract=contract, hire_time=dt.time(8, 30), by=hr_manager)
    filed, timing = dpae_mark_done(
        dpae=dpae,
        declared_at=dt.datetime(2026, 4, 2, 9, 0, tzinfo=PARIS),
        receipt_number="R-1",
        by=hr_manager,
    )
    assert filed.late
    assert timing is not None
    assert timing.article == "C. trav. L1221-10"
    entry = AuditEntry.objects.filter(target_type="hiring.Dpae", target_id=str(dpae.pk)).first()
    assert "après l'embauche" in entry.detail


def test_every_starting_contract_needs_its_dpae_even_outside_hiring(world, hr_manager, now):
    contract = factory_hire(
        EmployeeFactory(employer=world.employer, department=world.team, last_name="Direct"),
        start=dt.date(2026, 3, 9),
        establishment=world.establishment,
    )
    factory_hire(EmployeeFactory(employer=world.employer), start=dt.date(2026, 3, 9), kind="stage")
    found = list(dpae_to_file(hr_manager, dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    assert [d.url for d in found] == [f"/recrutement/dpae/contrat/{contract.pk}/"]
    assert deadlines.kinds["hire"].provider is dpae_to_file  # replaces the contracts' reminder


def test_the_trial_period_of_a_hired_contract_is_announced(recruiting, hr_manager):
    _hire(recruiting, hr_manager)
    items = deadlines.collect(
        hr_manager, dt.date(2026, 5, 1), dt.date(2026, 5, 31), kinds=["trial"]
    )
    assert len(items) == 1
    # Trial 01/04 → 31/05: from 01/05 the notice is two weeks (L1221-25).
    assert items[0].due_date == dt.date(2026, 5, 17)


def test_onboarding_tasks_overdue_in_the_to_do_and_ticked_with_audit(
    recruiting, hr_manager, manager_user, employee_user, time_machine
):
    done = _hire(recruiting, hr_manager)
    time_machine.move_to(dt.datetime(2026, 4, 10, 9, 0, tzinfo=PARIS), tick=False)
    window = (dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    items = [d for d in deadlines.collect(manager_user, *window) if d.kind == "onboarding"]
    assert items
    assert all(d.url == f"/recrutement/integrations/{done.onboarding.pk}/" for d in items)
    assert any(d.overdue(dt.date(2026, 4, 10)) for d in items)
    assert not deadlines.collect(employee_user, *window, kinds=["onboarding"])
    task = done.onboarding.tasks.order_by("order").first()
    ticked = task_tick(task=task, by=manager_user, done=True, note="Badge remis")
    assert ticked.done_by == manager_user
    assert ticked.done_at is not None
    with pytest.raises(ValidationError):
        task_tick(task=ticked, by=manager_user, done=True)
    entry = AuditEntry.objects.filter(
        target_type="hiring.OnboardingTask", target_id=str(task.pk)
    ).get()
    assert entry.changes == {"done": ["non", "oui"]}
    assert entry.detail == "Badge remis"
    remaining = [d for d in deadlines.collect(hr_manager, *window) if d.kind == "onboarding"]
    assert len(remaining) == len(items) - 1
    assert Onboarding.objects.count() == 1
    assert OnboardingTask.objects.filter(done_at__isnull=False).count() == 1
