"""The main menu, assembled from what each app declares.

An app lists its entries in its AppConfig (`navigation = [NavItem(...)]`); the menu shows the
entries of the user's role. Core never imports the apps above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from effectif.core.roles import Role


@dataclass(frozen=True)
class NavItem:
    label: Any  # a lazy translation string
    url_name: str
    icon: str
    section: Any
    roles: frozenset[str] = field(default_factory=lambda: frozenset(Role.values))
    order: int = 100
    visible: Callable[[Any], bool] | None = None


@dataclass
class NavSection:
    label: Any
    items: list[dict[str, Any]]


def menu_for(user: Any, current_path: str) -> list[NavSection]:
    if not getattr(user, "is_authenticated", False):
        return []
    items: list[NavItem] = []
    for config in apps.get_app_configs():
        items.extend(getattr(config, "navigation", []))
    sections: dict[str, NavSection] = {}
    for item in sorted(items, key=lambda i: i.order):
        if user.role not in item.roles or (item.visible is not None and not item.visible(user)):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        key = str(item.section)
        section = sections.setdefault(key, NavSection(label=item.section, items=[]))
        active = current_path.startswith(url) if url != "/" else current_path == "/"
        section.items.append({"label": item.label, "url": url, "icon": item.icon, "active": active})
    return list(sections.values())
