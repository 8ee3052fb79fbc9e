import io

import pytest
from django.apps import apps
from django.core.management import call_command

from tests.conftest import SEED_PDF

PROJECT_APPS = ("webcert_forum", "regions", "releases", "statistics", "signing_rollout")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def seed_pdf():
    return SEED_PDF.read_bytes()


def stored_files(root):
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def row_counts():
    """Rows per model of the project's apps: 'writes nothing' means this does not move."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
    }


def import_minutes(*args):
    """Run the command as a user would: exit status, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_minutes", *map(str, args), stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()
