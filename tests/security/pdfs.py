"""Small PDFs for the safety tests, built by hand so each trick is exactly what it says."""

import io
import zlib

from reportlab.pdfgen import canvas


def clean_deck():
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Webcert användarforum 2022-06-01")
    page.drawString(72, 700, "JavaScript och /EmbeddedFile nämns här bara som text.")
    page.showPage()
    page.save()
    return buffer.getvalue()


def _classic(objects):
    """A PDF with a classic xref table; objects are the bodies of objects 1..n."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"


def with_open_action_javascript():
    return _classic(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
            PAGES,
            PAGE,
            b"<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>",
        ]
    )


def with_escaped_javascript_name():
    """`/J#61vaScript` is the name /JavaScript written with a hex escape."""
    return _classic(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Names << /J#61vaScript 4 0 R >> >>",
            PAGES,
            PAGE,
            b"<< /Names [(x) << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>] >>",
        ]
    )


def with_embedded_file():
    payload = b"MZ\x90\x00 not really a program"
    return _classic(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>",
            PAGES,
            PAGE,
            b"<< /Names [(evil.exe) 5 0 R] >>",
            b"<< /Type /Filespec /F (evil.exe) /EF << /F 6 0 R >> >>",
            b"<< /Type /EmbeddedFile /Length %d >>\nstream\n" % len(payload)
            + payload
            + b"\nendstream",
        ]
    )


def with_launch_action():
    return _classic(
        [
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>",
            PAGES,
            PAGE,
        ]
    )


def with_javascript_in_compressed_object_stream():
    """PDF 1.5: the action dictionary sits deflated in an object stream, invisible to a scan
    of the raw bytes; only a parser that opens the stream sees it."""
    action = b"<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>"
    header = b"4 0 "
    objstm_data = zlib.compress(header + action)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    bodies = {
        1: b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        2: PAGES,
        3: PAGE,
        5: b"<< /Type /ObjStm /N 1 /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (len(header), len(objstm_data))
        + objstm_data
        + b"\nendstream",
    }
    for number, body in bodies.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_offset = len(out)
    rows = [b"\x00\x00\x00\xff\xff"]  # object 0: free
    for number in (1, 2, 3):
        rows.append(b"\x01" + offsets[number].to_bytes(3, "big") + b"\x00")
    rows.append(b"\x02" + (5).to_bytes(3, "big") + b"\x00")  # object 4: in stream 5, index 0
    rows.append(b"\x01" + offsets[5].to_bytes(3, "big") + b"\x00")
    rows.append(b"\x01" + xref_offset.to_bytes(3, "big") + b"\x00")  # object 6: this stream
    xref_data = b"".join(rows)
    out += (
        b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 3 1] /Root 1 0 R /Length %d >>\nstream\n"
        % len(xref_data)
        + xref_data
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_offset
    )
    return bytes(out)
