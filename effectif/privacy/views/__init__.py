"""Pages of the privacy app: the audit trail, « Mes données », rights requests, the retention
schedule and the record of processing activities."""
