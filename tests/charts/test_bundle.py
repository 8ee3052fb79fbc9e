"""The charts' JavaScript: plotly.js's cartesian bundle, at the version plotly.py writes
figures for, holding every trace type the pages draw, and small enough on a first visit."""

import json
import re
from pathlib import Path

import plotly.offline
import pytest
from django.contrib.staticfiles import finders
from whitenoise.compress import Compressor

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "static" / "vendor" / "plotly-cartesian.min.js"
FIRST_VISIT_BUDGET = 500 * 1024
CHART_PAGES = [
    "/statistics/diagram/",
    "/statistics/diagram/?month_from=2022-04&month_to=2022-05&organisation=skane&organisation=halland",
    "/regions/",
    "/regions/skane/",
    "/releases/",
    "/signing/",
    "/service-windows/",
    "/meetings/attendance/",
]
FIGURE = re.compile(r'<script id="(fig-[\w-]+)" type="application/json">(.*?)</script>', re.S)
SCRIPT = re.compile(r'<script src="/static/([^"]+)"')


def bundle_trace_types():
    return set(re.findall(r'moduleType:"trace",name:"(\w+)"', BUNDLE.read_text()))


def page_trace_types(html):
    types = set()
    for _id, payload in FIGURE.findall(html):
        figure = json.loads(payload)
        types.update(trace.get("type", "scatter") for trace in figure.get("data", []))
    return types


def test_bundle_is_the_plotly_js_version_plotly_py_pins():
    header = BUNDLE.read_text()[:200]
    version = re.search(r"plotly\.js \(cartesian - minified\) v(\S+)", header).group(1)
    assert version == plotly.offline.get_plotlyjs_version()


@pytest.mark.django_db
def test_every_trace_type_the_pages_draw_is_in_the_bundle(client, staff_user, seed_meeting):
    client.force_login(staff_user)
    used = set()
    for path in CHART_PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        used |= page_trace_types(html)
        if FIGURE.search(html):
            assert "vendor/plotly-cartesian.min.js" in html, path
    assert {"bar", "scatter", "heatmap"} <= used
    assert used <= bundle_trace_types(), used - bundle_trace_types()


def first_visit_script_bytes(html):
    """What a browser downloads of the page's scripts, as whitenoise serves them (brotli)."""
    sizes = {}
    for static_path in SCRIPT.findall(html):
        data = Path(finders.find(static_path)).read_bytes()
        sizes[static_path] = len(Compressor.compress_brotli(data))
    return sizes


@pytest.mark.django_db
def test_a_first_visit_to_statistics_downloads_at_most_500_kb_of_javascript(
    client, staff_user, seed_meeting
):
    client.force_login(staff_user)
    html = client.get("/statistics/").content.decode()
    sizes = first_visit_script_bytes(html)
    assert "vendor/plotly-cartesian.min.js" in sizes
    assert sum(sizes.values()) <= FIRST_VISIT_BUDGET, sizes
