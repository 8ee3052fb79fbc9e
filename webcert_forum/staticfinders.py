"""Serve plotly.min.js from the installed plotly package, and nothing else of it.

The library must match plotly.py (newer plotly.py sends typed arrays an older plotly.js draws
as empty charts), so it is never copied into the repo; and pointing STATICFILES_DIRS at the
package would collect 22 files / 9.6 MB instead of one.
"""

from pathlib import Path

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

PLOTLY_DIR = Path(plotly.__file__).parent / "package_data"
PLOTLY_FILE = "plotly.min.js"
STATIC_PATH = f"vendor/{PLOTLY_FILE}"


class PlotlyJsFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        self.storage = FileSystemStorage(location=str(PLOTLY_DIR))
        self.storage.prefix = "vendor"

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if path == STATIC_PATH:
            match = str(PLOTLY_DIR / PLOTLY_FILE)
            return [match] if find_all else match
        return [] if find_all else None

    def list(self, ignore_patterns):
        yield PLOTLY_FILE, self.storage
