"""The weekly e-mail digest of the HR to-do."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from effectif.accounts.models import User
from effectif.core.deadlines import deadlines
from effectif.core.roles import HR_ROLES, Role

#: The digest covers the overdue deadlines of the last weeks and the next two weeks.
LOOK_BACK = dt.timedelta(days=30)
LOOK_AHEAD = dt.timedelta(days=14)


def send_deadline_digests(*, today: dt.date, base_url: str) -> int:
    """E-mail each HR user and manager their deadlines; returns the number of e-mails sent."""
    sent = 0
    recipients = User.objects.filter(is_active=True, role__in=[*HR_ROLES, Role.MANAGER]).exclude(
        email=""
    )
    for user in recipients:
        items = deadlines.collect(user, today - LOOK_BACK, today + LOOK_AHEAD)
        if not items:
            continue
        context = {
            "user": user,
            "today": today,
            "overdue": [d for d in items if d.overdue(today)],
            "coming": [d for d in items if not d.overdue(today)],
            "base_url": base_url.rstrip("/"),
            "labels": dict(deadlines.choices()),
        }
        send_mail(
            subject=_("Effectif : vos échéances de la semaine (%(n)s)") % {"n": len(items)},
            message=render_to_string("dashboards/digest.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
        sent += 1
    return sent
