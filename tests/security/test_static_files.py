"""What `make serve` serves: collectstatic with the production storage, then whitenoise.

collectstatic runs in this process once per session. Its storage is the production one
(test_production_settings checks that DEBUG=0 selects it) without brotli: brotli at its
highest quality takes most of a minute on plotly.min.js, and the gzip twin is what these
tests read.
"""

import json

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

PRODUCTION_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


class GzipOnlyManifestStorage(CompressedManifestStaticFilesStorage):
    def create_compressor(self, **kwargs):
        return super().create_compressor(**{**kwargs, "use_brotli": False})


def storages(backend):
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": backend},
    }


# Session-wide: pytest-django runs the database test of this module apart from the others,
# and a module fixture would then collect twice.
@pytest.fixture(scope="session")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(
        DEBUG=False,
        STATIC_ROOT=root,
        STORAGES=storages(f"{__name__}.GzipOnlyManifestStorage"),
    ):
        call_command("collectstatic", "--noinput", verbosity=0)
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
        STORAGES=storages(PRODUCTION_STORAGE),
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
