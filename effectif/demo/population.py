"""A synthetic population of any size, for benchmarks: `manage.py generate_population`.

Rows are built in memory and written with `bulk_create`, with one audit entry per created file,
contract and contract version (also written in bulk), so 10,000 employees take seconds. The
data are valid by construction (keys of NIRs and IBANs, trial periods, hourly rates computed by
the same functions as the services); the tests check a sample with `full_clean`. Each run
continues the matricules (`SYN0000001`…) and the generator's seed from the employees already
there, so the command can be run several times.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from effectif.contracts.models import Contract, ContractTerms, Kind
from effectif.contracts.services import default_trial, hourly_rate
from effectif.core.audit import audit_many, build_entry, format_value
from effectif.core.models import AuditAction, AuditEntry
from effectif.core.services import save_audited
from effectif.demo.careers import DAYS_PER_YEAR, FULL_TIME_HOURS, euros, weighted
from effectif.demo.identities import IdentityMaker
from effectif.demo.organisation import (
    DAYS_PACKAGE,
    FULL_TIME,
    PART_TIME,
)
from effectif.demo.positions import POSITIONS, PositionSpec
from effectif.employees.models import Employee
from effectif.organisation.models import Department, Employer, Establishment, Position
from effectif.rules.contracts.trial_period import add_months
from effectif.rules.identity.generate import make_siren, make_siret

if TYPE_CHECKING:
    from effectif.accounts.models import User

MATRICULE_PREFIX = "SYN"
DETAIL = "Population synthétique (generate_population)"
BATCH = 1000

SYNTHETIC_SIREN = make_siren(99_123_450)
SYNTHETIC_ESTABLISHMENTS = (
    ("Site de Paris", "25 avenue de la République", "75011", "Paris", Decimal("0.032")),
    ("Site de Strasbourg", "4 rue du Faubourg-National", "67000", "Strasbourg", Decimal("0.02")),
    ("Site de Nancy", "30 rue Saint-Dizier", "54000", "Nancy", Decimal("0.02")),
)
SYNTHETIC_DEPARTMENTS = (
    ("Direction", None),
    ("Administration", "Direction"),
    ("Ressources humaines", "Administration"),
    ("Finance", "Administration"),
    ("Production", "Direction"),
    ("Études", "Production"),
    ("Développement", "Production"),
    ("Exploitation", "Production"),
    ("Support", "Exploitation"),
    ("Commercial", "Direction"),
    ("Marketing", "Commercial"),
    ("Qualité", "Direction"),
)
#: Home areas of the demo's addresses, by the département of the establishment.
AREAS = {"67": "strasbourg", "68": "strasbourg", "57": "strasbourg", "54": "nancy"}

#: Careers drawn for each synthetic employee, with their weights.
CAREERS = (
    ("cdi", 70),
    ("cdi_gone", 10),
    ("cdd", 6),
    ("cdd_then_cdi", 6),
    ("apprentissage", 3),
    ("stage", 2),
    ("interim", 2),
    ("professionnalisation", 1),
)
DEPARTURES = (("059", 45), ("043", 30), ("020", 12), ("039", 8), ("035", 5))


@dataclass(frozen=True)
class PopulationReport:
    employer: Employer
    employees: int
    contracts: int
    versions: int
    audit_entries: int
    seconds: float


def synthetic_employer(*, by: User | None = None) -> Employer:
    """The employer of synthetic populations, with its establishments, departments and
    positions (created on first use, through the audited service)."""
    employer = Employer.objects.filter(siren=SYNTHETIC_SIREN).first()
    if employer is not None:
        return employer
    employer = save_audited(
        instance=Employer(
            name="Population synthétique (mesures de performance)",
            siren=SYNTHETIC_SIREN,
            legal_form="SAS",
            naf_code="62.02A",
            idcc="1486",
            collective_agreement="Syntec",
        ),
        by=by,
    )
    for number, (name, address, postal_code, city, mobility) in enumerate(
        SYNTHETIC_ESTABLISHMENTS, start=1
    ):
        save_audited(
            instance=Establishment(
                employer=employer,
                name=name,
                siret=make_siret(employer.siren, number),
                address=address,
                postal_code=postal_code,
                city=city,
                at_rate=Decimal("0.0077"),
                mobility_rate=mobility,
                is_head_office=number == 1,
            ),
            by=by,
        )
    departments: dict[str, Department] = {}
    for name, parent in SYNTHETIC_DEPARTMENTS:
        departments[name] = save_audited(
            instance=Department(
                employer=employer, name=name, parent=departments[parent] if parent else None
            ),
            by=by,
        )
    for spec in POSITIONS:
        if spec.employer == "altitude":
            save_audited(
                instance=Position(
                    employer=employer,
                    title=spec.title,
                    purpose=spec.purpose,
                    tasks=spec.tasks,
                    required_skills=spec.skills,
                    classification=spec.classification,
                    coefficient=spec.coefficient,
                    pcs_ese=spec.pcs_ese,
                    risk_exposures=list(spec.risks),
                ),
                by=by,
            )
    return employer


def next_serial(employer: Employer) -> int:
    """The number of the last synthetic matricule of this employer (0 when none)."""
    last = (
        Employee.objects.filter(
            employer=employer, matricule__regex=rf"^{MATRICULE_PREFIX}[0-9]{{7}}$"
        )
        .order_by("-matricule")
        .values_list("matricule", flat=True)
        .first()
    )
    return int(last[len(MATRICULE_PREFIX) :]) if last else 0


def generate_population(
    *,
    employees: int,
    employer: Employer | None = None,
    by: User | None = None,
    today: date | None = None,
) -> PopulationReport:
    """Add `employees` synthetic files with their contracts to `employer` (by default the
    synthetic employer)."""
    started = time.perf_counter()
    with transaction.atomic():
        employer = employer or synthetic_employer(by=by)
        builder = _Builder(employer, today or timezone.localdate(), by)
        builder.build(employees)
    return PopulationReport(
        employer=employer,
        employees=employees,
        contracts=builder.contract_count,
        versions=builder.version_count,
        audit_entries=builder.audit_count,
        seconds=time.perf_counter() - started,
    )


class _Builder:
    def __init__(self, employer: Employer, today: date, by: User | None) -> None:
        self.employer = employer
        self.today = today
        self.by = by
        self.establishments = list(Establishment.objects.filter(employer=employer).order_by("pk"))
        if not self.establishments:
            raise ValueError(
                f"L'employeur {employer.name} n'a aucun établissement : créez-en un d'abord."
            )
        self.departments = list(Department.objects.filter(employer=employer).order_by("pk"))
        specs = {spec.title: spec for spec in POSITIONS}
        self.positions = [
            (position, specs.get(position.title))
            for position in Position.objects.filter(employer=employer).order_by("pk")
        ]
        self.first_serial = next_serial(employer)
        self.rng = random.Random(f"{employer.siren}:{self.first_serial}")
        self.people = IdentityMaker(self.rng, serial=self.first_serial)
        self.contract_count = self.version_count = self.audit_count = 0

    def build(self, count: int) -> None:
        for offset in range(0, count, BATCH):
            self._batch(self.first_serial + offset, min(BATCH, count - offset))

    def _batch(self, serial: int, size: int) -> None:
        rng = self.rng
        rows: list[tuple[Employee, list[tuple[Contract, list[ContractTerms]]]]] = []
        for n in range(serial + 1, serial + size + 1):
            establishment = rng.choice(self.establishments)
            area = AREAS.get(establishment.department, "paris")
            identity = self.people.person(today=self.today, area=area, spread=True)
            employee = Employee(
                employer=self.employer,
                matricule=f"{MATRICULE_PREFIX}{n:07d}",
                department=rng.choice(self.departments) if self.departments else None,
                education_level=rng.choice("3456677"),
                **identity.fields(),
            )
            careers = self._career(employee, establishment)
            for number, (contract, _versions) in enumerate(careers, start=1):
                contract.number = f"{number:03d}"
            rows.append((employee, careers))
        Employee.objects.bulk_create([employee for employee, _ in rows], batch_size=BATCH)
        contracts = []
        for employee, careers in rows:
            for contract, _versions in careers:
                contract.employee = employee
                contracts.append(contract)
        Contract.objects.bulk_create(contracts, batch_size=BATCH)
        versions = []
        for _employee, careers in rows:
            for contract, contract_versions in careers:
                for version in contract_versions:
                    version.contract = contract
                    versions.append(version)
        ContractTerms.objects.bulk_create(versions, batch_size=BATCH)
        entries = self._audit(rows)
        audit_many(entries)
        self.contract_count += len(contracts)
        self.version_count += len(versions)
        self.audit_count += len(entries)

    def _position(self) -> tuple[Position | None, PositionSpec | None]:
        if not self.positions:
            return None, None
        return self.rng.choice(self.positions)

    def _career(
        self, employee: Employee, establishment: Establishment
    ) -> list[tuple[Contract, list[ContractTerms]]]:
        rng, today = self.rng, self.today
        career = weighted(rng, CAREERS)
        position, spec = self._position()
        sex = employee.sex
        age = (today - employee.birth_date).days // 365
        longest = max(0, min(15 * 12, (age - 20) * 12))
        start = add_months(today.replace(day=1), -rng.randint(0, longest))
        if career == "cdi_gone":
            start = min(start, add_months(today.replace(day=1), -13))
            end = add_months(today.replace(day=1), -rng.randint(1, 12)) - timedelta(days=1)
            reason = weighted(rng, DEPARTURES)
            if reason == "039" and age < 60:
                reason = "059"
            if reason == "035":
                start = end - timedelta(days=40)
            return [
                self._contract(Kind.CDI, start, end, position, spec, establishment, reason, sex)
            ]
        if career in {"cdd", "interim", "stage", "apprentissage", "professionnalisation"}:
            kind = Kind(career)
            length = {"stage": 6, "apprentissage": 24, "professionnalisation": 12}.get(career, 6)
            start = add_months(today.replace(day=1), -rng.randint(0, length - 1))
            end = add_months(start, length) - timedelta(days=1)
            return [self._contract(kind, start, end, position, spec, establishment, "", sex)]
        if career == "cdd_then_cdi":
            cdd_start = add_months(today.replace(day=1), -rng.randint(7, 36))
            cdd_end = add_months(cdd_start, 6) - timedelta(days=1)
            return [
                self._contract(
                    Kind.CDD, cdd_start, cdd_end, position, spec, establishment, "031", sex
                ),
                self._contract(
                    Kind.CDI,
                    cdd_end + timedelta(days=1),
                    None,
                    position,
                    spec,
                    establishment,
                    "",
                    sex,
                ),
            ]
        return [self._contract(Kind.CDI, start, None, position, spec, establishment, "", sex)]

    def _contract(
        self,
        kind: Kind,
        start: date,
        end: date | None,
        position: Position | None,
        spec: PositionSpec | None,
        establishment: Establishment,
        end_reason: str,
        sex: str,
    ) -> tuple[Contract, list[ContractTerms]]:
        rng = self.rng
        trainee = kind in {Kind.APPRENTICESHIP, Kind.PROFESSIONALISATION, Kind.INTERNSHIP}
        category = spec.category if spec and not trainee else "employe"
        contract = Contract(
            number="001",
            kind=kind,
            fixed_term_reason="accroissement" if kind in {Kind.CDD, Kind.INTERIM} else "",
            start_date=start,
            end_date=end,
            end_reason=end_reason if end is not None and end <= self.today else "",
        )
        default_trial(contract, category)
        low, high = spec.salary if spec else (2200, 3600)
        gross = Decimal(rng.randint(low, high))
        if kind == Kind.INTERNSHIP:
            gross = Decimal(rng.randint(700, 900))
        elif trainee:
            gross = Decimal(rng.randint(1100, 1700))
        if spec and spec.days_package and not trainee:
            working_time, hours, days = DAYS_PACKAGE, None, DAYS_PER_YEAR
        elif rng.random() < 0.12 and not trainee:
            working_time, days = PART_TIME, None
            share = Decimal(rng.choice(["0.5", "0.6", "0.7", "0.8", "0.9"]))
            hours = (FULL_TIME_HOURS * share).quantize(Decimal("0.01"))
            gross = gross * share
        else:
            working_time, hours, days = FULL_TIME, FULL_TIME_HOURS, None
        if spec is not None:
            title = spec.job_title(sex)
        else:
            title = "Employé polyvalent" if sex == "M" else "Employée polyvalente"
        first = ContractTerms(
            effective_date=start,
            establishment=establishment,
            position=position,
            job_title=title,
            category=category,
            classification=spec.classification if spec and not trainee else "",
            coefficient=spec.coefficient if spec and not trainee else "",
            working_time=working_time,
            monthly_hours=hours,
            days_per_year=days,
            monthly_gross_amount=euros(gross),
        )
        first.hourly_rate_amount = hourly_rate(first, start)
        versions = [first]
        last_day = min(end or self.today, self.today)
        if not trainee and rng.random() < 0.35 and (last_day - start).days > 60:
            on = start + timedelta(days=rng.randint(31, (last_day - start).days))
            on = on.replace(day=1) if on.replace(day=1) > start else on
            raised = ContractTerms(
                **{
                    f: getattr(first, f)
                    for f in ("establishment", "position", "job_title", "category")
                },
                classification=first.classification,
                coefficient=first.coefficient,
                working_time=first.working_time,
                monthly_hours=first.monthly_hours,
                days_per_year=first.days_per_year,
                effective_date=on,
                reason="Augmentation individuelle",
                monthly_gross_amount=euros(first.monthly_gross_amount * Decimal("1.03")),
            )
            raised.hourly_rate_amount = hourly_rate(raised, on)
            versions.append(raised)
        return contract, versions

    def _audit(
        self, rows: list[tuple[Employee, list[tuple[Contract, list[ContractTerms]]]]]
    ) -> list[AuditEntry]:
        """Entries labelled as `str()` would label them, without its per-row translations."""
        kinds = {value: str(label) for value, label in Kind.choices}
        entries = []
        for employee, careers in rows:
            entries.append(
                build_entry(
                    actor=self.by,
                    action=AuditAction.CREATE,
                    target=employee,
                    changes={
                        "matricule": ["", employee.matricule],
                        "last_name": ["", employee.last_name],
                        "first_names": ["", employee.first_names],
                    },
                    detail=DETAIL,
                )
            )
            for contract, versions in careers:
                contract_label = f"{kinds[contract.kind]} n° {contract.number}"
                entries.append(
                    build_entry(
                        actor=self.by,
                        action=AuditAction.CREATE,
                        target=contract,
                        target_label=contract_label,
                        employer_id=self.employer.pk,
                        employee_id=employee.pk,
                        changes={
                            "kind": ["", kinds[contract.kind]],
                            "start_date": ["", format_value(contract.start_date)],
                        },
                        detail=DETAIL,
                    )
                )
                for index, version in enumerate(versions):
                    gross = format_value(version.monthly_gross_amount)
                    before = format_value(versions[index - 1].monthly_gross_amount) if index else ""
                    entries.append(
                        build_entry(
                            actor=self.by,
                            action=AuditAction.UPDATE if index else AuditAction.CREATE,
                            target=version,
                            target_label=f"{contract_label} — {version.reason} "
                            f"({version.effective_date:%d/%m/%Y})",
                            employer_id=self.employer.pk,
                            employee_id=employee.pk,
                            changes={"monthly_gross_amount": [before, gross]},
                            detail=DETAIL,
                        )
                    )
        return entries
