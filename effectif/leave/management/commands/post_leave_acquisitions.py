"""Post the paid leave acquired over the complete months (idempotent: run it monthly)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_date

from effectif.leave.acquisitions import acquisitions_post
from effectif.leave.models import Category, LeaveType


class Command(BaseCommand):
    help = "Inscrit au grand livre les congés payés acquis, mois par mois (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="jusqu'à cette date (AAAA-MM-JJ), aujourd'hui sinon")
        parser.add_argument("--employer", type=int, help="identifiant d'un seul employeur")

    def handle(self, *args: Any, **options: Any) -> None:
        up_to = parse_date(options["date"] or "") or timezone.localdate()
        types = LeaveType.objects.filter(category=Category.PAID_LEAVE, active=True)
        if options["employer"]:
            types = types.filter(employer_id=options["employer"])
        for leave_type in types.select_related("employer"):
            report = acquisitions_post(leave_type=leave_type, up_to=up_to)
            self.stdout.write(
                f"{leave_type.employer.name} — {leave_type.label} : {report.entries} mouvement(s) "
                f"pour {report.employees} salarié(s), {report.days} jour(s)."
            )
