"""`manage.py purge_imports`: cancel the imports left unconfirmed and delete their files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from effectif.imports.services import import_purge


class Command(BaseCommand):
    help = (
        "Annule les imports non confirmés depuis plus de N jours et supprime leurs fichiers "
        "(ils contiennent des NIR et des IBAN)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args: Any, **options: Any) -> None:
        count = import_purge(older_than=dt.timedelta(days=options["days"]))
        self.stdout.write(f"{count} import(s) annulé(s).")
