from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "effectif.contracts"
    label = "contracts"
    verbose_name = _("Contrats")

    def ready(self) -> None:
        from effectif.contracts import deadlines as contract_deadlines
        from effectif.contracts import privacy
        from effectif.contracts.panels import EMPLOYEE_CONTRACTS, EMPLOYER_HEADCOUNT
        from effectif.contracts.situation import ContractSituation
        from effectif.core.deadlines import deadlines
        from effectif.core.panels import panels
        from effectif.core.retention import retention
        from effectif.employees.extensions import registry

        registry.set_situation(ContractSituation())
        panels.register("employee", EMPLOYEE_CONTRACTS)
        panels.register("employer", EMPLOYER_HEADCOUNT)
        deadlines.register("hire", _("Embauches"), contract_deadlines.hires_starting, 10)
        deadlines.register("trial", _("Périodes d'essai"), contract_deadlines.trial_decisions, 20)
        deadlines.register(
            "fixed_term", _("Fins de contrats à terme"), contract_deadlines.fixed_terms_ending, 30
        )
        privacy.register(retention)
