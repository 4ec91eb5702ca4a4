"""Accounts created and changed by an administrator."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from effectif.accounts.grants import registry
from effectif.accounts.models import User
from effectif.core.services import save_audited


@transaction.atomic
def user_save(
    *, user: User, password: str | None, employers: Iterable[Any] | None, by: User
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
        registry.get().grant_exactly(user=user, employers=employers, by=by)
    return user
