"""Which page of the site holds a slide's data, by the slide's title: the slide shows the
numbers as presented; the page lets a reader filter, compare and download them."""

import datetime as dt
import re

from django.urls import reverse

from webcert_forum.core.months import SWEDISH_MONTHS

# (words in the title, URL name, link text); the first match wins.
PAGES = [
    (("statistik",), "statistics:dashboard", "Intygsstatistiken"),
    (("drift regioner", "servicefönster"), "service_windows:list", "Servicefönstren"),
    (("uppdatering av applikationen", "release"), "releases:list", "Releaserna"),
    (("underskriftslösning", "signering"), "signing:dashboard", "Signeringens utrullning"),
    (("deltagare",), "meetings:attendance", "Närvaron vid alla möten"),
    (("dödsbevis", "anslutning"), "regions:list", "Organisationerna"),
]


def data_page(slide, meeting_date):
    """(url, link text) of the page with the slide's data, or None."""
    title = slide.title.casefold()
    for words, name, text in PAGES:
        if any(word in title for word in words):
            url = reverse(name)
            if name == "statistics:dashboard":
                month = _month_in(title, meeting_date)
                if month:
                    url += f"?month_from={month:%Y-%m}&month_to={month:%Y-%m}"
                    text = f"{text} för {SWEDISH_MONTHS[month.month - 1]} {month.year}"
            return url, text
    return None


def _month_in(title, meeting_date):
    """The month a statistics title names ("… utfärdade intyg april"): the latest such month
    up to the meeting."""
    words = set(re.findall(r"\w+", title))
    for index, name in enumerate(SWEDISH_MONTHS):
        if name in words:
            year = meeting_date.year if index + 1 <= meeting_date.month else meeting_date.year - 1
            return dt.date(year, index + 1, 1)
    return None
