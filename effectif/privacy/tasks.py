"""Background work of the privacy app: building a person's archive (run by the task worker,
`manage.py db_worker`; the page shows the archive's state meanwhile)."""

from __future__ import annotations

from django_tasks import task

from effectif.privacy.services.exports import build_archive


@task()
def build_data_export(export_id: int) -> str:
    return build_archive(export_id)
