"""The control of expense reports (contrôle des états de frais), from the database.

`reports_check` gathers the facts of the reports' lines in a few `values()` queries — the
lines themselves, the same employees' other lines over the same dates (to find duplicates
across reports), the trips' dates and distances, each employer's travel policy and the public
holidays where each employee works (Alsace-Moselle has two more) — calls
`effectif.rules.travel.checks.check_lines` once per employer and place of work, and stores each
line's anomalies (a list of {code, message, excess}) with `bulk_update`, auditing one entry per
report whose anomalies changed. It runs at submission and again when an approver opens the
report, and checks 100,000 lines in a few seconds (`python -m effectif.bench --parts frais-db`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from effectif.contracts.models import ContractTerms
from effectif.core.audit import audit_many, build_entry
from effectif.core.models import AuditAction
from effectif.rules.travel.checks import Anomaly, LineFacts, PolicyFacts, check_lines
from effectif.rules.working_time.holidays import holidays_between
from effectif.travel.models import (
    ExpenseCategory,
    ExpenseLine,
    ExpenseReport,
    ExpenseStatus,
    TravelPolicy,
    Trip,
)

BATCH_SIZE = 2000

_LINE_FIELDS = (
    "pk",
    "report_id",
    "report__employee_id",
    "report__employer_id",
    "report__trip_id",
    "category",
    "expense_date",
    "amount",
    "merchant",
    "receipt",
    "meal_kind",
    "paris_area",
    "guests",
    "distance_km",
    "anomalies",
)


@dataclass(frozen=True)
class CheckOutcome:
    lines: int  # lines checked and stored
    flagged: int  # of which with at least one anomaly
    changed: int  # lines whose stored anomalies changed


def anomaly_rows(found: Iterable[Anomaly]) -> list[dict[str, Any]]:
    """Anomalies as stored on a line (JSON): code, French message, excess as a string."""
    return [
        {
            "code": str(a.code),
            "message": a.message,
            "excess": None if a.excess_amount is None else str(a.excess_amount),
        }
        for a in found
    ]


def policy_facts(policy: TravelPolicy | None) -> PolicyFacts:
    if policy is None:
        return PolicyFacts()
    return PolicyFacts(
        meal_cap=policy.meal_cap_amount,
        lodging_cap=policy.lodging_cap_amount,
        lodging_cap_paris=policy.lodging_cap_paris_amount,
        receipt_required_from=policy.receipt_required_from_amount,
    )


def _policies(employer_ids: Iterable[int]) -> dict[int, PolicyFacts]:
    return {
        policy.employer_id: policy_facts(policy)
        for policy in TravelPolicy.objects.filter(employer_id__in=list(employer_ids))
    }


def work_departments(employee_ids: QuerySet[Any] | list[int]) -> dict[int, str | None]:
    """The département of each employee's place of work (their latest contract terms), for the
    public holidays (Alsace-Moselle keeps Good Friday and 26 December)."""
    found: dict[int, str | None] = {}
    rows = (
        ContractTerms.objects.filter(contract__employee_id__in=employee_ids)
        .order_by("contract__employee_id", "effective_date")
        .values_list("contract__employee_id", "establishment__department")
    )
    for employee_id, department in rows:
        found[employee_id] = department or None  # the latest terms win
    return found


def _trips(trip_ids: set[int]) -> dict[int, tuple[dt.date, dt.date, int]]:
    return {
        pk: (start, end, distance)
        for pk, start, end, distance in Trip.objects.filter(pk__in=trip_ids).values_list(
            "pk", "start_date", "end_date", "distance_km"
        )
    }


def _facts(row: dict[str, Any], trips: dict[int, tuple[dt.date, dt.date, int]]) -> LineFacts:
    trip = trips.get(row["report__trip_id"]) if row["report__trip_id"] else None
    category = row["category"]
    route_km: Decimal | None = None
    if trip is not None and category == ExpenseCategory.MILEAGE and trip[2]:
        route_km = Decimal(2 * trip[2])
    return LineFacts(
        key=row["pk"],
        employee_key=row["report__employee_id"],
        category=category,
        expense_date=row["expense_date"],
        amount=row["amount"],
        merchant=row["merchant"],
        has_receipt=bool(row["receipt"]),
        meal_kind=row["meal_kind"],
        paris_area=row["paris_area"],
        guests=row["guests"] or 1,
        distance_km=row["distance_km"],
        route_km=route_km,
        trip_start=trip[0] if trip else None,
        trip_end=trip[1] if trip else None,
    )


def line_facts(line: ExpenseLine) -> LineFacts:
    """The facts of one line (for the exempt/taxable split at HR's check)."""
    report = line.report
    trip = report.trip
    trips = {trip.pk: (trip.start_date, trip.end_date, trip.distance_km)} if trip else {}
    return _facts(
        {
            "pk": line.pk,
            "report__employee_id": report.employee_id,
            "report__trip_id": report.trip_id,
            "category": line.category,
            "expense_date": line.expense_date,
            "amount": line.amount,
            "merchant": line.merchant,
            "receipt": line.receipt.name if line.receipt else "",
            "meal_kind": line.meal_kind,
            "paris_area": line.paris_area,
            "guests": line.guests,
            "distance_km": line.distance_km,
        },
        trips,
    )


def reports_check(
    *, reports: QuerySet[ExpenseReport], by: Any, today: dt.date | None = None
) -> CheckOutcome:
    """Check every line of `reports` against the rules and store the anomalies found.

    Duplicates are looked for among the reports' lines and the same employees' other lines
    over the same dates (drafts and rejected reports apart). Each report whose anomalies
    changed gets one audit entry.
    """
    today = today or timezone.localdate()
    own = list(ExpenseLine.objects.filter(report__in=reports).values(*_LINE_FIELDS).iterator())
    if not own:
        return CheckOutcome(0, 0, 0)
    first = min(row["expense_date"] for row in own)
    last = max(row["expense_date"] for row in own)
    others = (
        ExpenseLine.objects.filter(
            report__employee_id__in=reports.values("employee_id"),
            expense_date__range=(first, last),
        )
        .exclude(report__in=reports)
        .exclude(report__status__in=(ExpenseStatus.DRAFT, ExpenseStatus.REJECTED))
        .values(*_LINE_FIELDS[:-1])
    )
    other_rows = list(others.iterator())
    trips = _trips({row["report__trip_id"] for row in own + other_rows if row["report__trip_id"]})
    employers = {row["report__employer_id"] for row in own}
    policies = _policies(employers)
    places = work_departments(reports.values("employee_id"))
    groups: dict[tuple[int, str | None], list[LineFacts]] = defaultdict(list)
    for row in own + other_rows:
        place = places.get(row["report__employee_id"])
        groups[(row["report__employer_id"], place)].append(_facts(row, trips))
    found: dict[int, list[Anomaly]] = {}
    holidays_by_place: dict[str | None, frozenset[dt.date]] = {}
    for (employer_id, place), facts in groups.items():
        if place not in holidays_by_place:
            holidays_by_place[place] = frozenset(holidays_between(first, last, place))
        found.update(
            check_lines(
                facts,
                policies.get(employer_id, PolicyFacts()),
                holidays=holidays_by_place[place],
                today=today,
            )
        )
    changed: list[ExpenseLine] = []
    changed_reports: dict[int, int] = defaultdict(int)
    flagged = 0
    for row in own:
        stored = anomaly_rows(found.get(row["pk"], ()))
        flagged += bool(stored)
        if stored != row["anomalies"]:
            changed.append(ExpenseLine(pk=row["pk"], anomalies=stored))
            changed_reports[row["report_id"]] += 1
    if changed:
        ExpenseLine.objects.bulk_update(changed, ["anomalies"], batch_size=BATCH_SIZE)
        _audit_changes(changed_reports, by)
    return CheckOutcome(len(own), flagged, len(changed))


def _audit_changes(changed_reports: dict[int, int], by: Any) -> None:
    entries = []
    for report in ExpenseReport.objects.filter(pk__in=list(changed_reports)).only(
        "pk", "reference", "title", "employer_id", "employee_id"
    ):
        entries.append(
            build_entry(
                actor=by,
                action=AuditAction.UPDATE,
                target=report,
                changes={"anomalies": ["", f"{changed_reports[report.pk]} ligne(s) revue(s)"]},
                detail="Contrôle automatique des lignes",
            )
        )
    audit_many(entries)
