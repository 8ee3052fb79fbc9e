"""Links to many objects of one kind: a table with a row per meeting or organisation."""

import re

from django.urls import reverse

# What reverse() writes as it is (nothing to quote) and the str and slug converters accept.
_AS_IS = re.compile(r"[-A-Za-z0-9_]+")
_PLACEHOLDER = "url-argument-placeholder"


def urls_of(viewname):
    """reverse(viewname, args=[value]) for many values, for a URL whose one argument is a str
    or slug: reversed once, each value put in the placeholder's place. reverse() matches
    and quotes the whole path anew for every call (40 meetings a table on an organisation's
    page). A value it would quote goes through reverse() itself."""
    before, after = reverse(viewname, args=[_PLACEHOLDER]).rsplit(_PLACEHOLDER, 1)

    def url(value):
        value = str(value)
        if _AS_IS.fullmatch(value):
            return f"{before}{value}{after}"
        return reverse(viewname, args=[value])

    return url
