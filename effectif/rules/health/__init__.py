"""The individual follow-up of workers' health (C. trav. L4624-1 s., R4624-10 s.): which visits
are due, when, and on what legal basis, computed from plain facts (birth date, start of the
employment, the post's risks, night work, disability, absences, visits already held)."""
