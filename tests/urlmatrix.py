"""Every URL of the URL conf with example arguments, so a new page cannot be forgotten by
the login and role tests."""

from django.urls import URLPattern, URLResolver, get_resolver

# Example values for the URL converters, chosen to exist in the seed data.
EXAMPLES = {
    "date": "2022-06-01",
    "key": "jonkoping",
    "version": "6.11.1",
    "token": "not-a-token",
    "number": "1",
}

# The logged-in roles of the matrix, weakest first (fixtures of tests/conftest.py).
ROLES = ("plain_user", "editor_user", "staff_user", "importer_user", "admin_user")

OK, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 403, 404, 405


def everyone(status=OK):
    return dict.fromkeys(ROLES, status)


def only(*roles, status=OK, others=FORBIDDEN):
    return {role: status if role in roles else others for role in ROLES}


STAFF = ("staff_user", "importer_user", "admin_user")
EDITORS = ("editor_user", *STAFF)  # the editor belongs to Jönköping, the example key
IMPORTERS = ("importer_user", "admin_user")

# What a GET answers, per page and logged-in role, on the seed data with the example
# arguments below. Anonymous visitors are always sent to the login page. Every page of the
# URL conf must be declared here: a new one fails test_url_matrix until it is.
EXPECTED_STATUS = {
    "overview": everyone(),
    "meetings:list": everyone(),
    "meetings:detail": everyone(),
    "meetings:attendance": everyone(),
    "meetings:search": everyone(),
    # The seed meeting was saved from its document, not uploaded: there is no PDF to serve.
    "meetings:pdf": everyone(NOT_FOUND),
    # The seed meeting is saved without its PDF, so it has no slide pictures.
    "meetings:slide-picture": everyone(NOT_FOUND),
    "meetings:slide-thumbnail": everyone(NOT_FOUND),
    "meetings:question-create": only(*STAFF),
    "meetings:question-edit": only(*STAFF, status=NOT_FOUND),  # the seed has no question
    "meetings:draft": only(*STAFF),
    "meetings:import": only(*IMPORTERS),
    "meetings:import-history": only(*IMPORTERS),
    # The seed has no import run: importers get 404 for the preview; the actions are POST only.
    "meetings:import-preview": only(*IMPORTERS, status=NOT_FOUND),
    "meetings:import-confirm": only(*IMPORTERS, status=NOT_ALLOWED),
    "meetings:import-discard": only(*IMPORTERS, status=NOT_ALLOWED),
    "meetings:import-labels": only(*IMPORTERS, status=NOT_ALLOWED),
    "regions:list": everyone(),
    "regions:detail": everyone(),
    "regions:feed": everyone(),
    "service-windows-feed": everyone(),
    "service_windows:list": everyone(),
    "service_windows:calendar": everyone(),
    "service_windows:history": everyone(),
    "service_windows:create": only(*EDITORS),
    "service_windows:edit": only(*EDITORS),  # the first window of the seed is Jönköping's
    # The seed's first window (Jönköping's, 2022) is past: its editor may no longer delete it.
    "service_windows:delete": {**only(*EDITORS), "editor_user": FORBIDDEN},
    "releases:list": everyone(),
    "releases:detail": everyone(),
    "statistics:dashboard": everyone(),
    "statistics:charts": everyone(),
    "signing:dashboard": everyone(),
    "map": everyone(),
    "password_change": everyone(),
    "password_change_done": everyone(),
    "signing:report": only(*EDITORS),
    # The next meeting: planned from the seed's "next meeting" on the first visit.
    "meetings:next": everyone(),
    "meetings:next-invite": everyone(),
    "meetings:next-edit": only(*STAFF),
    "meetings:agenda-new": only(*STAFF),
    "meetings:agenda-edit": only(*STAFF, status=NOT_FOUND),  # the seed has no agenda
    "meetings:attendance-notice": only(*EDITORS),
    "meetings:question-submit": only(*EDITORS),
    "meetings:question-to-agenda": everyone(NOT_ALLOWED),  # POST only
    "meetings:window-confirm": everyone(NOT_ALLOWED),  # POST only
    "meetings:notice-preferences": everyone(),
    # Readers have no region: Min region sends them on to the overview.
    "start": everyone(302),  # where a login lands: Min region or the overview
    "my-region": {**only(*EDITORS), "plain_user": 302},
    "my-region-of": only(*EDITORS),
}

# Views that are not pages: they answer logged-out users on purpose, or belong to Django.
# The calendar feeds are reached by their secret address, not a login (tests/service_windows/
# test_feeds.py and test_token_logging.py test them); so is an e-mail's unsubscribe link (a
# signed token; tests/nextmeeting). The favicon redirect is no page (tests/imports/
# test_slide_pictures.py).
EXCLUDED_PREFIXES = (
    "admin:",
    "login",
    "logout",
    "healthz",
    "calendar-",
    "meetings:unsubscribe",
    "favicon",
)


def _walk(patterns, prefix="", namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else (p.name or "")
            yield name, prefix + str(p.pattern)


def all_url_names():
    return sorted({name for name, _ in _walk(get_resolver().url_patterns) if name})


def example_path(name, needs_pk=None):
    """A concrete path for a named URL, or None when it needs an id we cannot guess."""
    from django.urls import NoReverseMatch, reverse

    for attempt in ([], list(_arguments_for(name, needs_pk))):
        try:
            return reverse(name, kwargs=dict(attempt)) if attempt else reverse(name)
        except NoReverseMatch:
            continue
    return None


def _arguments_for(name, needs_pk):
    route = dict(_walk(get_resolver().url_patterns))[name]
    import re

    for _kind, arg in re.findall(r"<(?:(\w+):)?(\w+)>", route):
        if arg in EXAMPLES:
            yield arg, EXAMPLES[arg]
        elif arg in ("pk", "id") and needs_pk is not None:
            yield arg, needs_pk(name)
        else:
            yield arg, "1"


def page_names():
    return [n for n in all_url_names() if not n.startswith(EXCLUDED_PREFIXES)]
