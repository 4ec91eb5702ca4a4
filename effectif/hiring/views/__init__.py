"""The pages of recruitment and onboarding, by topic."""
