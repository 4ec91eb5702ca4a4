"""A departure's dates and amounts, from its facts and the rules: the notice and the last day,
the legal delays of its procedure checked, the indemnities handed to payroll."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from effectif.contracts.selectors import terms_as_of
from effectif.departures.facts import (
    agreed_notice,
    contract_gross,
    monthly_pay,
    service_start,
    untaken_leave,
)
from effectif.departures.models import Departure
from effectif.departures.workflows import NoticeKind, Procedure, workflow_of
from effectif.rules.contracts.fixed_term import end_of_contract_indemnity
from effectif.rules.contracts.notice import (
    Notice,
    dismissal_notice,
    resignation_notice,
    trial_end,
)
from effectif.rules.contracts.seniority import seniority
from effectif.rules.contracts.severance import (
    legal_severance,
    reference_salary,
    retirement_indemnity,
)
from effectif.rules.money import ZERO


def fmt(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def department_of(departure: Departure) -> str | None:
    contract = departure.contract
    terms = terms_as_of(contract, contract.end_date or timezone.localdate())
    if terms is None:
        terms = contract.versions.order_by("effective_date").first()
    return terms.establishment.department if terms is not None else None


def notice_start(departure: Departure) -> dt.date | None:
    return departure.notification_received_date or departure.notification_date


def _notice(departure: Departure, start: dt.date) -> Notice | None:
    flow = workflow_of(departure.reason)
    agreed = agreed_notice(departure, start)
    if flow.notice == NoticeKind.DISMISSAL:
        service = seniority(service_start(departure.contract), start)
        short = agreed.short_dismissal if service.total_months < 6 else agreed.dismissal
        return dismissal_notice(
            seniority_months=service.total_months,
            on=start,
            misconduct=flow.misconduct,
            agreement=short,
        )
    if flow.notice == NoticeKind.RESIGNATION:
        return resignation_notice(agreed.resignation)
    return None


def schedule(departure: Departure) -> None:
    """Set the notice, the end of the contract and the last day worked, where the dates known
    so far determine them (HR's own end date is kept where the law leaves it to the parties)."""
    flow = workflow_of(departure.reason)
    contract = departure.contract
    start = notice_start(departure)
    if flow.notice in (NoticeKind.TRIAL_EMPLOYER, NoticeKind.TRIAL_EMPLOYEE):
        trial_last = contract.effective_trial_end_date
        if start is not None and isinstance(trial_last, dt.date):
            end, article = trial_end(
                start=contract.start_date,
                trial_last_day=trial_last,
                notified=start,
                by_employer=flow.notice == NoticeKind.TRIAL_EMPLOYER,
            )
            departure.notice_label = _("délai de prévenance")
            departure.notice_basis = article
            departure.notice_start_date, departure.notice_end_date = start, end
            departure.end_date = end
    elif flow.notice != NoticeKind.NONE and start is not None:
        notice = _notice(departure, start)
        assert notice is not None
        departure.notice_label = notice.label
        departure.notice_basis = notice.basis
        departure.notice_start_date = start
        if notice.length is not None:
            departure.notice_end_date = notice.length.last_day(start)
            if flow.notice_not_worked or flow.misconduct:
                departure.end_date = departure.notification_date
            else:
                departure.end_date = departure.notice_end_date
        elif flow.notice == NoticeKind.DISMISSAL:
            departure.notice_end_date = None
    elif (
        flow.procedure == Procedure.DATED
        and departure.end_date is None
        and departure.reason in ("fin_cdd", "fin_apprentissage")
    ):
        departure.end_date = contract.end_date
    if departure.end_date is not None:
        not_worked = departure.notice_waived or flow.notice_not_worked
        last = departure.notification_date if not_worked else departure.end_date
        departure.last_working_date = min(last or departure.end_date, departure.end_date)


def compute_amounts(departure: Departure, today: dt.date | None = None) -> None:
    """The indemnities, each with the article and the figures it was computed from."""
    flow = workflow_of(departure.reason)
    end = departure.end_date
    basis: dict[str, str] = {}
    departure.severance_amount = None  # type: ignore[assignment]
    departure.cdd_indemnity_amount = None  # type: ignore[assignment]
    departure.reference_salary_amount = None  # type: ignore[assignment]
    if end is None:
        departure.amounts_basis = {
            "info": _("Montants calculés dès que la date de sortie est connue.")
        }
        return
    contract = departure.contract
    start = service_start(contract)
    notified = departure.notification_date or departure.signature_date or end
    if flow.severance or flow.retirement_indemnity:
        reference = reference_salary(monthly_pay(departure, notified))
        departure.reference_salary_amount = reference.amount
        basis["salaire_reference"] = _(
            "%(amount)s € (moyenne des %(method)s, 12 mois : %(twelve)s €, 3 mois : %(three)s €, "
            "%(article)s)"
        ) % {
            "amount": reference.amount,
            "method": reference.method,
            "twelve": reference.twelve_months,
            "three": reference.three_months,
            "article": reference.basis,
        }
        notice_end = departure.notice_end_date or end
        if flow.retirement_indemnity:
            owed = retirement_indemnity(
                seniority=seniority(start, notice_end), reference=reference.amount, on=notified
            )
        else:
            owed = legal_severance(
                seniority_at_notification=seniority(start, notified),
                seniority_at_end=seniority(start, notice_end),
                reference=reference.amount,
                on=notified,
                misconduct=flow.misconduct,
                professional_unfitness=flow.professional_unfitness,
                minimum_seniority=flow.procedure != Procedure.CONVENTIONAL,
            )
        departure.severance_amount = owed.amount if owed.due else ZERO
        basis["indemnite"] = f"{owed.basis} — {owed.detail}" if owed.detail else owed.basis
        if flow.procedure == Procedure.CONVENTIONAL:
            basis["indemnite_legale"] = str(departure.severance_amount)
            agreed = departure.agreed_indemnity_amount
            if agreed is not None and agreed > departure.severance_amount:
                departure.severance_amount = agreed
    if flow.cdd_indemnity:
        total = contract_gross(contract, end)
        result = end_of_contract_indemnity(
            total_gross=total,
            on=end,
            reason=contract.fixed_term_reason,
            exception=departure.cdd_exception or flow.cdd_exception,
        )
        departure.cdd_indemnity_amount = result.amount
        basis["indemnite_fin_contrat"] = _("%(basis)s — rémunération brute totale %(total)s €") % {
            "basis": result.basis,
            "total": total,
        }
    leave = untaken_leave(departure, end)
    departure.leave_days = leave.days
    departure.leave_indemnity_amount = leave.amount
    basis["conges"] = "C. trav. art. L3141-28 — " + (
        " ; ".join(leave.detail) or _("aucun jour restant au compteur")
    )
    departure.amounts_basis = basis


def legal_minimum(departure: Departure) -> Decimal | None:
    """For a rupture conventionnelle: the legal severance indemnity the agreed one must reach."""
    value = departure.amounts_basis.get("indemnite_legale") if departure.amounts_basis else None
    return Decimal(value) if value else None
