"""Closing a leave year: the parameters of the decision to carry over or to lose the days not
taken (effectif.rules.leave.closing)."""

from __future__ import annotations

from datetime import date

from effectif.rules.parameters.base import DatedValue, Parameter

#: An absence for illness or accident that ran into the last days of the taking period is taken
#: to have prevented taking the leave before its deadline (L3141-19-1): how many days.
PREVENTING_ILLNESS_DAYS: Parameter[int] = Parameter(
    name="conges_payes_maladie_empechant_prise_jours",
    description=(
        "Jours avant la fin de la période de prise pendant lesquels un arrêt maladie ou accident "
        "est réputé avoir empêché la prise des congés"
    ),
    values=(
        DatedValue(
            date(2016, 8, 10),
            30,
            "Lecture retenue de C. trav. art. L3141-19-1 (congés que la maladie a empêché de "
            "prendre) : un arrêt en cours dans les 30 derniers jours de la période de prise ; "
            "la loi ne fixe pas de durée",
            unconfirmed=True,
        ),
    ),
)
