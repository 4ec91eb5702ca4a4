"""Close the leave year that ended before a date (rounding, fractionnement, expiry)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date

from effectif.leave.closing import leave_year_close
from effectif.leave.ledger import period_of
from effectif.leave.models import Category, LeaveClosing, LeaveType


class Command(BaseCommand):
    help = "Clôture l'année de congés payés terminée (par défaut celle close au dernier 31 mai)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="date de la clôture (AAAA-MM-JJ), aujourd'hui sinon")
        parser.add_argument("--employer", type=int, help="identifiant d'un seul employeur")

    def handle(self, *args: Any, **options: Any) -> None:
        today = parse_date(options["date"] or "") or timezone.localdate()
        types = LeaveType.objects.filter(category=Category.PAID_LEAVE, active=True)
        if options["employer"]:
            types = types.filter(employer_id=options["employer"])
        for leave_type in types.select_related("employer"):
            period = period_of(leave_type, today).previous()
            if LeaveClosing.objects.filter(leave_type=leave_type, period_start=period.start):
                self.stdout.write(f"{leave_type.employer.name} : {period.label} déjà clôturée.")
                continue
            try:
                lines = leave_year_close(leave_type=leave_type, period=period, by=None, today=today)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
            self.stdout.write(
                f"{leave_type.employer.name} : période {period.label} clôturée "
                f"({len(lines)} salarié(s))."
            )
