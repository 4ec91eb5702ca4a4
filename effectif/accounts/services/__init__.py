"""Writes about accounts: login throttling, the second factor, API tokens, accounts set by an
administrator."""

from effectif.accounts.services.accounts import user_save
from effectif.accounts.services.second_factor import (
    CodeCheck,
    totp_code_check,
    totp_disable,
    totp_enable,
    totp_new_secret,
    totp_provisioning_uri,
    totp_required_for,
)
from effectif.accounts.services.throttling import (
    LoginLockedOut,
    login_attempt_failed,
    login_attempt_start,
    login_attempt_succeeded,
)
from effectif.accounts.services.tokens import (
    active_api_tokens,
    api_token_issue,
    api_token_revoke,
    api_token_user,
    api_tokens_revoke_all,
)

__all__ = [
    "CodeCheck",
    "LoginLockedOut",
    "active_api_tokens",
    "api_token_issue",
    "api_token_revoke",
    "api_token_user",
    "api_tokens_revoke_all",
    "login_attempt_failed",
    "login_attempt_start",
    "login_attempt_succeeded",
    "totp_code_check",
    "totp_disable",
    "totp_enable",
    "totp_new_secret",
    "totp_provisioning_uri",
    "totp_required_for",
    "user_save",
]
