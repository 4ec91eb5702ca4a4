"""Privacy fixtures: a fixed today, files under a temporary MEDIA_ROOT, archives built at once
(the immediate task backend), and a person who left long ago with data in every app."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from effectif.contracts.models import Contract
from effectif.contracts.tests.factories import hire
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.employees.models import ChangeRequest, DocumentKind, EmployeeDocument
from effectif.employees.tests.factories import EmployeeFactory
from effectif.health.models import MedicalVisit, Outcome, Status, VisitKind
from effectif.leave.models import Category, LeaveRequest, LeaveType
from effectif.planning.models import CalendarFeed
from effectif.timekeeping.models import TimeRecord, TimeSheet
from effectif.travel.models import ExpenseLine, ExpenseReport, ExpenseStatus, Trip, TripStatus

TODAY = dt.date(2026, 6, 1)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _today(time_machine):
    """The tests run on Monday 1 June 2026, 9 a.m. in Paris."""
    time_machine.move_to(dt.datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=False)


@pytest.fixture(autouse=True)
def _media_and_tasks(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def document(employee, title="Pièce d'identité", kind=DocumentKind.IDENTITY, name="cni.pdf"):
    doc = EmployeeDocument(employee=employee, kind=kind, title=title)
    doc.file.save(name, ContentFile(PDF), save=False)
    doc.save()
    return doc


def person_with_everything(world, make_user, *, left: dt.date, name: str, with_travel: bool):
    """A person of employer A who left on `left`, with an account, documents, leave, a time
    sheet, a medical visit, a calendar feed, audit entries and, if asked, an expense report."""
    user = make_user("employee", username=f"{name.lower()}-compte", first_name="Léa")
    person = EmployeeFactory(
        employer=world.employer,
        department=world.team,
        user=user,
        last_name=name,
        first_names="Léa",
        address="12 rue des Acacias",
        postal_code="69003",
        city="Lyon",
        personal_email="lea@example.test",
        personal_phone="06 12 34 56 78",
        emergency_contact_name="Paul Martin",
        emergency_contact_phone="06 98 76 54 32",
        family_status="marie",
        children_count=2,
    )
    contract = hire(
        person,
        start=left.replace(year=left.year - 3),
        end=left,
        kind="cdd",
        establishment=world.establishment,
    )
    Contract.objects.filter(pk=contract.pk).update(
        fixed_term_reason="remplacement", replaced_person="Jean Remplacé, comptable"
    )
    doc = document(person)
    ChangeRequest.objects.create(
        employee=person, requested_by=user, changes={"city": ["Lyon", "Villeurbanne"]}
    )
    leave_type = LeaveType.objects.create(
        employer=world.employer,
        code=f"cp_{name.lower()}",
        label="Congés payés",
        category=Category.PAID_LEAVE,
    )
    LeaveRequest.objects.create(
        employee=person,
        leave_type=leave_type,
        start_date=left - dt.timedelta(days=40),
        end_date=left - dt.timedelta(days=38),
        amount=Decimal("3"),
        comment="Mariage de ma sœur",
        status="approved",
    )
    monday = left - dt.timedelta(days=left.weekday() + 7)
    sheet = TimeSheet.objects.create(employee=person, week_start=monday, status="approved")
    TimeRecord.objects.create(sheet=sheet, day=monday, hours=Decimal("7.00"))
    MedicalVisit.objects.create(
        employee=person,
        kind=VisitKind.VIP_INITIAL,
        due_date=left.replace(year=left.year - 3),
        status=Status.DONE,
        held_on=left.replace(year=left.year - 3),
        outcome=Outcome.FIT,
    )
    CalendarFeed.objects.create(employee=person, token_hash=f"{person.pk:064d}")
    audit(
        actor=world.hr,
        action=AuditAction.UPDATE,
        target=person,
        changes={"address": ["1 rue Vieille", "12 rue des Acacias"]},
        detail=f"Adresse de {name} corrigée",
    )
    audit(actor=user, action=AuditAction.LOGIN, target=user, detail="connexion")
    report = None
    if with_travel:
        trip = Trip.objects.create(
            employer=world.employer,
            reference=f"OM-{name}",
            employee=person,
            purpose="Salon à Paris",
            departure_place="Lyon",
            start_date=left - dt.timedelta(days=60),
            end_date=left - dt.timedelta(days=59),
            distance_km=465,
            status=TripStatus.APPROVED,
        )
        report = ExpenseReport.objects.create(
            employer=world.employer,
            reference=f"NF-{name}",
            employee=person,
            trip=trip,
            title="Salon",
            status=ExpenseStatus.REIMBURSED,
            reimbursed_at=timezone.make_aware(
                dt.datetime.combine(left - dt.timedelta(days=50), dt.time(12))
            ),
        )
        line = ExpenseLine(
            report=report,
            category="repas",
            expense_date=left - dt.timedelta(days=60),
            merchant="Brasserie du Parc",
            amount=Decimal("18.50"),
        )
        line.receipt.save("ticket.pdf", ContentFile(PDF), save=False)
        line.save()
    return SimpleNamespace(
        employee=person, user=user, contract=contract, document=doc, report=report
    )


@pytest.fixture
def gone(world, make_user, hr_manager):
    """Left on 31/03/2020 (more than five years ago), with a 2020 expense report: its vouchers
    are kept until 31/12/2030, so the name stays."""
    world.hr = hr_manager
    return person_with_everything(
        world, make_user, left=dt.date(2020, 3, 31), name="Ancienne", with_travel=True
    )


@pytest.fixture
def long_gone(world, make_user, hr_manager):
    """Left on 31/01/2019 with no expense report: everything may go, the name too."""
    world.hr = hr_manager
    return person_with_everything(
        world, make_user, left=dt.date(2019, 1, 31), name="Partie", with_travel=False
    )
