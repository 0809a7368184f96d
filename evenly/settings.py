"""Evenly's one settings file. Everything configurable is an environment
variable, read through the strict helpers in `evenly.core.env`; the README
lists them all."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.contrib.messages import constants as message_constants

from evenly.core.env import (
    ConfigurationError,
    env_bool,
    env_int,
    env_list,
    env_str,
    field_keys_from,
    local_secret,
    new_field_key,
    owner_only_folder,
)

BASE_DIR = Path(__file__).resolve().parent.parent

# "development" (the default: `make run`, tests) or "production".
EVENLY_ENV = env_str("EVENLY_ENV", "development")
PRODUCTION = EVENLY_ENV == "production"
if EVENLY_ENV not in {"development", "production"}:
    raise ConfigurationError("EVENLY_ENV must be 'development' or 'production'")

DATA_DIR = Path(env_str("EVENLY_DATA_DIR", str(BASE_DIR / "var")))
# The database, its -wal and -shm, and the keys: the owner's only (0700, 0600).
owner_only_folder(DATA_DIR)

DEBUG = env_bool("EVENLY_DEBUG", False)
if PRODUCTION and DEBUG:
    raise ConfigurationError("EVENLY_DEBUG cannot be on in production")


def _secret(name: str, filename: str, make) -> str:  # type: ignore[no-untyped-def]
    value = env_str(name)
    if value:
        return value
    if PRODUCTION:
        raise ConfigurationError(f"{name} must be set in production")
    return local_secret(DATA_DIR, filename, make)


SECRET_KEY = _secret("SECRET_KEY", "secret_key", lambda: secrets.token_urlsafe(50))

# Newest key first. Older keys stay listed until `manage.py rotate_field_keys`
# has re-encrypted every row under the newest one.
# A malformed key refuses to start, with a message naming which one.
FIELD_ENCRYPTION_KEYS = field_keys_from(_secret("FIELD_ENCRYPTION_KEYS", "field_keys", new_field_key))

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "channels",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "evenly.core",
    "evenly.accounts",
    "evenly.couples",
    "evenly.pause",
    "evenly.boundaries",
    "evenly.coaching",
    "evenly.decisions",
    "evenly.consent",
    "evenly.checkins",
    "evenly.agreements",
    "evenly.journal",
    "evenly.healing",
    "evenly.rituals",
    "evenly.install",
    "evenly.balance",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "evenly.core.middleware.security_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "evenly.accounts.middleware.person_language",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "evenly.couples.middleware.couple_context_middleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "evenly.urls"
WSGI_APPLICATION = "evenly.wsgi.application"
ASGI_APPLICATION = "evenly.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "evenly.core.context_processors.evenly",
            ],
            # `{% url %}` that works each address out once (see the module).
            "builtins": ["evenly.core.templatetags.reversed_urls"],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("EVENLY_SQLITE_PATH", str(DATA_DIR / "evenly.sqlite3")),
            "OPTIONS": {
                # WAL lets readers and one writer work at once; IMMEDIATE takes
                # the write lock at BEGIN so two writers never deadlock midway.
                "init_command": (
                    "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;PRAGMA busy_timeout=5000;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
            # Pages run on one long-lived thread (evenly.core.handlers), which
            # keeps its connection instead of opening one per request.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            # A file, not memory, so a real server in another thread or
            # process can share the test database.
            "TEST": {"NAME": str(DATA_DIR / "test.sqlite3")},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": env_str("EVENLY_REDIS_PREFIX", "evenly")},
        }
    }
    CACHES: dict[str, dict[str, Any]] = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("EVENLY_REDIS_PREFIX", "evenly"),
        }
    }
    CACHES["sessions"] = CACHES["default"]
elif EVENT_HUB := env_str("EVENLY_EVENT_HUB"):
    # Several `manage.py serve` processes on one machine, without Redis: events
    # cross between them through the serve command's hub (evenly/core/eventhub.py),
    # and the cache they share (the coach's and sign-in's rate limits) is a folder.
    CHANNEL_LAYERS = {"default": {"BACKEND": "evenly.core.eventhub.HubChannelLayer", "CONFIG": {"path": EVENT_HUB}}}
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
            # Rate-limit counters must not be culled while they count.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
    CACHES["sessions"] = CACHES["default"]
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Room for every signed-in person's session (see SESSION_ENGINE).
        "sessions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "sessions",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
    }

TASKS = {
    "default": {
        "BACKEND": env_str("EVENLY_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Django's and allauth's, reading the person with their couple (see the module).
AUTHENTICATION_BACKENDS = [
    "evenly.accounts.backends.ModelBackend",
    "evenly.accounts.backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-allauth
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {"signup": "evenly.accounts.forms.SignupForm"}
# Mandatory verification lets sign-up answer the same for a taken and a free
# address (enumeration prevention): the owner of a taken one gets an email.
ACCOUNT_EMAIL_VERIFICATION = env_str("EVENLY_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_ADAPTER = "evenly.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "5/m/ip,3/m/key",
    "reauthenticate": "10/m/user",
}
# Behind a reverse proxy, rate limits key on the client's address taken from
# X-Forwarded-For, counting this many trusted proxies from the right.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("EVENLY_TRUSTED_PROXY_COUNT", 1 if env_bool("EVENLY_BEHIND_PROXY", False) else 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Evenly"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
# Sessions are recorded when someone signs in, not on every request: no
# "last seen" trail builds up, and no request pays for a write.
USERSESSIONS_TRACK_ACTIVITY = False
USERSESSIONS_ADAPTER = "evenly.accounts.adapter.UserSessionsAdapter"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/accounts/login/"

# Email: console by default, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Evenly <evenly@localhost>")

LANGUAGE_CODE = "en"
# Each person chooses their own (`User.language`); a visitor gets the browser's.
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]  # the project's templates; each app keeps its own catalogue
LANGUAGE_COOKIE_NAME = "evenly_language"
LANGUAGE_COOKIE_SECURE = env_bool("EVENLY_HTTPS", PRODUCTION)
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("EVENLY_STATIC_ROOT", str(DATA_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Tests and development serve static files straight from the source folders;
# `make run` and production serve the collected, hashed and compressed copies.
WHITENOISE_USE_FINDERS = env_bool("EVENLY_STATIC_FROM_FINDERS", DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if WHITENOISE_USE_FINDERS
            else "evenly.core.storage.StaticFiles"
        )
    },
}

# Security. HTTPS-only settings switch on with EVENLY_HTTPS (always in production).
HTTPS = env_bool("EVENLY_HTTPS", PRODUCTION)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("EVENLY_SESSION_DAYS", 14) * 24 * 3600
# Sessions live in the database. Where every web process shares one cache
# (Redis), each request reads its session from the cache instead of a query;
# `manage.py serve` does the same in its one process without Redis
# (evenly/core/management/commands/serve.py). A per-process cache is never
# used by several processes: a session ended in one would live on in another.
SESSION_CACHE_ALIAS = "sessions"
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"
SECURE_SSL_REDIRECT = HTTPS and env_bool("EVENLY_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 63072000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("EVENLY_BEHIND_PROXY", False) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin": no referrer ever leaves Evenly. Plain "no-referrer" would
# also make browsers send `Origin: null` on our own form posts, which the CSRF
# check (rightly) refuses.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "evenly.core.views.csrf_failure"
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a one-way door an operator must choose for themselves.
    "security.W021",
]

MESSAGE_TAGS = {message_constants.ERROR: "error"}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_request_bodies": {"()": "evenly.core.logging.DropRequestDetails"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["no_request_bodies"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("EVENLY_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.security.csrf": {"level": "WARNING"},
        "django_tasks_db": {"level": "WARNING"},
    },
}

# Evenly's own settings
EVENLY_INVITE_HOURS = 72
EVENLY_PAUSE_TIMEZONE_DEFAULT = "UTC"
EVENLY_SEED_ALLOWED = not PRODUCTION
