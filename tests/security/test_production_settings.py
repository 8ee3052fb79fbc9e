"""Production settings: run in a subprocess, as a deployment would start them."""

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


def setting(name, **env):
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.conf import settings; print(settings.{name})",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_deploy_check_is_silent_with_only_debug_key_and_hosts():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", **production())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_deploy_check_complains_about_a_short_key():
    result = manage("check", "--deploy", **production(SECRET_KEY="short-key"))
    assert "security.W009" in result.stdout + result.stderr


def test_production_turns_on_https_redirect_hsts_and_secure_cookies():
    env = production()
    assert setting("SECURE_SSL_REDIRECT", **env) == "True"
    assert int(setting("SECURE_HSTS_SECONDS", **env)) >= 31536000
    assert setting("SESSION_COOKIE_SECURE", **env) == "True"
    assert setting("CSRF_COOKIE_SECURE", **env) == "True"


def test_behind_a_tls_proxy_each_default_can_be_switched_off():
    env = production(SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0", BEHIND_TLS_PROXY="1")
    assert setting("SECURE_SSL_REDIRECT", **env) == "False"
    assert setting("SECURE_HSTS_SECONDS", **env) == "0"
    assert setting("SECURE_PROXY_SSL_HEADER", **env) == "('HTTP_X_FORWARDED_PROTO', 'https')"
    assert setting("SESSION_COOKIE_SECURE", **env) == "True"


def test_development_does_not_force_https():
    assert setting("SECURE_SSL_REDIRECT", DEBUG="1") == "False"


def test_sessions_expire_within_a_day_whatever_the_environment_says():
    assert 0 < settings.SESSION_COOKIE_AGE <= 24 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert int(setting("SESSION_COOKIE_AGE", SESSION_COOKIE_AGE="99999999")) == 24 * 60 * 60
