"""Writes of recruitment and onboarding, by topic. Each validates first, then writes and
audits in one transaction."""
