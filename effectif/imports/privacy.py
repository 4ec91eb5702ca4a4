"""Import files in the retention schedule. A file of employees holds NIRs and IBANs: it is
deleted as soon as the import is confirmed or cancelled, and an import left unconfirmed is
cancelled, its file deleted, after seven days (`import_purge`, run by the one purge command)."""

from __future__ import annotations

import datetime as dt
from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.retention import DataKind, Outcome
from effectif.imports.services import import_purge, stale_imports
from effectif.rules.parameters.base import DatedValue, Parameter
from effectif.rules.privacy.dates import Unit

#: Effectif's own choice: a week to confirm an import after its preview.
IMPORT_FILE_DAYS: Parameter[int] = Parameter(
    name="imports_fichiers_conservation_jours",
    description="Conservation d'un fichier d'import non confirmé",
    values=(
        DatedValue(
            date(2026, 1, 1),
            7,
            "Choix d'Effectif : minimisation (RGPD art. 5, 1, c et e) ; le fichier ne sert "
            "qu'entre l'aperçu et la confirmation",
        ),
    ),
)


def purge(now: dt.datetime, dry_run: bool) -> Outcome:
    older_than = now - IMPORTS.cutoff(now)
    if dry_run:
        return Outcome(erased=stale_imports(now - older_than).count())
    return Outcome(erased=import_purge(older_than=older_than, now=now))


IMPORTS = DataKind(
    key="imports",
    label=_("Fichiers d'import de salariés non confirmés"),
    processing="personnel",
    duration=IMPORT_FILE_DAYS,
    unit=Unit.DAYS,
    start=_("après l'envoi du fichier"),
    end=_("import annulé et fichier effacé (un import confirmé ou annulé l'est aussitôt)"),
    purge=purge,
    order=35,
)


def register(registry: Any) -> None:
    registry.register_kind(IMPORTS)
