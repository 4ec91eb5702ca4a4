"""Hiring in the retention schedule: candidates not hired are erased two years after the last
contact (`services.retention`, run by the one purge command); a hired person's pre-hire
declaration and onboarding follow the personnel file."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext_lazy as _

from effectif.core.personal_data import ErasureContext, ExportSection, PersonPart, blank, rows
from effectif.core.retention import NOTHING, DataKind, Outcome
from effectif.employees.models import Employee
from effectif.hiring.models import Dpae, Onboarding, OnboardingTask
from effectif.hiring.services.retention import expired_candidates, purge_candidates
from effectif.rules.parameters.retention import CANDIDATE_RETENTION_YEARS
from effectif.rules.privacy.dates import Unit


def purge(now: dt.datetime, dry_run: bool) -> Outcome:
    if dry_run:
        return Outcome(erased=expired_candidates(now).count())
    return Outcome(erased=purge_candidates(now=now).candidates)


CANDIDATES = DataKind(
    key="candidates",
    label=_("Candidats non retenus"),
    processing="recruitment",
    duration=CANDIDATE_RETENTION_YEARS,
    unit=Unit.YEARS,
    start=_("après le dernier contact"),
    end=_("candidat, CV, entretiens et courriers effacés ; journal expurgé"),
    purge=purge,
    note=_(
        "Le candidat peut demander l'effacement à tout moment ; un candidat embauché suit "
        "le dossier du personnel."
    ),
    order=80,
)


def export_hiring(employee: Employee) -> ExportSection:
    declarations = Dpae.objects.filter(contract__employee=employee).select_related("contract")
    onboardings = Onboarding.objects.filter(employee=employee)
    tasks = OnboardingTask.objects.filter(onboarding__employee=employee).select_related("owner")
    return ExportSection(
        name="embauche",
        title=str(_("Embauche et intégration")),
        data={
            "dpae": rows(
                declarations,
                (
                    "hire_at",
                    "status",
                    "nir_absence_reason",
                    "declared_at",
                    "receipt_number",
                    "declared_data",
                    "late",
                ),
            ),
            "integrations": rows(onboardings, ("start_date",)),
            "taches_d_integration": rows(
                tasks, ("label", "category", "owner", "due_date", "done_at", "note")
            ),
        },
    )


def erase_hiring(employee: Employee, ctx: ErasureContext) -> Outcome:
    if not ctx.expired:
        return NOTHING
    count = 0
    for dpae in Dpae.objects.filter(contract__employee=employee):
        if changed := blank(dpae, ("declared_data", "nir_absence_reason")):
            dpae.save(update_fields=[*changed, "updated_at"])
            count += 1
    erased = Onboarding.objects.filter(employee=employee).delete()[0]
    return Outcome(erased=erased, pseudonymised=count)


HIRING_PART = PersonPart(
    key="hiring",
    label=_("Embauche (DPAE) et intégration"),
    kind="personnel_file",
    export=export_hiring,
    erase=erase_hiring,
    order=15,
)


def register(registry: Any) -> None:
    registry.register_kind(CANDIDATES)
    registry.register_part(HIRING_PART)
