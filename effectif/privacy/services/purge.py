"""The one purge of personal data past their retention (`manage.py purge_personal_data`).

Two steps, each kind of the schedule reported with what it erased or pseudonymised:
1. the kinds whose records expire one by one run their own purge (candidates, imports, time
   sheets, expense vouchers, connection traces, register entries…: `core.purging`);
2. the people who left long enough ago have their data erased part by part
   (`services.erasure.person_erase`), as far as each part's retention lets go.
Each kind that changed something gets one audit entry with its counts. A dry run counts and
changes nothing; a second run finds nothing more to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils import timezone

from effectif.core.purging import KindReport, purge_records, record_purges, selected_kinds
from effectif.core.retention import DataKind
from effectif.employees.models import Employee
from effectif.privacy.services.erasure import departed_before, erasure_plan, person_erase

if TYPE_CHECKING:
    from effectif.accounts.models import User


def people_due(today: dt.date, kinds: Iterable[DataKind]) -> QuerySet[Employee]:
    """People whose shortest retention from the departure has run out, and who have not been
    erased as far as possible already (or whose next review has come)."""
    limit = max(kind.period(today).before(today) for kind in kinds)
    return (
        departed_before(limit)
        .exclude(privacy_erasure__identity_erased=True, privacy_erasure__next_review_date=None)
        .exclude(privacy_erasure__next_review_date__gt=today)
        .order_by("pk")
    )


def _erase_people(
    today: dt.date,
    kinds: list[DataKind],
    reports: dict[str, KindReport],
    dry_run: bool,
    by: User | None,
) -> None:
    for employee in people_due(today, kinds):
        if dry_run:
            due = {item.kind.key for item in erasure_plan(employee, today).parts if item.expired}
            for key in due & set(reports):
                reports[key].people += 1
            continue
        done = person_erase(employee=employee, by=by, today=today).by_kind()
        for key, outcome in done.items():
            if key in reports and outcome.total:
                reports[key].outcome += outcome
                reports[key].people += 1


def purge_personal_data(
    *,
    now: dt.datetime | None = None,
    dry_run: bool = False,
    only: Iterable[str] | None = None,
    by: User | None = None,
) -> list[KindReport]:
    """Erase or pseudonymise every kind's data past retention (`only`: these kinds; a kind
    that runs from the departure erases all of each person's data that may go)."""
    now = now or timezone.now()
    kinds = selected_kinds(only)
    reports = purge_records(now=now, dry_run=dry_run, kinds=kinds)
    departure_kinds = [kind for kind in kinds if kind.from_departure]
    if departure_kinds:
        _erase_people(timezone.localdate(now), departure_kinds, reports, dry_run, by)
    if not dry_run:
        record_purges(reports.values(), now=now, by=by)
    return list(reports.values())
