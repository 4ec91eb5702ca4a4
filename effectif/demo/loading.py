"""The demo organisation: fictional, deterministic, loaded once."""

from __future__ import annotations

from django.db import transaction

from effectif.accounts.models import User
from effectif.core.roles import Role

DEMO_PASSWORD = "effectif-demo"

DEMO_USERS = [
    ("admin", Role.ADMIN, "Alice", "Martin"),
    ("rh", Role.HR_MANAGER, "Rachid", "Hamidi"),
    ("gestionnaire", Role.HR_ASSISTANT, "Géraldine", "Leroy"),
    ("manager", Role.MANAGER, "Marc", "Aubert"),
    ("salarie", Role.EMPLOYEE, "Sophie", "Lambert"),
]


@transaction.atomic
def load_demo() -> bool:
    """Create the demo organisation; False when it is already there."""
    if User.objects.filter(username="admin").exists():
        return False
    for username, role, first_name, last_name in DEMO_USERS:
        user = User(
            username=username,
            role=role,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@demo.effectif.test",
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    return True
