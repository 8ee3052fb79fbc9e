"""News items of a meeting, read from its slides' text: what the minutes tell that no part of
the site keeps as data (news from Socialstyrelsen, SITHS, IE11, "Övrigt", support).

A slide whose data the site already keeps (attendance, statistics, windows, release, the
timeline, questions, next meeting) gives only its "Information från …" bullets; any other
slide is one item, and slides that continue one another under one title are one item."""

import re

URL_OR_EMAIL = re.compile(r"https?://[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
NUMBERING = re.compile(r"^\s*\d+[a-z]?\.\s*")
KEPT_AS_DATA = (
    "agenda",
    "deltagare",
    "statistik",
    "drift regioner",
    "uppdatering av applikationen",
    "nästa möte",
    "frågor",
    "framtida förändringar",
    "dödsbevis",
    "underskriftslösning",
)
INFORMATION = re.compile(r"^\s*[•▪]\s*(Information från [^:\n]+):?\s*$", re.MULTILINE)
BULLET = re.compile(r"^\s*[•▪]", re.MULTILINE)


def links_in(text):
    found = []
    for match in URL_OR_EMAIL.findall(text):
        link = match.rstrip(".,;)")
        if link not in found:
            found.append(link)
    return found


def _title(slide_title):
    return " ".join(NUMBERING.sub("", slide_title).split())


def _body(slide):
    text = slide.text
    first, _, rest = text.partition("\n")
    if _title(first) and _title(first).casefold() in _title(slide.title).casefold():
        text = rest
    return "\n".join(line.rstrip() for line in text.strip().splitlines() if line.strip())


def news_from_slides(slides):
    """[{"title", "text", "links", "slide"}] in slide order."""
    items = []
    for slide in slides:
        title = _title(slide.title)
        if not title:
            continue
        if any(word in title.casefold() for word in KEPT_AS_DATA):
            items += _information_bullets(slide)
            continue
        body = _body(slide)
        if items and items[-1]["title"] == title and items[-1]["slide"] == slide.number - 1:
            items[-1]["text"] += "\n" + body
            items[-1]["links"] += [x for x in links_in(body) if x not in items[-1]["links"]]
            continue
        if body:
            items.append(
                {"title": title, "text": body, "links": links_in(body), "slide": slide.number}
            )
    return items


def _information_bullets(slide):
    items = []
    for match in INFORMATION.finditer(slide.text):
        rest = slide.text[match.end() :]
        end = BULLET.search(rest)
        body = "\n".join(
            line.strip()
            for line in rest[: end.start() if end else None].splitlines()
            if line.strip()
        )
        if body:
            items.append(
                {
                    "title": match.group(1),
                    "text": body,
                    "links": links_in(body),
                    "slide": slide.number,
                }
            )
    return items
