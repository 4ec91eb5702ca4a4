"""Writes to the organisation: employers, establishments, departments, positions, access."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.organisation.models import Employer, EmployerAccess


@transaction.atomic
def employer_access_grant(*, employer: Employer, user: User, by: User) -> EmployerAccess:
    access, created = EmployerAccess.objects.get_or_create(employer=employer, user=user)
    if created:
        audit(
            actor=by,
            action=AuditAction.SECURITY,
            target=employer,
            detail=_("Accès accordé à %(user)s") % {"user": user.get_username()},
        )
    return access


@transaction.atomic
def employer_access_revoke(*, access: EmployerAccess, by: User) -> None:
    audit(
        actor=by,
        action=AuditAction.SECURITY,
        target=access.employer,
        detail=_("Accès retiré à %(user)s") % {"user": access.user.get_username()},
    )
    access.delete()


class EmployerGrants:
    """The employers granted to accounts, as the accounts app's pages show and change them
    (registered in `accounts.grants`)."""

    def employers(self) -> QuerySet[Employer]:
        return Employer.objects.all()

    @transaction.atomic
    def grant_exactly(self, *, user: User, employers: Iterable[Employer], by: User) -> None:
        wanted = {e.pk: e for e in employers}
        current = {a.employer_id: a for a in EmployerAccess.objects.filter(user=user)}
        for employer_id, employer in wanted.items():
            if employer_id not in current:
                employer_access_grant(employer=employer, user=user, by=by)
        for employer_id, access in current.items():
            if employer_id not in wanted:
                employer_access_revoke(access=access, by=by)
