"""Forms of trip requests: the request with its destinations, a transport option, a decision."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.employees.models import Employee
from effectif.organisation.models import Department
from effectif.travel.models import PriceListEntry, TransportMode, Trip, Vehicle
from effectif.travel.services.trips import (
    SUBMISSION_KEY_MAX,
    DestinationInput,
    TripInput,
    check_submission_key,
)

_MIN0 = {"min": "0"}


class TravellerPicker(forms.SelectMultiple):
    """The travellers chosen, as ticked boxes, and a search to add more (htmx): colleagues
    are found by name, the page never lists an employer's staff. The form sets `people` (whom
    the requester may name, to label the chosen ones), `label` and `search_url`."""

    template_name = "travel/widgets/traveller_picker.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.people: QuerySet[Employee] = Employee.objects.none()
        self.label: Callable[[Employee], str] = display_name
        self.search_url = ""
        self.requester_id: int | None = None

    def optgroups(self, name: str, value: Any, attrs: dict[str, Any] | None = None) -> Any:
        """Only the travellers chosen (the others are never rendered, nor read)."""
        ids = [int(v) for v in value if str(v).isdigit()]
        chosen = list(self.people.filter(pk__in=ids)) if ids else []
        return [
            (
                None,
                [self.create_option(name, person.pk, self.label(person), True, index, attrs=attrs)],
                index,
            )
            for index, person in enumerate(chosen)
        ]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["search_url"] = self.search_url
        context["widget"]["requester_id"] = self.requester_id
        return context

    def id_for_label(self, id_: str, index: str = "0") -> str:
        """The label names the search box (the chosen ones have their own labels)."""
        return f"{id_}_search" if id_ else id_


def display_name(employee: Employee) -> str:
    return employee.display_name


class TripForm(StyledFormMixin, forms.Form):
    # A new request's one-time token: each display of the form gets its own, and the trip
    # keeps it, so that the same form sent twice makes one trip (see `trip_create_once`).
    submission_key = forms.CharField(
        max_length=SUBMISSION_KEY_MAX, required=False, widget=forms.HiddenInput()
    )
    employee = forms.ModelChoiceField(
        label=_("Demandeur"),
        queryset=Employee.objects.none(),
        empty_label=None,
        widget=forms.Select(attrs={"col": "col-12"}),
    )
    purpose = forms.CharField(
        label=_("Objet de la mission"), widget=forms.Textarea(attrs={"rows": 2, "col": "col-12"})
    )
    departure_place = forms.CharField(label=_("Lieu de départ"), max_length=120)
    start_date = forms.DateField(label=_("Date de départ"), widget=DateInput())
    end_date = forms.DateField(label=_("Date de retour"), widget=DateInput())
    distance_km = forms.IntegerField(
        label=_("Distance aller (km)"),
        min_value=1,
        help_text=_("Du lieu de départ à la destination la plus éloignée."),
    )
    lodging_nights = forms.IntegerField(
        label=_("Nuits d'hôtel"), min_value=0, initial=0, widget=forms.NumberInput(attrs=_MIN0)
    )
    meals = forms.IntegerField(
        label=_("Repas hors domicile"),
        min_value=0,
        initial=0,
        widget=forms.NumberInput(attrs=_MIN0),
    )
    advance_requested_amount = forms.DecimalField(
        label=_("Avance demandée (€)"),
        max_digits=9,
        decimal_places=2,
        initial=Decimal("0"),
        required=False,
        widget=forms.NumberInput(attrs={"col": "col-12 col-md-6 col-xl-12"}),
    )
    travellers = forms.ModelMultipleChoiceField(
        label=_("Voyageurs"),
        queryset=Employee.objects.none(),
        required=False,
        widget=TravellerPicker(attrs={"col": "col-12"}),
        help_text=_(
            "Les collègues qui accompagnent le demandeur : cherchez-les par leur nom "
            "(2 lettres au moins). Le demandeur voyage toujours."
        ),
    )
    department = forms.ModelChoiceField(
        label=_("Service imputé"),
        queryset=Department.objects.none(),
        required=False,
        widget=forms.Select(attrs={"col": "col-12 col-md-6 col-xl-12"}),
        help_text=_("Vide : le service du demandeur."),
    )

    def __init__(
        self,
        *args: Any,
        requesters: Any,
        travellers: Any,
        departments: Any,
        trip: Trip | None = None,
        show_departments: bool = False,
        **kwargs: Any,
    ) -> None:
        """`travellers`: whom the requester may name; `show_departments`: label them with
        their department (HR), else by their name only."""
        if trip is not None:
            initial = kwargs.setdefault("initial", {})
            for name in Trip.REQUESTED_FIELDS:
                initial.setdefault(name, getattr(trip, name))
            initial.setdefault("employee", trip.employee_id)
            initial.setdefault("department", trip.department_id)
            initial.setdefault("travellers", list(trip.travellers.values_list("pk", flat=True)))
        super().__init__(*args, **kwargs)
        if trip is None:
            self.fields["submission_key"].initial = uuid.uuid4().hex
        else:
            del self.fields["submission_key"]
        set_queryset(self, "employee", requesters)
        set_queryset(self, "travellers", travellers)
        picker = self.fields["travellers"].widget
        assert isinstance(picker, TravellerPicker)
        picker.people = travellers
        picker.label = traveller_label if show_departments else display_name
        picker.search_url = reverse("travel:trip_travellers")
        picker.requester_id = trip.employee_id if trip is not None else None
        set_queryset(self, "department", departments)
        if trip is not None or requesters.count() <= 1:
            self.fields["employee"].disabled = True
            self.fields["employee"].widget = forms.HiddenInput()
            if trip is None:
                first = requesters.first()
                self.fields["employee"].initial = first.pk if first else None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "submission_key" in self.fields:
            try:
                check_submission_key(data.get("submission_key") or "")
            except ValidationError:
                raise forms.ValidationError(
                    _(
                        "Ce formulaire est incomplet ou a expiré : rechargez la page, puis "
                        "saisissez de nouveau la demande."
                    )
                ) from None
        return data

    def clean_advance_requested_amount(self) -> Decimal:
        return self.cleaned_data["advance_requested_amount"] or Decimal("0.00")

    def trip_input(self, destinations: list[DestinationInput]) -> TripInput:
        data = self.cleaned_data
        return TripInput(
            **{name: data[name] for name in Trip.REQUESTED_FIELDS},
            destinations=destinations,
            travellers=list(data["travellers"]),
            department=data["department"],
        )


def traveller_label(employee: Employee) -> str:
    department = employee.department
    return f"{employee.display_name} — {department.name}" if department else employee.display_name


class DestinationForm(StyledFormMixin, forms.Form):
    place = forms.CharField(label=_("Lieu"), max_length=120, required=False)
    postal_code = forms.CharField(
        label=_("Code postal"),
        max_length=5,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "pattern": "[0-9]{5}"}),
    )
    arrival_date = forms.DateField(label=_("Arrivée le"), widget=DateInput(), required=False)
    departure_date = forms.DateField(label=_("Départ le"), widget=DateInput(), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("place") and not (data.get("arrival_date") and data.get("departure_date")):
            raise forms.ValidationError(_("Indiquez les dates d'arrivée et de départ du lieu."))
        if not data.get("place") and (data.get("arrival_date") or data.get("postal_code")):
            raise forms.ValidationError(_("Indiquez le lieu de cette destination."))
        return data


class BaseDestinationFormSet(forms.BaseFormSet[DestinationForm]):
    def destinations(self) -> list[DestinationInput]:
        return [
            DestinationInput(
                place=form.cleaned_data["place"],
                postal_code=form.cleaned_data.get("postal_code") or "",
                arrival_date=form.cleaned_data["arrival_date"],
                departure_date=form.cleaned_data["departure_date"],
            )
            for form in self.forms
            if form.cleaned_data.get("place")
        ]


DestinationFormSet = forms.formset_factory(
    DestinationForm, formset=BaseDestinationFormSet, extra=0, max_num=10, absolute_max=10
)


def destination_initial(trip: Trip | None) -> list[dict[str, Any]]:
    """The trip's stops, or one empty row for a new trip (the page adds rows on demand)."""
    rows: list[dict[str, Any]] = []
    if trip is not None:
        rows = [
            {
                "place": d.place,
                "postal_code": d.postal_code,
                "arrival_date": d.arrival_date,
                "departure_date": d.departure_date,
            }
            for d in trip.destinations.all()
        ]
    return rows or [{}]


class OptionForm(StyledFormMixin, forms.Form):
    mode = forms.ChoiceField(label=_("Mode"), choices=TransportMode.choices)
    price_list_entry = forms.ModelChoiceField(
        label=_("Tarif de la grille"),
        queryset=PriceListEntry.objects.none(),
        required=False,
        empty_label=_("— saisir le prix —"),
    )
    fare_amount = forms.DecimalField(
        label=_("Billets aller-retour par voyageur (€)"),
        max_digits=9,
        decimal_places=2,
        required=False,
        help_text=_("Vide avec un tarif de la grille : deux fois son prix aller."),
    )
    vehicle = forms.ModelChoiceField(
        label=_("Véhicule personnel"), queryset=Vehicle.objects.none(), required=False
    )
    duration_minutes = forms.IntegerField(
        label=_("Durée aller (minutes)"),
        min_value=1,
        required=False,
        help_text=_("Vide avec un tarif de la grille : sa durée."),
    )

    def __init__(self, *args: Any, fares: Any, vehicles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "price_list_entry", fares, label=fare_label)
        set_queryset(self, "vehicle", vehicles)


def fare_label(fare: PriceListEntry) -> str:
    amount = f"{fare.fare_amount:.2f}".replace(".", ",")
    hours, minutes = divmod(fare.duration_minutes, 60)
    klass = f", {fare.travel_class}" if fare.travel_class else ""
    return (
        f"{fare.get_mode_display()} {fare.origin} → {fare.destination}{klass} : "
        f"{amount} € l'aller, {hours} h {minutes:02d}"
    )


class CommentForm(StyledFormMixin, forms.Form):
    comment = forms.CharField(
        label=_("Commentaire"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
