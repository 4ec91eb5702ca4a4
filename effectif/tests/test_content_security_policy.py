"""Every page carries a Content-Security-Policy without inline script, and the pages' own
behaviours (scripts from static files) still work under it in Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from effectif.core.testing import browser_login


def test_pages_carry_the_policy_and_uploaded_files_keep_their_stricter_one(
    client_for: Any, hr_manager: Any, world: Any
) -> None:
    response = client_for(hr_manager).get(reverse("employees:list"))

    policy = response["Content-Security-Policy"]
    assert policy == settings.EFFECTIF_CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "frame-ancestors 'none'" in policy


def test_no_template_has_an_inline_script_or_handler() -> None:
    """Inline scripts and on…= handlers would be blocked by the policy: they live in static
    files (a `<script type="application/json">` from json_script is data, not code)."""
    import re
    from pathlib import Path

    root = Path(settings.BASE_DIR) / "effectif"
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
    handler = re.compile(r"\son[a-z]+\s*=|javascript:|hx-on", re.I)
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in root.rglob("*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if inline.search(line) or handler.search(line)
    ]
    assert found == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_pages_run_under_the_policy_without_violation(
    page: Any, world: Any, hr_manager: Any
) -> None:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: violations.append(str(error)))
    browser_login(page, hr_manager.username)
    for url in (
        reverse("dashboards:home"),
        reverse("employees:list"),
        reverse("employees:detail", args=[world.member.pk]),
        reverse("organisation:org_chart"),
        reverse("organisation:position_detail", args=[world.position.pk]),
        reverse("imports:start"),
        reverse("leave:requests"),
        reverse("planning:grid"),
        reverse("budgets:list"),
    ):
        page.goto(page.base_url + url)
        page.wait_for_load_state("networkidle")

    # The contract form's script (a static file) shows the end date for a fixed-term contract.
    page.goto(page.base_url + reverse("contracts:create", args=[world.colleague.pk]))
    page.get_by_label("Nature du contrat").select_option("cdi")
    assert not page.locator("#id_c-end_date").is_visible()
    page.get_by_label("Nature du contrat").select_option("cdd")
    assert page.locator("#id_c-end_date").is_visible()

    assert violations == []
