"""Settings for the Webcert användarforum dashboard, read from the environment.

Development defaults are safe to run locally; with DEBUG off the process refuses to start
without what production needs (a SECRET_KEY), so a forgotten variable fails loudly.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off: refusing to start production "
            "with a guessable key. Set SECRET_KEY in the environment."
        )
    SECRET_KEY = "development-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # the widgets' own templates, for the renderer below
    "django_tables2",
    "django_filters",
    "simple_history",
    "axes",
    "webcert_forum.meetings",
    "regions",
    "releases",
    "certificate_statistics",
    "signing_rollout",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "webcert_forum.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "webcert_forum.middleware.SecurityHeadersMiddleware",
    # Last, as django-axes asks: it turns a lockout flagged during login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses a locked-out username+address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "webcert_forum.urls"

# Forms render through the project's templates, so that {{ field.as_field_group }} uses
# templates/_field.html (label, widget, help text with its id, errors) on every form.
FORM_RENDERER = "webcert_forum.core.forms.FormRenderer"

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
                "webcert_forum.context_processors.navigation",
            ],
            # The kit is no app, so its template tags are named here.
            "libraries": {
                "table_tags": "webcert_forum.core.table_tags",
                "chart_tags": "webcert_forum.core.chart_tags",
            },
        },
    },
]

WSGI_APPLICATION = "webcert_forum.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the dashboards read while an import writes; the busy timeout makes a writer
    # wait for the other instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
# Dates as 2022-06-14 and numbers as "37 732", as the forum's own minutes write them.
FORMAT_MODULE_PATH = ["webcert_forum.formats"]
USE_THOUSAND_SEPARATOR = True

LOGIN_URL = "login"
# A region editor starts on "Min region", everyone else on the overview.
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"
# A session lives one working day at most (capped, so a typo in the environment cannot make
# it endless) and ends with the browser.
SESSION_COOKIE_AGE = min(int(os.environ.get("SESSION_COOKIE_AGE", 8 * 60 * 60)), 24 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 7 * 24 * 60 * 60

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

MINUTES_MAX_UPLOAD_BYTES = 25 * 1024 * 1024
# Uploads stop at MINUTES_MAX_UPLOAD_BYTES and are never spooled to disk (webcert_forum/uploads.py);
# other fields of a request body stay under Django's 2.5 MB, and one file per request at most.
FILE_UPLOAD_HANDLERS = ["webcert_forum.uploads.LimitedMemoryUploadHandler"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 1
# Uploaded PDFs are parsed in a child process with these limits (webcert_forum/importer/cage.py);
# the wall limit ends well inside the server's 120 s request timeout.
MINUTES_PARSE_MEMORY_BYTES = int(os.environ.get("MINUTES_PARSE_MEMORY_BYTES", 1024**3))
MINUTES_PARSE_WALL_SECONDS = float(os.environ.get("MINUTES_PARSE_WALL_SECONDS", 60))
MINUTES_PARSE_CPU_SECONDS = int(os.environ.get("MINUTES_PARSE_CPU_SECONDS", 55))

DJANGO_TABLES2_TEMPLATE = "_tables2_table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "data-table"}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "webcert-forum",
    }
}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }

# Production hardening: on whenever DEBUG is off, each switchable for a deployment behind a
# TLS-terminating proxy that already redirects and sets HSTS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
# Proxies in front of Django that each append to X-Forwarded-For (a load balancer and an
# nginx: 2); the client address is the entry this many places from the right.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", 1))
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# A load balancer probes over plain HTTP and must get "ok", not a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
CSRF_FAILURE_VIEW = "webcert_forum.security_views.csrf_failure"

# Login throttling (django-axes): 5 failures for one username from one address lock that
# pair out for 15 minutes; a success clears the count. Behind proxies the client address is
# the one the trusted proxy appended to X-Forwarded-For (security_views.client_ip).
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_CLIENT_IP_CALLABLE = "webcert_forum.security_views.client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# E-mail, from the environment; the console backend in development (DEBUG) unless a host is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 30))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Webcert användarforum <noreply@localhost>"
)
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST or not DEBUG
    else "django.core.mail.backends.console.EmailBackend",
)
# Links in e-mails need the site's address: no request tells it to `send_notices`.
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")
# Reminders go this many days before the next meeting (comma-separated), and new minutes
# are announced for imports of the last NOTICE_MINUTES_DAYS days.
NOTICE_REMINDER_DAYS = [int(n) for n in env_list("NOTICE_REMINDER_DAYS", ["14", "3"])]
NOTICE_MINUTES_DAYS = int(os.environ.get("NOTICE_MINUTES_DAYS", 7))
