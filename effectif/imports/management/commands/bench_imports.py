"""`manage.py bench_imports --rows 10000`: time an import (preview and confirmation)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from effectif.imports.benchmark import import_rows_benchmark


class Command(BaseCommand):
    help = (
        "Chronomètre l'import d'un fichier valide de N lignes (aperçu puis confirmation). "
        "Écrit dans la base configurée : à lancer sur une base jetable."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rows", type=int, default=10_000)
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")

    def handle(self, *args: Any, **options: Any) -> None:
        figures = import_rows_benchmark(options["rows"], file_format=options["format"])
        self.stdout.write(", ".join(f"{key} = {value}" for key, value in figures.items()))
