"""Public holidays (jours fériés) and the journée de solidarité: which days the law names.

The dates of each year come from the `holidays` package (France, with the Moselle « 57 » and
Alsace « 6AE » subdivisions and the overseas departments); this table says which holidays the
law lists, so that the rules can name them and check the employer's choice of solidarity day.
Keys are stable identifiers; the `holidays` package gives the names shown to users.
"""

from __future__ import annotations

from datetime import date

from effectif.rules.parameters.base import DatedValue, Parameter

#: The eleven legal holidays of the whole country (L3133-1).
NATIONAL_HOLIDAYS: Parameter[tuple[str, ...]] = Parameter(
    name="jours_feries_legaux",
    description="Fêtes légales (jours fériés) de l'ensemble du territoire",
    values=(
        DatedValue(
            date(2008, 5, 1),
            (
                "jour_de_l_an",
                "lundi_de_paques",
                "fete_du_travail",
                "victoire_1945",
                "ascension",
                "lundi_de_pentecote",
                "fete_nationale",
                "assomption",
                "toussaint",
                "armistice",
                "noel",
            ),
            "C. trav. art. L3133-1",
        ),
    ),
)

#: Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) adds Good Friday (in communes with a Protestant
#: temple or a mixed church, applied throughout the three departments in practice) and
#: 26 December (L3134-13).
ALSACE_MOSELLE_HOLIDAYS: Parameter[tuple[str, ...]] = Parameter(
    name="jours_feries_alsace_moselle",
    description="Jours fériés propres à l'Alsace-Moselle",
    values=(
        DatedValue(
            date(2008, 5, 1),
            ("vendredi_saint", "saint_etienne"),
            "C. trav. art. L3134-13 (Vendredi saint dans les communes ayant un temple protestant "
            "ou une église mixte ; second jour de Noël)",
        ),
    ),
)

#: Holidays that cannot be the journée de solidarité: 1 May everywhere (L3133-8); in
#: Alsace-Moselle, 25 and 26 December and Good Friday (L3134-16).
SOLIDARITY_DAY_EXCLUDED: Parameter[dict[str, tuple[str, ...]]] = Parameter(
    name="journee_de_solidarite_jours_exclus",
    description="Jours fériés qui ne peuvent pas être la journée de solidarité",
    values=(
        DatedValue(
            date(2008, 4, 18),
            {
                "national": ("fete_du_travail",),
                "alsace_moselle": ("fete_du_travail", "noel", "saint_etienne", "vendredi_saint"),
            },
            "C. trav. art. L3133-8 (jour férié autre que le 1er mai) ; L3134-16 (Alsace-Moselle)",
            unconfirmed=True,
        ),
    ),
)
