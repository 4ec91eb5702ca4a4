"""The load generator, in a process of its own (`python -m effectif.bench.load_driver`).

Virtual users, one thread each, log in through the login form then loop, until the end of the
run, over a weighted mix of what their role does (see `HR`, `MANAGER`, `EMPLOYEE`): HR browse
the employee list (pages, searches, sorts, filters), files, leave requests, the deadlines, a
team's planning, the audit log, the balances; employees look at their leave, files, trips,
expense reports and planning, and ask for a day of leave on a free working day through the
form; managers open the requests waiting for them and approve one (or refuse it, now and
then), look at their team and its planning. With think time, each user pauses between two
requests (uniformly between the two bounds, seeded).

Each user first logs in and does the main thing of their role (a manager decides on a request,
an employee asks for leave, HR open the employee list). That and the `--warmup` seconds after
the last user is done are not counted; then, for `--seconds`: each request's latency, the
errors (any answer other than the one expected, and the pages that do not say what they
should; those of the logins and the warm-up count too), and the CPU time of the web server
and of PostgreSQL's backends. The figures are written as JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from effectif.bench.load_probe import (
    Browser,
    Hit,
    PostgresCPU,
    csrf_token,
    postgres_seconds,
    server_cpu,
    summarise,
)

PENDING = re.compile(r'href="/conges/demandes/(\d+)/"')
REFUSAL = "Période déjà très chargée dans l'équipe : merci de proposer une autre date."
Action = Callable[[Browser, "User"], None]
Params = dict[str, object] | Callable[["User"], dict[str, object]] | None


class User:
    """One virtual user: who they are in the plan and what they have left to do."""

    def __init__(
        self, role: str, account: dict[str, Any], plan: dict[str, Any], rng: random.Random
    ):
        self.role = role
        self.account = account
        self.plan = plan
        self.rng = rng
        self.free_days: list[str] = []
        self.decisions = self.nothing_to_decide = self.asked = 0

    def pick(self, values: list[Any]) -> Any:
        return self.rng.choice(values)


def visit(kind: str, path: str | Callable[[User], str], params: Params = None) -> Action:
    """An action of one page: `path` and `params` may depend on the user."""

    def action(browser: Browser, user: User) -> None:
        where = path(user) if callable(path) else path
        browser.get(kind, where, params(user) if callable(params) else params)

    return action


def _team_planning(user: User, team: int) -> dict[str, object]:
    return {"periode": user.pick(["mois", "mois", "semaine"]), "pour": f"service-{team}"}


# HR ---------------------------------------------------------------------------------------


def hr_employee_list(b: Browser, u: User) -> None:
    p = u.plan
    params = u.pick(
        [
            {},
            {},
            {"page": u.rng.randint(2, 40)},
            {"q": u.pick(p["search_terms"])},
            {"tri": u.pick(["-hire_date", "matricule", "department", "-name"])},
            {"service": u.pick(p["department_ids"])},
            {
                "employeur": p["employer_id"],
                "etablissement": u.pick(p["establishment_ids"]),
                "nature": "cdi",
            },
        ]
    )
    b.get("RH · liste des salariés", "/salaries/", params)


def hr_leave_requests(b: Browser, u: User) -> None:
    params = u.pick([{}, {"statut": "submitted"}, {"page": u.rng.randint(2, 20)}])
    b.get("RH · demandes de congés", "/conges/demandes/", params)


audit_log = visit("RH · journal d'audit", "/donnees-personnelles/journal/")
HR: list[tuple[int, Action]] = [
    (10, visit("RH · accueil", "/")),
    (25, hr_employee_list),
    (
        20,
        visit(
            "RH · dossier d'un salarié", lambda u: f"/salaries/{u.pick(u.plan['employee_ids'])}/"
        ),
    ),
    (12, hr_leave_requests),
    (8, visit("RH · échéancier", "/echeancier/")),
    (
        8,
        visit(
            "RH · planning d'une équipe",
            "/planning/equipes/",
            lambda u: _team_planning(u, u.pick(u.plan["team_ids"])),
        ),
    ),
    (4, visit("RH · soldes de congés", "/conges/soldes/")),
    (5, audit_log),  # for « responsable RH » only (AUDIT_READER_ROLES)
]


# Managers ---------------------------------------------------------------------------------


def manager_decision(b: Browser, u: User) -> None:
    """The requests waiting, one of them opened, approved (or refused), the page after."""
    page = b.get("manager · demandes à valider", "/conges/demandes/", {"statut": "submitted"})
    if page is None:
        return
    waiting = sorted({int(pk) for pk in PENDING.findall(page)})
    if not waiting:
        u.nothing_to_decide += 1
        return
    pk = u.pick(waiting[:10])
    detail = b.get("manager · demande", f"/conges/demandes/{pk}/")
    token = csrf_token(detail)
    if detail is None or token is None:
        return
    if u.rng.random() < 0.15:
        form = {"csrfmiddlewaretoken": token, "comment": REFUSAL}
        done = b.post(
            "manager · refus (envoi)",
            f"/conges/demandes/{pk}/refuser/",
            form,
            then="manager · demande décidée",
            contains="Demande refusée.",
        )
    else:
        form = {"csrfmiddlewaretoken": token, "comment": ""}
        done = b.post(
            "manager · validation (envoi)",
            f"/conges/demandes/{pk}/valider/",
            form,
            then="manager · demande décidée",
            contains="Demande validée.",
        )
    u.decisions += done is not None


MANAGER: list[tuple[int, Action]] = [
    (10, visit("manager · accueil", "/")),
    (30, manager_decision),
    (8, visit("manager · demandes à valider", "/conges/demandes/", {"statut": "submitted"})),
    (
        10,
        visit(
            "manager · planning de l'équipe",
            "/planning/equipes/",
            lambda u: _team_planning(u, u.account["team_id"]),
        ),
    ),
    (8, visit("manager · son équipe", "/salaries/", lambda u: {"service": u.account["team_id"]})),
    (
        8,
        visit(
            "manager · dossier d'un membre", lambda u: f"/salaries/{u.pick(u.account['members'])}/"
        ),
    ),
    (4, visit("manager · échéancier", "/echeancier/")),
]


# Employees --------------------------------------------------------------------------------


def employee_leave_request(b: Browser, u: User) -> None:
    """The form, then (when a free day is left) a day of paid leave asked for."""
    page = b.get("salarié · formulaire de demande", "/conges/demandes/nouvelle/")
    token = csrf_token(page)
    if page is None or token is None or not u.free_days:
        return
    day = u.free_days.pop(0)
    form = {
        "csrfmiddlewaretoken": token,
        "leave_type": u.plan["leave_type_id"],
        "start_date": day,
        "end_date": day,
        "comment": "",
    }
    done = b.post(
        "salarié · envoi d'une demande",
        "/conges/demandes/nouvelle/",
        form,
        then="salarié · demande envoyée",
        contains="Demande envoyée pour validation.",
    )
    u.asked += done is not None


EMPLOYEE: list[tuple[int, Action]] = [
    (15, visit("salarié · accueil", "/")),
    (15, visit("salarié · mes congés", "/conges/")),
    (12, employee_leave_request),
    (6, visit("salarié · mes déplacements", "/deplacements/mes-deplacements/")),
    (6, visit("salarié · mes notes de frais", "/deplacements/notes-de-frais/mes-notes/")),
    (8, visit("salarié · mon dossier", "/salaries/mon-dossier/")),
    (6, visit("salarié · mon planning", "/planning/moi/")),
    (4, visit("salarié · notifications", "/conges/notifications/")),
]
MIXES = {"hr": HR, "manager": MANAGER, "employee": EMPLOYEE}
#: What each user does first, right after logging in (before the warm-up starts).
FIRST: dict[str, Action] = {
    "hr": hr_employee_list,
    "manager": manager_decision,
    "employee": employee_leave_request,
}


def _actions(user: User) -> tuple[list[Action], list[int]]:
    mix = MIXES[user.role]
    if user.role == "hr" and user.account.get("role") != "hr_manager":
        mix = [(w, a) for w, a in mix if a is not audit_log]
    return [a for _w, a in mix], [w for w, _a in mix]


def virtual_user(
    user: User, browser: Browser, failures: list[str], logged_in: threading.Semaphore
) -> None:
    try:
        try:
            if not browser.login(user.account["username"], user.plan["password"]):
                failures.append(f"{user.account['username']} : connexion impossible")
                return
            FIRST[user.role](browser, user)
        finally:
            logged_in.release()
        actions, weights = _actions(user)
        while not browser.stopped:
            user.rng.choices(actions, weights)[0](browser, user)
    except Exception as error:  # reported: the run goes on with the other users
        failures.append(f"{user.account['username']} : {error!r}")


def drive(
    plan: dict[str, Any],
    *,
    base: tuple[str, int],
    serve_pid: int | None,
    database: str,
    users: int,
    seconds: float,
    warmup: float,
    think: tuple[float, float] | None,
    seed: int,
    run: int = 0,
    runs: int = 1,
) -> dict[str, Any]:
    """One run: the users started together, measured after the warm-up, stopped at the end."""
    accounts = (
        [("hr", a) for a in plan["hr"]]
        + [("manager", a) for a in plan["managers"]]
        + [("employee", a) for a in plan["employees"]]
    )
    hits: list[Hit] = []
    failures: list[str] = []
    postgres = PostgresCPU(database)
    if database:
        postgres.start()
    logged_in = threading.Semaphore(0)
    threads, people, browsers = [], [], []
    for n, (role, account) in enumerate(accounts[:users]):
        rng = random.Random(f"{seed}:{n}")
        user = User(role, account, plan, rng)
        user.free_days = account.get("free_days", [])[run::runs]  # each run its own days
        browsers.append(Browser(base[0], base[1], hits, math.inf, rng, think))
        people.append(user)
        threads.append(
            threading.Thread(
                target=virtual_user, args=(user, browsers[-1], failures, logged_in), daemon=True
            )
        )
    for thread in threads:
        thread.start()
    for _user in people:  # the warm-up starts once everyone has logged in and done a first thing
        logged_in.acquire(timeout=300)
    start = time.monotonic() + warmup
    window = (start, start + seconds)
    for browser in browsers:
        browser.stop_at = window[1]
    time.sleep(max(0.0, window[0] - time.monotonic()))
    cpu_before = server_cpu(serve_pid) if serve_pid else {}
    pg_before, own_before = postgres.snapshot(), os.times()
    time.sleep(max(0.0, window[1] - time.monotonic()))
    cpu_after = server_cpu(serve_pid) if serve_pid else {}
    pg_after, own_after = postgres.snapshot(), os.times()
    postgres.running = False
    deadline = time.monotonic() + 150  # a request in flight ends within the client's timeout
    for thread in threads:
        thread.join(timeout=max(0.1, deadline - time.monotonic()))
    figures = summarise(hits, window, failures)
    requests = figures["requests"]

    def per_request(cpu_s: float | None) -> float | None:
        return round(cpu_s * 1000 / requests, 1) if requests and cpu_s is not None else None

    web_s = cpu_after["web"] - cpu_before["web"] if serve_pid else None
    pg_s = postgres_seconds(pg_before, pg_after) if postgres.found else None
    return {
        "users": len(people),
        "seconds": seconds,
        "warmup": warmup,
        "think": list(think) if think else None,
        "throughput": round(requests / seconds, 2),
        **figures,
        "cpu_web_s": round(web_s, 2) if web_s is not None else None,
        "cpu_tasks_s": round(cpu_after["tasks"] - cpu_before["tasks"], 2) if serve_pid else None,
        "cpu_postgres_s": round(pg_s, 2) if pg_s is not None else None,
        "cpu_web_ms": per_request(web_s),
        "cpu_postgres_ms": per_request(pg_s),
        "cpu_total_ms": per_request(
            (web_s or 0) + (pg_s or 0) if web_s is not None or pg_s is not None else None
        ),
        "cpu_client_s": round(sum(own_after[:2]) - sum(own_before[:2]), 2),
        "decisions": sum(u.decisions for u in people),
        "nothing_to_decide": sum(u.nothing_to_decide for u in people),
        "asked": sum(u.asked for u in people),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def _think(text: str) -> tuple[float, float] | None:
    if text in {"", "0"}:
        return None
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m effectif.bench.load_driver")
    parser.add_argument("--plan", required=True, help="plan écrit par effectif.bench.load_setup")
    parser.add_argument("--url", required=True, help="http://127.0.0.1:<port>")
    parser.add_argument("--serve-pid", type=int, default=0)
    parser.add_argument("--database", default="", help="base PostgreSQL servie (CPU des processus)")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--warmup", type=float, default=10)
    parser.add_argument("--think", default="0", help="pause entre deux requêtes, « 1-3 » s")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--run", type=int, default=0, help="rang de la mesure (0, 1…)")
    parser.add_argument("--runs", type=int, default=1, help="mesures sur les mêmes données")
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)
    with open(args.plan, encoding="utf-8") as source:
        plan = json.load(source)
    host, _, port = args.url.removeprefix("http://").rstrip("/").partition(":")
    if host not in {"127.0.0.1", "localhost", "::1"}:
        parser.error("la charge ne s'envoie qu'à un serveur de cette machine (127.0.0.1)")
    figures = drive(
        plan,
        base=(host, int(port or 80)),
        serve_pid=args.serve_pid or None,
        database=args.database,
        users=args.users,
        seconds=args.seconds,
        warmup=args.warmup,
        think=_think(args.think),
        seed=args.seed,
        run=args.run,
        runs=args.runs,
    )
    with open(args.output, "w", encoding="utf-8") as out:
        json.dump(figures, out, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
