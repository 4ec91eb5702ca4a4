"""Erasing the candidates kept past their retention: two years after the last contact for
those not hired (CNIL, référentiel « gestion du personnel »).

The candidate, their CV, interviews and letters are deleted; the audit entries about them are
redacted — never removed — so the trail still shows that something happened, and when, but no
longer to whom. A hired candidate's data live on in the personnel file, with its own schedule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit
from effectif.core.models import AuditAction, AuditEntry
from effectif.hiring.models import Candidate, CandidateLetter, CandidateStatus, Interview
from effectif.rules.parameters.retention import CANDIDATE_RETENTION_YEARS

if TYPE_CHECKING:
    from effectif.accounts.models import User

REDACTED = "[supprimé]"


@dataclass(frozen=True)
class Purge:
    deadline: dt.datetime
    candidates: int
    redacted_entries: int


def _shift_years(value: dt.datetime, years: int) -> dt.datetime:
    try:
        return value.replace(year=value.year + years)
    except ValueError:  # 29 February
        return value.replace(year=value.year + years, day=28)


def retention_deadline(now: dt.datetime) -> dt.datetime:
    """Candidates last contacted before this moment are erased."""
    years = CANDIDATE_RETENTION_YEARS.at(timezone.localdate(now))
    return _shift_years(timezone.localtime(now), -years)


def erasure_date(candidate: Candidate) -> dt.date:
    """The day a candidate not hired will be erased, unless contacted again."""
    contact = timezone.localtime(candidate.last_contact_at)
    return _shift_years(contact, CANDIDATE_RETENTION_YEARS.at(contact.date())).date()


def expired_candidates(now: dt.datetime) -> Any:
    return Candidate.objects.filter(last_contact_at__lt=retention_deadline(now)).exclude(
        status=CandidateStatus.HIRED
    )


def _redact_entries(targets: dict[str, list[str]], label: str) -> int:
    total = 0
    for target_type, ids in targets.items():
        entries = AuditEntry.objects.filter(target_type=target_type, target_id__in=ids)
        for entry in entries.only("id", "changes"):
            changes = {name: [REDACTED, REDACTED] for name in (entry.changes or {})}
            total += AuditEntry.objects.filter(pk=entry.pk)._redact(
                target_label=label, changes=changes, detail=REDACTED
            )
    return total


def _erase(candidate: Candidate, *, actor: User | None, detail: str) -> int:
    """Delete the candidate and what hangs on them, redact the trail about them; the files go
    once the deletion is committed (a rollback leaves everything as it was)."""
    interviews = [
        str(pk) for pk in Interview.objects.filter(candidate=candidate).values_list("pk", flat=True)
    ]
    letters = list(CandidateLetter.objects.filter(candidate=candidate))
    files = [letter.file for letter in letters if letter.file]
    if candidate.cv:
        files.append(candidate.cv)
    label = _("Candidat supprimé (%(who)s)") % {"who": candidate.pseudonym}
    redacted = _redact_entries(
        {
            Candidate._meta.label: [str(candidate.pk)],
            Interview._meta.label: interviews,
            CandidateLetter._meta.label: [str(letter.pk) for letter in letters],
        },
        label,
    )
    audit(
        actor=actor, action=AuditAction.DELETE, target=candidate, target_label=label, detail=detail
    )
    candidate.delete()
    transaction.on_commit(lambda: _delete_files(files))
    return redacted


def _delete_files(files: list[Any]) -> None:
    for stored in files:
        stored.storage.delete(stored.name)


def purge_candidates(*, now: dt.datetime | None = None) -> Purge:
    """Erase every candidate past retention; running it again finds nothing more to do."""
    moment = now or timezone.now()
    count = redacted = 0
    for pk in list(expired_candidates(moment).values_list("pk", flat=True)):
        with transaction.atomic():
            candidate = expired_candidates(moment).select_for_update().filter(pk=pk).first()
            if candidate is None:  # contacted again meanwhile
                continue
            redacted += _erase(
                candidate,
                actor=None,
                detail=_("Données du candidat effacées : %(years)s ans après le dernier contact.")
                % {"years": CANDIDATE_RETENTION_YEARS.at(timezone.localdate(moment))},
            )
            count += 1
    return Purge(deadline=retention_deadline(moment), candidates=count, redacted_entries=redacted)


@transaction.atomic
def candidate_erase(*, candidate: Candidate, by: User, reason: str = "") -> int:
    """Erase a candidate now, at their request (RGPD art. 17) or because HR decides so."""
    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if locked.status == CandidateStatus.HIRED:
        raise ValidationError(
            _("Un candidat embauché a un dossier du personnel : ses données suivent ce dossier.")
        )
    detail = _("Données du candidat effacées à sa demande ou par les RH.")
    if reason.strip():
        detail = f"{detail} {reason.strip()}"
    return _erase(locked, actor=by, detail=detail[:500])
