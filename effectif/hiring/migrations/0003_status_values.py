"""Recruitment statuses are stored as English words (core.workflow): a requisition waiting for
HR is `submitted` (was `en_attente`), a refused one `rejected`; candidates, interviews, DPAE and
postings keep their member names, lower-cased. The French labels do not change."""

from django.db import migrations, models

from effectif.core.migrating import rewrite_values

REQUISITION = {
    "en_attente": "submitted",
    "validee": "approved",
    "refusee": "rejected",
    "close": "closed",
}
CANDIDATE = {
    "recue": "received",
    "preselection": "shortlisted",
    "entretien": "interview",
    "offre": "offer",
    "embauche": "hired",
    "refusee": "rejected",
}
INTERVIEW = {"prevu": "planned", "tenu": "done", "annule": "cancelled"}
DPAE = {"a_faire": "todo", "effectuee": "done"}
POSTING = {"brouillon": "draft", "publiee": "published", "close": "closed"}
MAPPINGS = {
    "JobRequisition": REQUISITION,
    "Candidate": CANDIDATE,
    "Interview": INTERVIEW,
    "Dpae": DPAE,
    "JobPosting": POSTING,
}


class Migration(migrations.Migration):
    dependencies = [
        ("hiring", "0002_default_discriminatory_terms"),
    ]

    operations = [
        rewrite_values("hiring", MAPPINGS),
        migrations.AlterField(
            model_name="candidate",
            name="status",
            field=models.CharField(
                choices=[
                    ("received", "Reçue"),
                    ("shortlisted", "Présélectionnée"),
                    ("interview", "Entretien"),
                    ("offer", "Proposition"),
                    ("hired", "Embauchée"),
                    ("rejected", "Non retenue"),
                ],
                default="received",
                max_length=15,
                verbose_name="statut",
            ),
        ),
        migrations.AlterField(
            model_name="dpae",
            name="status",
            field=models.CharField(
                choices=[("todo", "À faire"), ("done", "Effectuée")],
                default="todo",
                max_length=10,
                verbose_name="statut",
            ),
        ),
        migrations.AlterField(
            model_name="interview",
            name="status",
            field=models.CharField(
                choices=[("planned", "Prévu"), ("done", "Tenu"), ("cancelled", "Annulé")],
                default="planned",
                max_length=10,
                verbose_name="statut",
            ),
        ),
        migrations.AlterField(
            model_name="jobposting",
            name="status",
            field=models.CharField(
                choices=[("draft", "Brouillon"), ("published", "Publiée"), ("closed", "Close")],
                default="draft",
                max_length=10,
                verbose_name="statut",
            ),
        ),
        migrations.AlterField(
            model_name="jobrequisition",
            name="status",
            field=models.CharField(
                choices=[
                    ("submitted", "À valider"),
                    ("approved", "Validée"),
                    ("rejected", "Refusée"),
                    ("closed", "Clôturée"),
                ],
                default="submitted",
                max_length=12,
                verbose_name="statut",
            ),
        ),
    ]
