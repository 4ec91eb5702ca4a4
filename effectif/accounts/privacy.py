"""Accounts in the retention schedule and in a person's data.

An account is kept with the personnel file it opens (the part receives the file, typed `Any`:
the accounts app sits below the employees app) (the audit trail names its actions by its
identifier); five years after the departure it is disabled and pseudonymised. Login attempts
and expired API tokens are connection traces: six months (CNIL, recommandation
« journalisation »).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.accounts.models import ApiToken, LoginAttempt, TotpFailure, User
from effectif.accounts.services.throttling import throttle_keys_without_attempts
from effectif.core.personal_data import ErasureContext, ExportSection, PersonPart, row, rows
from effectif.core.retention import NOTHING, DataKind, Outcome
from effectif.rules.parameters.retention import (
    LOGIN_ATTEMPT_RETENTION_MONTHS,
    PERSONNEL_FILE_RETENTION_YEARS,
)
from effectif.rules.privacy.dates import Unit

ACCOUNTS = DataKind(
    key="accounts",
    label=_("Comptes utilisateurs"),
    processing="security",
    duration=PERSONNEL_FILE_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après le départ du salarié"),
    end=_("compte désactivé, identifiant remplacé par un pseudonyme, e-mail et nom effacés"),
    from_departure=True,
    note=_("Le journal d'audit désigne les actions par l'identifiant du compte."),
    order=100,
)


def purge_attempts(now: dt.datetime, dry_run: bool) -> Outcome:
    """Login attempts and wrong second-factor codes past the window, then the lock rows of
    the account names and addresses no attempt names any more."""
    cutoff = LOGIN_ATTEMPTS.cutoff(now)
    old = LoginAttempt.objects.filter(at__lt=cutoff)
    old_codes = TotpFailure.objects.filter(at__lt=cutoff)
    if dry_run:
        return Outcome(erased=old.count() + old_codes.count())
    erased = old.delete()[0] + old_codes.delete()[0]
    return Outcome(erased=erased + throttle_keys_without_attempts().delete()[0])


def purge_tokens(now: dt.datetime, dry_run: bool) -> Outcome:
    old = ApiToken.objects.filter(expires_at__lt=API_TOKENS.cutoff(now))
    return Outcome(erased=old.count() if dry_run else old.delete()[0])


LOGIN_ATTEMPTS = DataKind(
    key="login_attempts",
    label=_("Tentatives de connexion"),
    processing="security",
    duration=LOGIN_ATTEMPT_RETENTION_MONTHS,
    unit=Unit.MONTHS,
    start=_("après la tentative"),
    end=_("effacées"),
    purge=purge_attempts,
    note=_(
        "Identifiant saisi, adresse IP, réussite, codes de double authentification refusés ; "
        "servent au blocage après échecs."
    ),
    order=110,
)
API_TOKENS = DataKind(
    key="api_tokens",
    label=_("Jetons d'API expirés"),
    processing="security",
    duration=LOGIN_ATTEMPT_RETENTION_MONTHS,
    unit=Unit.MONTHS,
    start=_("après l'expiration du jeton"),
    end=_("effacés"),
    purge=purge_tokens,
    note=_("Seule l'empreinte du jeton est enregistrée, avec ses dates d'usage."),
    order=115,
)


def export_account(employee: Any) -> ExportSection:
    user: User | None = employee.user
    if user is None:
        return ExportSection(name="compte", title=str(_("Compte utilisateur")), data=None)
    return ExportSection(
        name="compte",
        title=str(_("Compte utilisateur")),
        data={
            **row(user, ("username", "first_name", "last_name", "email", "role")),
            **row(user, ("date_joined", "last_login", "is_active", "totp_confirmed_at")),
            "jetons_api": rows(
                ApiToken.objects.filter(user=user).order_by("created_at"),
                ("created_at", "expires_at", "last_used_at"),
            ),
        },
    )


def erase_account(employee: Any, ctx: ErasureContext) -> Outcome:
    user: User | None = employee.user
    if not ctx.expired or user is None:
        return NOTHING
    erased = ApiToken.objects.filter(user=user).delete()[0]
    username = f"ancien-{user.pk}"
    if user.username == username and not user.is_active and not user.email:
        return Outcome(erased=erased)
    user.username = username
    user.first_name = user.last_name = user.email = user.totp_secret = ""
    user.totp_confirmed_at = None
    user.is_active = False
    user.set_unusable_password()
    user.save()
    return Outcome(erased=erased, pseudonymised=1)


ACCOUNT_PART = PersonPart(
    key="account",
    label=_("Compte utilisateur"),
    kind="accounts",
    export=export_account,
    erase=erase_account,
    order=100,
)


def register(registry: Any) -> None:
    registry.register_kind(ACCOUNTS)
    registry.register_kind(LOGIN_ATTEMPTS)
    registry.register_kind(API_TOKENS)
    registry.register_part(ACCOUNT_PART)
