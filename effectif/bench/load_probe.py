"""What the load generator sees and measures, without Django: a browser of one virtual user
(its connection, its cookies, its CSRF token) and the CPU time of the server's processes.

The browser speaks HTTP/1.1 through `http.client` with one connection per user (gunicorn's
sync workers close it after each response; it is opened again), accepts gzip as a browser
does, keeps the cookies the server sets and records each request: its kind, when it started
and ended, its status, and what went wrong.

The CPU time of a process is user + system from `/proc/<pid>/stat`. The web server's is
gunicorn's master with the workers it has reaped (`cutime`, `cstime`) plus its live workers;
PostgreSQL's is that of the backends serving the test's database (their process title names
it) and of their parallel workers, polled since a backend's time is lost when it exits
(connections are reopened every `EFFECTIF_DB_CONN_MAX_AGE` seconds).
"""

from __future__ import annotations

import gzip
import http.client
import math
import os
import random
import re
import statistics
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_ERRORS = re.compile(
    r'class="(?:invalid-feedback|alert alert-danger)[^"]*"[^>]*>(.*?)</div>', re.S
)
TAGS = re.compile(r"<[^>]+>")
REDIRECTS = {301, 302, 303, 307, 308}
LOGIN = "/compte/connexion/"
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class Hit:
    kind: str
    method: str
    url: str
    started: float
    ended: float
    status: int  # 0: no response (the exception is in `note`)
    ok: bool
    note: str = ""


@dataclass
class Browser:
    host: str
    port: int
    hits: list[Hit]
    stop_at: float
    rng: random.Random
    think: tuple[float, float] | None = None
    cookies: dict[str, str] = field(default_factory=dict)
    connection: http.client.HTTPConnection | None = None
    requests: int = 0
    last_url: str = "/"

    @property
    def stopped(self) -> bool:
        return time.monotonic() >= self.stop_at

    def _pause(self) -> None:
        if self.think is not None and self.requests:
            time.sleep(
                max(0.0, min(self.rng.uniform(*self.think), self.stop_at - time.monotonic()))
            )

    def get(
        self, kind: str, path: str, params: Mapping[str, object] | None = None, contains: str = ""
    ) -> str | None:
        url = f"{path}?{urlencode(params)}" if params else path
        return self.request(kind, "GET", url, contains=contains)

    def post(
        self, kind: str, path: str, form: Mapping[str, object], then: str, contains: str = ""
    ) -> str | None:
        """A form sent; the answer must be a redirect, followed as a browser does (the next
        page recorded as `then`)."""
        location = self.request(kind, "POST", path, form=form, expect=302)
        if location is None:
            return None
        return self.request(then, "GET", location, contains=contains)

    def request(
        self,
        kind: str,
        method: str,
        url: str,
        form: Mapping[str, object] | None = None,
        expect: int = 200,
        contains: str = "",
        hops: int = 0,
    ) -> str | None:
        """The page's text (or, for an expected redirect, where it leads); None when stopped or
        when the answer is not the one expected (then recorded as an error). A page that
        redirects is followed, as a browser does (the next request has the same kind)."""
        if not hops:
            self._pause()
        if self.stopped:
            return None
        self.requests += 1
        origin = f"http://{self.host}:{self.port}"
        headers = {
            "Accept": "text/html,application/xhtml+xml",
            "Accept-Encoding": "gzip",
            "Accept-Language": "fr-FR,fr;q=0.9",
            "User-Agent": "Effectif-charge/1.0",
            "Referer": origin + self.last_url,
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = origin
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        started = time.monotonic()
        try:
            self.connection.request(method, url, body=body, headers=headers)
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.connection = None
            self.hits.append(
                Hit(kind, method, url, started, time.monotonic(), 0, False, repr(error))
            )
            return None
        ended = time.monotonic()
        self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        if response.getheader("Content-Encoding") == "gzip":
            content = gzip.decompress(content)
        text = content.decode("utf-8", errors="replace")
        status = response.status
        target = urlsplit(response.getheader("Location") or "")
        location = target._replace(scheme="", netloc="").geturl() or "/"
        note = ""
        if status in REDIRECTS and location.startswith(LOGIN) and not url.startswith(LOGIN):
            note = "renvoyé au formulaire de connexion (session perdue)"
        elif status in REDIRECTS and expect == 200 and method == "GET" and hops < 3:
            self.hits.append(Hit(kind, method, url, started, ended, status, True))
            return self.request(kind, "GET", location, contains=contains, hops=hops + 1)
        elif status != expect:
            note = f"réponse {status} au lieu de {expect}" + _form_errors(text)
        elif expect in REDIRECTS:
            self.hits.append(Hit(kind, method, url, started, ended, status, True))
            return location
        elif contains and contains not in text:
            note = f"« {contains} » absent de la page"
        self.hits.append(Hit(kind, method, url, started, ended, status, not note, note))
        if note:
            return None
        if method == "GET":
            self.last_url = url
        return text

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)

    def login(self, username: str, password: str) -> bool:
        """Through the real form: the page (for its CSRF token), the form sent, the home page."""
        page = self.get("connexion · formulaire", "/compte/connexion/")
        token = csrf_token(page)
        if token is None:
            return False
        form = {
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": password,
            "next": "",
        }
        return (
            self.post("connexion · envoi", "/compte/connexion/", form, then="connexion · accueil")
            is not None
        )


def _form_errors(page: str) -> str:
    """What a form sent back says is wrong, to tell why it was not accepted."""
    found = [" ".join(TAGS.sub(" ", m).split()) for m in FORM_ERRORS.findall(page)]
    return f" : {' ; '.join(found)[:300]}" if found else ""


def csrf_token(page: str | None) -> str | None:
    match = CSRF.search(page or "")
    return match.group(1) if match else None


def _stat(pid: int) -> tuple[str, int, list[int]] | None:
    """The process's name, parent and (utime, stime, cutime, cstime) in clock ticks."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name = text[text.index("(") + 1 : text.rindex(")")]
    fields = text[text.rindex(")") + 2 :].split()
    return name, int(fields[1]), [int(x) for x in fields[11:15]]


def _pids() -> list[int]:
    return [int(entry) for entry in os.listdir("/proc") if entry.isdigit()]


def _cmdline(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return ""


def server_cpu(serve_pid: int) -> dict[str, float]:
    """Seconds of CPU so far of gunicorn (master, its reaped and live workers) and of the task
    worker started by `manage.py serve` (process `serve_pid`)."""
    stats = {pid: stat for pid in _pids() if (stat := _stat(pid)) is not None}
    web = tasks = 0
    for pid, (_name, parent, times) in stats.items():
        if parent != serve_pid:
            continue
        line = _cmdline(pid)
        if "gunicorn" in line:
            web += sum(times)  # itself and the workers it has reaped
            web += sum(sum(t[:2]) for p, (_n, parent2, t) in stats.items() if parent2 == pid)
        elif "db_worker" in line:
            tasks += sum(times)
    return {"web": web / TICKS, "tasks": tasks / TICKS}


class PostgresCPU(threading.Thread):
    """Polls the CPU time of the backends serving `database` (and of their parallel workers)."""

    def __init__(self, database: str, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        # « postgres: [cluster name: ]user database host(port) state »
        self.pattern = re.compile(rf"^postgres: (?:\S+: )?\S+ {re.escape(database)} ")
        self.interval = interval
        self.latest: dict[int, int] = {}  # pid: utime + stime, last seen
        self.titles: dict[int, str] = {}
        self.lock = threading.Lock()
        self.running = True

    def poll(self) -> None:
        found: dict[int, int] = {}
        ours = set(self.latest)
        for pid in _pids():
            stat = _stat(pid)
            if stat is None or stat[0] not in {"postgres", "postmaster"}:
                continue
            title = self.titles.get(pid) or _cmdline(pid)
            if title.startswith("postgres: "):  # a backend just forked has not named itself yet
                self.titles[pid] = title
            leader = re.search(r"parallel worker for PID (\d+)", title)
            if self.pattern.match(title) or (leader and int(leader.group(1)) in ours):
                found[pid] = sum(stat[2][:2])
        with self.lock:
            self.latest.update(found)

    def run(self) -> None:
        while self.running:
            self.poll()
            time.sleep(self.interval)

    def snapshot(self) -> dict[int, int]:
        self.poll()
        with self.lock:
            return dict(self.latest)

    @property
    def found(self) -> bool:
        return bool(self.latest)


def postgres_seconds(before: dict[int, int], after: dict[int, int]) -> float:
    """CPU seconds spent between two snapshots (a backend born between them started at 0)."""
    return sum(ticks - before.get(pid, 0) for pid, ticks in after.items()) / TICKS


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def latency(seconds: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in seconds] or [0.0]
    return {
        "median_ms": round(statistics.median(ms), 1),
        "p95_ms": round(percentile(ms, 0.95), 1),
        "p99_ms": round(percentile(ms, 0.99), 1),
        "max_ms": round(max(ms), 1),
    }


def summarise(hits: list[Hit], window: tuple[float, float], failures: list[str]) -> dict[str, Any]:
    """The requests ended within the window, their latency overall and by kind; the errors of
    the whole run (warm-up included: the bar is none at all) and the first of them."""
    counted = [h for h in hits if window[0] <= h.ended <= window[1]]
    errors = [h for h in hits if not h.ok]
    kinds: dict[str, dict[str, Any]] = {}
    for kind in sorted({h.kind for h in hits}):
        mine = [h.ended - h.started for h in counted if h.kind == kind]
        kinds[kind] = {
            "requests": len(mine),
            "errors": sum(1 for h in errors if h.kind == kind),
            **latency(mine),
        }
    first = [
        f"{h.kind} : {h.method} {h.url} → {h.status or 'pas de réponse'} ({h.note})"
        for h in errors[:10]
    ]
    return {
        "requests": len(counted),
        "requests_all": len(hits),
        **latency([h.ended - h.started for h in counted]),
        "errors": len(errors) + len(failures),
        "failures": first + failures[:10],
        "kinds": kinds,
    }
