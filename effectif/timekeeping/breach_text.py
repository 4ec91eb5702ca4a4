"""Breaches of working-time limits in words, for the pages, the exports and the audit."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from effectif.rules.working_time.breaches import Breach, Rule

RULE_LABELS: dict[Rule, Any] = {
    Rule.DAILY_MAXIMUM: gettext_lazy("Durée quotidienne maximale"),
    Rule.WEEKLY_MAXIMUM: gettext_lazy("Durée hebdomadaire maximale"),
    Rule.WEEKLY_AVERAGE: gettext_lazy("Durée moyenne sur 12 semaines"),
    Rule.DAILY_REST: gettext_lazy("Repos quotidien"),
    Rule.AMPLITUDE: gettext_lazy("Amplitude de la journée"),
    Rule.WEEKLY_REST: gettext_lazy("Repos hebdomadaire"),
    Rule.DAYS_PER_WEEK: gettext_lazy("Jours travaillés par semaine"),
    Rule.BREAK: gettext_lazy("Temps de pause"),
    Rule.PART_TIME_MINIMUM: gettext_lazy("Durée minimale du temps partiel"),
    Rule.COMPLEMENTARY_HOURS: gettext_lazy("Plafond des heures complémentaires"),
    Rule.COMPLEMENTARY_LEGAL_DURATION: gettext_lazy("Heures complémentaires et durée légale"),
    Rule.OVERTIME_CONTINGENT: gettext_lazy("Contingent annuel d'heures supplémentaires"),
}


def hours_text(hours: Decimal) -> str:
    """8.5 → « 8 h 30 », 35 → « 35 h »."""
    minutes = int((hours * 60).to_integral_value(ROUND_HALF_UP))
    whole, rest = divmod(minutes, 60)
    return f"{whole}\u00a0h\u00a0{rest:02d}" if rest else f"{whole}\u00a0h"


def _day(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def _moment(value: Any) -> str:
    return value.strftime("%d/%m à %H:%M") if value is not None else ""


def _clock(value: Any) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def rule_label(breach: Breach) -> str:
    label = str(RULE_LABELS[breach.rule])
    return _("%(rule)s (moins de 18 ans)") % {"rule": label} if breach.young else label


def breach_message(breach: Breach) -> str:
    """What happened, with the figures and the limit."""
    values = {
        "measured": hours_text(breach.measured),
        "limit": hours_text(breach.limit),
        "day": _day(breach.start_date),
        "start": _day(breach.start_date),
        "end": _day(breach.end_date),
        "from": _moment(breach.starts_at),
        "to": _moment(breach.ends_at),
        "from_clock": _clock(breach.starts_at),
        "to_clock": _clock(breach.ends_at),
    }
    rule = breach.rule
    if rule == Rule.DAILY_MAXIMUM:
        text = _("%(measured)s de travail le %(day)s, pour %(limit)s au plus.")
    elif rule == Rule.WEEKLY_MAXIMUM:
        text = _(
            "%(measured)s de travail dans la semaine du %(start)s au %(end)s, pour %(limit)s au plus."
        )
    elif rule == Rule.WEEKLY_AVERAGE:
        text = _(
            "%(measured)s par semaine en moyenne sur les 12 semaines finissant le %(end)s, pour "
            "%(limit)s au plus."
        )
    elif rule == Rule.DAILY_REST:
        text = _("Repos de %(measured)s seulement, du %(from)s au %(to)s, pour %(limit)s au moins.")
    elif rule == Rule.AMPLITUDE:
        text = _(
            "Journée du %(day)s de %(from_clock)s à %(to_clock)s : amplitude de %(measured)s, "
            "pour %(limit)s au plus (repos quotidien)."
        )
    elif rule == Rule.WEEKLY_REST and breach.young:
        text = _("Pas deux jours de repos consécutifs dans la semaine du %(start)s au %(end)s.")
    elif rule == Rule.WEEKLY_REST:
        text = _(
            "Le plus long repos de la semaine du %(start)s au %(end)s dure %(measured)s, pour "
            "%(limit)s consécutives au moins."
        )
    elif rule == Rule.DAYS_PER_WEEK:
        text = _(
            "%(days)s jours travaillés dans la semaine du %(start)s au %(end)s, pour %(max)s au plus."
        )
        values.update(days=str(int(breach.measured)), max=str(int(breach.limit)))
    elif rule == Rule.BREAK:
        text = _(
            "%(measured)s de travail sans pause suffisante le %(day)s, de %(from_clock)s à "
            "%(to_clock)s : une pause est due avant %(limit)s."
        )
    elif rule == Rule.PART_TIME_MINIMUM:
        text = _(
            "Contrat de %(measured)s par semaine, pour %(limit)s au moins, sauf dérogation "
            "(demande écrite du salarié, étudiant, accord de branche)."
        )
    elif rule == Rule.COMPLEMENTARY_HOURS:
        text = _(
            "%(measured)s d'heures complémentaires dans la semaine du %(start)s au %(end)s, pour "
            "%(limit)s au plus."
        )
    elif rule == Rule.COMPLEMENTARY_LEGAL_DURATION:
        text = _(
            "Les heures complémentaires portent la semaine du %(start)s au %(end)s à "
            "%(measured)s : elles ne peuvent atteindre la durée légale (%(limit)s)."
        )
    else:
        text = _(
            "%(measured)s d'heures supplémentaires dans l'année à la semaine du %(start)s, pour "
            "un contingent de %(limit)s : contrepartie obligatoire en repos et avis du CSE."
        )
    return text % values


def breach_summary(breach: Breach) -> str:
    """One line: rule, article, what happened (for the audit trail and error messages)."""
    return _("%(rule)s (%(article)s) : %(message)s") % {
        "rule": rule_label(breach),
        "article": breach.article,
        "message": breach_message(breach),
    }
