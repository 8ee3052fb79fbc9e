from django.urls import reverse

NAVIGATION = [
    ("overview", "Översikt"),
    ("meetings:list", "Möten"),
    ("meetings:next", "Nästa möte"),
    ("regions:list", "Regioner"),
    ("service_windows:list", "Servicefönster"),
    ("releases:list", "Releaser"),
    ("statistics:dashboard", "Intygsstatistik"),
    ("map", "Karta"),
    ("signing:dashboard", "Signering"),
]


def _section_of(path, urls):
    """The menu entry a page belongs to: the longest URL that starts its path
    (/meetings/next/ is "Nästa möte", not "Möten")."""
    matching = [url for url in urls if (path == url if url == "/" else path.startswith(url))]
    return max(matching, key=len, default=None)


def navigation(request):
    """The main menu, with the section the current page belongs to marked."""
    entries = [(reverse(url_name), label) for url_name, label in NAVIGATION]
    profile = getattr(request.user, "profile", None) if request.user.is_authenticated else None
    if profile is not None and profile.organisation_id:
        # A region editor's own page comes first: it is where they start.
        entries.insert(0, (reverse("my-region"), "Min region"))
    active = _section_of(request.path, [url for url, _ in entries])
    return {
        "navigation": [
            {"url": url, "label": label, "active": url == active} for url, label in entries
        ]
    }
