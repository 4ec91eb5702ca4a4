"""An index in the lists' order (newest start first): HR's list of every request reads its page
from it instead of sorting all the requests of its employers."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("leave", "0004_leave_request_status_values"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="leaverequest",
            index=models.Index(fields=["-start_date", "-id"], name="leave_request_recent"),
        ),
    ]
