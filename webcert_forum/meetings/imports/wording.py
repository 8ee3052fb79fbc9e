"""The importer's warnings in Swedish, for the preview page.

The importer is plain Python shared with the command line, whose messages are English; the
person who confirms an import on the site reads Swedish. Each known warning is matched and
reworded here; one not yet known is shown as it is, marked as the importer's own words."""

import re

_PREFIX = re.compile(
    r"^(?:Slide (?P<slide>\d+)(?: \((?P<title>[^)]*)\))?(?:, (?P<label>[^:]+))?|Release): "
)

_BODIES = [
    (r"attendance '(.*)' is neither Ja nor Nej\.", "närvaron ”{0}” är varken Ja eller Nej."),
    (r"no date of the next meeting read in '(.*)'\.", "inget datum för nästa möte i ”{0}”."),
    (r"question date '(.*)' is not a date\.", "frågans datum ”{0}” är inget datum."),
    (r"no statistics table found\.", "ingen statistiktabell hittades."),
    (
        r"column (\d+) adds up to (\S+) but the printed '(.*)' row says (\S+)\.",
        "kolumn {0} summerar till {1}, men raden ”{2}” anger {3}.",
    ),
    (r"the title names no month; skipped\.", "rubriken anger ingen månad; bilden hoppades över."),
    (r"month taken from the slide text\.", "månaden är hämtad ur bildens text."),
    (
        r"column '(.*)' is not a known certificate type; kept with its printed header as type\.",
        "kolumnen ”{0}” är ingen känd intygstyp; den sparas med rubriken som typ.",
    ),
    (r"numbers without an organisation: (.*)\.", "siffror utan organisation: {0}."),
    (r"'(.*)' is not a count; ignored\.", "”{0}” är inget antal och hoppas över."),
    (r"'(.*)' names no day\.", "”{0}” anger ingen dag."),
    (r"'(.*)' is not a date\.", "”{0}” är inget datum."),
    (r"no date in '(.*)'\.", "inget datum i ”{0}”."),
    (r"no release date on the slide\.", "inget releasedatum på bilden."),
    (r"no date read in '(.*)'\.", "inget datum i ”{0}”."),
    (r"production status '(.*)' unread\.", "produktionsstatusen ”{0}” kunde inte läsas."),
    (
        r"'(.*)' names a month only; read as its first day, (\S+)\.",
        "”{0}” anger bara en månad; läst som månadens första dag, {1}.",
    ),
    (r"Expected section missing: (.*)\.", "Avsnittet {0} saknas i protokollet."),
    (
        r"(\d{4}-\d{2}) (standalone Webcert|all channels), (\S+): "
        r"the cells add up to (\S+) but the printed Totalsumma is (\S+)\.",
        "{0}, {1}, {2}: cellerna summerar till {3}, men protokollets totalsumma är {4}.",
    ),
    (
        r"(\d{4}-\d{2}) (\S+) (\S+): standalone Webcert count (\S+) is larger than the "
        r"all-channels count (\S+)\.",
        "{0}, {1}, {2}: antalet i Webcert Fristående ({3}) är större än för alla kanaler ({4}).",
    ),
]
_BODIES = [(re.compile(pattern + "$"), swedish) for pattern, swedish in _BODIES]

# The parts' own names for the sections they expect (MinutesPart.expected).
_SECTIONS = {
    "certificate statistics": "intygsstatistik",
    "service windows (Drift regioner)": "servicefönster (Drift regioner)",
    "DB/DOI connection dates (Anslutningsdatum)": "anslutningsdatum för DB/DOI (Anslutningsdatum)",
    "release (Uppdatering av applikationen)": "release (Uppdatering av applikationen)",
    "signing tests per vendor group": "samverkanstester per leverantörsgrupp",
    "signing production per organisation": "signeringens produktionsstatus per organisation",
    "attendance (Deltagare)": "närvaro (Deltagare)",
    "next meeting (Nästa möte)": "nästa möte (Nästa möte)",
}
_WORDS = {"standalone Webcert": "Webcert Fristående", "all channels": "alla kanaler"}


def swedish_warning(message, names=None):
    """One importer warning in Swedish; `names` maps organisation keys to display names."""
    names = names or {}
    prefix = _PREFIX.match(message)
    body = message[prefix.end() :] if prefix else message
    for pattern, swedish in _BODIES:
        match = pattern.match(body)
        if match:
            values = [_SECTIONS.get(v, _WORDS.get(v, names.get(v, v))) for v in match.groups()]
            text = swedish.format(*values)
            break
    else:
        return f"{message} (importens egen text)"
    if not prefix:
        return text[:1].upper() + text[1:]
    if prefix.group("slide") is None:
        return f"Release: {text}"
    where = f"Bild {prefix.group('slide')}"
    if prefix.group("title"):
        where += f" ({prefix.group('title')})"
    if prefix.group("label"):
        where += f", {prefix.group('label')}"
    return f"{where}: {text}"
