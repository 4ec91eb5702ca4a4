"""Which body collects each payslip line and which expense account carries its employer part:
the mapping of the accounting export, kept here as data.

A line is looked up by its code first (`LINE_CODES`); a code that is not listed (a line added to
the engine later) is placed by its DSN codes (`rules/parameters/dsn_codes.py`, the `dsn` of the
stored line): a URSSAF aggregated contribution type (CTP) means the URSSAF, an individual
contribution code of AGIRC-ARRCO means the retirement body, a base of a supplementary contract
(31) the provident body; anything else goes to « other bodies », to be checked.

Sources of the classification: the URSSAF collects the contributions of the general scheme,
the assurance chômage and AGS (since 2011), the CSG/CRDS, the FNAL, the versement mobilité, the
contribution au dialogue social and, since 2022, the formation and apprentissage contributions
(C. trav. L6131-3); AGIRC-ARRCO collects the complementary retirement, the CEG, the CET and the
APEC contribution, on which the retirement part of the réduction générale is imputed (DSN code
106); the taxe sur les salaires is paid to the tax office (CGI art. 231). Expense accounts
follow the plan comptable général (641, 645, 631 « administration des impôts », 633 « autres
organismes »: 6331 versement de transport, 6332 allocations logement, 6333 formation, 6334
effort de construction).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _


class Body(StrEnum):
    """Who collects a contribution: its credit account in `AccountingSettings`."""

    URSSAF = "urssaf_account"
    RETIREMENT = "retirement_account"
    PROVIDENT = "provident_account"
    TAX_OFFICE = "tax_office_account"
    OTHER = "other_bodies_account"


class Charge(StrEnum):
    """What the employer's part is in the income statement: its debit account."""

    SOCIAL = "employer_contributions_account"
    TAX = "payroll_taxes_account"
    OTHER_TAX = "other_payroll_taxes_account"


BODY_LABELS: Mapping[Body, Any] = {
    Body.URSSAF: _("URSSAF"),
    Body.RETIREMENT: _("Retraite complémentaire (AGIRC-ARRCO)"),
    Body.PROVIDENT: _("Prévoyance et mutuelle"),
    Body.TAX_OFFICE: _("Service des impôts des entreprises"),
    Body.OTHER: _("Autres organismes"),
}

CHARGE_LABELS: Mapping[Charge, Any] = {
    Charge.SOCIAL: _("Charges sociales patronales"),
    Charge.TAX: _("Taxes sur les rémunérations (impôts)"),
    Charge.OTHER_TAX: _("Taxes sur les rémunérations (autres organismes)"),
}

_URSSAF_SOCIAL = (Body.URSSAF, Charge.SOCIAL)
_URSSAF_TAX = (Body.URSSAF, Charge.TAX)
_URSSAF_OTHER_TAX = (Body.URSSAF, Charge.OTHER_TAX)
_RETIREMENT = (Body.RETIREMENT, Charge.SOCIAL)
_PROVIDENT = (Body.PROVIDENT, Charge.SOCIAL)

#: Each line code of the engine: its body and the kind of its employer part.
LINE_CODES: Mapping[str, tuple[Body, Charge]] = {
    "maladie": _URSSAF_SOCIAL,
    "maladie_alsace_moselle": _URSSAF_SOCIAL,
    "atmp": _URSSAF_SOCIAL,
    "vieillesse_plafonnee": _URSSAF_SOCIAL,
    "vieillesse_deplafonnee": _URSSAF_SOCIAL,
    "allocations_familiales": _URSSAF_SOCIAL,
    "chomage": _URSSAF_SOCIAL,
    "ags": _URSSAF_SOCIAL,
    "csa": _URSSAF_SOCIAL,
    "forfait_social": _URSSAF_SOCIAL,
    "dialogue_social": _URSSAF_SOCIAL,
    "csg_deductible": _URSSAF_SOCIAL,
    "csg_non_deductible": _URSSAF_SOCIAL,
    "crds": _URSSAF_SOCIAL,
    "csg_heures_supplementaires": _URSSAF_SOCIAL,
    "crds_heures_supplementaires": _URSSAF_SOCIAL,
    "reduction_heures_supplementaires": _URSSAF_SOCIAL,
    "deduction_heures_supplementaires": _URSSAF_SOCIAL,
    "reduction_generale": _URSSAF_SOCIAL,
    "versement_mobilite": _URSSAF_OTHER_TAX,
    "fnal_plafonnee": _URSSAF_OTHER_TAX,
    "fnal_deplafonnee": _URSSAF_OTHER_TAX,
    "formation_professionnelle": _URSSAF_OTHER_TAX,
    "cpf_cdd": _URSSAF_OTHER_TAX,
    "taxe_apprentissage": _URSSAF_TAX,
    "taxe_apprentissage_solde": _URSSAF_TAX,
    "contribution_supplementaire_apprentissage": _URSSAF_TAX,
    "retraite_complementaire_t1": _RETIREMENT,
    "retraite_complementaire_t2": _RETIREMENT,
    "ceg_t1": _RETIREMENT,
    "ceg_t2": _RETIREMENT,
    "cet": _RETIREMENT,
    "apec": _RETIREMENT,
    "reduction_generale_retraite": _RETIREMENT,
    "complementaire_sante": _PROVIDENT,
    "prevoyance": _PROVIDENT,
    "prevoyance_cadre": _PROVIDENT,
    "taxe_sur_les_salaires": (Body.TAX_OFFICE, Charge.TAX),
    "peec": (Body.OTHER, Charge.OTHER_TAX),
}

#: DSN individual contribution codes (S21.G00.81.001) collected by AGIRC-ARRCO.
RETIREMENT_CONTRIBUTION_CODES = frozenset({"106", "131", "132"})
#: DSN base code (S21.G00.78.001) of a supplementary health or provident contract.
PROVIDENT_BASE_CODE = "31"


def placement(code: str, dsn: Mapping[str, str | None] | None = None) -> tuple[Body, Charge]:
    """The body and the kind of charge of a line, by its code, else by its DSN codes."""
    if code in LINE_CODES:
        return LINE_CODES[code]
    dsn = dsn or {}
    if dsn.get("contribution") in RETIREMENT_CONTRIBUTION_CODES:
        return _RETIREMENT
    if dsn.get("ctp"):
        return _URSSAF_SOCIAL
    if dsn.get("base") == PROVIDENT_BASE_CODE:
        return _PROVIDENT
    return (Body.OTHER, Charge.SOCIAL)
