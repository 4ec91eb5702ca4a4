from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from effectif.core.navigation import NavItem
from effectif.payroll.permissions import may_run_payroll

_SECTION = _("Paie")


class PayrollConfig(AppConfig):
    name = "effectif.payroll"
    label = "payroll"
    verbose_name = _("Paie")
    navigation = [
        NavItem(
            _("Périodes de paie"),
            "payroll:periods",
            "cash-stack",
            _SECTION,
            order=600,
            visible=may_run_payroll,
        ),
        NavItem(
            _("Simulateur de paie"),
            "payroll:simulator",
            "calculator",
            _SECTION,
            order=610,
            visible=may_run_payroll,
        ),
        NavItem(
            _("Mes bulletins de paie"),
            "payroll:my_payslips",
            "file-earmark-text",
            _SECTION,
            order=590,
        ),
    ]

    def ready(self) -> None:
        from effectif.core.panels import panels
        from effectif.payroll.views.documents import EMPLOYEE_PAYSLIPS

        panels.register("employee", EMPLOYEE_PAYSLIPS)
