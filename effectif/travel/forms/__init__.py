"""The forms of business travel: trips, expense reports and their payments, the travel policy
and vehicles, by topic."""
