"""Reads of templates, letterheads and generated documents, through the user's scope."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from effectif.core.scoping import get_in_scope
from effectif.documents.models import DocumentTemplate, GeneratedDocument, Letterhead
from effectif.documents.permissions import can_use_library
from effectif.organisation.models import Employer
from effectif.organisation.selectors import hr_employers_for

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def templates_for(user: Actor) -> QuerySet[DocumentTemplate]:
    """The installation's defaults and the templates of the employers HR administers."""
    if not can_use_library(user):
        return DocumentTemplate.objects.none()
    return DocumentTemplate.objects.filter(
        Q(employer__isnull=True) | Q(employer__in=hr_employers_for(user))
    ).select_related("employer")


def template_get(user: Actor, pk: Any) -> DocumentTemplate:
    return get_in_scope(templates_for(user), pk)


def template_list(
    user: Actor, *, kind: str = "", employer_id: int | None = None, defaults: bool = False
) -> QuerySet[DocumentTemplate]:
    templates = templates_for(user)
    if kind:
        templates = templates.filter(kind=kind)
    if defaults:
        templates = templates.filter(employer__isnull=True)
    elif employer_id:
        templates = templates.filter(employer_id=employer_id)
    return templates.order_by("kind", "employer__name", "name")


def templates_for_generation(
    user: Actor, employer: Employer, kinds: frozenset[str]
) -> QuerySet[DocumentTemplate]:
    """Active templates of the employer, then the defaults, of the kinds a subject allows."""
    return (
        templates_for(user)
        .filter(Q(employer=employer) | Q(employer__isnull=True), kind__in=kinds, is_active=True)
        .order_by("kind", "employer", "name")
    )


def preferred_template(user: Actor, employer: Employer, kind: str) -> DocumentTemplate | None:
    """The employer's own active template of `kind` (the first by name), else a default."""
    templates = templates_for_generation(user, employer, frozenset({kind})).order_by("name")
    return templates.filter(employer=employer).first() or templates.first()


def letterhead_employers(user: Actor) -> QuerySet[Employer]:
    return (
        hr_employers_for(user).order_by("name")
        if can_use_library(user)
        else Employer.objects.none()
    )


def letterhead_employer_get(user: Actor, pk: Any) -> Employer:
    return get_in_scope(letterhead_employers(user), pk)


def letterhead_for(employer: Employer) -> Letterhead:
    """The saved letterhead of the employer, or a new one to fill in."""
    return Letterhead.objects.filter(employer=employer).first() or Letterhead(employer=employer)


def generated_for(user: Actor) -> QuerySet[GeneratedDocument]:
    if not can_use_library(user):
        return GeneratedDocument.objects.none()
    return GeneratedDocument.objects.filter(employer__in=hr_employers_for(user)).select_related(
        "employee", "file_document", "signed_document", "template"
    )


def generated_get(user: Actor, pk: Any) -> GeneratedDocument:
    return get_in_scope(generated_for(user), pk)


def generated_about(user: Actor, subject_type: str, subject_id: Any) -> QuerySet[GeneratedDocument]:
    return generated_for(user).filter(subject_type=subject_type, subject_id=str(subject_id))
