"""Timing the employee list, as a page and through the API, with Django's test client.

Each case is requested a few times to warm the caches, then `requests` times; the figure is the
median server time (the whole Django stack: middleware, view, queries, template or JSON), plus
the number of SQL queries of one more request. The page size is varied once to show that the
number of queries does not grow with it.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve

TARGET_MS = 100.0
WARM_UP = 3


@dataclass
class Case:
    label: str
    path: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"{self.path}?{urlencode(self.params)}" if self.params else self.path


@dataclass
class Measure:
    surface: str  # "page" or "api"
    label: str
    url: str
    status: int | None = None
    requests: int = 0
    median_ms: float | None = None
    p90_ms: float | None = None
    min_ms: float | None = None
    queries: int | None = None
    rows: int | None = None  # matching rows, when the response says it
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.median_ms is not None and self.median_ms < TARGET_MS

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Subjects:
    """What the filters of the list point at in the benchmark database."""

    employer_id: int
    establishment_id: int
    department_id: int
    search: str


def page_cases(s: Subjects) -> list[Case]:
    """The personnel file list at /salaries/ (French query parameters, as the page uses)."""
    path = "/salaries/"
    return [
        Case("première page", path),
        Case(
            "filtrée (employeur, établissement, CDI, présents)",
            path,
            {"employeur": s.employer_id, "etablissement": s.establishment_id, "nature": "cdi"},
        ),
        Case("filtrée par service", path, {"service": s.department_id}),
        Case(f"recherche « {s.search} »", path, {"q": s.search}),
        Case("triée par date d'entrée", path, {"tri": "-hire_date"}),
    ]


def api_cases(s: Subjects) -> list[Case]:
    path = "/api/v1/employees"
    return [
        Case("première page", path),
        Case(
            "filtrée (employeur, établissement, CDI, présents)",
            path,
            {"employer": s.employer_id, "establishment": s.establishment_id, "kind": "cdi"},
        ),
        Case("filtrée par service", path, {"department": s.department_id}),
        Case(f"recherche « {s.search} »", path, {"q": s.search}),
        Case("triée par date d'entrée", path, {"sort": "-hire_date"}),
    ]


def _exists(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


_PAGE_COUNT = re.compile(r"([\d\s\u00a0\u202f]+)\s+salariés?\b")


def _rows(response: Any) -> int | None:
    content_type = response.get("Content-Type", "")
    if content_type.startswith("application/json"):
        data = json.loads(response.content)
        return data.get("count") if isinstance(data, dict) else None
    match = _PAGE_COUNT.search(response.content.decode(errors="replace"))
    if match is None:
        return None
    digits = re.sub(r"\D", "", match.group(1))
    return int(digits) if digits else None


def measure(client: Client, surface: str, case: Case, requests: int, **headers: str) -> Measure:
    result = Measure(surface=surface, label=case.label, url=case.url)
    if not _exists(case.path):
        result.note = "adresse absente (pas encore construite)"
        return result
    response = client.get(case.url, headers=headers)
    result.status = response.status_code
    if response.status_code != 200:
        result.note = f"réponse HTTP {response.status_code}"
        return result
    for _ in range(WARM_UP - 1):
        client.get(case.url, headers=headers)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(case.url, headers=headers)
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(case.url, headers=headers)
    result.requests = requests
    result.median_ms = statistics.median(timings)
    result.p90_ms = statistics.quantiles(timings, n=10)[-1] if len(timings) > 1 else timings[0]
    result.min_ms = min(timings)
    result.queries = len(captured.captured_queries)
    result.rows = _rows(response)
    return result


def query_growth(
    client: Client, path: str, size_param: str, sizes: tuple[int, int], **headers: str
) -> tuple[int, int] | None:
    """Queries of one request at two page sizes, or None when the address is missing."""
    if not _exists(path):
        return None
    counts = []
    for size in sizes:
        url = f"{path}?{urlencode({size_param: size})}"
        client.get(url, headers=headers)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, headers=headers)
        if response.status_code != 200:
            return None
        counts.append(len(captured.captured_queries))
    return counts[0], counts[1]


def api_headers(client: Client, username: str, password: str) -> dict[str, str]:
    """A bearer token from `POST /api/v1/token`, or no header (the session then serves)."""
    if not _exists("/api/v1/token"):
        return {}
    response = client.post(
        "/api/v1/token",
        data=json.dumps({"username": username, "password": password}),
        content_type="application/json",
    )
    if response.status_code != 200:
        return {}
    token = json.loads(response.content).get("token")
    return {"authorization": f"Bearer {token}"} if token else {}
