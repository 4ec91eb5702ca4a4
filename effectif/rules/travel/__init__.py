"""Business trips and expense reports: URSSAF allowance limits, the fiscal mileage scale, the
checks of expense lines, the comparison of travel options and the SEPA transfer file.

Pure Python (no Django). The contract is /work/spec/travel_rules_api.md; figures are in
`parameters.py`, each dated and sourced.
"""
