"""Pages of the organisation: employers and their establishments, occupational health services,
departments, job descriptions and the org chart. (User accounts are the accounts app's pages,
mounted under this app's addresses.)"""

from __future__ import annotations

from django.db.models import QuerySet

from effectif.core.typing import AuthenticatedRequest
from effectif.organisation.models import Employer
from effectif.organisation.selectors import employers_for


def employer_filter(request: AuthenticatedRequest) -> tuple[QuerySet[Employer], Employer | None]:
    """The employers the user sees, and the one chosen in `?employeur=` if any."""
    employers = employers_for(request.user).order_by("name")
    chosen = request.GET.get("employeur")
    selected = employers.filter(pk=chosen).first() if chosen and chosen.isdigit() else None
    return employers, selected
