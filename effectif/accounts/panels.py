"""The active API tokens of a person, shown to HR on their personnel file, with a button that
revokes them.

The page that shows the panel has already scoped the file to the reader; the revocation itself
is a view of the personnel files (`employees:api_tokens_revoke`), which scopes it again.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.accounts.models import User
from effectif.accounts.services import active_api_tokens
from effectif.core.panels import Panel
from effectif.core.roles import is_hr
from effectif.core.typing import AuthenticatedRequest


def _visible(user: User, employee: Any) -> bool:
    """HR see it on the file of a person whose account holds active tokens."""
    return (
        is_hr(user) and employee.user_id is not None and active_api_tokens(employee.user).exists()
    )


def _context(request: AuthenticatedRequest, employee: Any) -> dict[str, Any]:
    holder: User = employee.user
    return {"employee": employee, "holder": holder, "tokens": list(active_api_tokens(holder))}


EMPLOYEE_API_TOKENS = Panel(
    key="api_tokens",
    title=_("Jetons d'API"),
    template="accounts/panels/employee_api_tokens.html",
    context=_context,
    order=900,
    visible=_visible,
)
