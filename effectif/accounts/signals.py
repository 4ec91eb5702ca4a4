from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.dispatch import receiver

from effectif.accounts.services import api_tokens_revoke_all
from effectif.core.audit import audit
from effectif.core.models import AuditAction

TOTP_PENDING = "totp_pending"


@receiver(user_logged_in)
def ask_second_factor(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """A user with a second factor must give their code before anything else."""
    if request is not None and hasattr(request, "session"):
        request.session[TOTP_PENDING] = bool(getattr(user, "has_totp", False))


@receiver(user_logged_out)
def record_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """The logout is audited, and the user's API tokens end with it."""
    if user is not None:
        with transaction.atomic():
            audit(actor=user, action=AuditAction.LOGOUT, target=user)
            api_tokens_revoke_all(user=user, by=user, reason="déconnexion")
