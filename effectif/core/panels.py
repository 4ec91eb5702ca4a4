"""Panels: sections that upper apps contribute to the pages of lower ones.

The employer page shows the headcount computed from contracts, the personnel file shows
contracts, later leave balances, medical visits and training; yet those apps depend on the
pages' apps, not the reverse. Each registers a `Panel` for a page ("employer", "employee"), and
the page renders the panels the user may see.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django_stubs_ext import StrOrPromise

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.typing import AuthenticatedRequest


def _always(user: User, obj: Any) -> bool:
    return True


@dataclass(frozen=True)
class Panel:
    key: str
    title: StrOrPromise
    template: str
    #: (request, object) -> the template's context
    context: Callable[[AuthenticatedRequest, Any], dict[str, Any]]
    order: int = 100
    #: (user, object) -> may the user see it (the page's user, logged in)
    visible: Callable[[User, Any], bool] = _always


class PanelRegistry:
    def __init__(self) -> None:
        self._panels: dict[str, dict[str, Panel]] = defaultdict(dict)

    def register(self, page: str, panel: Panel) -> None:
        self._panels[page][panel.key] = panel

    def for_page(self, page: str, request: AuthenticatedRequest, obj: Any) -> list[dict[str, Any]]:
        """The panels of a page the user may see, with their rendered context."""
        rendered = []
        for panel in sorted(self._panels[page].values(), key=lambda p: p.order):
            if panel.visible(request.user, obj):
                rendered.append(
                    {
                        "panel": panel,
                        "template": panel.template,
                        "context": panel.context(request, obj),
                    }
                )
        return rendered


panels = PanelRegistry()
