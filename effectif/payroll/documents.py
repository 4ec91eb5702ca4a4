"""The payslip as a PDF, in the layout of the « bulletin de paie clarifié » (arrêté du
25 février 2016 modifié; C. trav. R3243-1 and R3243-2): the employer and the employee, the
period and the pay date, the gross lines, the contributions under the headings of the arrêté
in their order, the total of the contributions, the net before tax, the withholding, the net
paid, the « montant net social », the employer's total cost, the year-to-date figures and the
mention to keep the payslip without time limit.

Everything printed comes from the stored payslip (its result JSON, its engine input and its
amount columns) and the contract's terms on the last day of the month: a PDF printed again
later says the same. The period's batch (`build_period_documents`, run by the task worker)
stores each computed payslip's PDF in `Payslip.document`; its progress is the count of the
period's payslips that have one.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from effectif.contracts.selectors import terms_as_of
from effectif.core.audit import audit, mask
from effectif.core.models import AuditAction
from effectif.core.templatetags.formats import decimal_fr, euros, percent
from effectif.documents.printing import letterhead_view, pdf_bytes
from effectif.documents.subjects import employer_values, establishment_values, head_office
from effectif.payroll.models import PayrollPeriod, Payslip, PayslipStatus
from effectif.payroll.storing import headings_of

if TYPE_CHECKING:
    from effectif.accounts.models import User

logger = logging.getLogger(__name__)

#: The service-public.fr page on the payslip, whose address the payslip must give (R3243-2).
SERVICE_PUBLIC_URL = "https://www.service-public.fr/particuliers/vosdroits/F559"
KEEP_MENTION = _lazy(
    "Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de "
    "paie sans limitation de durée."
)
ZERO = Decimal(0)
#: Lines whose base is a number of hours and whose rate is an amount per hour (the employer's
#: flat deduction on overtime, CSS L241-18), not an amount and a percentage.
PER_HOUR_LINES = frozenset({"deduction_heures_supplementaires"})
#: The usual grouping of a NIR (sex, year, month, place, commune, order number, key).
NIR_GROUPS = (1, 2, 2, 2, 3, 3, 2)


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else ZERO


def rate_text(value: Any) -> str:
    """A rate as printed on a payslip: two decimals at least, up to what it has (« 6,90 % »,
    « 0,016 % »); empty when there is none."""
    if value in (None, ""):
        return ""
    number = _decimal(value) * 100
    exponent = number.normalize().as_tuple().exponent
    places = max(2, -exponent if isinstance(exponent, int) else 2)
    return percent(_decimal(value), min(places, 4))


def per_hour_text(value: Any) -> str:
    """An amount per hour: « 1,50 €/h »."""
    return f"{decimal_fr(_decimal(value), 2)}\u00a0€/h" if value not in (None, "") else ""


def amount_text(value: Any, *, blank_zero: bool = True) -> str:
    """An amount in a column (no currency sign: the column says euros); blank when zero."""
    number = _decimal(value)
    if blank_zero and number == ZERO:
        return ""
    return decimal_fr(number, 2)


def masked_nir(nir: str, temporary: str = "") -> str:
    """The NIR as usually shown when masked: grouped, all but its last three characters
    hidden; a temporary number is not printed."""
    if not nir:
        return ""
    masked, parts, start = mask(nir), [], 0
    for size in NIR_GROUPS:
        parts.append(masked[start : start + size])
        start += size
    return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class PrintedLine:
    label: str
    base: str
    employee_rate: str
    employee_amount: str
    employer_rate: str
    employer_amount: str


@dataclass(frozen=True)
class PrintedHeading:
    label: str
    lines: list[PrintedLine]


def gross_lines(result: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {
            "label": line.get("label", ""),
            "quantity": amount_text(line.get("quantity")),
            "rate": amount_text(line.get("rate")),
            "amount": amount_text(line.get("amount"), blank_zero=False),
        }
        for line in result.get("gross_lines", [])
    ]


def _printed_line(line: dict[str, Any]) -> PrintedLine:
    employee_base = _decimal(line.get("employee_base_amount"))
    base = employee_base or _decimal(line.get("employer_base_amount"))
    employee_amount = _decimal(line.get("employee_amount"))
    employer_amount = _decimal(line.get("employer_amount"))
    rate = per_hour_text if line.get("code") in PER_HOUR_LINES else rate_text
    return PrintedLine(
        label=line.get("label", ""),
        base=f"{amount_text(base)} h" if rate is per_hour_text else amount_text(base),
        employee_rate=rate(line.get("employee_rate")) if employee_amount else "",
        employee_amount=amount_text(employee_amount),
        employer_rate=rate(line.get("employer_rate")) if employer_amount else "",
        employer_amount=amount_text(employer_amount),
    )


def headings(result: dict[str, Any]) -> list[PrintedHeading]:
    """The contribution lines under their heading, headings in the order of the arrêté (the
    engine numbers them so), lines in the engine's order."""
    return [
        PrintedHeading(group["label"], [_printed_line(line) for line in group["lines"]])
        for group in headings_of(result)
    ]


def after_net_lines(result: dict[str, Any]) -> list[dict[str, str]]:
    """What is added to or taken from the net after the contributions (the IJSS paid over by
    subrogation, the CSG/CRDS withheld on them), with their base and rate when they have one."""
    return [
        {
            "label": line.get("label", ""),
            "base": amount_text(line.get("base_amount")),
            "rate": rate_text(line.get("rate")),
            "amount": amount_text(line.get("amount"), blank_zero=False),
        }
        for line in result.get("after_net_lines", [])
    ]


def _employee_values(payslip: Payslip, on: dt.date) -> dict[str, Any]:
    employee = payslip.employee
    contract = payslip.contract
    terms = terms_as_of(contract, on) if contract is not None else None
    place = f"{employee.postal_code} {employee.city}".strip()
    return {
        "name": employee.display_name,
        "address_lines": [line for line in (employee.address, place) if line],
        "matricule": employee.matricule,
        "nir": masked_nir(employee.nir),
        "job_title": terms.job_title if terms else "",
        "category": terms.get_category_display() if terms else "",
        "classification": terms.classification if terms else "",
        "coefficient": terms.coefficient if terms else "",
        "working_time": terms.get_working_time_display() if terms else "",
        "monthly_hours": decimal_fr(terms.monthly_hours) if terms and terms.monthly_hours else "",
        "contract_kind": contract.get_kind_display() if contract else "",
        "entry_date": contract.start_date if contract else None,
        "establishment": terms.establishment if terms else None,
    }


@dataclass(frozen=True)
class EmployerPrint:
    """What the payslip prints of the employer, read once for a whole period."""

    values: dict[str, Any]
    logo: str
    head_office: Any


def employer_print(period: PayrollPeriod) -> EmployerPrint:
    employer = period.employer
    return EmployerPrint(
        values=employer_values(employer),
        logo=letterhead_view(employer).logo_data_uri,
        head_office=head_office(employer),
    )


def payslip_context(payslip: Payslip, employer: EmployerPrint | None = None) -> dict[str, Any]:
    """The plain values `payroll/payslip_pdf.html` prints."""
    period = payslip.period
    employer = employer or employer_print(period)
    result = payslip.result or {}
    employee = _employee_values(payslip, period.last_day)
    establishment = employee.pop("establishment") or employer.head_office
    withholding = result.get("withholding", {})
    ytd = result.get("year_to_date", {})
    neutral = bool(withholding.get("neutral"))
    return {
        "payslip": payslip,
        "period": period,
        "first_day": period.month,
        "last_day": period.last_day,
        "employer": employer.values,
        "establishment": establishment_values(establishment),
        "logo": employer.logo,
        "employee": employee,
        "gross_lines": gross_lines(result),
        "gross_amount": amount_text(payslip.gross_amount, blank_zero=False),
        "headings": headings(result),
        "employee_total": amount_text(payslip.employee_contributions_amount, blank_zero=False),
        "employer_total": amount_text(payslip.employer_contributions_amount, blank_zero=False),
        "net_before_tax": euros(payslip.net_before_tax_amount),
        "after_net": after_net_lines(result),
        "withholding": {
            "base": amount_text(withholding.get("base_amount"), blank_zero=False),
            "abatement": amount_text(withholding.get("abatement_amount")),
            "rate": rate_text(withholding.get("rate", "0")),
            "kind": _("Taux non personnalisé") if neutral else _("Taux personnalisé"),
            "amount": amount_text(payslip.withheld_amount, blank_zero=False),
        },
        "net_taxable": euros(payslip.net_taxable_amount),
        "exempt_overtime": euros(_decimal(result.get("exempt_overtime_amount"))),
        "net_paid": euros(payslip.net_paid_amount),
        "net_social": euros(payslip.net_social_amount),
        "employer_cost": euros(payslip.employer_cost_amount),
        "ytd": {
            "gross": euros(_decimal(ytd.get("gross_amount"))),
            "taxable": euros(_decimal(ytd.get("taxable_amount"))),
            "withheld": euros(_decimal(ytd.get("withheld_amount"))),
            "exempt_overtime": euros(_decimal(ytd.get("exempt_overtime_amount"))),
        },
        "keep_mention": KEEP_MENTION,
        "service_public_url": SERVICE_PUBLIC_URL,
        "printed_at": timezone.localtime(),
    }


def payslip_html(payslip: Payslip, employer: EmployerPrint | None = None) -> str:
    return render_to_string("payroll/payslip_pdf.html", payslip_context(payslip, employer))


def printed_payslip(payslip: Payslip, employer: EmployerPrint | None = None) -> bytes:
    """One payslip's PDF (A4, one page for an ordinary month)."""
    return pdf_bytes(payslip_html(payslip, employer))


def download_name(payslip: Payslip) -> str:
    """« bulletin-2026-05-m00042.pdf »."""
    return f"bulletin-{payslip.period.month:%Y-%m}-{slugify(payslip.employee.matricule)}.pdf"


def _stored_name(payslip: Payslip) -> str:
    # The row's id rather than a name: a file name carries no personal data.
    return f"{payslip.period.employer_id}/{payslip.period.month:%Y-%m}/{payslip.pk}.pdf"


def store_document(payslip: Payslip, employer: EmployerPrint | None = None) -> bool:
    """Print the payslip and keep the PDF in `Payslip.document` (replacing an older one).
    False when the payslip was removed meanwhile (the period computed again)."""
    content = printed_payslip(payslip, employer)
    if payslip.document:
        payslip.document.delete(save=False)
    payslip.document.save(_stored_name(payslip), ContentFile(content), save=False)
    if Payslip.objects.filter(pk=payslip.pk).update(document=payslip.document.name):
        return True
    payslip.document.delete(save=False)
    return False


def computed_payslips(period: PayrollPeriod) -> Any:
    return (
        Payslip.objects.filter(period=period, status=PayslipStatus.COMPUTED)
        .select_related("period", "period__employer", "employee", "contract")
        .order_by("employee__last_name", "employee__first_names", "pk")
    )


@dataclass(frozen=True)
class DocumentProgress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return min(100, self.done * 100 // self.total) if self.total else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total


def documents_progress(period: PayrollPeriod) -> DocumentProgress:
    """How many of the period's computed payslips have their PDF."""
    rows = computed_payslips(period)
    return DocumentProgress(done=rows.exclude(document="").count(), total=rows.count())


def build_period_documents(period_id: int) -> int:
    """The task's body: print every computed payslip of the period; the number printed."""
    period = PayrollPeriod.objects.select_related("employer").get(pk=period_id)
    employer = employer_print(period)
    printed = 0
    for payslip in computed_payslips(period).iterator(chunk_size=100):
        try:
            printed += store_document(payslip, employer)
        except Exception:  # one payslip that fails to print does not stop the others
            logger.exception("Bulletin PDF %s", payslip.pk)
    audit(
        actor=None,
        action=AuditAction.EXPORT,
        target=period,
        detail=f"Bulletins de paie PDF générés : {printed}",
    )
    return printed


def period_documents_start(*, period: PayrollPeriod, by: User) -> str:
    """Ask the worker to print the period's payslips (audited); the task result's id."""
    from effectif.payroll.tasks import build_payslip_pdfs

    if period.is_running:
        raise ValidationError(
            _("Le calcul de la période est en cours : générez les bulletins une fois terminé.")
        )
    if not computed_payslips(period).exists():
        raise ValidationError(_("Aucun bulletin calculé à imprimer : lancez d'abord le calcul."))
    with transaction.atomic():
        audit(
            actor=by,
            action=AuditAction.EXPORT,
            target=period,
            detail="Génération des bulletins de paie PDF demandée",
        )
    result = build_payslip_pdfs.enqueue(period.pk)
    return str(result.id)
