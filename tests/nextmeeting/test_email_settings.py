"""The e-mail backend comes from the environment: SMTP where a host is set or in production,
the console in development."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NAMES = [
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_USE_TLS",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "DEFAULT_FROM_EMAIL",
    "NOTICE_REMINDER_DAYS",
]


def settings_with(**env):
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DEBUG", "NOTICE_"))
    }
    environment.update(env)
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {NAMES!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**environment, "DJANGO_SETTINGS_MODULE": "webcert_forum.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_development_prints_e_mails_to_the_console():
    found = settings_with(DEBUG="1")
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert found["NOTICE_REMINDER_DAYS"] == [14, 3]


def test_smtp_from_the_environment():
    found = settings_with(
        DEBUG="1",
        EMAIL_HOST="smtp.example.se",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="1",
        EMAIL_HOST_USER="forum",
        EMAIL_HOST_PASSWORD="hemligt",
        DEFAULT_FROM_EMAIL="forum@example.se",
        NOTICE_REMINDER_DAYS="7,1",
    )
    assert found == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.se",
        "EMAIL_PORT": 587,
        "EMAIL_USE_TLS": True,
        "EMAIL_HOST_USER": "forum",
        "EMAIL_HOST_PASSWORD": "hemligt",
        "DEFAULT_FROM_EMAIL": "forum@example.se",
        "NOTICE_REMINDER_DAYS": [7, 1],
    }
