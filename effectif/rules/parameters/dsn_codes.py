"""DSN codes of each payslip line: base (S21.G00.78.001), individual contribution
(S21.G00.81.001) and URSSAF aggregated contribution type (CTP, S21.G00.23.001).

Unconfirmed: taken from third-party tables said to be generated from cahier technique CT2026.1
(net-entreprises.fr, « Cahier technique de la DSN ») and from memory; `None` where no code could be checked. Verify
against the net-entreprises cahier technique before the DSN module relies on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from effectif.rules.parameters.base import DatedValue, Parameter


@dataclass(frozen=True, slots=True)
class DsnCodes:
    """Codes a payslip line is declared under; `None` when not declared that way or unknown."""

    base: str | None
    contribution: str | None
    ctp: str | None


_NONE = DsnCodes(None, None, None)

_CODES: dict[str, DsnCodes] = {
    "maladie": DsnCodes("03", "075", "100"),
    "maladie_alsace_moselle": DsnCodes("03", "115", None),
    "complementaire_sante": DsnCodes("31", None, None),
    "prevoyance": DsnCodes("31", None, None),
    "prevoyance_cadre": DsnCodes("31", None, None),
    "atmp": DsnCodes("03", "045", "100"),
    "vieillesse_plafonnee": DsnCodes("02", "076", "100"),
    "vieillesse_deplafonnee": DsnCodes("03", "076", "100"),
    "retraite_complementaire_t1": DsnCodes("02", "131", None),
    "retraite_complementaire_t2": DsnCodes("03", "131", None),
    "ceg_t1": DsnCodes("02", None, None),
    "ceg_t2": DsnCodes("03", None, None),
    "cet": DsnCodes("03", None, None),
    "allocations_familiales": DsnCodes("03", "074", "100"),
    "chomage": DsnCodes("07", "040", "772"),
    "ags": DsnCodes("07", "048", "937"),
    "versement_mobilite": DsnCodes("03", "081", "900"),
    "fnal_plafonnee": DsnCodes("02", "049", "236"),
    "fnal_deplafonnee": DsnCodes("03", "049", "332"),
    "csa": DsnCodes("03", "068", "100"),
    "forfait_social": DsnCodes("13", None, None),
    "dialogue_social": DsnCodes("03", "100", "027"),
    "formation_professionnelle": DsnCodes("03", "128", None),
    "cpf_cdd": DsnCodes("03", "129", None),
    "taxe_apprentissage": DsnCodes("03", "130", None),
    "taxe_apprentissage_solde": DsnCodes("03", None, None),
    "contribution_supplementaire_apprentissage": DsnCodes("03", None, None),
    "peec": DsnCodes("03", None, None),
    "taxe_sur_les_salaires": _NONE,
    "apec": DsnCodes("03", "132", None),
    "csg_deductible": DsnCodes("04", "072", "260"),
    "csg_non_deductible": DsnCodes("04", "072", "260"),
    "crds": DsnCodes("04", "079", "260"),
    "csg_heures_supplementaires": DsnCodes("04", "072", "260"),
    "crds_heures_supplementaires": DsnCodes("04", "079", "260"),
    "reduction_heures_supplementaires": DsnCodes(None, "114", "003"),
    "deduction_heures_supplementaires": DsnCodes(None, "021", "004"),
    "reduction_generale": DsnCodes(None, "018", "668"),
    "reduction_generale_retraite": DsnCodes(None, "106", None),
}

LINE_DSN_CODES: Parameter[dict[str, DsnCodes]] = Parameter(
    name="codes_dsn_lignes_bulletin",
    description="Codes DSN (base assujettie, cotisation individuelle, CTP) de chaque ligne",
    values=(
        DatedValue(
            date(2025, 1, 1),
            _CODES,
            "Cahier technique DSN CT2025/CT2026.1 (net-entreprises.fr) d'après des tables tierces et de "
            "mémoire — à vérifier",
            unconfirmed=True,
        ),
    ),
)
