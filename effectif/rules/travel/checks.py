"""The control of expense lines: policy and URSSAF limits, receipts, duplicates, dates.

Built for volume (100 000 lines in well under a second): limits are looked up once per
(date, kind) in small caches, dates are described once, duplicates are found with a dict and
merchants are normalised once per distinct spelling.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from effectif.rules.money import ZERO, round_amount
from effectif.rules.travel.allowances import Limit, MealKind, lodging_limit, meal_limit
from effectif.rules.travel.wording import day, euros, number


class Code(StrEnum):
    OVER_POLICY = "hors_politique"
    OVER_URSSAF = "au_dela_urssaf"
    MISSING_RECEIPT = "sans_justificatif"
    DUPLICATE = "doublon"
    WEEKEND = "week_end"
    HOLIDAY = "jour_ferie"
    OUTSIDE_TRIP = "hors_mission"
    MILEAGE_ROUTE = "kilometrage_incoherent"
    FUTURE_DATE = "date_future"


#: Categories of expense lines.
MEAL = "repas"
LODGING = "hebergement"
TRANSPORT = "transport"
MILEAGE = "kilometres"
TOLL_PARKING = "peage_parking"
OTHER = "autre"
CATEGORIES = (MEAL, LODGING, TRANSPORT, MILEAGE, TOLL_PARKING, OTHER)

#: A declared distance is incoherent when it exceeds the route's by more than 10 % and 5 km.
ROUTE_TOLERANCE = Decimal("0.10")
ROUTE_MIN_GAP_KM = Decimal(5)


@dataclass(frozen=True, slots=True)
class LineFacts:
    key: int
    employee_key: int
    category: str
    expense_date: date
    amount: Decimal
    merchant: str = ""
    has_receipt: bool = False
    meal_kind: str = ""  # a MealKind value, for meals; "" is a restaurant meal
    paris_area: bool = False
    guests: int = 1  # covers of a meal, the employee included
    nights: int = 1
    distance_km: Decimal | None = None
    route_km: Decimal | None = None  # distance expected for the declared route, if known
    trip_start: date | None = None
    trip_end: date | None = None
    months_on_site: int = 0


@dataclass(frozen=True)
class PolicyFacts:
    meal_cap: Decimal | None = None  # per cover
    lodging_cap: Decimal | None = None  # per night
    lodging_cap_paris: Decimal | None = None  # per night in Paris and petite couronne
    receipt_required_from: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class Anomaly:
    code: Code
    message: str  # French, for the approver, with the figures
    excess_amount: Decimal | None = None


_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_SEPARATORS = frozenset(" -_.,;:'’/&+()\"")


def normalise_merchant(merchant: str) -> str:
    """A merchant's name for comparison: no case, accents, punctuation or repeated spaces
    ("Café de la Gare", "CAFE DE LA GARE." and "café  de-la gare" are one merchant)."""
    decomposed = unicodedata.normalize("NFKD", merchant.casefold())
    kept = "".join(
        " " if c in _SEPARATORS else c for c in decomposed if c in _SEPARATORS or c.isalnum()
    )
    return " ".join(kept.split())


def _meal_kind(line: LineFacts) -> MealKind:
    return MealKind(line.meal_kind) if line.meal_kind else MealKind.RESTAURANT


def _times(count: int, unit: Decimal) -> str:
    return euros(unit) if count == 1 else f"{count} × {euros(unit)}"


def _units(line: LineFacts) -> tuple[str, int]:
    """How a meal or a lodging line is counted: ("couvert", guests) or ("nuit", nights)."""
    if line.category == MEAL:
        return "couvert", max(line.guests, 1)
    return "nuit", max(line.nights, 1)


def _what(line: LineFacts) -> str:
    noun, count = _units(line)
    subject = "Repas" if line.category == MEAL else "Hébergement"
    plural = "s" if count > 1 else ""
    counted = f" ({count} {noun}{plural})" if count > 1 else ""
    return f"{subject} de {euros(line.amount)}{counted}"


class _Checker:
    """One control run: the policy, the dates and the caches shared by all lines."""

    def __init__(self, policy: PolicyFacts, holidays: Collection[date], today: date) -> None:
        self.policy = policy
        self.holidays = frozenset(holidays)
        self.today = today
        self.day_notes: dict[date, Anomaly | None] = {}
        self.meal_limits: dict[tuple[date, str, int], Limit] = {}
        self.lodging_limits: dict[tuple[date, bool, int], Limit] = {}
        self.merchants: dict[str, str] = {}
        self.lodging_cap_paris = (
            policy.lodging_cap_paris if policy.lodging_cap_paris is not None else policy.lodging_cap
        )

    def day_note(self, on: date) -> Anomaly | None:
        """A holiday or a weekend day, described once per date."""
        if on in self.day_notes:
            return self.day_notes[on]
        note: Anomaly | None = None
        if on in self.holidays:
            note = Anomaly(
                Code.HOLIDAY,
                f"Dépense d'un jour férié ({_WEEKDAYS[on.weekday()]} {day(on)}) : vérifier "
                "qu'il s'agit d'un jour de mission.",
            )
        elif on.weekday() >= 5:
            note = Anomaly(
                Code.WEEKEND,
                f"Dépense d'un {_WEEKDAYS[on.weekday()]} ({day(on)}) : vérifier qu'il s'agit "
                "d'un jour de mission.",
            )
        self.day_notes[on] = note
        return note

    def urssaf_limit(self, line: LineFacts) -> Limit:
        on, months = line.expense_date, line.months_on_site
        if line.category == MEAL:
            meal_key = (on, line.meal_kind, months)
            found = self.meal_limits.get(meal_key)
            if found is None:
                found = meal_limit(_meal_kind(line), on, months_on_site=months)
                self.meal_limits[meal_key] = found
            return found
        lodging_key = (on, line.paris_area, months)
        found = self.lodging_limits.get(lodging_key)
        if found is None:
            found = lodging_limit(paris_area=line.paris_area, on=on, months_on_site=months)
            self.lodging_limits[lodging_key] = found
        return found

    def merchant(self, merchant: str) -> str:
        found = self.merchants.get(merchant)
        if found is None:
            found = normalise_merchant(merchant)
            self.merchants[merchant] = found
        return found

    def check(self, line: LineFacts) -> list[Anomaly]:
        """The anomalies of one line, duplicates apart."""
        found: list[Anomaly] = []
        on = line.expense_date
        if on > self.today:
            found.append(
                Anomaly(
                    Code.FUTURE_DATE,
                    f"Dépense datée du {day(on)}, postérieure à aujourd'hui ({day(self.today)}).",
                )
            )
        start, end = line.trip_start, line.trip_end
        in_trip = False
        if start is not None or end is not None:
            # Tickets are bought ahead of the trip: only their dates after its end are odd.
            early = start is not None and on < start and line.category != TRANSPORT
            late = end is not None and on > end
            in_trip = (start is None or on >= start) and (end is None or on <= end)
            # ... and a ticket bought on a Saturday is no weekend expense.
            in_trip = in_trip or (line.category == TRANSPORT and not late)
            if early or late:
                found.append(Anomaly(Code.OUTSIDE_TRIP, _outside_trip(on, start, end)))
        if not in_trip:
            note = self.day_note(on)
            if note is not None:
                found.append(note)
        category, amount = line.category, line.amount
        if category != MILEAGE and not line.has_receipt and self._needs_receipt(amount):
            threshold = self.policy.receipt_required_from
            rule = f" (obligatoire à partir de {euros(threshold)})" if threshold > 0 else ""
            found.append(
                Anomaly(
                    Code.MISSING_RECEIPT,
                    f"Aucun justificatif pour cette dépense de {euros(amount)}{rule}.",
                )
            )
        if category in (MEAL, LODGING):
            self._over_limits(line, found)
        elif category == MILEAGE:
            self._mileage(line, found)
        return found

    def _needs_receipt(self, amount: Decimal) -> bool:
        return amount > 0 and amount >= self.policy.receipt_required_from

    def _over_limits(self, line: LineFacts, found: list[Anomaly]) -> None:
        _, count = _units(line)
        amount = line.amount
        if line.category == MEAL:
            cap = self.policy.meal_cap
        else:
            cap = self.lodging_cap_paris if line.paris_area else self.policy.lodging_cap
        if cap is not None and amount > cap * count:
            excess = round_amount(amount - cap * count)
            detail = f" ({_times(count, cap)})" if count > 1 else ""
            found.append(
                Anomaly(
                    Code.OVER_POLICY,
                    f"{_what(line)} au-delà du plafond de la politique de voyage de "
                    f"{euros(cap * count)}{detail} : {euros(excess)} de dépassement.",
                    excess,
                )
            )
        limit = self.urssaf_limit(line)
        total = limit.amount * count
        if amount > total:
            excess = round_amount(amount - total)
            detail = f"{_times(count, limit.amount)}, {limit.label}" if count > 1 else limit.label
            found.append(
                Anomaly(
                    Code.OVER_URSSAF,
                    f"{_what(line)} au-delà de la limite URSSAF de {euros(total)} ({detail}) : "
                    f"{euros(excess)} soumis à cotisations.",
                    excess,
                )
            )

    def _mileage(self, line: LineFacts, found: list[Anomaly]) -> None:
        declared, expected = line.distance_km, line.route_km
        if declared is None:
            found.append(
                Anomaly(Code.MILEAGE_ROUTE, "Indemnité kilométrique sans distance déclarée.")
            )
            return
        if expected is None:
            return
        gap = declared - expected
        if gap > ROUTE_MIN_GAP_KM and gap > expected * ROUTE_TOLERANCE:
            share = f", +{number(round(gap * 100 / expected))} %" if expected > 0 else ""
            found.append(
                Anomaly(
                    Code.MILEAGE_ROUTE,
                    f"Distance déclarée de {number(declared)} km pour un trajet estimé à "
                    f"{number(expected)} km (écart de {number(gap)} km{share}).",
                )
            )


def _outside_trip(on: date, start: date | None, end: date | None) -> str:
    if start is not None and end is not None:
        period = f"du {day(start)} au {day(end)}"
    elif start is not None:
        period = f"à partir du {day(start)}"
    else:
        assert end is not None
        period = f"jusqu'au {day(end)}"
    return f"Dépense du {day(on)} en dehors des dates de la mission ({period})."


def check_lines(
    lines: Iterable[LineFacts], policy: PolicyFacts, *, holidays: Collection[date], today: date
) -> dict[int, list[Anomaly]]:
    """The anomalies of each line, only for the keys that have some.

    Per line: a date in the future; a date outside the trip (tickets may be bought before it
    starts); a weekend or a public holiday when the line is not within its trip's dates (nor a
    ticket bought ahead of it); no receipt from the policy's threshold (mileage needs none); a
    meal or a night over the policy cap or over the URSSAF limit (× covers or nights), with the
    excess; a mileage line without distance or longer than its route by more than 10 % and
    5 km. A meal without kind is a restaurant meal. Across lines: duplicates,
    the same employee, date, amount and normalised merchant; each line names the others.
    """
    checker = _Checker(policy, holidays, today)
    result: dict[int, list[Anomaly]] = {}
    seen: dict[tuple[int, Decimal, date, str], list[LineFacts]] = {}
    check, merchant = checker.check, checker.merchant
    for line in lines:
        found = check(line)
        if found:
            result[line.key] = found
        same = (line.employee_key, line.amount, line.expense_date, merchant(line.merchant))
        group = seen.get(same)
        if group is None:
            seen[same] = [line]
        elif all(other.key != line.key for other in group):
            group.append(line)
    for group in seen.values():
        if len(group) > 1:
            _flag_duplicates(group, result)
    return result


def _flag_duplicates(group: list[LineFacts], result: dict[int, list[Anomaly]]) -> None:
    first = group[0]
    where = f"même date ({day(first.expense_date)}), même montant ({euros(first.amount)})"
    if first.merchant.strip():
        where += f" et même fournisseur ({first.merchant.strip()})"
    for line in group:
        others = [str(other.key) for other in group if other is not line]
        named = f"la ligne {others[0]}" if len(others) == 1 else f"les lignes {', '.join(others)}"
        result.setdefault(line.key, []).append(
            Anomaly(Code.DUPLICATE, f"Doublon possible avec {named} : {where}.")
        )


@dataclass(frozen=True)
class Split:
    exempt: Decimal
    taxable: Decimal
    limit: Limit | None


def split_exempt(line: LineFacts, accepted_amount: Decimal) -> Split:
    """The part of an accepted amount exempt from contributions, and the taxable excess.

    Meals: up to the URSSAF limit × covers; lodging: up to the limit × nights; the excess is
    subject to contributions. Mileage (already priced on the fiscal scale), transport, tolls and
    parking, other costs: exempt. The limit returned is the line's total, its label says how it
    was counted.
    """
    if accepted_amount < 0:
        raise ValueError("Le montant accepté ne peut pas être négatif.")
    accepted = round_amount(accepted_amount)
    if line.category not in (MEAL, LODGING):
        return Split(accepted, ZERO, None)
    on, months = line.expense_date, line.months_on_site
    if line.category == MEAL:
        unit = meal_limit(_meal_kind(line), on, months_on_site=months)
    else:
        unit = lodging_limit(paris_area=line.paris_area, on=on, months_on_site=months)
    noun, count = _units(line)
    limit = (
        unit
        if count == 1
        else Limit(
            unit.amount * count,
            f"{unit.label}, {count} {noun}s × {euros(unit.amount)}",
            unit.source,
        )
    )
    exempt = min(accepted, limit.amount)
    return Split(exempt, accepted - exempt, limit)
