"""Contract rules: kinds and categories, trial periods, headcount."""
