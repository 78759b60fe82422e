from .settings import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-change-me"
DATABASES["default"]["PASSWORD"] = "postgres"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
