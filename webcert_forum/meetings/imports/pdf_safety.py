"""Active content in an uploaded PDF: script, embedded files, launch actions.

Minutes decks never need any of it, and a stored PDF is served back to every user
(meetings:pdf), so the upload form refuses a file that has any: safer than keeping the file
and trusting that nothing ever serves or opens the embedded part.

Two looks, because each misses something the other sees: pypdf walks the parsed object tree
(it sees names inside compressed object streams and `#xx`-escaped names), and a scan of the
raw bytes finds what pypdf cannot reach (objects no page refers to, a damaged xref table).
"""

import io
import re

# PDF name → what a person is told about it.
ACTIVE_NAMES = {
    "/JavaScript": "JavaScript",
    "/JS": "JavaScript",
    "/EmbeddedFile": "inbäddade filer",
    "/EmbeddedFiles": "inbäddade filer",
    "/Launch": "en åtgärd som startar program (Launch)",
    "/RichMedia": "inbäddad media (RichMedia)",
    "/XFA": "XFA-formulär",
    "/SubmitForm": "ett formulär som skickar data (SubmitForm)",
    "/ImportData": "en åtgärd som läser in data (ImportData)",
    "/GoToR": "en åtgärd som öppnar en annan fil (GoToR)",
    "/OpenAction:URI": "en webbadress som öppnas automatiskt (URI)",
}

# A name token ends at whitespace or a delimiter; `#xx` escapes any character of a name.
_NAME = re.compile(rb"/(?:[^\s/<>\[\]()%{}#]|#[0-9A-Fa-f]{2})+")
_MAX_OBJECTS = 200_000


def _decode_name(raw):
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw).decode(
        "latin-1"
    )


# Compressed stream data is binary: "/JS" turns up in it by chance in large files. Streams are
# left to pypdf, which decompresses the object streams that can hold dictionaries. One pass
# over bounded-length tokens: a lazy "stream.*?endstream" rescans the rest of the file from
# every "stream" token, which a block of them turns quadratic.
_STREAM_TOKEN = re.compile(rb"endstream|stream\r?\n")


def _outside_streams(pdf_bytes):
    """The bytes with every stream's data blanked; unterminated streams run to the end."""
    parts = []
    start = 0
    inside = False
    for token in _STREAM_TOKEN.finditer(pdf_bytes):
        opens = not token.group().startswith(b"end")
        if opens and not inside:
            parts.append(pdf_bytes[start : token.start()])
            inside = True
        elif not opens and inside:
            start = token.end()
            inside = False
    if not inside:
        parts.append(pdf_bytes[start:])
    return b" ".join(parts)


def _names_in_raw_bytes(pdf_bytes):
    return {_decode_name(m.group()) for m in _NAME.finditer(_outside_streams(pdf_bytes))}


class UncheckableContent(Exception):
    """The object walk failed or hit a limit: what it did not see may be anything."""


def _names_in_object_tree(pdf_bytes):
    """Every name used as a key or value anywhere in the document, following references,
    and the kinds of action that run when the document or a page opens."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    reader = PdfReader(io.BytesIO(pdf_bytes), strict=False)
    found = set()
    seen = set()
    stack = [reader.trailer]
    # Objects only reachable through the xref table (not from the catalogue) count too.
    for generation, numbers in reader.xref.items():
        stack.extend(IndirectObject(n, generation, reader) for n in numbers)
    stack.extend(IndirectObject(n, 0, reader) for n in getattr(reader, "xref_objStm", {}))
    while stack:
        if len(seen) >= _MAX_OBJECTS:
            raise UncheckableContent(f"more than {_MAX_OBJECTS} objects")
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for name, value in item.items():
                found.add(str(name))
                if name in _AUTOMATIC_ACTION_KEYS:
                    found |= _automatic_action_kinds(value.get_object())
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
        elif isinstance(item, NameObject):
            found.add(str(item))
    return found


# Actions that run without a click: when the document opens, or on page and field events.
_AUTOMATIC_ACTION_KEYS = {"/OpenAction", "/AA"}
_AUTOMATIC = {"/URI": "/OpenAction:URI", "/GoToR": "/GoToR", "/GoToE": "/GoToR"}


def _automatic_action_kinds(value):
    """'/OpenAction:URI' for an open action that visits an address; a destination (an
    array: which page to show) is no action."""
    from pypdf.generic import DictionaryObject

    if not isinstance(value, DictionaryObject):
        return set()
    actions = [value] if "/S" in value else [v.get_object() for v in value.values()]
    return {
        _AUTOMATIC[str(a.get("/S"))]
        for a in actions
        if isinstance(a, DictionaryObject) and str(a.get("/S")) in _AUTOMATIC
    }


UNCHECKABLE = "innehåll som inte gick att granska"


def active_content(pdf_bytes):
    """Swedish descriptions of the active content found in the PDF; empty when there is none.
    A walk that fails or hits a limit is itself a finding: what it missed may be script."""
    names = _names_in_raw_bytes(pdf_bytes)
    try:
        names |= _names_in_object_tree(pdf_bytes)
    except Exception:
        return [UNCHECKABLE]
    reasons = []
    for name, reason in ACTIVE_NAMES.items():
        if name in names and reason not in reasons:
            reasons.append(reason)
    return reasons


def sanitised_copy(pdf_bytes):
    """The PDF rewritten without a single action: links become inert text, outlines lose
    their jumps, nothing runs on open. This copy, not the upload, is kept and served."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes), strict=False))
    for item in writer._objects:
        if isinstance(item, DictionaryObject):
            for key in ("/A", "/AA", "/OpenAction"):
                item.pop(NameObject(key), None)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
