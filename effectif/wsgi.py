import os

from django.core.wsgi import get_wsgi_application

from effectif import instance

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effectif.settings")
instance.prepare()
application = get_wsgi_application()
