"""Prélèvement à la source (PAS) of income tax: the neutral rate grid and the short-contract
abatement (CGI art. 204 H III), applied when the tax office sent no personalised rate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from effectif.rules.parameters.base import DatedValue, Parameter

_RATES = tuple(
    Decimal(rate)
    for rate in (
        "0",
        "0.005",
        "0.013",
        "0.021",
        "0.029",
        "0.035",
        "0.041",
        "0.053",
        "0.075",
        "0.099",
        "0.119",
        "0.138",
        "0.158",
        "0.179",
        "0.20",
        "0.24",
        "0.28",
        "0.33",
        "0.38",
        "0.43",
    )
)


@dataclass(frozen=True, slots=True)
class NeutralGrid:
    """Monthly grid: `rates[i]` applies to a base below `thresholds[i]` (and at or above the
    previous threshold); the last rate applies from the last threshold."""

    thresholds: tuple[Decimal, ...]
    rates: tuple[Decimal, ...]

    def __post_init__(self) -> None:
        if len(self.rates) != len(self.thresholds) + 1:
            raise ValueError("A neutral grid has one more rate than thresholds")
        if list(self.thresholds) != sorted(self.thresholds):
            raise ValueError("Neutral grid thresholds must increase")


def _grid(*thresholds: int) -> NeutralGrid:
    return NeutralGrid(tuple(Decimal(t) for t in thresholds), _RATES)


#: Metropolitan monthly grid (also for taxpayers living abroad).
NEUTRAL_GRID_METROPOLE: Parameter[NeutralGrid] = Parameter(
    name="pas_grille_taux_neutre_metropole",
    description="Grille mensuelle de taux neutre du prélèvement à la source (métropole)",
    values=(
        DatedValue(
            date(2024, 1, 1),
            _grid(
                1591,
                1653,
                1759,
                1877,
                2006,
                2113,
                2253,
                2666,
                3052,
                3476,
                3913,
                4566,
                5475,
                6851,
                8557,
                11877,
                16086,
                25251,
                54088,
            ),
            "CGI art. 204 H III (LF 2024) — de mémoire ; cohérente avec la grille 2025 / 1,018 "
            "; appliquée jusqu'au 30/04/2025",
            unconfirmed=True,
        ),
        DatedValue(
            date(2025, 5, 1),
            _grid(
                1620,
                1683,
                1791,
                1911,
                2042,
                2151,
                2294,
                2714,
                3107,
                3539,
                3983,
                4648,
                5574,
                6974,
                8711,
                12091,
                16376,
                25706,
                55062,
            ),
            "CGI art. 204 H III (LF 2025, revenus versés à partir du 01/05/2025) — "
            "formulepaie.fr ; payroll-cases (2,9 % pour 1 943,56 €)",
            unconfirmed=True,
        ),
        DatedValue(
            date(2026, 5, 1),
            _grid(
                1635,
                1698,
                1807,
                1928,
                2060,
                2170,
                2315,
                2738,
                3135,
                3571,
                4019,
                4690,
                5624,
                7037,
                8789,
                12200,
                16523,
                25937,
                55558,
            ),
            "CGI art. 204 H III (LF 2026, +0,9 %, revenus versés à partir du 01/05/2026) — "
            "BOI-BAREME-000037 d'après des sources secondaires, égal à la grille 2025 × 1,009, arrondie",
            unconfirmed=True,
        ),
    ),
)

#: Abatement on the neutral-rate base for contracts of two months or less: half the monthly
#: net taxable SMIC, rounded to the euro, revalued with the SMIC.
SHORT_CONTRACT_ABATEMENT: Parameter[Decimal] = Parameter(
    name="pas_abattement_contrats_courts",
    description="Abattement contrats courts (≤ 2 mois) sur la base du taux neutre",
    values=(
        DatedValue(
            date(2024, 11, 1),
            Decimal("739"),
            "CGI art. 204 H III 2° ; moitié du SMIC net imposable (1 477,63 €) calculée par ce "
            "moteur pour un salarié non cadre au SMIC de 1 801,80 €",
            unconfirmed=True,
        ),
        DatedValue(
            date(2026, 1, 1),
            Decimal("748"),
            "CGI art. 204 H III 2° — legisocial.fr/7781 (748 € pour 2026 ; ce moteur trouve "
            "un SMIC net imposable de 1 495,04 €)",
        ),
        DatedValue(
            date(2026, 6, 1),
            Decimal("766"),
            "CGI art. 204 H III 2° ; moitié du SMIC net imposable au 01/06/2026 (1 531,12 €) "
            "calculée par ce moteur (l'abattement suit le SMIC, editions-tissot.fr)",
            unconfirmed=True,
        ),
    ),
)

#: Longest initial contract term, in months, that opens the short-contract abatement.
SHORT_CONTRACT_MAX_MONTHS: Parameter[int] = Parameter(
    name="pas_contrat_court_duree_max_mois",
    description="Durée initiale maximale du contrat ouvrant droit à l'abattement contrats courts",
    values=(DatedValue(date(2019, 1, 1), 2, "CGI art. 204 H III 2° (terme ≤ 2 mois)"),),
)
