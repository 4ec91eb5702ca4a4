"""Dated figures of business travel: URSSAF allowance limits (arrêté du 20/12/2002), the
reductions of long-stay grand déplacement, its presumption, and the fiscal mileage scale.

Every value cites its source: the arrêté du 20/12/2002 relatif aux frais professionnels
(NOR SANS0224282A, JORFTEXT000000782916; grand déplacement in its art. 5 as amended by the
arrêté du 25/07/2005) with the limits URSSAF and the BOSS publish each 1 January (boss.gouv.fr,
« Frais professionnels » ; urssaf.fr, « Frais professionnels : les limites d'exonération »), and
the arrêté du 27/03/2023 for the mileage scale (JORFTEXT000047416556, BOI-BAREME-000001).
Values not seen in an official text are `unconfirmed=True`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from effectif.rules.parameters.base import DatedValue, Parameter

_ARRETE = "Arrêté du 20/12/2002 (frais professionnels)"
_SOURCES_2025 = f"{_ARRETE} ; barème URSSAF 2025"
_SOURCES_2026 = (
    f"{_ARRETE} ; barème URSSAF 2026 (urssaf.fr, « Frais professionnels : les limites "
    "d'exonération », note URSSAF du 09/01/2026)"
)


def _allowance(name: str, description: str, v2025: str, v2026: str) -> Parameter[Decimal]:
    return Parameter(
        name=name,
        description=description,
        values=(
            DatedValue(date(2025, 1, 1), Decimal(v2025), _SOURCES_2025),
            DatedValue(date(2026, 1, 1), Decimal(v2026), _SOURCES_2026),
        ),
    )


#: Meal taken at the workplace because of particular working hours or organisation (night work,
#: shifts): arrêté du 20/12/2002 art. 3 2°.
MEAL_ON_SITE = _allowance(
    "indemnite_repas_sur_lieu_de_travail",
    "Indemnité de repas sur le lieu de travail (conditions particulières de travail)",
    "7.40",
    "7.50",
)
#: Meal off the premises, not forced to eat at a restaurant (chantier, client site): art. 3 3°.
MEAL_OFF_SITE = _allowance(
    "indemnite_repas_hors_locaux",
    "Indemnité de repas hors des locaux de l'entreprise (restaurant non imposé)",
    "10.30",
    "10.40",
)
#: Meal at a restaurant while travelling (petit déplacement): art. 3 1°.
MEAL_RESTAURANT = _allowance(
    "indemnite_repas_restaurant",
    "Indemnité de repas au restaurant en petit déplacement",
    "21.10",
    "21.40",
)
#: Meal in grand déplacement in metropolitan France, first three months: art. 5.
LONG_DISTANCE_MEAL = _allowance(
    "grand_deplacement_repas",
    "Grand déplacement en métropole : indemnité par repas (3 premiers mois)",
    "21.10",
    "21.40",
)
#: Lodging and breakfast in grand déplacement, Paris and the petite couronne (75, 92, 93, 94).
LODGING_PARIS = _allowance(
    "grand_deplacement_logement_paris",
    "Grand déplacement : logement et petit-déjeuner à Paris, Hauts-de-Seine, Seine-Saint-Denis, "
    "Val-de-Marne (3 premiers mois)",
    "75.60",
    "76.60",
)
#: Lodging and breakfast in grand déplacement, other départements of metropolitan France.
LODGING_OTHER = _allowance(
    "grand_deplacement_logement_autres",
    "Grand déplacement : logement et petit-déjeuner dans les autres départements (3 premiers mois)",
    "56.10",
    "56.80",
)


@dataclass(frozen=True, slots=True)
class Reduction:
    """From `after_months` full months on the same site, the limit is reduced by `rate`."""

    after_months: int
    rate: Decimal
    label: str


@dataclass(frozen=True, slots=True)
class LongDistanceReductions:
    """The abatements of a long stay on one site; reduced limits are rounded to `rounding`
    (URSSAF publishes them to the ten cents: 21,10 € × 0,85 = 17,935 → 17,90 €)."""

    steps: tuple[Reduction, ...]
    rounding: Decimal

    def step_for(self, months_on_site: int) -> Reduction | None:
        """The reduction in force after `months_on_site` full months, or None (first months)."""
        found: Reduction | None = None
        for step in self.steps:
            if months_on_site >= step.after_months:
                found = step
        return found


_REDUCTION_STEPS = (
    Reduction(3, Decimal("0.15"), "du 4e au 24e mois, abattement de 15 %"),
    Reduction(24, Decimal("0.30"), "du 25e au 72e mois, abattement de 30 %"),
)

LONG_DISTANCE_REDUCTIONS: Parameter[LongDistanceReductions] = Parameter(
    name="grand_deplacement_abattements",
    description="Grand déplacement sur un même lieu : −15 % après 3 mois, −30 % après 24 mois",
    values=(
        DatedValue(
            date(2025, 1, 1),
            LongDistanceReductions(_REDUCTION_STEPS, Decimal("0.1")),
            f"{_ARRETE} art. 5 ; montants URSSAF 2025 (17,90 / 64,30 / 47,70 € ; "
            "14,80 / 52,90 / 39,30 €) retrouvés par l'arrondi aux 10 centimes (barème URSSAF "
            "2025)",
        ),
        DatedValue(
            date(2026, 1, 1),
            LongDistanceReductions(_REDUCTION_STEPS, Decimal("0.1")),
            f"{_ARRETE} art. 5 ; montants 2026 calculés (≈ 18,20 / 65,10 / 48,30 € ; "
            "15,00 / 53,60 / 39,80 €), non vus dans le barème officiel",
            unconfirmed=True,
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class LongDistancePresumption:
    """Grand déplacement is presumed when the employee cannot go home each day: the site is at
    least `min_distance_km` away (one way) and public transport takes at least
    `min_public_transport_minutes` (one way)."""

    min_distance_km: int
    min_public_transport_minutes: int


LONG_DISTANCE_PRESUMPTION: Parameter[LongDistancePresumption] = Parameter(
    name="grand_deplacement_presomption",
    description="Présomption de grand déplacement : 50 km et 1 h 30 de transports en commun (aller)",
    values=(
        DatedValue(
            date(2003, 1, 1),
            LongDistancePresumption(50, 90),
            f"{_ARRETE} art. 5 ; BOSS « Frais professionnels », grand déplacement",
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class MileageBand:
    """Annual amount `distance × rate + fixed` for a yearly distance up to `up_to_km`
    (None: no upper bound)."""

    up_to_km: Decimal | None
    rate: Decimal
    fixed: Decimal
    label: str


@dataclass(frozen=True, slots=True)
class PowerScale:
    """The bands of one power class (fiscal horsepower from `min_cv` to `max_cv` inclusive)."""

    min_cv: int
    max_cv: int | None
    label: str
    bands: tuple[MileageBand, ...]

    def band_index(self, distance_km: Decimal) -> int:
        for index, band in enumerate(self.bands):
            if band.up_to_km is None or distance_km <= band.up_to_km:
                return index
        return len(self.bands) - 1


@dataclass(frozen=True, slots=True)
class MileageScale:
    """The barème kilométrique: cars, motorcycles (> 50 cm³), mopeds (≤ 50 cm³), and the
    increase for electric vehicles."""

    cars: tuple[PowerScale, ...]
    motorcycles: tuple[PowerScale, ...]
    mopeds: PowerScale
    electric_increase: Decimal

    def power_scale(self, kind: str, fiscal_power: int) -> PowerScale:
        """The class of a vehicle; `kind` is a `VehicleKind` value."""
        if kind == "cyclomoteur":
            return self.mopeds
        classes = self.cars if kind == "voiture" else self.motorcycles
        for power in classes:  # ordered by power: the first class that covers it
            if power.max_cv is None or fiscal_power <= power.max_cv:
                return power
        return classes[-1]


def _car_bands(first: str, second: str, fixed: str, third: str) -> tuple[MileageBand, ...]:
    return (
        MileageBand(Decimal(5000), Decimal(first), Decimal(0), "jusqu'à 5 000 km par an"),
        MileageBand(Decimal(20000), Decimal(second), Decimal(fixed), "de 5 001 à 20 000 km par an"),
        MileageBand(None, Decimal(third), Decimal(0), "au-delà de 20 000 km par an"),
    )


def _two_wheel_bands(first: str, second: str, fixed: str, third: str) -> tuple[MileageBand, ...]:
    return (
        MileageBand(Decimal(3000), Decimal(first), Decimal(0), "jusqu'à 3 000 km par an"),
        MileageBand(Decimal(6000), Decimal(second), Decimal(fixed), "de 3 001 à 6 000 km par an"),
        MileageBand(None, Decimal(third), Decimal(0), "au-delà de 6 000 km par an"),
    )


_SCALE_2023 = MileageScale(
    cars=(
        PowerScale(0, 3, "3 CV et moins", _car_bands("0.529", "0.316", "1065", "0.370")),
        PowerScale(4, 4, "4 CV", _car_bands("0.606", "0.340", "1330", "0.407")),
        PowerScale(5, 5, "5 CV", _car_bands("0.636", "0.357", "1395", "0.427")),
        PowerScale(6, 6, "6 CV", _car_bands("0.665", "0.374", "1457", "0.447")),
        PowerScale(7, None, "7 CV et plus", _car_bands("0.697", "0.394", "1515", "0.470")),
    ),
    motorcycles=(
        PowerScale(0, 2, "moto 1 ou 2 CV", _two_wheel_bands("0.395", "0.099", "891", "0.248")),
        PowerScale(3, 5, "moto 3 à 5 CV", _two_wheel_bands("0.468", "0.082", "1158", "0.275")),
        PowerScale(
            6, None, "moto plus de 5 CV", _two_wheel_bands("0.606", "0.079", "1583", "0.343")
        ),
    ),
    mopeds=PowerScale(0, None, "cyclomoteur", _two_wheel_bands("0.315", "0.079", "711", "0.198")),
    electric_increase=Decimal("0.20"),
)

MILEAGE_SCALE: Parameter[MileageScale] = Parameter(
    name="bareme_kilometrique",
    description="Barème kilométrique fiscal (voitures, motos, cyclomoteurs ; +20 % électrique)",
    values=(
        DatedValue(
            date(2025, 1, 1),
            _SCALE_2023,
            "Arrêté du 27/03/2023 (JORFTEXT000047416556), reconduit pour les revenus 2023, 2024 "
            "et 2025 — BOI-BAREME-000001 (bofip.impots.gouv.fr)",
        ),
        DatedValue(
            date(2026, 1, 1),
            _SCALE_2023,
            "Barème de l'arrêté du 27/03/2023 annoncé inchangé (service-public 09/04/2026 selon "
            "outils-ec.fr/idkm) ; arrêté officiel 2026 non vu",
            unconfirmed=True,
        ),
    ),
)

#: Every parameter of this module, for the reviews of sources and unconfirmed values.
ALL_PARAMETERS: tuple[Parameter[Any], ...] = (
    MEAL_ON_SITE,
    MEAL_OFF_SITE,
    MEAL_RESTAURANT,
    LONG_DISTANCE_MEAL,
    LODGING_PARIS,
    LODGING_OTHER,
    LONG_DISTANCE_REDUCTIONS,
    LONG_DISTANCE_PRESUMPTION,
    MILEAGE_SCALE,
)


def parameters_version(on: date) -> str:
    """The version of the figures used on `on`, named after the latest start among them
    (e.g. "frais-2026-01-01"), to be stored beside a computed amount."""
    latest = max(parameter.version_at(on).start for parameter in ALL_PARAMETERS)
    return f"frais-{latest.isoformat()}"
