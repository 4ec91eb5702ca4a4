"""`make bench`, part « frais »: the control of expense lines, pure Python (no database).

100,000 synthetic expense lines of several thousand employees over the first half of 2026
(meals of every kind, hotel nights in and out of Paris, train tickets, mileage with declared
routes, tolls and parking, other costs), with the oddities an approver has to see: duplicates,
weekend and public-holiday expenses, missing receipts, meals and nights over the policy caps and
the URSSAF limits, lines outside their trip, inflated mileage, dates in the future. The figures
are the time of `check_lines` over all of them (best of three, against the 5 s target) and over
their first fifth (20,000 lines, against 2 s), and of `split_exempt` on every line, with the
anomalies found per code.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from typing import Any

from effectif.rules.travel.allowances import MealKind
from effectif.rules.travel.checks import (
    LODGING,
    MEAL,
    MILEAGE,
    OTHER,
    TOLL_PARKING,
    TRANSPORT,
    LineFacts,
    PolicyFacts,
    check_lines,
    split_exempt,
)
from effectif.rules.travel.wording import number
from effectif.rules.working_time.holidays import public_holidays

TARGET_S = 5.0
#: A fifth of the lines (20,000), once a timed test of the suite: far under this even on a
#: busy machine.
FIFTH_TARGET_S = 2.0
RUNS = 3
LINES = 100_000
TODAY = dt.date(2026, 6, 30)
FIRST_DAY = dt.date(2026, 1, 1)
POLICY = PolicyFacts(
    meal_cap=Decimal("25.00"),
    lodging_cap=Decimal("95.00"),
    lodging_cap_paris=Decimal("140.00"),
    receipt_required_from=Decimal("10.00"),
)
MERCHANTS = {
    MEAL: ["Brasserie du Commerce", "Le Relais", "Café de la Gare", "Chez Paul", "Sushi Shop",
           "Boulangerie Martin", "La Table d'Hôtes", "Restaurant L'Escale", "Buffalo Grill"],
    LODGING: ["Ibis Styles", "Hôtel de la Poste", "Novotel", "Campanile", "B&B Hotels",
              "Kyriad", "Mercure", "Hôtel du Centre"],
    TRANSPORT: ["SNCF Connect", "Air France", "Uber", "G7 Taxi", "RATP", "Ouigo", "BlaBlaCar"],
    MILEAGE: [""],
    TOLL_PARKING: ["Vinci Autoroutes", "APRR", "Sanef", "Indigo", "Effia", "Saemes"],
    OTHER: ["Fnac", "Bureau Vallée", "La Poste", "Amazon", "Office Depot"],
}  # fmt: skip
#: Categories and their weights among the lines.
CATEGORY_WEIGHTS = {MEAL: 45, LODGING: 15, TRANSPORT: 15, MILEAGE: 12, TOLL_PARKING: 8, OTHER: 5}
ONE_DAY = dt.timedelta(days=1)
#: Price ranges of one cover: a few over the URSSAF limits, fewer over the policy cap.
MEAL_PRICES = {
    MealKind.RESTAURANT: (9, 26),
    MealKind.LONG_DISTANCE: (9, 24),
    MealKind.OFF_SITE: (5, 11),
    MealKind.ON_SITE: (4, 7.8),
}
MEAL_KINDS = [MealKind.RESTAURANT, MealKind.LONG_DISTANCE, MealKind.OFF_SITE, MealKind.ON_SITE]


def _cents(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(rng.randrange(int(low * 100), int(high * 100) + 1)) / 100


def generate_lines(count: int = LINES, *, seed: int = 2026) -> list[LineFacts]:
    """`count` realistic lines, the same for a given seed: employees (one per 20 lines, at least
    10) file trips of one to five days, and 1 % of the lines are filed twice."""
    rng = random.Random(seed)
    employees = max(count // 20, 10)
    categories = list(CATEGORY_WEIGHTS)
    weights = list(CATEGORY_WEIGHTS.values())
    lines: list[LineFacts] = []
    key = 0
    while len(lines) < count:
        employee = rng.randrange(employees)
        start = FIRST_DAY + dt.timedelta(days=rng.randrange(175))
        length = rng.choice((1, 1, 2, 3, 5))
        end = start + dt.timedelta(days=length - 1)
        paris = rng.random() < 0.3
        months = rng.choice((0, 0, 0, 0, 4, 30))
        for category in rng.choices(categories, weights, k=rng.randrange(1, 9)):
            key += 1
            on = start + dt.timedelta(days=rng.randrange(length))
            if rng.random() < 0.02:  # now and then the day before or after the trip
                on = start - dt.timedelta(days=1) if rng.random() < 0.5 else end + ONE_DAY
            merchant = rng.choice(MERCHANTS[category])
            facts: dict[str, Any] = {}
            if category == MEAL:
                kind = rng.choice(MEAL_KINDS)
                guests = 1 if rng.random() < 0.85 else rng.randrange(2, 5)
                low, high = MEAL_PRICES[kind]
                amount = _cents(rng, low, high) * guests
                facts = {"meal_kind": kind.value, "guests": guests, "months_on_site": months}
            elif category == LODGING:
                nights = rng.randrange(1, max(length, 2))
                amount = _cents(rng, *(70, 135) if paris else (45, 85)) * nights
                facts = {"paris_area": paris, "nights": nights, "months_on_site": months}
            elif category == MILEAGE:
                route = Decimal(rng.randrange(10, 600))
                declared = route if rng.random() < 0.9 else route * Decimal("1.3")
                amount = (declared * Decimal("0.636")).quantize(Decimal("0.01"))
                facts = {"distance_km": declared, "route_km": route}
            elif category == TRANSPORT:
                amount = _cents(rng, 2, 240)
                on = start - dt.timedelta(days=rng.randrange(20))  # bought ahead
            else:
                amount = _cents(rng, 2, 60)
            if rng.random() < 0.002:
                on = TODAY + dt.timedelta(days=rng.randrange(1, 30))
            line = LineFacts(
                key=key,
                employee_key=employee,
                category=category,
                expense_date=on,
                amount=amount,
                merchant=merchant,
                has_receipt=category != MILEAGE and rng.random() > 0.05,
                trip_start=start,
                trip_end=end,
                **facts,
            )
            lines.append(line)
            if rng.random() < 0.01 and len(lines) < count:
                key += 1
                twin = merchant.upper() + "." if rng.random() < 0.5 else merchant
                lines.append(replace(line, key=key, merchant=twin))
            if len(lines) >= count:
                break
    return lines


def measure(count: int = LINES, runs: int = RUNS) -> dict[str, Any]:
    """Generate the lines, then time the checks (best of `runs`) and the exempt split."""
    started = time.perf_counter()
    lines = generate_lines(count)
    generation_s = time.perf_counter() - started
    holidays = {holiday.day for holiday in public_holidays(2026)}
    timings = []
    anomalies: dict[int, list[Any]] = {}
    for _ in range(runs):
        started = time.perf_counter()
        anomalies = check_lines(lines, POLICY, holidays=holidays, today=TODAY)
        timings.append(time.perf_counter() - started)
    fifth = lines[: count // 5]
    fifth_timings = []
    for _ in range(runs):
        started = time.perf_counter()
        check_lines(fifth, POLICY, holidays=holidays, today=TODAY)
        fifth_timings.append(time.perf_counter() - started)
    split_timings = []
    taxable = Decimal(0)
    for _ in range(runs):
        started = time.perf_counter()
        taxable = sum((split_exempt(line, line.amount).taxable for line in lines), Decimal(0))
        split_timings.append(time.perf_counter() - started)
    codes = Counter(anomaly.code.value for found in anomalies.values() for anomaly in found)
    return {
        "lines": len(lines),
        "employees": len({line.employee_key for line in lines}),
        "generation_s": round(generation_s, 2),
        "check_s": round(min(timings), 3),
        "fifth_lines": len(fifth),
        "fifth_check_s": round(min(fifth_timings), 3),
        "split_s": round(min(split_timings), 3),
        "runs": runs,
        "flagged_lines": len(anomalies),
        "codes": dict(sorted(codes.items())),
        "taxable": f"{taxable:.2f}",
    }


def describe(figures: dict[str, Any]) -> list[str]:
    verdict = "✓" if figures["check_s"] < TARGET_S else "✗"
    fifth_verdict = "✓" if figures["fifth_check_s"] < FIFTH_TARGET_S else "✗"
    codes = ", ".join(f"{code} {n}" for code, n in figures["codes"].items())
    return [
        f"  {number(figures['lines'])} lignes de {number(figures['employees'])} salariés (générées en "
        f"{figures['generation_s']} s)",
        f"  contrôle (check_lines) en {figures['check_s']:.3f} s (meilleur de {figures['runs']})"
        f" {verdict} < {TARGET_S:.0f} s ; {figures['flagged_lines']} lignes signalées",
        f"  contrôle d'un cinquième ({number(figures['fifth_lines'])} lignes) en "
        f"{figures['fifth_check_s']:.3f} s {fifth_verdict} < {FIFTH_TARGET_S:.0f} s",
        f"  anomalies : {codes}",
        f"  part exonérée / soumise (split_exempt) en {figures['split_s']:.3f} s ; "
        f"{figures['taxable'].replace('.', ',')} € soumis à cotisations",
    ]


def run(count: int = LINES) -> dict[str, Any]:
    """The harness's entry point."""
    print(
        f"\n== Frais : contrôle de {number(count)} lignes de notes de frais (cible < 5 s) ==",
        flush=True,
    )
    figures = measure(count)
    for text in describe(figures):
        print(text, flush=True)
    return figures
