"""Writes of trip requests (ordres de mission): create and edit a draft with its destinations
and travellers, add transport options (each estimated by `rules.travel.options`), choose one,
submit, approve (manager, then HR), reject or cancel. On HR's approval the mission order is
generated from the « Ordre de mission » template and filed in the requester's personnel file.

Each function validates first, then writes and audits in one transaction: bad input raises a
ValidationError in French and writes nothing.


The package re-exports the public names of its modules, so that
`from effectif.travel.services.trips import X` keeps working."""

from effectif.travel.services.trips.drafts import (
    SUBMISSION_KEY_MAX,
    TripCreation,
    check_submission_key,
    trip_create,
    trip_create_once,
    trip_update,
)
from effectif.travel.services.trips.estimates import (
    comparison,
    is_first_class,
    option_facts,
    policy_facts,
    trip_facts,
)
from effectif.travel.services.trips.input import (
    FARE_MODES,
    MEALS_PER_DAY,
    OPEN_STATUSES,
    OPTION_FIELDS,
    TRIP_FIELDS,
    DestinationInput,
    TripInput,
)
from effectif.travel.services.trips.mission_order import (
    mission_order_generate,
    mission_order_template,
)
from effectif.travel.services.trips.options import (
    option_add,
    option_choose,
    option_remove,
)
from effectif.travel.services.trips.workflow import (
    can_cancel,
    can_decide,
    trip_approve,
    trip_cancel,
    trip_reject,
    trip_submit,
)

__all__ = [
    "FARE_MODES",
    "MEALS_PER_DAY",
    "OPEN_STATUSES",
    "OPTION_FIELDS",
    "SUBMISSION_KEY_MAX",
    "TRIP_FIELDS",
    "DestinationInput",
    "TripCreation",
    "TripInput",
    "can_cancel",
    "can_decide",
    "check_submission_key",
    "comparison",
    "is_first_class",
    "mission_order_generate",
    "mission_order_template",
    "option_add",
    "option_choose",
    "option_facts",
    "option_remove",
    "policy_facts",
    "trip_approve",
    "trip_cancel",
    "trip_create",
    "trip_create_once",
    "trip_facts",
    "trip_reject",
    "trip_submit",
    "trip_update",
]
