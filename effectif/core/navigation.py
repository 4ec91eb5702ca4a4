"""The main menu, assembled from what each app declares.

An app lists its entries in its AppConfig (`navigation = [NavItem(...)]`); the menu shows the
entries of the user's role. Core never imports the apps above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django_stubs_ext import StrOrPromise

from effectif.core.roles import Role, has_role

if TYPE_CHECKING:
    from effectif.accounts.models import User
    from effectif.core.roles import Actor


@dataclass(frozen=True)
class NavItem:
    label: StrOrPromise
    url_name: str
    icon: str
    section: StrOrPromise
    roles: frozenset[str] = field(default_factory=lambda: frozenset(Role.values))
    order: int = 100
    visible: Callable[[User], bool] | None = None  # asked only of a logged-in user


@dataclass
class NavSection:
    label: StrOrPromise
    items: list[dict[str, Any]]


@lru_cache(maxsize=8)
def _entries(script_prefix: str) -> tuple[tuple[NavItem, str], ...]:
    """Every app's entries in menu order with their paths: the same for every request of a
    process (the apps and the URLs do not change), so worked out once per script prefix."""
    items = [
        item for config in apps.get_app_configs() for item in getattr(config, "navigation", [])
    ]
    entries = []
    for item in sorted(items, key=lambda i: i.order):
        try:
            entries.append((item, reverse(item.url_name)))
        except NoReverseMatch:
            continue
    return tuple(entries)


def menu_for(user: Actor | None, current_path: str) -> list[NavSection]:
    """The sections of the menu and their entries for `user` (none before logging in)."""
    if user is None or not user.is_authenticated:
        return []
    sections: dict[str, NavSection] = {}
    for item, url in _entries(get_script_prefix()):
        if not has_role(user, item.roles) or (item.visible is not None and not item.visible(user)):
            continue
        key = str(item.section)
        section = sections.setdefault(key, NavSection(label=item.section, items=[]))
        active = current_path.startswith(url) if url != "/" else current_path == "/"
        section.items.append({"label": item.label, "url": url, "icon": item.icon, "active": active})
    return list(sections.values())
