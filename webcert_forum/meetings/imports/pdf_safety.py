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
}

# A name token ends at whitespace or a delimiter; `#xx` escapes any character of a name.
_NAME = re.compile(rb"/(?:[^\s/<>\[\]()%{}#]|#[0-9A-Fa-f]{2})+")
_MAX_OBJECTS = 200_000


def _decode_name(raw):
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw).decode(
        "latin-1"
    )


# Compressed stream data is binary: "/JS" turns up in it by chance in large files. Streams are
# left to pypdf, which decompresses the object streams that can hold dictionaries.
_STREAM_DATA = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)


def _names_in_raw_bytes(pdf_bytes):
    outside_streams = _STREAM_DATA.sub(b" ", pdf_bytes)
    return {_decode_name(m.group()) for m in _NAME.finditer(outside_streams)}


def _names_in_object_tree(pdf_bytes):
    """Every name used as a key or value anywhere in the document, following references."""
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
    while stack and len(seen) < _MAX_OBJECTS:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            try:
                item = item.get_object()
            except Exception:  # a damaged object hides nothing the byte scan cannot see
                continue
        if isinstance(item, DictionaryObject):
            for name, value in item.items():
                found.add(str(name))
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
        elif isinstance(item, NameObject):
            found.add(str(item))
    return found


def active_content(pdf_bytes):
    """Swedish descriptions of the active content found in the PDF; empty when there is none."""
    names = _names_in_raw_bytes(pdf_bytes)
    try:
        names |= _names_in_object_tree(pdf_bytes)
    except Exception:  # not parseable: the importer refuses it with its own message
        pass
    reasons = []
    for name, reason in ACTIVE_NAMES.items():
        if name in names and reason not in reasons:
            reasons.append(reason)
    return reasons
