"""The demo staff: about 80 people, three years of history up to today.

A few people are written out because the demo needs them (the `manager` and `salarie`
accounts, a replacement naming the person replaced, foreign workers whose permits expire
soon, RQTH, every contract kind, every common way of leaving); the others are drawn at random
from the same seeded generator, so the whole organisation is the same at every load.
"""

from __future__ import annotations

from datetime import date

from effectif.demo.careers import Planner
from effectif.demo.organisation import EMPLOYERS
from effectif.demo.staff.altitude import plan_altitude
from effectif.demo.staff.coteaux import plan_coteaux

SEED = 20_261_128

#: The demo accounts that have a personnel file: (user name, staff key).
ACCOUNTS_WITH_FILES = {"manager": "marc-aubert", "salarie": "sophie-lambert"}


def plan_staff(today: date, seed: int = SEED) -> Planner:
    """Every person's file and career, as plans (nothing is written here)."""
    p = Planner(today, seed)
    plan_altitude(p)
    plan_coteaux(p)
    p.number({e.key: e.matricule_prefix for e in EMPLOYERS})
    return p
