"""Letters to candidates: generated from the documents app's templates (invitation to an
interview, answer to an application), kept with the candidate, sent by e-mail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.audit import audit, audit_creation
from effectif.core.models import AuditAction
from effectif.documents.generation import Generated, render_for
from effectif.documents.merging import registry
from effectif.documents.models import TemplateKind
from effectif.documents.selectors import preferred_template
from effectif.hiring.models import Candidate, CandidateLetter, CandidateStatus, Interview
from effectif.hiring.services.candidates import interview_save, touch

if TYPE_CHECKING:
    from effectif.accounts.models import User


@transaction.atomic
def letter_keep(
    *, generated: Generated, candidate: Candidate, interview: Interview | None, by: User
) -> CandidateLetter:
    """Keep a generated letter (its PDF) with the candidate: a letter is a contact."""
    template = generated.template
    if template is None:
        raise ValidationError(_("Un aperçu sur des données d'exemple ne s'enregistre pas."))
    letter = CandidateLetter(
        candidate=candidate,
        interview=interview,
        kind=template.kind,
        title=generated.title[:200],
        template=template,
        generated_by=by,
    )
    letter.file.save(f"{generated.filename}.pdf", ContentFile(generated.pdf()), save=False)
    letter.save()
    audit_creation(actor=by, target=letter, fields=["kind", "title", "template"])
    touch(candidate)
    return letter


def file_generated_letter(
    *, generated: Generated, candidate: Candidate, interview: Interview | None, by: User
) -> str:
    """The documents app's `file` callable: keep the letter, say so."""
    letter = letter_keep(generated=generated, candidate=candidate, interview=interview, by=by)
    return _("« %(title)s » est enregistré avec la candidature.") % {"title": letter.title}


@transaction.atomic
def letter_generate(
    *, candidate: Candidate, kind: str, by: User, interview: Interview | None = None
) -> CandidateLetter:
    """Generate the letter of this kind for the candidate (or the interview) and keep it."""
    template = preferred_template(by, candidate.employer, kind)
    if template is None:
        raise ValidationError(
            _("Aucun modèle actif « %(kind)s » : voir la bibliothèque des modèles.")
            % {"kind": TemplateKind(kind).label}
        )
    subject = registry.subject("entretien" if interview is not None else "candidat")
    assert subject is not None, "the hiring app registers its subjects when ready"
    obj = interview if interview is not None else candidate
    generated = render_for(template=template, subject=subject, obj=obj)
    return letter_keep(generated=generated, candidate=candidate, interview=interview, by=by)


@transaction.atomic
def letter_email(*, letter: CandidateLetter, by: User) -> CandidateLetter:
    """Send the letter to the candidate as a PDF attachment."""
    candidate = letter.candidate
    if not candidate.email:
        raise ValidationError(_("Ce candidat n'a pas d'adresse e-mail."))
    subject = (
        _("Invitation à un entretien — %(employer)s")
        if letter.kind == TemplateKind.RECRUITMENT_INTERVIEW
        else _("Votre candidature — %(employer)s")
    ) % {"employer": candidate.employer.name}
    body = _(
        "Bonjour,\n\nVous trouverez ci-joint notre courrier concernant votre candidature.\n\n"
        "Cordialement,\n%(employer)s"
    ) % {"employer": candidate.employer.name}
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [candidate.email])
    with letter.file.open("rb") as handle:
        message.attach(f"{letter.title[:80]}.pdf", handle.read(), "application/pdf")
    message.send()
    letter.emailed_at = timezone.now()
    letter.save(update_fields=["emailed_at", "updated_at"])
    audit(
        actor=by,
        action=AuditAction.UPDATE,
        target=letter,
        changes={"emailed_at": ["", letter.emailed_at.strftime("%d/%m/%Y %H:%M")]},
        detail=_("Courrier envoyé par e-mail au candidat"),
    )
    touch(candidate, letter.emailed_at)
    return letter


@transaction.atomic
def interview_schedule(
    *, interview: Interview, by: User, interviewers: Any = None, invite: bool = False
) -> Interview:
    """Save an interview and, when asked, generate the invitation from the employer's template
    and e-mail it to the candidate: no interview without its invitation, when one is asked."""
    interview = interview_save(interview=interview, by=by, interviewers=interviewers)
    if invite:
        letter = letter_generate(
            candidate=interview.candidate,
            kind=TemplateKind.RECRUITMENT_INTERVIEW,
            interview=interview,
            by=by,
        )
        letter_email(letter=letter, by=by)
    return interview


def rejection_letter_pending(candidate: Candidate) -> bool:
    """A rejected candidate still waiting for their answer."""
    return (
        candidate.status == CandidateStatus.REJECTED
        and not candidate.letters.filter(kind=TemplateKind.APPLICATION_REJECTED).exists()
    )
