"""The control of expense lines: one table of single lines with the anomalies expected, then
duplicates, the exempt/taxable split and its properties.

Limits: arrêté du 20/12/2002 on professional costs, URSSAF 2026 values (restaurant 21,40 €,
lodging 56,80 € / 76,60 € in Paris). Dates: 10/03/2026 is a Tuesday, 14/03/2026 a Saturday,
06/04/2026 Easter Monday (public holidays from effectif.rules.working_time.holidays).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from effectif.rules.travel.allowances import MealKind
from effectif.rules.travel.checks import (
    CATEGORIES,
    Code,
    LineFacts,
    PolicyFacts,
    check_lines,
    normalise_merchant,
    split_exempt,
)
from effectif.rules.working_time.holidays import public_holidays

TUESDAY = date(2026, 3, 10)
SATURDAY = date(2026, 3, 14)
EASTER_MONDAY = date(2026, 4, 6)
TODAY = date(2026, 6, 30)
HOLIDAYS = frozenset(h.day for h in public_holidays(2026))
POLICY = PolicyFacts(
    meal_cap=Decimal("25.00"),
    lodging_cap=Decimal("90.00"),
    lodging_cap_paris=Decimal("130.00"),
    receipt_required_from=Decimal("10.00"),
)
D = Decimal


def line(**changes: object) -> LineFacts:
    """A clean meal: a Tuesday, 18 €, with its receipt, within its trip."""
    base = LineFacts(
        key=1,
        employee_key=7,
        category="repas",
        expense_date=TUESDAY,
        amount=D("18.00"),
        merchant="Le Relais",
        has_receipt=True,
        meal_kind="restaurant",
        trip_start=TUESDAY,
        trip_end=date(2026, 3, 12),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def codes_of(facts: LineFacts, policy: PolicyFacts = POLICY) -> list[Code]:
    found = check_lines([facts], policy, holidays=HOLIDAYS, today=TODAY)
    return [anomaly.code for anomaly in found.get(facts.key, [])]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        # 21,40 < 24 ≤ 25: over the URSSAF limit only
        ({"amount": D("24.00")}, [Code.OVER_URSSAF]),
        # 32 > 25 and > 21,40
        ({"amount": D("32.00")}, [Code.OVER_POLICY, Code.OVER_URSSAF]),
        # 3 covers: caps 75,00 and 64,20; 60 is within both
        ({"amount": D("60.00"), "guests": 3}, []),
        ({"amount": D("80.00"), "guests": 3}, [Code.OVER_POLICY, Code.OVER_URSSAF]),
        # meal on site: 7,50 € limit
        ({"amount": D("8.00"), "meal_kind": "sur_place"}, [Code.OVER_URSSAF]),
        # long stay: 18,20 € from the 4th month
        ({"amount": D("19.00"), "meal_kind": "grand_deplacement"}, []),
        (
            {"amount": D("19.00"), "meal_kind": "grand_deplacement", "months_on_site": 4},
            [Code.OVER_URSSAF],
        ),
        ({"has_receipt": False}, [Code.MISSING_RECEIPT]),
        ({"has_receipt": False, "amount": D("9.99")}, []),  # under the receipt threshold
        ({"expense_date": SATURDAY, "trip_start": None, "trip_end": None}, [Code.WEEKEND]),
        ({"expense_date": SATURDAY, "trip_end": date(2026, 3, 15)}, []),  # the trip spans it
        (
            {"expense_date": EASTER_MONDAY, "trip_start": None, "trip_end": None},
            [Code.HOLIDAY],
        ),
        ({"expense_date": date(2026, 3, 9)}, [Code.OUTSIDE_TRIP]),
        ({"expense_date": date(2026, 3, 13)}, [Code.OUTSIDE_TRIP]),
        # a ticket bought ahead of the trip is normal, not after it
        ({"category": "transport", "amount": D("89.00"), "expense_date": date(2026, 3, 2)}, []),
        ({"category": "transport", "amount": D("89.00"), "expense_date": date(2026, 3, 7)}, []),
        (
            {"category": "transport", "amount": D("89.00"), "expense_date": SATURDAY},
            [Code.OUTSIDE_TRIP, Code.WEEKEND],
        ),
        (
            {"category": "transport", "amount": D("89.00"), "expense_date": date(2026, 3, 13)},
            [Code.OUTSIDE_TRIP],
        ),
        (
            {"expense_date": date(2026, 7, 1), "trip_start": None, "trip_end": None},
            [Code.FUTURE_DATE],
        ),
        # lodging 2 nights in province: policy 180,00, URSSAF 113,60
        ({"category": "hebergement", "amount": D("110.00"), "nights": 2}, []),
        ({"category": "hebergement", "amount": D("150.00"), "nights": 2}, [Code.OVER_URSSAF]),
        (
            {"category": "hebergement", "amount": D("190.00"), "nights": 2},
            [Code.OVER_POLICY, Code.OVER_URSSAF],
        ),
        # Paris: policy 130,00, URSSAF 76,60
        (
            {"category": "hebergement", "amount": D("120.00"), "paris_area": True},
            [Code.OVER_URSSAF],
        ),
        # mileage: no receipt needed; the route is checked at +10 % and +5 km
        (
            {"category": "kilometres", "amount": D("127.20"), "has_receipt": False,
             "distance_km": D(200), "route_km": D(190)},
            [],
        ),
        (
            {"category": "kilometres", "amount": D("159.00"), "has_receipt": False,
             "distance_km": D(250), "route_km": D(180)},
            [Code.MILEAGE_ROUTE],
        ),
        (
            {"category": "kilometres", "amount": D("10.00"), "has_receipt": False,
             "distance_km": D(14), "route_km": D(10)},
            [],
        ),  # +40 % but only 4 km
        ({"category": "kilometres", "amount": D("10.00"), "has_receipt": False}, [Code.MILEAGE_ROUTE]),
        # tolls, parking and other costs have no limit
        ({"category": "peage_parking", "amount": D("300.00")}, []),
        ({"category": "autre", "amount": D("300.00"), "has_receipt": False}, [Code.MISSING_RECEIPT]),
    ],
)  # fmt: skip
def test_anomalies_of_one_line(changes: dict[str, object], expected: list[Code]) -> None:
    assert codes_of(line(**changes)) == expected


def test_the_urssaf_message_names_the_figures() -> None:
    [*_, urssaf] = check_lines([line(amount=D("32.00"))], POLICY, holidays=HOLIDAYS, today=TODAY)[1]
    assert urssaf.message == (
        "Repas de 32,00 € au-delà de la limite URSSAF de 21,40 € (repas au restaurant en "
        "déplacement) : 10,60 € soumis à cotisations."
    )
    assert urssaf.excess_amount == D("10.60")


def test_messages_for_several_covers_and_nights() -> None:
    found = check_lines(
        [
            line(key=1, amount=D("80.00"), guests=3),
            line(key=2, category="hebergement", amount=D("190.00"), nights=2, merchant="Ibis"),
        ],
        POLICY,
        holidays=HOLIDAYS,
        today=TODAY,
    )
    policy, urssaf = found[1]
    assert policy.message == (
        "Repas de 80,00 € (3 couverts) au-delà du plafond de la politique de voyage de 75,00 € "
        "(3 × 25,00 €) : 5,00 € de dépassement."
    )
    assert "64,20 € (3 × 21,40 €, repas au restaurant en déplacement) : 15,80 €" in urssaf.message
    lodging_policy, lodging_urssaf = found[2]
    assert lodging_policy.excess_amount == D("10.00")  # 190 − 2 × 90
    assert lodging_urssaf.excess_amount == D("76.40")  # 190 − 2 × 56,80
    assert "Hébergement de 190,00 € (2 nuits)" in lodging_urssaf.message


def test_no_policy_cap_means_only_the_urssaf_limit() -> None:
    assert codes_of(line(amount=D("32.00")), PolicyFacts()) == [Code.OVER_URSSAF]


def test_the_paris_lodging_cap_falls_back_on_the_general_one() -> None:
    policy = PolicyFacts(lodging_cap=D("90.00"))
    facts = line(category="hebergement", amount=D("100.00"), paris_area=True)
    assert codes_of(facts, policy) == [Code.OVER_POLICY, Code.OVER_URSSAF]


def test_only_lines_with_anomalies_are_returned() -> None:
    found = check_lines(
        [line(key=1), line(key=2, amount=D("50.00"))], POLICY, holidays=HOLIDAYS, today=TODAY
    )
    assert list(found) == [2]


def test_duplicates_name_each_other_with_merchants_normalised() -> None:
    lines = [
        line(key=10, merchant="Café de la Gare", amount=D("15.00")),
        line(key=11, merchant="CAFE DE LA GARE.", amount=D("15.00")),
        line(key=12, merchant="  café   de-la gare ", amount=D("15.0")),
        line(key=13, merchant="Café de la Gare", amount=D("15.00"), employee_key=8),  # other
        line(key=14, merchant="Café de la Gare", amount=D("15.01")),  # other amount
        line(key=15, merchant="Café de la Gare", amount=D("15.00"), expense_date=date(2026, 3, 11)),
    ]
    found = check_lines(lines, POLICY, holidays=HOLIDAYS, today=TODAY)
    assert sorted(found) == [10, 11, 12]
    messages = {key: [a.message for a in found[key] if a.code == Code.DUPLICATE] for key in found}
    assert messages[10] == [
        "Doublon possible avec les lignes 11, 12 : même date (10/03/2026), même montant "
        "(15,00 €) et même fournisseur (Café de la Gare)."
    ]
    assert "avec les lignes 10, 12" in messages[11][0]


def test_a_line_passed_twice_is_not_its_own_duplicate() -> None:
    assert check_lines([line(), line()], POLICY, holidays=HOLIDAYS, today=TODAY) == {}


def test_lines_may_come_from_a_generator() -> None:
    found = check_lines(
        (line(key=k, merchant="Le Relais") for k in (1, 2)),
        POLICY,
        holidays=HOLIDAYS,
        today=TODAY,
    )
    assert [a.code for a in found[1]] == [Code.DUPLICATE]


@pytest.mark.parametrize(
    ("merchant", "expected"),
    [
        ("Café de la Gare", "cafe de la gare"),
        ("L'Escale", "l escale"),
        ("B&B Hotels", "b b hotels"),
        ("  SNCF   Connect. ", "sncf connect"),
        ("", ""),
    ],
)
def test_normalise_merchant(merchant: str, expected: str) -> None:
    assert normalise_merchant(merchant) == expected


def test_many_lines_are_checked_in_one_call() -> None:
    """20,000 lines, a fifth of the bench, in one call. How long it takes is measured by
    `make bench` (part « frais », against its targets), not here: a timed test fails at random
    on a loaded machine."""
    lines = [
        line(key=k, employee_key=k % 900, amount=D(10 + k % 30), merchant=f"M{k % 50}",
             expense_date=date(2026, 1 + k % 6, 1 + k % 28), trip_start=None, trip_end=None)
        for k in range(20_000)
    ]  # fmt: skip
    found = check_lines(lines, POLICY, holidays=HOLIDAYS, today=TODAY)
    assert found
    assert set(found) <= set(range(20_000))


# --- split_exempt ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "accepted", "exempt", "taxable"),
    [
        ({}, "18.00", "18.00", "0.00"),
        ({}, "32.00", "21.40", "10.60"),  # 32 − 21,40
        ({"guests": 3}, "80.00", "64.20", "15.80"),  # 3 × 21,40
        ({"meal_kind": "hors_locaux"}, "12.00", "10.40", "1.60"),
        ({"meal_kind": "grand_deplacement", "months_on_site": 30}, "20.00", "15.00", "5.00"),
        ({"category": "hebergement", "nights": 2}, "150.00", "113.60", "36.40"),  # 2 × 56,80
        ({"category": "hebergement", "paris_area": True}, "120.00", "76.60", "43.40"),
        ({"category": "kilometres"}, "238.12", "238.12", "0.00"),
        ({"category": "transport"}, "189.00", "189.00", "0.00"),
        ({"category": "peage_parking"}, "12.40", "12.40", "0.00"),
        ({"category": "autre"}, "45.00", "45.00", "0.00"),
        ({}, "0", "0.00", "0.00"),
    ],
)
def test_split_exempt(changes: dict[str, object], accepted: str, exempt: str, taxable: str) -> None:
    split = split_exempt(line(**changes), D(accepted))
    assert (split.exempt, split.taxable) == (D(exempt), D(taxable))


def test_split_returns_the_limit_of_the_whole_line() -> None:
    split = split_exempt(line(guests=2), D("50.00"))
    assert split.limit is not None
    assert split.limit.amount == D("42.80")
    assert "2 couverts × 21,40 €" in split.limit.label
    assert split_exempt(line(category="transport"), D("5")).limit is None


def test_split_refuses_a_negative_amount() -> None:
    with pytest.raises(ValueError, match="négatif"):
        split_exempt(line(), D("-1"))


@given(
    category=st.sampled_from(CATEGORIES),
    kind=st.sampled_from(list(MealKind)),
    count=st.integers(1, 6),
    months=st.integers(0, 80),
    paris=st.booleans(),
    on=st.dates(date(2025, 1, 1), date(2026, 12, 31)),
    accepted=st.decimals(min_value=0, max_value=5000, places=2),
)
def test_exempt_and_taxable_add_up_to_the_accepted_amount(
    category: str,
    kind: MealKind,
    count: int,
    months: int,
    paris: bool,
    on: date,
    accepted: Decimal,
) -> None:
    facts = line(
        category=category, meal_kind=kind.value, guests=count, nights=count,
        months_on_site=months, paris_area=paris, expense_date=on,
    )  # fmt: skip
    split = split_exempt(facts, accepted)
    assert split.exempt + split.taxable == accepted
    assert split.exempt >= 0
    assert split.taxable >= 0
    if split.limit is not None:
        assert split.exempt <= split.limit.amount
        assert split.taxable == max(accepted - split.limit.amount, D(0))
