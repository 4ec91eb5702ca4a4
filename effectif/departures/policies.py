"""The employers' notice periods left by the law to the collective agreement or usage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from effectif.core.services import save_audited
from effectif.departures.models import NoticePolicy

if TYPE_CHECKING:
    from effectif.accounts.models import User

FIELDS = [
    "employer",
    "category",
    "resignation_amount",
    "resignation_unit",
    "short_dismissal_amount",
    "short_dismissal_unit",
    "dismissal_months",
    "source",
]


def notice_policy_save(*, policy: NoticePolicy, by: User) -> NoticePolicy:
    return save_audited(instance=policy, by=by, fields=FIELDS)
