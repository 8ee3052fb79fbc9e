"""What `make serve` serves: collectstatic with the production storage, then whitenoise."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

REPO = Path(__file__).resolve().parents[2]
PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


# Session-wide: pytest-django runs the database test of this module apart from the others,
# and a module fixture would then collect twice.
@pytest.fixture(scope="session")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "k" * 20 + "Zq8#Lm2!Vx7&Rt4@Pw9$Bn3^Hc6*Jd1",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(root),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return root


def test_collectstatic_hashes_and_compresses_the_plotly_bundle_with_brotli_and_gzip(collected):
    manifest = json.loads((collected / "staticfiles.json").read_text())["paths"]
    hashed = manifest["vendor/plotly-cartesian.min.js"]
    assert hashed != "vendor/plotly-cartesian.min.js"
    size = (collected / hashed).stat().st_size
    assert size > 1_000_000
    assert (collected / (hashed + ".gz")).stat().st_size < size / 2
    assert (collected / (hashed + ".br")).stat().st_size < (
        collected / (hashed + ".gz")
    ).stat().st_size
    assert "js/charts.js" in manifest and "css/site.css" in manifest


@pytest.mark.django_db
def test_whitenoise_serves_hashed_files_compressed_with_a_long_cache_header(collected, staff_user):
    hashed = json.loads((collected / "staticfiles.json").read_text())["paths"]
    with override_settings(
        DEBUG=False,
        STATIC_ROOT=collected,
        STORAGES=PRODUCTION_STORAGES,
        SECURE_SSL_REDIRECT=False,
    ):
        browser = Client()  # its middleware, whitenoise included, is built with these settings
        plotly_js = "/static/" + hashed["vendor/plotly-cartesian.min.js"]
        response = browser.get(plotly_js, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert response.headers["Content-Encoding"] == "gzip"
        assert (
            browser.get(plotly_js, HTTP_ACCEPT_ENCODING="gzip, deflate, br").headers[
                "Content-Encoding"
            ]
            == "br"
        )
        cache = response.headers["Cache-Control"]
        assert "immutable" in cache
        assert int(cache.split("max-age=")[1].split(",")[0]) >= 365 * 24 * 60 * 60
        # Pages link the hashed names, so a new release is fetched at once.
        browser.force_login(staff_user)
        page = browser.get("/").content.decode()
        assert "/static/" + hashed["css/site.css"] in page
