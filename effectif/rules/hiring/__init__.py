"""Recruitment law from plain facts: what a job posting must and must not say (C. trav. L1132-1,
L1142-1, L5331-1 s.) and what the pre-hire declaration (DPAE) must carry and when it is filed
(L1221-10, R1221-1)."""
