"""Every night: the visits due, recomputed from contracts, posts and absences."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.dateparse import parse_date

from effectif.employees.models import Employee
from effectif.health.recompute import visits_recompute_many


class Command(BaseCommand):
    help = "Recalcule les visites médicales dues (VIP, suivi renforcé, reprise, mi-carrière)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="Date de calcul (AAAA-MM-JJ), aujourd'hui par défaut.")
        parser.add_argument("--employeur", type=int, help="Identifiant d'un seul employeur.")

    def handle(self, *args: Any, **options: Any) -> None:
        on = parse_date(options["date"]) if options.get("date") else None
        employees = Employee.objects.all()
        if options.get("employeur"):
            employees = employees.filter(employer_id=options["employeur"])
        done = visits_recompute_many(employees=employees, by=None, on=on)
        self.stdout.write(
            f"Visites médicales : {done.created} ajoutée(s), {done.updated} mise(s) à jour, "
            f"{done.removed} retirée(s)."
        )
