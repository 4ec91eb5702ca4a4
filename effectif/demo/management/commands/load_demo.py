"""Load the demo organisation once; running it again changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from effectif.demo.loading import load_demo


class Command(BaseCommand):
    help = "Charge l'organisation de démonstration (une seule fois, de façon idempotente)."

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_demo()
        if created:
            self.stdout.write(self.style.SUCCESS("Organisation de démonstration chargée."))
        else:
            self.stdout.write("Organisation de démonstration déjà présente : rien à faire.")
