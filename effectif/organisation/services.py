"""Writes to the organisation: employers, establishments, departments, positions, access."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.services import save_audited
from effectif.organisation.models import Employer, EmployerAccess


@transaction.atomic
def employer_access_grant(*, employer: Employer, user: User, by: Any) -> EmployerAccess:
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
def employer_access_revoke(*, access: EmployerAccess, by: Any) -> None:
    audit(
        actor=by,
        action=AuditAction.SECURITY,
        target=access.employer,
        detail=_("Accès retiré à %(user)s") % {"user": access.user.get_username()},
    )
    access.delete()


@transaction.atomic
def user_save(
    *, user: User, password: str | None, employers: Iterable[Employer] | None, by: Any
) -> User:
    """Create or change an account: role, activity, password and the employers it may see."""
    if password:
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise ValidationError({"password": error.messages}) from error
        user.set_password(password)
    elif user.pk is None:
        raise ValidationError({"password": [_("Choisissez un mot de passe initial.")]})
    save_audited(
        instance=user,
        by=by,
        fields=["username", "first_name", "last_name", "email", "role", "is_active"],
    )
    if employers is not None:
        wanted = {e.pk: e for e in employers}
        current = {a.employer_id: a for a in EmployerAccess.objects.filter(user=user)}
        for employer_id, employer in wanted.items():
            if employer_id not in current:
                employer_access_grant(employer=employer, user=user, by=by)
        for employer_id, access in current.items():
            if employer_id not in wanted:
                employer_access_revoke(access=access, by=by)
    return user
