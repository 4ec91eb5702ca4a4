"""Montant net social (C. trav. R3243-1 9° bis; CSS R844-1): pay minus employee contributions."""

from __future__ import annotations

from datetime import date

from effectif.rules.parameters.base import DatedValue, Parameter

#: Whether the employer's contributions to collective complementary protection (health,
#: prévoyance) are part of the montant net social. Since 1 January 2024 they are excluded, and the
#: employee's contributions to it are deducted.
NET_SOCIAL_INCLUDES_EMPLOYER_PROTECTION: Parameter[bool] = Parameter(
    name="net_social_inclut_part_patronale_protection_complementaire",
    description="Le montant net social inclut-il la part patronale santé et prévoyance",
    values=(
        DatedValue(
            date(2024, 1, 1),
            False,
            "CSS art. R844-1 II (décret n° 2023-1378 du 28/12/2023) ; BOSS du 14/11/2023 — "
            "klesia.fr, ffbatiment.fr, mesalertesetconseils.fr",
        ),
    ),
)
