"""`manage.py purge_personal_data`: erase or pseudonymise every kind of personal data past its
retention, as the schedule says (docs/privacy.md). Run it daily; a second run finds nothing
more to do. `--dry-run` counts without changing anything."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.core.purging import parse_moment
from effectif.core.retention import retention
from effectif.privacy.services.purge import purge_personal_data


class Command(BaseCommand):
    help = (
        "Efface ou pseudonymise les données personnelles dont la durée de conservation est "
        "écoulée, catégorie par catégorie (journal d'audit renseigné)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien effacer.")
        parser.add_argument("--now", help="Date (et heure) de référence : AAAA-MM-JJ[THH:MM].")
        parser.add_argument(
            "--only",
            action="append",
            metavar="CATÉGORIE",
            help="Seulement cette catégorie (répétable) : " + ", ".join(sorted(retention.kinds)),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now = parse_moment(options["now"]) if options.get("now") else timezone.now()
        try:
            reports = purge_personal_data(
                now=now, dry_run=options["dry_run"], only=options.get("only")
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        today = timezone.localdate(now)
        if options["dry_run"]:
            self.stdout.write(_("Simulation : rien n'est effacé."))
        for report in reports:
            self.stdout.write(report.line(today))
        total = sum(r.outcome.total for r in reports)
        if not options["dry_run"]:
            self.stdout.write(
                _("%(n)s donnée(s) effacée(s) ou pseudonymisée(s).") % {"n": total}
                if total
                else _("Rien à effacer.")
            )
