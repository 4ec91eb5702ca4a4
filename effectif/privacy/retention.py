"""The privacy app's own kinds of data: the audit trail, the requests to exercise a right and
the archives produced for them.

The audit trail is never deleted (DESIGN: redacted, never removed). Its entries about a person
are redacted when the person's file is erased; its connection entries, and every entry's IP
address, after a year (CNIL, recommandation « journalisation »).
"""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from effectif.core.models import AuditAction, AuditEntry
from effectif.core.personal_data import (
    REDACTED,
    ErasureContext,
    ExportSection,
    PersonPart,
    delete_files,
    rows,
)
from effectif.core.retention import NOTHING, DataKind, Outcome
from effectif.employees.models import Employee
from effectif.privacy.models import DataExport, RequestStatus, RightsRequest
from effectif.rules.parameters.base import DatedValue, Parameter
from effectif.rules.parameters.retention import (
    CONNECTION_LOG_RETENTION_MONTHS,
    PERSONNEL_FILE_RETENTION_YEARS,
)
from effectif.rules.privacy.dates import Unit

CONNECTION_ACTIONS = (
    AuditAction.LOGIN,
    AuditAction.LOGIN_FAILED,
    AuditAction.LOGOUT,
    AuditAction.SECURITY,
)

#: Effectif's choice: the proof of the answer, for the civil limitation period.
REQUEST_RETENTION_YEARS: Parameter[int] = Parameter(
    name="demandes_droits_conservation_ans",
    description="Conservation d'une demande d'exercice des droits après la réponse",
    values=(
        DatedValue(
            date(2018, 5, 25),
            5,
            "Choix d'Effectif : preuve de la réponse (RGPD art. 5, 2 et 12) pendant la "
            "prescription civile (C. civ. art. 2224)",
        ),
    ),
)
#: Effectif's choice: the archive is downloaded within a week, then prepared again if needed.
EXPORT_RETENTION_DAYS: Parameter[int] = Parameter(
    name="archives_donnees_conservation_jours",
    description="Conservation d'une archive de données personnelles préparée",
    values=(
        DatedValue(
            date(2026, 1, 1),
            7,
            "Choix d'Effectif : minimisation (RGPD art. 5, 1, e) ; l'archive est une copie",
        ),
    ),
)


def purge_connections(now: dt.datetime, dry_run: bool) -> Outcome:
    """Connection entries lose who and from where; the others only the address."""
    old = AuditEntry.objects.filter(at__lt=AUDIT_CONNECTIONS.cutoff(now))
    connections = old.filter(action__in=CONNECTION_ACTIONS).exclude(
        actor_label=REDACTED, ip_address__isnull=True
    )
    addresses = old.exclude(action__in=CONNECTION_ACTIONS).filter(ip_address__isnull=False)
    if dry_run:
        return Outcome(pseudonymised=connections.count() + addresses.count())
    count = connections._redact(actor_label=REDACTED, target_label=REDACTED, ip_address=None)
    return Outcome(pseudonymised=count + addresses._redact(ip_address=None))


def purge_requests(now: dt.datetime, dry_run: bool) -> Outcome:
    limit = REQUESTS.limit(now)
    old = RightsRequest.objects.filter(
        status__in=(RequestStatus.ANSWERED, RequestStatus.REFUSED), answered_date__lt=limit
    )
    return Outcome(erased=old.count() if dry_run else old.delete()[0])


def purge_exports(now: dt.datetime, dry_run: bool) -> Outcome:
    old = DataExport.objects.filter(created_at__lt=EXPORTS.cutoff(now))
    if dry_run:
        return Outcome(erased=old.count())
    files = [export.file for export in old if export.file]
    transaction.on_commit(lambda: delete_files(files))
    return Outcome(erased=old.delete()[0])


AUDIT_TRAIL = DataKind(
    key="audit_trail",
    label=_("Journal d'audit : opérations sur les données d'une personne"),
    processing="security",
    duration=PERSONNEL_FILE_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après le départ du salarié"),
    end=_(
        "entrées expurgées (valeurs, objet, détail), jamais supprimées ; le nom remplacé par le "
        "pseudonyme du dossier"
    ),
    from_departure=True,
    note=_("Traçabilité des accès et des modifications (RGPD art. 5, 2 et 32)."),
    order=120,
)
AUDIT_CONNECTIONS = DataKind(
    key="audit_connections",
    label=_("Journal d'audit : connexions et adresses IP"),
    processing="security",
    duration=CONNECTION_LOG_RETENTION_MONTHS,
    unit=Unit.MONTHS,
    start=_("après l'événement"),
    end=_("auteur, objet et adresse IP des connexions expurgés ; adresse IP des autres entrées"),
    purge=purge_connections,
    order=125,
)
REQUESTS = DataKind(
    key="rights_requests",
    label=_("Demandes d'exercice des droits"),
    processing="rights",
    duration=REQUEST_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après la réponse"),
    end=_("effacées"),
    purge=purge_requests,
    order=130,
)
EXPORTS = DataKind(
    key="data_exports",
    label=_("Archives de données personnelles préparées"),
    processing="rights",
    duration=EXPORT_RETENTION_DAYS,
    unit=Unit.DAYS,
    start=_("après leur préparation"),
    end=_("effacées (la demande garde la trace de leur production)"),
    purge=purge_exports,
    order=135,
)


def subject_entries(employee: Employee) -> Any:
    """The audit entries about a person: their file and what hangs on it, their account, and
    what their account did."""
    about = Q(employee_id=employee.pk)
    if employee.user_id is not None:
        about |= Q(target_type="accounts.User", target_id=str(employee.user_id))
        about |= Q(actor_id=employee.user_id)
    return AuditEntry.objects.filter(about)


def export_audit(employee: Employee) -> ExportSection:
    entries = subject_entries(employee).order_by("at", "id")
    return ExportSection(
        name="journal_d_audit",
        title=str(_("Journal d'audit (entrées vous concernant)")),
        data=rows(
            entries,
            ("at", "actor_label", "action", "target_type", "target_label", "changes", "detail"),
        ),
    )


def redact_subject(employee: Employee, ctx: ErasureContext) -> Outcome:
    """Redact the values, objects and details of the entries about the person; their name goes
    from the entries once the file's identity is pseudonymised. Entries are never deleted."""
    if not ctx.expired:
        return NOTHING
    count = 0
    entries = subject_entries(employee).exclude(action=AuditAction.REDACT)
    for entry in entries.only("id", "changes", "detail", "target_label", "actor_id"):
        values: dict[str, Any] = {}
        changes = {name: [REDACTED, REDACTED] for name in entry.changes or {}}
        if changes != entry.changes:
            values["changes"] = changes
        if entry.detail not in ("", REDACTED):
            values["detail"] = REDACTED
        if not ctx.keep_identity and entry.target_label != ctx.pseudonym:
            values["target_label"] = ctx.pseudonym
        if not ctx.keep_identity and entry.actor_id == employee.user_id and employee.user_id:
            values["actor_label"] = ctx.pseudonym[:150]
        if values:
            count += AuditEntry.objects.filter(pk=entry.pk)._redact(**values)
    return Outcome(pseudonymised=count)


AUDIT_PART = PersonPart(
    key="audit_trail",
    label=_("Journal d'audit"),
    kind="audit_trail",
    export=export_audit,
    erase=redact_subject,
    order=120,
)


def export_requests(employee: Employee) -> ExportSection:
    return ExportSection(
        name="demandes_de_droits",
        title=str(_("Vos demandes d'exercice des droits")),
        data=rows(
            RightsRequest.objects.filter(employee=employee).order_by("received_date"),
            ("kind", "received_date", "details", "deadline_date", "status", "answer"),
        ),
    )


def keep_requests(employee: Employee, ctx: ErasureContext) -> Outcome:
    """Requests are the proof of the answers: they follow their own retention."""
    return NOTHING


REQUESTS_PART = PersonPart(
    key="rights_requests",
    label=_("Demandes d'exercice des droits"),
    kind="rights_requests",
    export=export_requests,
    erase=keep_requests,
    order=130,
)


def register(registry: Any) -> None:
    for kind in (AUDIT_TRAIL, AUDIT_CONNECTIONS, REQUESTS, EXPORTS):
        registry.register_kind(kind)
    registry.register_part(AUDIT_PART)
    registry.register_part(REQUESTS_PART)
