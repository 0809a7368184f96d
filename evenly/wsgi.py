"""WSGI entry point: pages only. At scale, serve pages here (gunicorn) and the
real-time socket from `evenly.asgi`, both behind one reverse proxy."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evenly.settings")
application = get_wsgi_application()
