from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.departures.models import Departure, NoticePolicy
from effectif.departures.workflows import FIXED_TERM_REASONS, Procedure, Reason, workflow_of

STEP_FIELDS = {
    Procedure.DISMISSAL: [
        *Departure.DISMISSAL_STEP_FIELDS,
        "notice_waived",
        "executive",
        "note",
    ],
    Procedure.CONVENTIONAL: [
        "interview_date",
        "interview_time",
        "interview_place",
        "signature_date",
        "agreed_indemnity_amount",
        "end_date",
        "homologation_request_date",
        "homologation_date",
        "withdrawn_date",
        "withdrawn_by",
        "note",
    ],
    Procedure.NOTIFIED: [
        "notification_date",
        "notification_received_date",
        "notice_waived",
        "end_date",
        "note",
    ],
    Procedure.DATED: ["end_date", "cdd_exception", "note"],
}
DATE_WIDGETS = {
    name: DateInput()
    for name in (
        "convocation_date",
        "interview_date",
        "notification_date",
        "notification_received_date",
        "signature_date",
        "end_date",
        "homologation_request_date",
        "homologation_date",
        "withdrawn_date",
    )
}


def _contract_label(contract: Any) -> str:
    return (
        f"{contract.employee.display_name} — {contract.get_kind_display()} "
        f"du {contract.start_date:%d/%m/%Y}"
    )


class StartForm(StyledFormMixin, forms.Form):
    contract: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Salarié et contrat"), queryset=None
    )
    reason = forms.ChoiceField(label=_("Motif du départ"), choices=Reason.choices)

    def __init__(self, *args: Any, contracts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "contract", contracts, label=_contract_label)


class StepsForm(StyledFormMixin, forms.ModelForm[Departure]):
    """The dates of the procedure; which ones depends on the reason's workflow."""

    class Meta:
        model = Departure
        fields = sorted({name for names in STEP_FIELDS.values() for name in names})
        widgets = {
            **DATE_WIDGETS,
            "interview_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        flow = workflow_of(self.instance.reason)
        keep = set(STEP_FIELDS[Procedure(flow.procedure)])
        if not flow.economic:
            keep.discard("executive")
        if self.instance.reason not in FIXED_TERM_REASONS:
            keep.discard("cdd_exception")
        if self.instance.reason != Reason.RESIGNATION and flow.procedure == Procedure.NOTIFIED:
            keep.discard("end_date")
        if flow.misconduct or flow.notice_not_worked:
            keep.discard("notice_waived")
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        self.order_fields(STEP_FIELDS[Procedure(flow.procedure)])
        if "note" in self.fields:
            self.fields["note"].widget.attrs["col"] = "col-12"

    def changed_values(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.fields}


class CancelForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Motif"), max_length=300)


class RenewalForm(StyledFormMixin, forms.Form):
    new_end_date = forms.DateField(label=_("Nouveau terme"), widget=DateInput())


class NoticePolicyForm(StyledFormMixin, forms.ModelForm[NoticePolicy]):
    class Meta:
        model = NoticePolicy
        fields = [
            "resignation_amount",
            "resignation_unit",
            "short_dismissal_amount",
            "short_dismissal_unit",
            "dismissal_months",
            "source",
        ]
