"""The demo organisation: fictional, deterministic, loaded once.

`load_demo` writes through the services (`save_audited`, `employee_save`, `contract_create`,
`contract_amend`, `contract_save`, `employee_document_add`), so the audit trail reads as if HR
had typed three years of history: files created by the HR assistant, amendments and departures
recorded by the HR manager. A second run changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from effectif.accounts.models import User
from effectif.budgets.demo import load_budgets_demo
from effectif.contracts.models import Contract, ContractTerms
from effectif.contracts.services import contract_amend, contract_create, contract_save
from effectif.core.audit import audit
from effectif.core.models import AuditAction
from effectif.core.roles import Role
from effectif.core.services import save_audited
from effectif.demo.careers import ContractPlan, StaffPlan, Terms
from effectif.demo.documents import tiny_pdf
from effectif.demo.identities import ascii_slug
from effectif.demo.organisation import (
    DEPARTMENTS,
    EMPLOYERS,
    ESTABLISHMENTS,
    HEALTH_SERVICES,
)
from effectif.demo.positions import POSITIONS
from effectif.demo.staff import ACCOUNTS_WITH_FILES, plan_staff
from effectif.departures.demo import load_departures_demo
from effectif.employees.models import Employee
from effectif.employees.services import employee_document_add, employee_save
from effectif.health.demo import load_health_demo
from effectif.hiring.demo import load_hiring_demo
from effectif.leave.demo import load_leave_demo
from effectif.organisation.models import (
    Department,
    Employer,
    EmployerAccess,
    Establishment,
    HealthService,
    Position,
)
from effectif.payroll.demo import load_payroll_demo
from effectif.rules.identity.generate import make_siren, make_siret
from effectif.travel.demo.expenses import load_expenses_demo
from effectif.travel.demo.trips import load_trips_demo

DEMO_PASSWORD = "effectif-demo"

DEMO_USERS = [
    ("admin", Role.ADMIN, "Alice", "Martin"),
    ("rh", Role.HR_MANAGER, "Rachid", "Hamidi"),
    ("gestionnaire", Role.HR_ASSISTANT, "Géraldine", "Leroy"),
    ("manager", Role.MANAGER, "Marc", "Aubert"),
    ("salarie", Role.EMPLOYEE, "Sophie", "Lambert"),
]
#: Employers each demo account is granted (HR roles see only granted employers).
DEMO_GRANTS = {"rh": ("altitude", "coteaux"), "gestionnaire": ("altitude",)}
#: Who keys in the files and contracts of each employer.
CLERKS = {"altitude": "gestionnaire", "coteaux": "rh"}

USER_FIELDS = ["username", "first_name", "last_name", "email", "role", "is_active"]


def demo_sirens() -> list[str]:
    return [make_siren(spec.siren_seed) for spec in EMPLOYERS]


def demo_present() -> bool:
    return Employer.objects.filter(siren__in=demo_sirens()).exists()


def load_demo(*, today: date | None = None) -> bool:
    """Create the demo accounts and organisation; False when they are already there."""
    with transaction.atomic():
        users, created_users = _demo_users()
        if demo_present():
            return _leave(users, today) or created_users
        _Loader(users, today or timezone.localdate()).run()
        _leave(users, today)
    return True


def _leave(users: dict[str, User], today: date | None) -> bool:
    employers = Employer.objects.filter(siren__in=demo_sirens())
    day = today or timezone.localdate()
    leave = load_leave_demo(employers=employers, today=day, by=users["rh"])
    departures = load_departures_demo(employers=employers, today=day, by=users["rh"])
    hiring = load_hiring_demo(
        employers=employers, today=day, hr=users["rh"], manager=users["manager"], pdf=tiny_pdf
    )
    health = load_health_demo(employers=employers, today=day, by=users["rh"])
    trips = load_trips_demo(today=day)
    expenses = load_expenses_demo(today=day, pdf=tiny_pdf)
    budgets = load_budgets_demo(employers=employers, today=day, by=users["rh"])
    payroll = load_payroll_demo(employers=employers, today=day, by=users["rh"])
    return leave or departures or hiring or health or trips or expenses or budgets or payroll


def _demo_users() -> tuple[dict[str, User], bool]:
    existing = {u.username: u for u in User.objects.filter(username__in=[u[0] for u in DEMO_USERS])}
    created = False
    for username, role, first_name, last_name in DEMO_USERS:
        if username in existing:
            continue
        user = User(
            username=username,
            role=role,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@demo.effectif.test",
        )
        user.set_password(DEMO_PASSWORD)
        save_audited(instance=user, by=existing.get("admin"), fields=USER_FIELDS)
        existing[username] = user
        created = True
    return existing, created


@dataclass
class _Loader:
    users: dict[str, User]
    today: date
    employers: dict[str, Employer] = field(default_factory=dict)
    establishments: dict[str, Establishment] = field(default_factory=dict)
    departments: dict[str, Department] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)
    accounts: dict[str, User] = field(default_factory=dict)  # staff key → user

    @property
    def admin(self) -> User:
        return self.users["admin"]

    def run(self) -> None:
        plans = plan_staff(self.today)
        self._organisation()
        self._accounts(plans.staff, plans.heads)
        self._departments()
        self._positions()
        for plan in plans.staff:
            self._staff(plan)
        self._heads(plans.heads)  # a manager runs a department once their file is there

    # --- organisation --------------------------------------------------------------------

    def _organisation(self) -> None:
        services = {}
        for service in HEALTH_SERVICES:
            services[service.key] = save_audited(
                instance=HealthService(
                    name=service.name,
                    address=service.address,
                    phone=service.phone,
                    email=service.email,
                ),
                by=self.admin,
            )
        for employer_spec in EMPLOYERS:
            self.employers[employer_spec.key] = save_audited(
                instance=Employer(
                    name=employer_spec.name,
                    siren=make_siren(employer_spec.siren_seed),
                    legal_form=employer_spec.legal_form,
                    naf_code=employer_spec.naf_code,
                    idcc=employer_spec.idcc,
                    collective_agreement=employer_spec.collective_agreement,
                    subject_to_payroll_tax=employer_spec.subject_to_payroll_tax,
                ),
                by=self.admin,
            )
        for spec in ESTABLISHMENTS:
            employer = self.employers[spec.employer]
            self.establishments[spec.key] = save_audited(
                instance=Establishment(
                    employer=employer,
                    name=spec.name,
                    siret=make_siret(employer.siren, spec.number),
                    address=spec.address,
                    postal_code=spec.postal_code,
                    city=spec.city,
                    at_rate=spec.at_rate,
                    mobility_rate=spec.mobility_rate,
                    health_service=services[spec.health_service],
                    is_head_office=spec.is_head_office,
                ),
                by=self.admin,
            )
        for username, employer_keys in DEMO_GRANTS.items():
            for key in employer_keys:
                self._grant(self.users[username], self.employers[key])

    def _grant(self, user: User, employer: Employer) -> None:
        _, created = EmployerAccess.objects.get_or_create(user=user, employer=employer)
        if created:
            audit(
                actor=self.admin,
                action=AuditAction.SECURITY,
                target=employer,
                detail=f"Accès accordé à {user.get_username()}",
            )

    def _accounts(self, staff: list[StaffPlan], heads: dict[str, str]) -> None:
        """Demo accounts with a file, and an account (without password) per department head."""
        by_key = {plan.key: plan for plan in staff}
        for username, key in ACCOUNTS_WITH_FILES.items():
            self.accounts[key] = self.users[username]
        taken = set(User.objects.values_list("username", flat=True))
        for key in dict.fromkeys(heads.values()):
            if key in self.accounts:
                continue
            person = by_key[key]
            base = ascii_slug(person.identity.first_names)[:1] + ascii_slug(
                person.identity.last_name
            ).replace("-", "")
            username, n = base, 1
            while username in taken:
                n += 1
                username = f"{base}{n}"
            taken.add(username)
            user = User(
                username=username,
                role=Role.MANAGER,
                first_name=person.identity.first_names,
                last_name=person.identity.usage_name or person.identity.last_name,
                email=person.work_email,
            )
            user.set_unusable_password()
            self.accounts[key] = save_audited(instance=user, by=self.admin, fields=USER_FIELDS)

    def _departments(self) -> None:
        for spec in DEPARTMENTS:  # parents come before their children
            self.departments[spec.key] = save_audited(
                instance=Department(
                    employer=self.employers[spec.employer],
                    name=spec.name,
                    code=spec.code,
                    parent=self.departments[spec.parent] if spec.parent else None,
                ),
                by=self.admin,
            )

    def _heads(self, heads: dict[str, str]) -> None:
        for spec in DEPARTMENTS:
            head = heads.get(spec.key)
            if head:
                department = self.departments[spec.key]
                department.manager = self.accounts[head]
                save_audited(instance=department, by=self.admin)

    def _positions(self) -> None:
        for spec in POSITIONS:
            self.positions[spec.key] = save_audited(
                instance=Position(
                    employer=self.employers[spec.employer],
                    title=spec.title,
                    department=self.departments[spec.department],
                    purpose=spec.purpose,
                    tasks=spec.tasks,
                    required_skills=spec.skills,
                    classification=spec.classification,
                    coefficient=spec.coefficient,
                    pcs_ese=spec.pcs_ese,
                    risk_exposures=list(spec.risks),
                ),
                by=self.admin,
            )

    # --- people --------------------------------------------------------------------------

    def _staff(self, plan: StaffPlan) -> None:
        clerk = self.users[CLERKS[plan.employer]]
        manager = self.users["rh"]
        permit_type, permit_number, permit_expiry = plan.work_permit or ("", "", None)
        employee = employee_save(
            employee=Employee(
                employer=self.employers[plan.employer],
                matricule=plan.matricule,
                user=self.accounts.get(plan.key),
                department=self.departments[plan.department],
                education_level=plan.education_level,
                work_email=plan.work_email,
                work_phone=plan.work_phone,
                disability_recognised=plan.disability_recognised,
                disability_end_date=plan.disability_end_date,
                work_permit_type=permit_type,
                work_permit_number=permit_number,
                work_permit_expiry=permit_expiry,
                **plan.identity.fields(),
            ),
            by=clerk,
        )
        for contract_plan in plan.contracts:
            self._contract(employee, contract_plan, clerk=clerk, manager=manager)
        for document in plan.documents:
            name = f"{ascii_slug(document.title)}.pdf"
            lines = [
                f"{employee.display_name} — matricule {employee.matricule}",
                f"Employeur : {employee.employer.name}",
                "Document fictif de l'organisation de démonstration d'Effectif.",
            ]
            if document.expiry:
                lines.insert(1, f"Valable jusqu'au {document.expiry:%d/%m/%Y}")
            employee_document_add(
                employee=employee,
                kind=document.kind,
                title=document.title,
                upload=SimpleUploadedFile(name, tiny_pdf(document.title, lines), "application/pdf"),
                expiry_date=document.expiry,
                by=clerk,
            )

    def _contract(
        self, employee: Employee, plan: ContractPlan, *, clerk: User, manager: User
    ) -> None:
        contract = contract_create(
            contract=Contract(
                employee=employee,
                kind=plan.kind,
                start_date=plan.start,
                end_date=plan.end,
                fixed_term_reason=plan.fixed_term_reason,
                replaced_person=plan.replaced_person,
                imprecise_term=plan.imprecise_term,
            ),
            terms=self._terms(plan.terms),
            by=clerk,
        )
        for amendment in plan.amendments:
            terms = self._terms(amendment.terms)
            terms.effective_date = amendment.on
            terms.reason = amendment.reason
            contract_amend(contract=contract, terms=terms, by=manager)
        if plan.ended is not None and (plan.ended[1] or plan.ended[0] != plan.end):
            contract.end_date, contract.end_reason = plan.ended
            contract_save(contract=contract, by=manager)

    def _terms(self, terms: Terms) -> ContractTerms:
        values: dict[str, Any] = {
            "establishment": self.establishments[terms.establishment],
            "position": self.positions[terms.position],
            "job_title": terms.job_title,
            "category": terms.category,
            "classification": terms.classification,
            "coefficient": terms.coefficient,
            "working_time": terms.working_time,
            "monthly_hours": terms.monthly_hours,
            "days_per_year": terms.days_per_year,
            "monthly_gross_amount": terms.monthly_gross,
        }
        return ContractTerms(**values)
