from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from effectif.core.forms import DateInput, StyledFormMixin, set_queryset
from effectif.hiring.models import OnboardingTask, OnboardingTemplate, OnboardingTemplateItem

if TYPE_CHECKING:
    from effectif.accounts.models import User


def _person(user: User) -> str:
    return str(user.get_full_name() or user.get_username())


class TemplateForm(StyledFormMixin, forms.ModelForm[OnboardingTemplate]):
    class Meta:
        model = OnboardingTemplate
        fields = ["employer", "name", "position", "establishment", "is_active"]

    def __init__(
        self,
        *args: Any,
        employers: QuerySet[Any],
        positions: QuerySet[Any],
        establishments: QuerySet[Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "employer", employers)
        set_queryset(self, "position", positions)
        set_queryset(self, "establishment", establishments)
        self.fields["position"].help_text = _("Vide : tous les postes.")
        self.fields["establishment"].help_text = _("Vide : tous les établissements.")


class ItemForm(StyledFormMixin, forms.ModelForm[OnboardingTemplateItem]):
    class Meta:
        model = OnboardingTemplateItem
        fields = ["label", "category", "owner_kind", "owner", "days_from_start", "order"]

    def __init__(self, *args: Any, people: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner", people, label=_person)


class TaskForm(StyledFormMixin, forms.ModelForm[OnboardingTask]):
    class Meta:
        model = OnboardingTask
        fields = ["label", "category", "owner", "due_date"]
        widgets = {"due_date": DateInput()}

    def __init__(self, *args: Any, people: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self, "owner", people, label=_person)


class TickForm(forms.Form):
    done = forms.BooleanField(required=False)
    note = forms.CharField(required=False, max_length=300)
