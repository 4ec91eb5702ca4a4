"""An authentication backend that counts the passwords it checks (tests of the throttling)."""

from __future__ import annotations

import threading
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

PATH = "effectif.accounts.tests.backends.CountingBackend"


class CountingBackend(ModelBackend):
    checks = 0
    _lock = threading.Lock()

    @classmethod
    def reset(cls) -> None:
        with cls._lock:
            cls.checks = 0

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        with CountingBackend._lock:
            CountingBackend.checks += 1
        return super().authenticate(request, username=username, password=password, **kwargs)
