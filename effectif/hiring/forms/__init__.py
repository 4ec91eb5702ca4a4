"""The forms of recruitment and onboarding, by topic."""
