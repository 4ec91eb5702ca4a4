"""Writes of the travel app, one module per subject: the employer's policy, fares and the
employees' vehicles (`policy`), trip requests (`trips`), expense reports (`expenses`) and their
reimbursement (`payments`). Each validates, writes and audits in one transaction."""
