"""Forms of the travel settings: the employer's policy, a fare of the price list, a vehicle."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin
from effectif.travel.models import PriceListEntry, TravelPolicy, Vehicle


class PolicyForm(StyledFormMixin, forms.ModelForm[TravelPolicy]):
    class Meta:
        model = TravelPolicy
        fields = [
            "meal_cap_amount",
            "lodging_cap_amount",
            "lodging_cap_paris_amount",
            "train_first_class",
            "plane_min_distance_km",
            "own_car_max_distance_km",
            "company_car_cost_per_km",
            "receipt_required_from_amount",
            "advance_max_percent",
            "debtor_iban",
            "debtor_bic",
        ]


class FareForm(StyledFormMixin, forms.ModelForm[PriceListEntry]):
    def __init__(self, *args: Any, employers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["employer"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = employers
        field.empty_label = None
        for name in ("origin", "destination"):
            self.fields[name].widget.attrs["placeholder"] = _("p. ex. Lyon")
        self.fields["travel_class"].widget.attrs["placeholder"] = _("p. ex. 2de classe, Flex")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("La fin de validité précède son début."))
        return data

    class Meta:
        model = PriceListEntry
        fields = [
            "employer",
            "mode",
            "origin",
            "destination",
            "fare_amount",
            "duration_minutes",
            "distance_km",
            "travel_class",
            "valid_from",
            "valid_to",
        ]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}
        help_texts = {
            "fare_amount": _("Prix d'un aller pour un voyageur ; l'option compte l'aller-retour."),
            "travel_class": _("« 1re classe » rend l'option hors politique si elle l'interdit."),
        }


class VehicleForm(StyledFormMixin, forms.ModelForm[Vehicle]):
    class Meta:
        model = Vehicle
        fields = ["label", "registration", "kind", "fiscal_power", "electric", "active"]
        help_texts = {
            "fiscal_power": _("Case P.6 de la carte grise. Ignorée pour un cyclomoteur."),
            "electric": _("Le barème kilométrique est majoré de 20 %."),
        }
