"""Withdraw from the registre unique du personnel the entries kept 5 years after the departure
(C. trav. R1221-26). Run it periodically (e.g. monthly); a second run changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from effectif.register.services import register_purge


class Command(BaseCommand):
    help = "Retire du registre unique du personnel les entrées de plus de 5 ans après la sortie."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help="Date de référence AAAA-MM-JJ (par défaut : aujourd'hui)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        count = register_purge(today=today)
        self.stdout.write(f"{count} entrée(s) retirée(s) du registre.")
