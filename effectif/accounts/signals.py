from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest

from effectif.accounts.models import User
from effectif.accounts.services import api_tokens_revoke_all
from effectif.core.audit import audit
from effectif.core.models import AuditAction

TOTP_PENDING = "totp_pending"


@receiver(user_logged_in)
def ask_second_factor(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    """A user with a second factor must give their code before anything else."""
    if request is not None and hasattr(request, "session"):
        request.session[TOTP_PENDING] = user.has_totp


@receiver(user_logged_out)
def record_logout(
    sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any
) -> None:
    """The logout is audited, and the user's API tokens end with it."""
    if user is not None:
        with transaction.atomic():
            audit(actor=user, action=AuditAction.LOGOUT, target=user)
            api_tokens_revoke_all(user=user, by=user, reason="déconnexion")


@receiver(post_save, sender=User)
def end_tokens_with_the_password(sender: Any, instance: User, created: bool, **kwargs: Any) -> None:
    """A password set by any other way than the user's own pages (an administrator's account
    form, `manage.py changepassword`) ends the API tokens too; the pages revoke them first,
    naming who did it, so nothing is left here for them.

    `set_password` keeps the new password in `_password` until the save is over (Django uses it
    to tell the password validators).
    """
    if not created and getattr(instance, "_password", None) is not None:
        api_tokens_revoke_all(user=instance, by=None, reason="mot de passe modifié")
