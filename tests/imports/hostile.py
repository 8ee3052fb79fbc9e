"""Hostile PDFs, made by the tests themselves: each is exactly the trick it is named after."""

import io
import struct
import zlib

from pypdf import PdfReader

from tests.security.pdfs import _classic

GIB = 1024**3
_CHUNK = 1 << 24


def zeros_deflated(size):
    """A zlib stream that inflates to ``size`` zero bytes (a multiple of 16 MiB), built from
    one compressed chunk: after a full flush, every further chunk of zeros compresses to the
    same bytes, so gigabytes cost a few megabytes and no time."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(b"\0" * _CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(b"\0" * _CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()
    adler = ((size % 65521) << 16) | 1  # Adler-32 of zeros: a stays 1, b counts the bytes
    return b"\x78\xda" + first + repeated * (size // _CHUNK - 1) + end + struct.pack(">I", adler)


def content_bomb(inflated=4 * GIB):
    """One page whose content stream inflates to ``inflated`` bytes."""
    stream = zeros_deflated(inflated)
    return _classic(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream",
        ]
    )


def open_action_in_padded_object_stream(deck, padding=80_000_000, action=None):
    """``deck`` with an incremental update: the catalogue gains an open action whose
    dictionary sits in an object stream padded past pypdf's 75 MB inflate limit."""
    action = action or b"<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>"
    reader = PdfReader(io.BytesIO(deck))
    root = reader.trailer.raw_get("/Root").idnum
    pages = reader.trailer["/Root"].raw_get("/Pages").idnum
    size = int(reader.trailer["/Size"])
    action_no, stream_no, xref_no = size, size + 1, size + 2
    header = b"%d %d " % (action_no, padding)
    packed = zlib.compress(header + b" " * padding + action, 9)
    out = bytearray(deck)
    offsets = {}
    offsets[root] = len(out)
    out += b"%d 0 obj\n<< /Type /Catalog /Pages %d 0 R /OpenAction %d 0 R >>\nendobj\n" % (
        root,
        pages,
        action_no,
    )
    offsets[stream_no] = len(out)
    out += (
        b"%d 0 obj\n<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\n"
        % (stream_no, len(header), len(packed))
        + b"stream\n"
        + packed
        + b"\nendstream\nendobj\n"
    )
    xref_offset = len(out)
    rows = b"".join(
        [
            b"\x01" + offsets[root].to_bytes(4, "big") + b"\x00",
            b"\x02" + stream_no.to_bytes(4, "big") + b"\x00",
            b"\x01" + offsets[stream_no].to_bytes(4, "big") + b"\x00",
            b"\x01" + xref_offset.to_bytes(4, "big") + b"\x00",
        ]
    )
    out += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Index [%d 1 %d 3] /Root %d 0 R "
        b"/Prev %d /Length %d >>\nstream\n"
        % (xref_no, xref_no + 1, root, action_no, root, _startxref(deck), len(rows))
        + rows
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_offset
    )
    return bytes(out)


def _startxref(pdf):
    tail = pdf[pdf.rindex(b"startxref") :]
    return int(tail.split()[1])


def with_stream_token_block(deck, size):
    """``deck`` with an incremental update adding an unreferenced string of ``size`` bytes of
    `stream` tokens and no `endstream`: a scan that looks for each token's end from every
    token reads the rest of the file once per token."""
    reader = PdfReader(io.BytesIO(deck))
    root = reader.trailer.raw_get("/Root").idnum
    number = int(reader.trailer["/Size"])
    block = b"stream\n" * (size // 7)
    out = bytearray(deck)
    offset = len(out)
    out += b"%d 0 obj\n(" % number + block + b")\nendobj\n"
    xref = len(out)
    out += b"xref\n%d 1\n%010d 00000 n \n" % (number, offset)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        number + 1,
        root,
        _startxref(deck),
        xref,
    )
    return bytes(out)
