"""Every URL of the URL conf with example arguments, so a new page cannot be forgotten by
the login and role tests."""

from django.urls import URLPattern, URLResolver, get_resolver

# Example values for the URL converters, chosen to exist in the seed data.
EXAMPLES = {
    "date": "2022-06-01",
    "key": "jonkoping",
    "version": "6.11.1",
    "token": "not-a-token",
}

# Views that are not pages: they answer logged-out users on purpose, or belong to Django.
EXCLUDED_PREFIXES = ("admin:", "login", "logout", "healthz")


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
