"""The HR to-do (échéancier) as the caller may see it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from effectif.api.auth import request_user
from effectif.api.errors import forbidden
from effectif.api.schemas.common import READ_ERRORS, Day, Id
from effectif.core.deadlines import deadlines, reads_deadlines

router = Router(tags=["Échéancier"])


class DeadlineOut(Schema):
    due_date: dt.date
    kind: str = Field(description="Type d'échéance (trial, fixed_term, hire, work_permit…).")
    kind_label: str
    title: str
    rule: str = Field(description="Ce que la loi demande, avec son article.")
    url: str = Field(description="La page où agir.")
    overdue: bool
    employer_id: int | None
    employee_id: int | None


@router.get("", response={200: list[DeadlineOut], **READ_ERRORS}, url_name="deadlines")
def deadline_list(
    request: HttpRequest,
    start: Day | None = None,
    end: Day | None = None,
    kind: str | None = None,
    employer: Id | None = None,
) -> Any:
    """Upcoming and overdue deadlines from `start` (30 days ago by default) to `end` (60 days
    ahead), for HR and managers, through the same scope as the pages."""
    user = request_user(request)
    if not reads_deadlines(user):
        raise forbidden()
    today = timezone.localdate()
    items = deadlines.collect(
        user,
        start or today - dt.timedelta(days=30),
        end or today + dt.timedelta(days=60),
        kinds=[kind] if kind else None,
        employer_id=employer,
    )
    return [
        {
            "due_date": d.due_date,
            "kind": d.kind,
            "kind_label": str(deadlines.label(d.kind)),
            "title": d.title,
            "rule": d.rule,
            "url": d.url,
            "overdue": d.overdue(today),
            "employer_id": d.employer_id,
            "employee_id": d.employee_id,
        }
        for d in items
    ]
