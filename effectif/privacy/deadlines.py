"""Rights requests in the HR to-do: each open request by its deadline (one month from receipt,
three when extended, RGPD art. 12.3); an overdue request stays until it is answered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.deadlines import Deadline
from effectif.privacy.models import OPEN_REQUEST_STATUSES
from effectif.privacy.selectors import rights_requests_for

if TYPE_CHECKING:
    from effectif.accounts.models import User


def requests_to_answer(user: User, start: dt.date, end: dt.date) -> Iterator[Deadline]:
    today = timezone.localdate()
    requests = rights_requests_for(user).filter(
        Q(deadline_date__range=(start, end)) | Q(deadline_date__lt=min(start, today)),
        status__in=OPEN_REQUEST_STATUSES,
    )
    for request in requests:
        rule = _("Réponse dans le mois de la réception (RGPD art. 12.3)")
        if request.extended:
            rule = _("Délai prolongé de deux mois (RGPD art. 12.3) : %(r)s") % {
                "r": request.extension_reason
            }
        yield Deadline(
            due_date=request.deadline_date,
            kind="rights_request",
            title=_("%(title)s de %(name)s, reçue le %(day)s")
            % {
                "title": request.title,
                "name": request.employee.display_name,
                "day": request.received_date.strftime("%d/%m/%Y"),
            },
            rule=rule,
            url=request.get_absolute_url(),
            employer_id=request.employer_id,
            employee_id=request.employee_id,
        )
