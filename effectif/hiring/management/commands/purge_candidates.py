"""Erase the candidates not hired whose last contact is older than the retention period
(two years). Run daily; a second run finds nothing more to do."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from effectif.hiring.services.retention import expired_candidates, purge_candidates


class Command(BaseCommand):
    help = "Efface les candidats non retenus deux ans après le dernier contact (journal expurgé)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Compter sans rien effacer.")
        parser.add_argument("--now", help="Date et heure de référence (AAAA-MM-JJTHH:MM).")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        if options.get("now"):
            parsed = parse_datetime(options["now"])
            if parsed is None:
                raise SystemExit(_("--now : format AAAA-MM-JJTHH:MM attendu"))
            now = timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed
        if options["dry_run"]:
            count = expired_candidates(now).count()
            self.stdout.write(_("%(n)s candidat(s) à effacer (simulation).") % {"n": count})
            return
        result = purge_candidates(now=now)
        if result.candidates == 0:
            self.stdout.write(_("Aucun candidat à effacer."))
            return
        self.stdout.write(
            _(
                "%(n)s candidat(s) effacé(s) (dernier contact avant le %(day)s) ; %(entries)s "
                "entrée(s) du journal expurgée(s)."
            )
            % {
                "n": result.candidates,
                "day": result.deadline.strftime("%d/%m/%Y"),
                "entries": result.redacted_entries,
            }
        )
