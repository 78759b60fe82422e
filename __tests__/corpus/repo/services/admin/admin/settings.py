"""Django settings for the internal admin."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "{{alnum:50}}" {{secret:django-secret-key}}
DEBUG = False
ALLOWED_HOSTS = ["admin.agentco.io"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "admin",
        "USER": "admin",
        "PASSWORD": os.environ.get("ADMIN_DB_PASSWORD", ""),
        "HOST": "10.0.1.5",
        "OPTIONS": {"sslmode": "require"},
    }
}

EMAIL_HOST = "smtp.agentco.io"
EMAIL_HOST_USER = "admin@agentco.io"
EMAIL_HOST_PASSWORD = "{{alnum:16}}" {{secret:generic-password-assignment}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_AGE = 3600
