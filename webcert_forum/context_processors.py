from django.urls import reverse

NAVIGATION = [
    ("overview", "Översikt"),
    ("meetings:list", "Möten"),
    ("meetings:next", "Nästa möte"),
    ("regions:list", "Regioner"),
    ("service_windows:list", "Servicefönster"),
    ("releases:list", "Releaser"),
    ("statistics:dashboard", "Intygsstatistik"),
    ("signing:dashboard", "Signering"),
]


def navigation(request):
    """The main menu, with the section the current page belongs to marked."""
    items = []
    profile = getattr(request.user, "profile", None) if request.user.is_authenticated else None
    if profile is not None and profile.organisation_id:
        # A region editor's own page comes first: it is where they start.
        url = reverse("my-region")
        items.append({"url": url, "label": "Min region", "active": request.path.startswith(url)})
    for url_name, label in NAVIGATION:
        url = reverse(url_name)
        active = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"url": url, "label": label, "active": active})
    return {"navigation": items}
