"""Erase the candidates not hired whose last contact is older than the retention period
(two years): the « candidates » kind of `manage.py purge_personal_data`, kept under its old
name. Run daily; a second run finds nothing more to do."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.purging import parse_moment, purge_kinds
from effectif.hiring.services.retention import retention_deadline


class Command(BaseCommand):
    help = (
        "Efface les candidats non retenus deux ans après le dernier contact (journal expurgé) ; "
        "équivaut à purge_personal_data --only candidates."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien effacer.")
        parser.add_argument("--now", help="Date et heure de référence (AAAA-MM-JJTHH:MM).")

    def handle(self, *args: Any, **options: Any) -> None:
        now = parse_moment(options["now"]) if options.get("now") else timezone.now()
        dry_run = options["dry_run"]
        (report,) = purge_kinds(now=now, dry_run=dry_run, only=["candidates"])
        count = report.outcome.erased
        if dry_run:
            self.stdout.write(_("%(n)s candidat(s) à effacer (simulation).") % {"n": count})
        elif count == 0:
            self.stdout.write(_("Aucun candidat à effacer."))
        else:
            self.stdout.write(
                _("%(n)s candidat(s) effacé(s) (dernier contact avant le %(day)s).")
                % {"n": count, "day": retention_deadline(now).strftime("%d/%m/%Y")}
            )
