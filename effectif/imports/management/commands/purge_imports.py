"""`manage.py purge_imports`: cancel the imports left unconfirmed and delete their files — the
« imports » kind of `manage.py purge_personal_data`, kept under its old name. `--days` sets
another delay than the schedule's seven days."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from effectif.core.purging import purge_kinds
from effectif.imports.services import import_purge


class Command(BaseCommand):
    help = (
        "Annule les imports non confirmés depuis plus de 7 jours (ou --days) et supprime leurs "
        "fichiers (ils contiennent des NIR et des IBAN) ; équivaut à purge_personal_data "
        "--only imports."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, help="Délai en jours (par défaut : 7).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options.get("days") is not None:
            count = import_purge(older_than=dt.timedelta(days=options["days"]))
        else:
            (report,) = purge_kinds(only=["imports"])
            count = report.outcome.erased
        self.stdout.write(f"{count} import(s) annulé(s).")
