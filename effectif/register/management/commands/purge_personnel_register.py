"""Withdraw from the registre unique du personnel the entries kept 5 years after the departure
(C. trav. R1221-26): the « register » kind of `manage.py purge_personal_data`, kept under its
old name. Run it periodically (e.g. monthly); a second run changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from effectif.core.purging import parse_moment, purge_kinds


class Command(BaseCommand):
    help = (
        "Retire du registre unique du personnel les entrées de plus de 5 ans après la sortie ; "
        "équivaut à purge_personal_data --only register."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help="Date de référence AAAA-MM-JJ (par défaut : aujourd'hui)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = parse_moment(options["date"]) if options["date"] else timezone.now()
        (report,) = purge_kinds(now=now, only=["register"])
        self.stdout.write(f"{report.outcome.erased} entrée(s) retirée(s) du registre.")
