"""Load the demo organisation once; running it again changes nothing."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from effectif.contracts.models import Contract, ContractTerms
from effectif.demo.loading import load_demo
from effectif.employees.models import Employee


class Command(BaseCommand):
    help = "Charge l'organisation de démonstration (une seule fois, de façon idempotente)."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        created = load_demo()
        if not created:
            self.stdout.write("Organisation de démonstration déjà présente : rien à faire.")
            return
        seconds = time.perf_counter() - started
        employees, contracts = Employee.objects.count(), Contract.objects.count()
        versions = ContractTerms.objects.count()
        self.stdout.write(
            self.style.SUCCESS(
                f"Organisation de démonstration chargée en {seconds:.1f} s : {employees} "
                f"salariés, {contracts} contrats, {versions} versions de contrat."
            )
        )
