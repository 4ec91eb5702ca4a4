"""Telling people about leave: a notification in the application and an e-mail, sent once the
transaction that caused it is committed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from effectif.accounts.models import User
from effectif.core.roles import HR_ROLES
from effectif.employees.models import Employee
from effectif.leave.models import Notification
from effectif.organisation.models import Department

if TYPE_CHECKING:
    from effectif.core.roles import Actor


def notify(
    users: Iterable[User | None], message: str | Callable[[User], str], url: str = ""
) -> None:
    """A notification for each user (an e-mail too when they have an address). `message` is
    the text, or gives each recipient theirs (`message(user)`), when what they may read
    differs — the nature of an absence (`visibility.TypeReader`)."""
    recipients = {user.pk: user for user in users if user is not None}
    texts = {pk: message(user) if callable(message) else message for pk, user in recipients.items()}
    Notification.objects.bulk_create(
        [
            Notification(user=user, message=texts[pk][:300], url=url)
            for pk, user in recipients.items()
        ]
    )
    addresses: dict[str, list[str]] = defaultdict(list)
    for pk, user in recipients.items():
        if user.email:
            addresses[texts[pk]].append(user.email)
    for text, recipient_list in addresses.items():
        _mail(text, url, recipient_list)


def _mail(text: str, url: str, recipient_list: list[str]) -> None:
    link = f"\n\n{url}" if url else ""
    transaction.on_commit(
        lambda: send_mail(
            subject=f"[Effectif] {text[:120]}",
            message=f"{text}{link}",
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipient_list,
            fail_silently=True,
        )
    )


def approvers(employee: Employee) -> list[User]:
    """Who decides on an employee's leave: the manager of their department, or of the nearest
    department above with one; HR of the employer when no manager is found."""
    department: Department | None = employee.department
    seen: set[int] = set()
    while department is not None and department.pk not in seen:
        seen.add(department.pk)
        manager = department.manager
        if manager is not None and manager.is_active and manager.pk != employee.user_id:
            return [manager]
        department = department.parent
    return list(
        User.objects.filter(
            role__in=HR_ROLES, is_active=True, granted_employers=employee.employer_id
        )
    )


def unread_count(user: Actor) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
