"""Helpers of the travel browser tests (no tests here): screenshots kept when
EFFECTIF_SCREENSHOTS names a folder, and logging in as another user."""

from __future__ import annotations

import os
from typing import Any

from effectif.core.testing import browser_login

SHOTS = os.environ.get("EFFECTIF_SCREENSHOTS")  # a folder to keep screenshots in, if set


def shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def login_as(page: Any, username: str) -> None:
    page.context.clear_cookies()
    browser_login(page, username)
