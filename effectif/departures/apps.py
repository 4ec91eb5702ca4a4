from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeparturesConfig(AppConfig):
    name = "effectif.departures"
    label = "departures"
    verbose_name = _("Départs")
