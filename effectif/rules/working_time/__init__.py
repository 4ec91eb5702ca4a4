"""French working time as code: limits, rests, overtime, public holidays.

- `timeline`: one person's worked intervals over a run of days;
- `facts`: what the checks know of the person (age, part time, forfait jours, agreement);
- `engine.check`: every breach of the legal limits, with its rule and article;
- `overtime.weekly_hours`: overtime and complementary hours by week and premium band;
- `holidays`: public holidays of a place of work, the journée de solidarité.
"""
