"""The control of expense reports (contrôle des états de frais), from the database.

`reports_check` gathers the facts of the reports' lines in a few `values()` queries — the
lines themselves, the same employees' other lines over the same dates (to find duplicates
across reports), the trips' dates and distances, each employer's travel policy and the public
holidays where each employee works (Alsace-Moselle has two more) — calls
`effectif.rules.travel.checks.check_lines` once per employer and place of work, and stores each
line's anomalies (a list of {code, message, excess}) in batched UPDATEs (see
`store_anomalies`), auditing one entry per report whose anomalies changed (one per employer
for a bulk run). It checks 100,000 lines in a few seconds (`python -m effectif.bench --parts
frais-db`).

It runs at the writes that change what it finds: a report's submission (with the same
employee's reports awaiting a decision that share a date with it: a duplicate flags both), its
refusal (its lines no longer count as duplicates of those), the approvals and a change of the
employer's policy. Reading a report writes nothing: the approver's page shows the lines
checked again by `anomalies_today`, computed and not stored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast
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

if TYPE_CHECKING:
    from effectif.accounts.models import User

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
)


@dataclass(frozen=True)
class CheckOutcome:
    lines: int  # lines checked and stored
    flagged: int  # of which with at least one anomaly
    changed: int  # lines whose stored anomalies changed


def anomaly_rows(found: Iterable[Anomaly]) -> list[dict[str, Any]]:
    """Anomalies as stored on a line (JSON): code, French message, excess as a string."""
    return [
        # Keys in PostgreSQL's jsonb order (by length), so that stored text compares as is.
        {
            "code": str(a.code),
            "excess": None if a.excess_amount is None else str(a.excess_amount),
            "message": a.message,
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


Row = tuple[Any, ...]  # the values of _LINE_FIELDS, in order (then the stored anomalies)


def _facts(row: Row, trips: dict[int, tuple[dt.date, dt.date, int]]) -> LineFacts:
    (pk, _report, employee, _employer, trip_id, category, on, amount, merchant, receipt,
     meal_kind, paris_area, guests, distance) = row[:14]  # fmt: skip
    trip = trips.get(trip_id) if trip_id else None
    if trip is None:
        return LineFacts(
            pk, employee, category, on, amount, merchant, bool(receipt), meal_kind,
            paris_area, guests or 1, 1, distance,
        )  # fmt: skip
    route_km = Decimal(2 * trip[2]) if category == ExpenseCategory.MILEAGE and trip[2] else None
    return LineFacts(
        pk, employee, category, on, amount, merchant, bool(receipt), meal_kind, paris_area,
        guests or 1, 1, distance, route_km, trip[0], trip[1],
    )  # fmt: skip


def line_facts(line: ExpenseLine) -> LineFacts:
    """The facts of one line (for the exempt/taxable split at HR's check)."""
    report = line.report
    trip = report.trip
    trips = {trip.pk: (trip.start_date, trip.end_date, trip.distance_km)} if trip else {}
    return _facts(
        (
            line.pk,
            report.pk,
            report.employee_id,
            report.employer_id,
            report.trip_id,
            line.category,
            line.expense_date,
            line.amount,
            line.merchant,
            line.receipt.name if line.receipt else "",
            line.meal_kind,
            line.paris_area,
            line.guests,
            line.distance_km,
        ),
        trips,
    )


#: Reports whose approvers still decide on their lines: their anomalies are kept up to date.
AWAITING = (ExpenseStatus.SUBMITTED, ExpenseStatus.MANAGER_APPROVED)


def awaiting_on_same_dates(report: ExpenseReport) -> QuerySet[ExpenseReport]:
    """The same employee's other reports awaiting a decision with a line on a date of one of
    `report`'s lines: those a duplicate with `report` may flag, or stop flagging."""
    return (
        ExpenseReport.objects.filter(
            employee_id=report.employee_id,
            status__in=AWAITING,
            lines__expense_date__in=report.lines.values("expense_date"),
        )
        .exclude(pk=report.pk)
        .distinct()
    )


def reports_check(
    *, reports: QuerySet[ExpenseReport], by: User | None, today: dt.date | None = None
) -> CheckOutcome:
    """Check every line of `reports` against the rules and store the anomalies found.

    Duplicates are looked for among the reports' lines and the same employees' other lines
    over the same dates (drafts and rejected reports apart). Each report whose anomalies
    changed gets one audit entry.
    """
    own, found = _check(reports, today or timezone.localdate())
    changed: list[tuple[int, list[dict[str, Any]]]] = []
    changed_reports: dict[int, int] = defaultdict(int)
    flagged = 0
    for row in own:
        new = anomaly_rows(found.get(row[0], ()))
        flagged += bool(new)
        if not _same(row[14], new):
            changed.append((row[0], new))
            changed_reports[row[1]] += 1
    if changed:
        store_anomalies(changed)
        _audit_changes(changed_reports, by)
    return CheckOutcome(len(own), flagged, len(changed))


def anomalies_today(
    reports: QuerySet[ExpenseReport], today: dt.date | None = None
) -> dict[int, list[dict[str, Any]]]:
    """The anomalies the checks find today on each line of `reports` (as stored: code,
    message, excess), computed for display: nothing is stored nor audited."""
    own, found = _check(reports, today or timezone.localdate())
    return {row[0]: anomaly_rows(found.get(row[0], ())) for row in own}


def _check(
    reports: QuerySet[ExpenseReport], today: dt.date
) -> tuple[list[Row], dict[int, list[Anomaly]]]:
    """The reports' lines (with their stored anomalies) and the anomalies found on them."""
    own: list[Row] = list(
        ExpenseLine.objects.filter(report__in=reports)
        .annotate(stored=Cast("anomalies", TextField()))
        .values_list(*_LINE_FIELDS, "stored")
        .iterator(chunk_size=5000)
    )
    if not own:
        return [], {}
    first = min(row[6] for row in own)
    last = max(row[6] for row in own)
    others = (
        ExpenseLine.objects.filter(
            report__employee_id__in=reports.values("employee_id"),
            expense_date__range=(first, last),
        )
        .exclude(report__in=reports)
        .exclude(report__status__in=(ExpenseStatus.DRAFT, ExpenseStatus.REJECTED))
        .values_list(*_LINE_FIELDS)
    )
    other_rows: list[Row] = list(others.iterator(chunk_size=5000))
    trips = _trips({row[4] for row in own + other_rows if row[4]})
    employers = {row[3] for row in own}
    policies = _policies(employers)
    places = work_departments(reports.values("employee_id"))
    groups: dict[tuple[int, str | None], list[LineFacts]] = defaultdict(list)
    for row in own + other_rows:
        groups[(row[3], places.get(row[2]))].append(_facts(row, trips))
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
    return own, found


def _same(stored: str | None, new: list[dict[str, Any]]) -> bool:
    """Whether the stored JSON text holds `new`: compared as text first (SQLite keeps
    Django's ASCII-escaped dump, PostgreSQL prints jsonb with UTF-8), parsed when unsure."""
    if not new:
        return stored is None or stored == "[]"
    if stored is None or stored == "[]":
        return False
    if stored == json.dumps(new, ensure_ascii=False) or stored == json.dumps(new):
        return True
    return bool(json.loads(stored) == new)


def store_anomalies(changed: list[tuple[int, list[dict[str, Any]]]]) -> None:
    """Write each line's anomalies, in batches.

    `bulk_update` builds a CASE expression per row (about 165 µs a row measured on SQLite).
    PostgreSQL updates a batch in one statement from one JSON array of [id, anomalies]; other engines run
    one parameterised UPDATE many times (about 10 µs a row on SQLite). The JSON is prepared by
    the field, as `save()` would."""
    field = ExpenseLine._meta.get_field("anomalies")
    quote = connection.ops.quote_name
    table, column, key = quote(ExpenseLine._meta.db_table), quote(str(field.column)), quote("id")
    if connection.vendor == "postgresql":
        statement = (
            f"UPDATE {table} SET {column} = v.value FROM (SELECT (e->>0)::bigint AS pk, "
            f"e->1 AS value FROM jsonb_array_elements(%s::jsonb) AS e) AS v "
            f"WHERE {table}.{key} = v.pk"
        )
        with transaction.atomic(), connection.cursor() as cursor:
            for start in range(0, len(changed), BATCH_SIZE):
                batch = changed[start : start + BATCH_SIZE]
                cursor.execute(statement, [json.dumps(batch, ensure_ascii=False)])
        return
    statement = f"UPDATE {table} SET {column} = %s WHERE {key} = %s"
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(changed), BATCH_SIZE):
            cursor.executemany(
                statement,
                [
                    (field.get_db_prep_save(value, connection), pk)
                    for pk, value in changed[start : start + BATCH_SIZE]
                ],
            )


#: Up to this many reports changed in one run, each gets its own audit entry; beyond (a
#: nightly or bulk control), one entry per employer records the run.
AUDIT_EACH_UP_TO = 50


def _audit_changes(changed_reports: dict[int, int], by: User | None) -> None:
    detail = "Contrôle automatique des lignes"
    if len(changed_reports) > AUDIT_EACH_UP_TO:
        per_employer: dict[int, list[int]] = defaultdict(list)
        for report_id, employer_id in ExpenseReport.objects.filter(
            pk__in=list(changed_reports)
        ).values_list("pk", "employer_id"):
            per_employer[employer_id].append(report_id)
        audit_many(
            [
                build_entry(
                    actor=by,
                    action=AuditAction.UPDATE,
                    target_label=f"{len(ids)} notes de frais",
                    employer_id=employer_id,
                    changes={
                        "anomalies": [
                            "",
                            f"{sum(changed_reports[pk] for pk in ids)} ligne(s) revue(s) "
                            f"dans {len(ids)} note(s)",
                        ]
                    },
                    detail=detail,
                )
                for employer_id, ids in per_employer.items()
            ]
        )
        return
    entries = [
        build_entry(
            actor=by,
            action=AuditAction.UPDATE,
            target=report,
            changes={"anomalies": ["", f"{changed_reports[report.pk]} ligne(s) revue(s)"]},
            detail=detail,
        )
        for report in ExpenseReport.objects.filter(pk__in=list(changed_reports)).only(
            "pk", "reference", "title", "employer_id", "employee_id"
        )
    ]
    audit_many(entries)
