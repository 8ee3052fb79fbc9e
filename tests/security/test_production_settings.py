"""Production settings: run in a subprocess, as a deployment would start them."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

REPO = Path(__file__).resolve().parents[2]
RANDOM_LOOKING_KEY = "q7Vx!m2#Lr9pZ@c4Kd8sWf1&Yh6Tn3Bj5Gu0Xe$Ra7Mo9Ci2Pw4Ez8Ql1Nv6Ub3Hk"
# Everything a deployment may set, so each test starts from "nothing else".
DEPLOYMENT_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "BEHIND_TLS_PROXY",
    "SESSION_COOKIE_AGE",
    "AXES_ENABLED",
    # Set by the browser tests' conftest for Playwright; never in a deployment.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DATABASE_URL",
}


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in DEPLOYMENT_VARIABLES}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production(**env):
    return {
        "DEBUG": "0",
        "SECRET_KEY": RANDOM_LOOKING_KEY,
        "ALLOWED_HOSTS": "forum.example.se",
        **env,
    }


def settings_of(*names, **env):
    """The named settings as a fresh process with this environment sees them."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}))"
    )
    result = manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_deploy_check_is_silent_with_only_debug_key_and_hosts():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", **production())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_deploy_check_complains_about_a_short_key():
    result = manage("check", "--deploy", **production(SECRET_KEY="short-key"))
    assert "security.W009" in result.stdout + result.stderr


def test_production_turns_on_https_redirect_hsts_and_secure_cookies():
    values = settings_of(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "STORAGES",
        **production(),
    )
    # What `make serve` collects into: hashed names and compressed twins.
    static = values.pop("STORAGES")["staticfiles"]["BACKEND"]
    assert static == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert all(values[name] is True for name in values if name != "SECURE_HSTS_SECONDS")


def test_behind_a_tls_proxy_each_default_can_be_switched_off_one_by_one():
    values = settings_of(
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_PROXY_SSL_HEADER",
        "SESSION_COOKIE_SECURE",
        **production(SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0", BEHIND_TLS_PROXY="1"),
    )
    assert values == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_HSTS_SECONDS": 0,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SESSION_COOKIE_SECURE": True,
    }


def test_development_does_not_force_https_and_sessions_are_capped_at_a_day():
    values = settings_of(
        "SECURE_SSL_REDIRECT", "SESSION_COOKIE_AGE", DEBUG="1", SESSION_COOKIE_AGE="99999999"
    )
    assert values == {"SECURE_SSL_REDIRECT": False, "SESSION_COOKIE_AGE": 24 * 60 * 60}


def test_sessions_expire_within_a_day_and_with_the_browser():
    assert 0 < settings.SESSION_COOKIE_AGE <= 24 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
