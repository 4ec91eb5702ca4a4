"""`manage.py restore ARCHIVE`: an archive of `manage.py backup` into an empty instance."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from effectif.core.backup import BackupError, backup_restore

SECRET_KEY_STATES = {
    "restored": "restaurée dans var/secret_key",
    "environment": "donnée par EFFECTIF_SECRET_KEY",
    "differs": "ATTENTION : EFFECTIF_SECRET_KEY diffère de la clé sauvegardée",
}


class Command(BaseCommand):
    help = (
        "Restaure une sauvegarde de « manage.py backup » dans une instance vide, applique les "
        "migrations et relit chaque fichier déposé."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="L'archive .tar.gz de la sauvegarde.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Remplacer la base et les fichiers d'une instance qui n'est pas vide.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if not archive.is_file():
            raise CommandError(f"Archive introuvable : {archive}")
        try:
            summary = backup_restore(archive=archive, force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        check = summary.check
        self.stdout.write(
            f"Sauvegarde du {summary.created_at} restaurée (base {summary.engine}, "
            f"{summary.files} fichier(s)) ; clé secrète {SECRET_KEY_STATES[summary.secret_key]}.\n"
            f"Fichiers relus : {check.readable} lisible(s), {len(check.missing)} manquant(s)."
        )
        for name in check.missing:
            self.stderr.write(f"  manquant : {name}")
        if check.missing:
            raise CommandError("Des fichiers nommés par la base manquent après la restauration.")
