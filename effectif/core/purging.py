"""Running the purges of the retention schedule (`core.retention`) and recording them.

The kinds whose records expire one by one carry their own purge; this module runs them, one
transaction each, and writes one audit entry per kind that changed something, with its counts.
The privacy app's `purge_personal_data` adds the erasure of the people who left long enough ago;
the older commands of single kinds (`purge_candidates`, `purge_imports`,
`purge_personnel_register`) run only their kind through `purge_kinds`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.retention import NOTHING, DataKind, Outcome, retention

if TYPE_CHECKING:
    from effectif.accounts.models import User


@dataclass
class KindReport:
    kind: DataKind
    outcome: Outcome = NOTHING
    people: int = 0  # people whose data of this kind were (or would be) erased

    def line(self, today: dt.date) -> str:
        counts = _("%(erased)s effacé(s), %(pseudo)s pseudonymisé(s)") % {
            "erased": self.outcome.erased,
            "pseudo": self.outcome.pseudonymised,
        }
        if self.kind.from_departure:
            counts = _("%(people)s personne(s) ; %(counts)s") % {
                "people": self.people,
                "counts": counts,
            }
        return f"{self.kind.label} ({self.kind.describe(today)}) : {counts}"


def selected_kinds(only: Iterable[str] | None) -> list[DataKind]:
    wanted = set(only) if only else None
    unknown = (wanted or set()) - set(retention.kinds)
    if unknown:
        raise ValueError(_("Catégorie inconnue : %(keys)s") % {"keys": ", ".join(sorted(unknown))})
    return [kind for kind in retention.schedule() if wanted is None or kind.key in wanted]


def purge_records(
    *, now: dt.datetime, dry_run: bool, kinds: Iterable[DataKind]
) -> dict[str, KindReport]:
    """Run the purge of each kind that has one; nothing is recorded yet."""
    reports = {kind.key: KindReport(kind) for kind in kinds}
    for report in reports.values():
        if report.kind.purge is not None:
            with transaction.atomic():
                report.outcome += report.kind.purge(now, dry_run)
    return reports


def record_purges(
    reports: Iterable[KindReport], *, now: dt.datetime, by: User | None = None
) -> None:
    """One audit entry per kind that erased or pseudonymised something."""
    today = timezone.localdate(now)
    for report in reports:
        if report.outcome.total:
            audit(
                actor=by,
                action=AuditAction.DELETE if report.outcome.erased else AuditAction.REDACT,
                target_label=str(report.kind.label),
                detail=_("Purge des données personnelles — %(line)s ; %(source)s")
                % {"line": report.line(today), "source": report.kind.source(today)},
            )


def purge_kinds(
    *,
    now: dt.datetime | None = None,
    dry_run: bool = False,
    only: Iterable[str] | None = None,
    by: User | None = None,
) -> list[KindReport]:
    """The purges of the kinds whose records expire one by one (`only`: these kinds)."""
    now = now or timezone.now()
    reports = purge_records(now=now, dry_run=dry_run, kinds=selected_kinds(only))
    if not dry_run:
        record_purges(reports.values(), now=now, by=by)
    return list(reports.values())


def parse_moment(text: str) -> dt.datetime:
    """A command's date of reference: AAAA-MM-JJ or AAAA-MM-JJTHH:MM, in local time."""
    moment = parse_datetime(text)
    if moment is None and (day := parse_date(text)) is not None:
        moment = dt.datetime.combine(day, dt.time(12))
    if moment is None:
        raise CommandError(
            _("Date attendue au format AAAA-MM-JJ ou AAAA-MM-JJTHH:MM : %(t)s") % {"t": text}
        )
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
