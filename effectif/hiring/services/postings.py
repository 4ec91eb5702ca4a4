"""Job postings: drafted from the fiche de poste, reviewed for their wording and mandatory
mentions, published, closed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from effectif.contracts.models import Kind
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.hiring.models import (
    DiscriminatoryTerm,
    JobPosting,
    JobRequisition,
    PostingStatus,
)
from effectif.organisation.models import Employer, Position
from effectif.rules.hiring.posting import Mention, posting_mentions
from effectif.rules.hiring.wording import Finding, Term, find_terms

if TYPE_CHECKING:
    from effectif.accounts.models import User

POSTING_FIELDS = [
    "requisition",
    "position",
    "establishment",
    "reference",
    "title",
    "summary",
    "tasks",
    "profile",
    "conditions",
    "contract_kind",
    "working_time",
    "start_date",
    "end_date",
    "pay_range",
    "closes_on",
    "on_internal_board",
    "on_careers_page",
    "wording_exception",
]
FIELD_LABELS = {
    "title": gettext_lazy("Intitulé"),
    "summary": gettext_lazy("Le poste"),
    "tasks": gettext_lazy("Missions"),
    "profile": gettext_lazy("Profil recherché"),
    "conditions": gettext_lazy("Conditions"),
}


def posting_from_position(
    *, position: Position, requisition: JobRequisition | None = None
) -> JobPosting:
    """A new posting drafted from the fiche de poste (and the requisition, if any)."""
    posting = JobPosting(
        employer=position.employer,
        position=position,
        requisition=requisition,
        title=_("%(title)s (H/F)") % {"title": position.title},
        summary=position.purpose,
        tasks=position.tasks,
        profile=position.required_skills,
        contract_kind=Kind.CDI,
    )
    if requisition is not None:
        posting.contract_kind = requisition.contract_kind
        posting.working_time = requisition.working_time
        posting.start_date = requisition.start_date
        posting.end_date = requisition.end_date
    return posting


def next_reference(employer: Employer, year: int) -> str:
    prefix = f"{year}-"
    used = set(
        JobPosting.objects.filter(employer=employer, reference__startswith=prefix).values_list(
            "reference", flat=True
        )
    )
    number = len(used) + 1
    while f"{prefix}{number:03d}" in used:
        number += 1
    return f"{prefix}{number:03d}"


@dataclass
class Review:
    findings: list[Finding] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def blocking(self) -> list[Mention]:
        return [m for m in self.mentions if m.blocking and m.ok is False]

    @property
    def publishable(self) -> bool:
        return not self.blocking


def active_terms() -> list[Term]:
    labels = dict(DiscriminatoryTerm._meta.get_field("ground").flatchoices)
    return [
        Term(t.term, t.ground, str(labels.get(t.ground, t.ground)), t.suggestion)
        for t in DiscriminatoryTerm.objects.filter(is_active=True)
    ]


def review(posting: JobPosting) -> Review:
    """The wording found and the mandatory mentions, as publishing checks them."""
    findings = find_terms(posting.texts(), active_terms())
    mentions = posting_mentions(
        title=posting.title,
        summary=posting.summary,
        pay_range=posting.pay_range,
        findings=len(findings),
        excused=bool(posting.wording_exception.strip()),
    )
    return Review(findings=findings, mentions=mentions)


def _refuse_if_blocked(posting: JobPosting) -> None:
    result = review(posting)
    if result.publishable:
        return
    messages = [f"{m.label} ({m.article}) {m.detail}".strip() for m in result.blocking]
    messages += [
        _("« %(term)s » dans %(field)s (%(ground)s) — suggestion : %(suggestion)s")
        % {
            "term": f.term.term,
            "field": str(FIELD_LABELS.get(f.field, f.field)).lower(),
            "ground": f.term.ground_label.lower(),
            "suggestion": f.term.suggestion or "—",
        }
        for f in result.findings
        if not posting.wording_exception.strip()
    ]
    raise ValidationError(messages)


@transaction.atomic
def posting_save(*, posting: JobPosting, by: User) -> JobPosting:
    """Create or edit a posting; a published one must stay publishable."""
    if posting.pk is None:
        posting.created_by = by
        if not posting.reference:
            posting.reference = next_reference(posting.employer, timezone.localdate().year)
    if posting.status == PostingStatus.PUBLISHED:
        _refuse_if_blocked(posting)
    return save_audited(instance=posting, by=by, fields=POSTING_FIELDS)


def _set_status(posting: JobPosting, by: User, status: str, detail: str) -> JobPosting:
    before = posting.get_status_display()
    posting.status = status
    if status == PostingStatus.PUBLISHED and posting.published_at is None:
        posting.published_at = timezone.now()
    posting.save(update_fields=["status", "published_at", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=posting,
        changes={"status": [str(before), str(posting.get_status_display())]},
        detail=detail,
    )
    return posting


@transaction.atomic
def posting_publish(*, posting: JobPosting, by: User) -> JobPosting:
    locked = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if not (locked.on_internal_board or locked.on_careers_page):
        raise ValidationError(
            _("Choisissez où publier l'offre : tableau interne, page carrières, ou les deux.")
        )
    _refuse_if_blocked(locked)
    return _set_status(locked, by, PostingStatus.PUBLISHED, _("Offre publiée"))


@transaction.atomic
def posting_close(*, posting: JobPosting, by: User) -> JobPosting:
    locked = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if locked.status != PostingStatus.PUBLISHED:
        raise ValidationError(_("Seule une offre publiée se clôt."))
    return _set_status(locked, by, PostingStatus.CLOSED, _("Offre close"))


def publication_date(posting: JobPosting) -> dt.date | None:
    return timezone.localdate(posting.published_at) if posting.published_at else None
