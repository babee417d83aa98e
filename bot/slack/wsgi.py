"""WSGI entry point for production HTTP mode: `gunicorn bot.slack.wsgi:application` (see Procfile)."""

from .runtime import wsgi_from_environment

application = wsgi_from_environment()
