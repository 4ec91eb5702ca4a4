"""Role checks live once, in `effectif.core.roles`: no other module defines its own `is_hr` or
tests a user's `role` itself (`user.role in HR_ROLES`, `user.role == Role.MANAGER`,
`getattr(user, "role", None) in …`); the apps' permission modules compose the core predicates,
so that roles per employer, one day, change one module.

Tests, the benchmarks and the demo data may build users of each role; they are not checked.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import effectif

ROOT = Path(effectif.__file__).parent
#: The one module that reads `user.role`.
ROLES = ROOT / "core" / "roles.py"
NOT_CHECKED = {"tests", "migrations", "bench", "demo"}
#: Predicates of core.roles that an app must import rather than define again (an app's
#: composed variant, e.g. "holds the manager role and manages", may keep a name of its own).
CORE_PREDICATES = {"is_hr"}
ROLE_TESTS = (ast.In, ast.NotIn, ast.Eq, ast.NotEq)


def _checked_modules() -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*.py")):
        parts = set(path.relative_to(ROOT).parts[:-1])
        if path != ROLES and not parts & NOT_CHECKED:
            yield path


def _reads_role(node: ast.expr) -> bool:
    """`x.role`, or `getattr(x, "role", …)`."""
    if isinstance(node, ast.Attribute):
        return node.attr == "role"
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "getattr"
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and node.args[1].value == "role"
    )


def _offences(text: str, where: Path) -> list[str]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(text, filename=str(where))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if node.name in CORE_PREDICATES:
                found.append((node.lineno, f"defines {node.name}() (use effectif.core.roles)"))
        elif (
            isinstance(node, ast.Compare)
            and any(isinstance(op, ROLE_TESTS) for op in node.ops)
            and any(_reads_role(side) for side in (node.left, *node.comparators))
        ):
            found.append((node.lineno, f"tests a role itself: {ast.unparse(node)}"))
    return [f"{where}:{line}: {what}" for line, what in sorted(found)]


def test_the_checker_finds_each_kind_of_offence() -> None:
    source = (
        "def is_hr(user):\n"
        "    return user.role in HR_ROLES\n"
        "fine = user.role_label == 'x' or has_role(user, HR_ROLES)\n"
        "boss = getattr(user, 'role', None) == Role.MANAGER\n"
        "other = Role.ADMIN != user.role\n"
    )
    assert _offences(source, Path("app/permissions.py")) == [
        "app/permissions.py:1: defines is_hr() (use effectif.core.roles)",
        "app/permissions.py:2: tests a role itself: user.role in HR_ROLES",
        "app/permissions.py:4: tests a role itself: getattr(user, 'role', None) == Role.MANAGER",
        "app/permissions.py:5: tests a role itself: Role.ADMIN != user.role",
    ]


def test_role_checks_are_asked_of_core_roles_only() -> None:
    offences = [
        offence
        for path in _checked_modules()
        for offence in _offences(path.read_text(encoding="utf-8"), path.relative_to(ROOT.parent))
    ]
    assert not offences, "Role checks outside effectif.core.roles:\n" + "\n".join(offences)
