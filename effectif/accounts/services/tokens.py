"""Bearer tokens of the REST API: issued, used, revoked.

A token is revoked, never deleted: its row keeps `revoked_at` and the audit trail says who
revoked it and why. A user's tokens are all revoked when their password is changed or reset and
when they log out; the user revokes one from the security page, HR revoke all the tokens of a
person whose file they administer, an administrator anyone's.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from effectif.accounts.models import ApiToken, User, hash_token
from effectif.core.audit import audit
from effectif.core.models import AuditAction


@transaction.atomic
def api_token_issue(*, user: User) -> tuple[str, ApiToken]:
    """A new bearer token; the raw value is shown once and only its hash is kept."""
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        key_hash=hash_token(raw),
        expires_at=timezone.now() + dt.timedelta(hours=settings.EFFECTIF_API_TOKEN_HOURS),
    )
    audit(actor=user, action=AuditAction.SECURITY, target=user, detail="jeton d'API émis")
    return raw, token


def api_token_user(raw: str) -> User | None:
    """The active user holding this bearer token (neither expired nor revoked), or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(
            key_hash=hash_token(raw),
            expires_at__gt=timezone.now(),
            revoked_at__isnull=True,
            user__is_active=True,
        )
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def active_api_tokens(user: User) -> QuerySet[ApiToken]:
    """The user's tokens that still open the API, newest first."""
    return ApiToken.objects.filter(
        user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: User) -> None:
    """Revoke one token (its owner, from the security page)."""
    revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if revoked:
        audit(
            actor=by,
            action=AuditAction.SECURITY,
            target=token.user,
            detail=f"jeton d'API révoqué (émis le {timezone.localtime(token.created_at):%d/%m/%Y %H:%M})",
        )


@transaction.atomic
def api_tokens_revoke_all(
    *,
    user: User,
    by: User | None,
    reason: str,
    employer_id: int | None = None,
    employee_id: int | None = None,
) -> int:
    """Revoke every token of `user` still active; the audit entry gives the reason.

    `employer_id` and `employee_id` file the entry under a personnel file when HR revoke from
    it. Returns how many tokens were revoked (nothing is audited when there were none).
    """
    revoked = active_api_tokens(user).update(revoked_at=timezone.now())
    if revoked:
        audit(
            actor=by,
            action=AuditAction.SECURITY,
            target=user,
            employer_id=employer_id,
            employee_id=employee_id,
            detail=f"{revoked} jeton(s) d'API révoqué(s) : {reason}",
        )
    return revoked
