"""Expense reports of the demo organisation, written through the services (so checked and
audited): about twenty reports in every status for the employers the demo HR manager
administers — drafts, reports waiting for the manager (one with a restaurant meal over the
URSSAF limit, one with a weekend expense, one without a receipt, a duplicate of an earlier
line), reports approved and waiting for HR's check, checked reports to pay with the payroll or
by transfer, reimbursed ones (with the payroll of last month, and by a SEPA batch) and a
refusal. Reports of past approved demo trips are attached to them. Loaded once: a second call
finds the reports and does nothing.

`pdf(title, lines) -> bytes` draws the receipts (the demo loader passes
`effectif.demo.documents.tiny_pdf`); without it, a blank one-page PDF is used.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from pypdf import PdfWriter

from effectif.accounts.models import User
from effectif.employees.models import Employee
from effectif.organisation.models import Employer
from effectif.organisation.selectors import hr_employers_for
from effectif.rules.identity.generate import make_french_iban
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseReport,
    LineDecision,
    MealKind,
    ReimbursementMethod,
    Trip,
    TripStatus,
    Vehicle,
)
from effectif.travel.permissions import can_approve_report_as_manager
from effectif.travel.services.expenses import (
    LineInput,
    line_decide,
    line_save,
    report_approve,
    report_check,
    report_create,
    report_reject,
    report_submit,
)
from effectif.travel.services.payments import (
    payroll_hand_over,
    reimbursement_choose,
    sepa_batch_create,
)
from effectif.travel.services.policy import policy_ensure, policy_save

Pdf = Callable[[str, list[str]], bytes]


def blank_pdf() -> bytes:
    """A valid one-page PDF (A6), the receipt of a line when no maker of PDFs is given."""
    writer = PdfWriter()
    writer.add_blank_page(width=298, height=420)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


M, L, T, K, P, OTHER = (
    ExpenseCategory.MEAL,
    ExpenseCategory.LODGING,
    ExpenseCategory.TRANSPORT,
    ExpenseCategory.MILEAGE,
    ExpenseCategory.TOLLS_PARKING,
    ExpenseCategory.OTHER,
)


@dataclass(frozen=True)
class Spend:
    """One line: its category, its day (from the report's first day), amount and merchant."""

    category: str
    day: int
    amount: str
    merchant: str = ""
    meal_kind: str = MealKind.RESTAURANT
    paris_area: bool = False
    km: str = ""
    receipt: bool = True
    guests: int = 1
    currency: str = "EUR"
    rate: str = ""
    description: str = ""


@dataclass(frozen=True)
class Sheet:
    title: str
    status: str  # draft, submitted, manager_approved, checked, reimbursed, rejected
    spends: tuple[Spend, ...]
    on_trip: bool = False
    ago: int = 20  # days before today of the report's first expense, when not on a trip
    method: str = ""  # paie or virement, for checked and reimbursed reports
    reduce: str = ""  # the manager's accepted amount for the first line over a limit
    person: int = 0  # index among the employer's demo travellers
    comment: str = field(default="")


SHEETS = [
    Sheet(
        "Mission chez le client",
        "submitted",
        (
            Spend(M, 0, "34.50", "Brasserie des Arts", description="Déjeuner client"),
            Spend(L, 0, "89.00", "Hôtel Mercure Centre"),
            Spend(T, 0, "118.00", "SNCF Connect", description="Aller-retour en 2de classe"),
            Spend(P, 1, "12.40", "Indigo Parking"),
        ),
        on_trip=True,
    ),
    Sheet(
        "Déplacements du mois",
        "submitted",
        (
            Spend(K, 0, "", km="124", description="Visite fournisseur"),
            Spend(M, 2, "16.90", "Le Comptoir"),
            Spend(OTHER, 4, "18.00", "Papeterie Centrale", receipt=False),
        ),
        ago=24,
        person=1,
    ),
    Sheet(
        "Salon du week-end",
        "submitted",
        (Spend(M, 0, "19.80", "Café du Salon"), Spend(P, 0, "9.00", "Parking du Parc")),
        ago=-1,  # the last Saturday
        person=2,
    ),
    Sheet("Réunion d'équipe à Lyon", "draft", (Spend(T, 0, "62.00", "SNCF Connect"),), ago=3),
    Sheet(
        "Rendez-vous partenaires",
        "manager_approved",
        (
            Spend(M, 0, "28.60", "Bistrot Gourmand", guests=1),
            Spend(T, 0, "24.50", "G7 Taxi"),
        ),
        ago=30,
        reduce="21.40",
        person=1,
        comment="Repas ramené à la limite URSSAF.",
    ),
    Sheet(
        "Conférence à Londres",
        "manager_approved",
        (
            Spend(T, 0, "150.00", "Eurostar", currency="GBP", rate="1.16", description="Billet"),
            Spend(M, 1, "32.00", "Dishoom", currency="GBP", rate="1.16"),
        ),
        ago=35,
        person=3,
    ),
    Sheet(
        "Formation à Paris",
        "checked",
        (
            Spend(L, 0, "96.00", "Hôtel Lutetia Express", paris_area=True),
            Spend(M, 0, "22.00", "Chez Paul"),
            Spend(T, 0, "98.00", "SNCF Connect"),
        ),
        on_trip=True,
        method=ReimbursementMethod.TRANSFER,
    ),
    Sheet(
        "Tournée des agences",
        "checked",
        (Spend(K, 0, "", km="212"), Spend(P, 0, "14.20", "Vinci Autoroutes")),
        ago=45,
        method=ReimbursementMethod.PAYROLL,
        person=1,
    ),
    Sheet(
        "Audit interne",
        "reimbursed",
        (Spend(M, 0, "18.50", "La Table d'Hôte"), Spend(T, 0, "45.00", "SNCF Connect")),
        ago=60,
        method=ReimbursementMethod.PAYROLL,
        person=2,
    ),
    Sheet(
        "Visite de chantier",
        "reimbursed",
        (Spend(K, 0, "", km="86"), Spend(M, 0, "13.20", "Boulangerie Paul")),
        ago=50,
        method=ReimbursementMethod.TRANSFER,
        person=3,
    ),
    Sheet(
        "Dîner d'équipe",
        "rejected",
        (Spend(M, 0, "145.00", "Le Grand Café", guests=2),),
        ago=40,
        person=2,
        comment="Un repas d'équipe relève du budget du service, pas d'une note de frais.",
    ),
    Sheet(
        "Déplacements du mois (complément)",
        "submitted",
        (Spend(M, 2, "16.90", "LE COMPTOIR", description="Saisi deux fois ?"),),
        ago=24,
        person=1,
    ),
]


def _receipt(pdf: Pdf | None, employee: Employee, spend: Spend, on: dt.date) -> Any:
    if not spend.receipt or spend.category == K:
        return None
    lines = [
        spend.merchant or "Justificatif",
        f"Date : {on:%d/%m/%Y}",
        f"Montant : {spend.amount} {spend.currency}",
        f"Client : {employee.display_name}",
    ]
    body = pdf("Reçu", lines) if pdf is not None else blank_pdf()
    return SimpleUploadedFile("recu.pdf", body, content_type="application/pdf")


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def _last_saturday(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=(today.weekday() - 5) % 7 or 7)


def _line(spend: Spend, on: dt.date, car: Vehicle | None) -> LineInput | None:
    if spend.category == K:
        if car is None:
            return None
        return LineInput(
            category=K,
            expense_date=on,
            vehicle=car,
            route_from="Siège",
            route_to="Site client",
            distance_km=Decimal(spend.km),
            description=spend.description,
        )
    foreign = spend.currency != "EUR"
    return LineInput(
        category=spend.category,
        expense_date=on,
        amount=None if foreign else Decimal(spend.amount),
        merchant=spend.merchant,
        description=spend.description,
        currency=spend.currency,
        original_amount=Decimal(spend.amount) if foreign else None,
        exchange_rate=Decimal(spend.rate) if foreign else None,
        meal_kind=spend.meal_kind if spend.category == M else "",
        paris_area=spend.paris_area,
        guests=spend.guests,
        vat_amount=(Decimal(spend.amount) / 6).quantize(Decimal("0.01"))
        if spend.category in (L, P) and not foreign
        else Decimal("0"),
    )


@dataclass
class _Employer:
    employer: Employer
    hr: User
    today: dt.date
    pdf: Pdf | None
    people: list[Employee]
    trips: list[Trip]
    own: Employee | None
    payroll_month: dt.date
    to_wire: list[ExpenseReport] = field(default_factory=list)

    def author(self, person: Employee) -> User:
        own = self.own is not None and person == self.own
        return person.user if own and person.user is not None else self.hr

    def approver(self, report: ExpenseReport) -> User:
        department = report.employee.department
        manager = department.manager if department is not None else None
        if manager is not None and can_approve_report_as_manager(manager, report):
            return manager
        return self.hr

    def first_day(self, sheet: Sheet, trip: Trip | None) -> dt.date:
        if trip is not None:
            return trip.start_date
        if sheet.ago < 0:
            return _last_saturday(self.today)
        return _weekday(self.today - dt.timedelta(days=sheet.ago))

    def build(self, sheet: Sheet) -> ExpenseReport | None:
        person = self.people[sheet.person % len(self.people)]
        trip = None
        if sheet.on_trip:
            trip = next(
                (t for t in self.trips if t.employee_id == person.pk),
                self.trips[0] if self.trips else None,
            )
            if trip is not None:
                person = trip.employee
        author = self.author(person)
        first = self.first_day(sheet, trip)
        car = Vehicle.objects.filter(employee=person, active=True).first()
        report = report_create(employee=person, title=sheet.title, trip=trip, by=author)
        for spend in sheet.spends:
            on = min(first + dt.timedelta(days=spend.day), self.today)
            if trip is not None:
                on = min(on, trip.end_date)
            data = _line(spend, on, car)
            if data is not None:
                line_save(
                    report=report,
                    data=data,
                    receipt=_receipt(self.pdf, person, spend, on),
                    by=author,
                )
        if not report.lines.exists() or sheet.status == "draft":
            return report
        report = report_submit(report=report, by=author)
        if sheet.status == "submitted":
            return report
        approver = self.approver(report)
        if sheet.status == "rejected":
            return report_reject(report=report, by=approver, comment=sheet.comment)
        if sheet.reduce:
            over = next((line for line in report.lines.all() if line.anomalies), None)
            if over is not None:
                line_decide(
                    line=over,
                    decision=LineDecision.REDUCED,
                    accepted_amount=Decimal(sheet.reduce),
                    comment=sheet.comment or "Ramené au plafond.",
                    by=approver,
                )
        report = report_approve(report=report, by=approver)
        if sheet.status == "manager_approved":
            return report
        report = report_check(report=report, by=self.hr)
        month = self.payroll_month if sheet.status == "reimbursed" else self.today.replace(day=1)
        report = reimbursement_choose(
            report=report,
            method=sheet.method,
            payroll_month=month if sheet.method == ReimbursementMethod.PAYROLL else None,
            by=self.hr,
        )
        if sheet.status == "reimbursed" and sheet.method == ReimbursementMethod.TRANSFER:
            self.to_wire.append(report)
        return report

    def reimburse(self) -> None:
        if ExpenseReport.objects.filter(
            employer=self.employer,
            reimbursement_method=ReimbursementMethod.PAYROLL,
            payroll_month=self.payroll_month,
            status="checked",
        ).exists():
            payroll_hand_over(employer=self.employer, month=self.payroll_month, by=self.hr)
        payable = [
            r for r in self.to_wire if r.payable_amount > 0 and r.employee.iban and r.employee.bic
        ]
        if payable:
            policy = policy_ensure(employer=self.employer, by=self.hr)
            if not policy.debtor_iban:
                policy.debtor_iban = make_french_iban(
                    bank=30004, branch=828, account=10_000 + self.employer.pk
                )
                policy.debtor_bic = "BNPAFRPPXXX"
                policy_save(policy=policy, by=self.hr)
            sepa_batch_create(
                employer=self.employer,
                reports=payable,
                execution_date=max(self.today, timezone.localdate()),
                by=self.hr,
            )


@transaction.atomic
def load_expenses_demo(*, today: dt.date, pdf: Pdf | None = None) -> bool:
    """False, writing nothing, when the demo HR manager is missing or reports already exist."""
    hr = User.objects.filter(username="rh").first()
    if hr is None:
        return False
    employers = list(hr_employers_for(hr).order_by("name"))
    if not employers or ExpenseReport.objects.filter(employer__in=employers).exists():
        return False
    own = Employee.objects.filter(user__username="salarie").first()
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    for number, employer in enumerate(employers):
        travellers = list(
            Employee.objects.filter(
                employer=employer, file_closed_at__isnull=True, vehicles__isnull=False
            )
            .distinct()
            .select_related("department", "department__manager", "user")
        )
        if own is not None and own.employer_id == employer.pk and own not in travellers:
            travellers.insert(0, own)
        if not travellers:
            travellers = list(
                Employee.objects.filter(
                    employer=employer, file_closed_at__isnull=True, department__isnull=False
                ).order_by("matricule")[:4]
            )
        if not travellers:
            continue
        trips = list(
            Trip.objects.filter(
                employer=employer, status=TripStatus.APPROVED, end_date__lt=today
            ).order_by("start_date")
        )
        state = _Employer(employer, hr, today, pdf, travellers, trips, own, last_month)
        sheets = SHEETS if number == 0 else SHEETS[:8]
        for sheet in sheets:
            state.build(sheet)
        state.reimburse()
    return True
