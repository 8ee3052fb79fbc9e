"""The one error a user can cause by uploading the wrong file.

The CLI prints the English message; the web UI shows ``SWEDISH_MESSAGES[error.code]``.
"""

CODES = (
    "empty",
    "not_pdf",
    "damaged",
    "encrypted",
    "too_large",
    "too_many_pages",
    "not_minutes",
    "no_meeting_date",
    "no_text_layer",
    "active_content",
    "repeated_statistics",
    "memory_limit",
    "time_limit",
)

ENGLISH_MESSAGES = {
    "empty": "The file is empty.",
    "not_pdf": "The file is not a PDF.",
    "damaged": "The PDF is damaged and cannot be read.",
    "encrypted": "The PDF is password-protected; export it again without a password.",
    "too_large": "The file is too large.",
    "too_many_pages": "The PDF has too many pages to be forum minutes.",
    "not_minutes": "The PDF does not look like minutes of Webcert användarforum: "
    "no known section (attendance, statistics, release, ...) was found.",
    "no_meeting_date": "The minutes do not state the meeting date; give it explicitly.",
    "no_text_layer": "The PDF has no text layer (its slides are only images, e.g. a scan); "
    "text recognition (OCR) is not supported. Export the minutes from the presentation "
    "program as PDF instead.",
    "active_content": "The PDF holds active content, which minutes never have.",
    "repeated_statistics": "A statistics table is printed twice with different numbers.",
    "memory_limit": "Reading the PDF was stopped: it needed more memory than the limit.",
    "time_limit": "Reading the PDF was stopped: it took longer than the time limit.",
}

SWEDISH_MESSAGES = {
    "empty": "Filen är tom.",
    "not_pdf": "Filen är inte en PDF.",
    "damaged": "PDF-filen är skadad och kan inte läsas.",
    "encrypted": "PDF-filen är lösenordsskyddad. Exportera den igen utan lösenord.",
    "too_large": "Filen är för stor.",
    "too_many_pages": "PDF-filen har för många sidor för att vara ett mötesprotokoll.",
    "not_minutes": "PDF-filen ser inte ut som ett protokoll från Webcert användarforum: "
    "inget känt avsnitt (deltagare, statistik, release …) hittades.",
    "no_meeting_date": "Protokollet anger inte mötesdatum. Ange det uttryckligen.",
    "no_text_layer": "PDF-filen saknar textlager (sidorna är bara bilder, till exempel en "
    "inskannad fil) och textigenkänning (OCR) stöds inte. Exportera protokollet som PDF "
    "direkt från presentationsprogrammet i stället.",
    "active_content": "PDF-filen innehåller aktivt innehåll, som protokoll aldrig har. "
    "Spara om den utan aktivt innehåll och ladda upp igen.",
    "repeated_statistics": "En statistiktabell finns två gånger i protokollet med olika siffror. "
    "Rätta protokollet så att varje tabell finns en gång.",
    "memory_limit": "Läsningen av PDF-filen avbröts: den krävde mer minne än minnesgränsen. "
    "Inget sparades.",
    "time_limit": "Läsningen av PDF-filen avbröts: den tog längre tid än tidsgränsen. "
    "Inget sparades.",
}

# Codes whose detail a person needs to act: what was found, which limit tripped.
_SWEDISH_DETAIL = {
    "repeated_statistics": "En statistiktabell finns två gånger i protokollet med olika siffror "
    "({detail}). Rätta protokollet så att varje tabell finns en gång.",
    "active_content": "PDF-filen innehåller {detail}, som protokoll aldrig har. "
    "Spara om den utan aktivt innehåll och ladda upp igen.",
    "memory_limit": "Läsningen av PDF-filen avbröts: den krävde mer minne än minnesgränsen "
    "({detail}). Inget sparades.",
    "time_limit": "Läsningen av PDF-filen avbröts: den tog längre tid än tidsgränsen "
    "({detail}). Inget sparades.",
}


class MinutesImportError(Exception):
    """A file the importer refuses, with a ``code`` from ``CODES``."""

    def __init__(self, code: str, detail: str = "", technical: str = ""):
        if code not in CODES:
            raise ValueError(f"unknown import error code {code!r}")
        self.code = code
        self.detail = detail
        # What the PDF library said: for logs, not for the person who uploaded the file.
        self.technical = technical
        message = ENGLISH_MESSAGES[code]
        super().__init__(f"{message} ({detail})" if detail else message)

    @property
    def swedish_message(self) -> str:
        if self.detail and self.code in _SWEDISH_DETAIL:
            return _SWEDISH_DETAIL[self.code].format(detail=self.detail)
        return SWEDISH_MESSAGES[self.code]
