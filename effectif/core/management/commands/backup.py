"""`manage.py backup`: the database, the uploaded files and the secret key in one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from effectif.core.backup import BackupError, backup_write


class Command(BaseCommand):
    help = "Sauvegarde la base, les fichiers déposés et la clé secrète dans une archive .tar.gz."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--directory",
            type=Path,
            help="Dossier où écrire l'archive (par défaut EFFECTIF_BACKUP_DIR, var/backups).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = backup_write(directory=options["directory"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        key = (
            "incluse"
            if summary.secret_key_included
            else "non incluse (donnée par EFFECTIF_SECRET_KEY : gardez-la avec la sauvegarde)"
        )
        self.stdout.write(
            f"Sauvegarde écrite : {summary.path}\n"
            f"  base {summary.engine}, {summary.files} fichier(s) déposé(s), clé secrète {key}, "
            f"{summary.size_bytes / 1_048_576:.1f} Mo."
        )
