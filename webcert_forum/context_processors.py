from django.urls import reverse

NAVIGATION = [
    ("overview", "Översikt"),
    ("meetings:list", "Möten"),
    ("regions:list", "Regioner"),
    ("service_windows:list", "Servicefönster"),
    ("releases:list", "Releaser"),
    ("statistics:dashboard", "Intygsstatistik"),
    ("map", "Karta"),
    ("signing:dashboard", "Signering"),
]


def navigation(request):
    """The main menu, with the section the current page belongs to marked."""
    items = []
    for url_name, label in NAVIGATION:
        url = reverse(url_name)
        active = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"url": url, "label": label, "active": active})
    return {"navigation": items}
