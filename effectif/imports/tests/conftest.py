from __future__ import annotations

from typing import Any

import pytest

from effectif.organisation.tests.factories import EmployerFactory, EstablishmentFactory, grant


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def employer(db: Any) -> Any:
    return EmployerFactory(name="Boulangeries Dupain")


@pytest.fixture
def establishment(employer: Any) -> Any:
    return EstablishmentFactory(employer=employer, name="Atelier de Lyon", city="Lyon")


@pytest.fixture
def hr(hr_assistant: Any, employer: Any, establishment: Any) -> Any:
    """An HR assistant granted the employer."""
    grant(hr_assistant, employer)
    return hr_assistant
