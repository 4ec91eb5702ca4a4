import os

from django.core.asgi import get_asgi_application

from effectif import instance

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "effectif.settings")
instance.prepare()
application = get_asgi_application()
