"""Add a synthetic population for benchmarks: `generate_population --employees 10000`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from effectif.demo.population import generate_population
from effectif.organisation.models import Employer
from effectif.rules.identity.checks import InvalidIdentifier, check_siren


class Command(BaseCommand):
    help = (
        "Ajoute N salariés synthétiques avec leurs contrats (et des avenants), pour les mesures "
        "de performance. Sans --employer, ils sont rattachés à l'employeur synthétique."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--employees", type=int, required=True, help="nombre de salariés à ajouter"
        )
        parser.add_argument("--employer", help="SIREN de l'employeur qui les emploie")

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["employees"]
        if count < 1:
            raise CommandError("--employees doit être un nombre positif.")
        employer = None
        if options["employer"]:
            try:
                siren = check_siren(options["employer"])
            except InvalidIdentifier as error:
                raise CommandError(str(error)) from error
            employer = Employer.objects.filter(siren=siren).first()
            if employer is None:
                raise CommandError(f"Aucun employeur n'a le SIREN {siren}.")
        try:
            report = generate_population(employees=count, employer=employer)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.employees} salariés synthétiques ajoutés à « {report.employer.name} » "
                f"en {report.seconds:.1f} s : {report.contracts} contrats, "
                f"{report.versions} versions de contrat, {report.audit_entries} entrées d'audit."
            )
        )
