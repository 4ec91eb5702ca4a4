"""Weekly digest of the HR to-do, run by cron (e.g. Mondays at 7:00)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from effectif.dashboards.digest import send_deadline_digests


class Command(BaseCommand):
    help = "Envoie à chaque RH et manager le récapitulatif hebdomadaire de ses échéances."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="Adresse d'Effectif pour les liens des e-mails.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_deadline_digests(today=timezone.localdate(), base_url=options["base_url"])
        self.stdout.write(f"{sent} récapitulatif(s) envoyé(s).")
