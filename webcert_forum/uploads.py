"""Request bodies: an uploaded file is held in memory up to the minutes limit, never on disk.

Django's default handlers spool a large upload to a temporary file before any view can
refuse it; this one stops reading at the limit, so an oversized body costs neither disk
nor more memory than the limit, and the view tells the person why.
"""

import io

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

# Room for the form's other fields and the multipart headers around the file.
FORM_OVERHEAD = 64 * 1024


class LimitedMemoryUploadHandler(FileUploadHandler):
    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = settings.MINUTES_MAX_UPLOAD_BYTES
        self.declared_too_large = content_length > self.limit + FORM_OVERHEAD

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.declared_too_large:
            self._refuse()
        self.file = io.BytesIO()

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.limit:
            self._refuse()
        self.file.write(raw_data)

    def file_complete(self, file_size):
        self.file.seek(0)
        return InMemoryUploadedFile(
            self.file,
            self.field_name,
            self.file_name,
            self.content_type,
            file_size,
            self.charset,
            self.content_type_extra,
        )

    def _refuse(self):
        if hasattr(self, "file"):
            del self.file  # the bytes so far go now, not when the request ends
        if self.request is not None:
            self.request.upload_too_large = True
        # A body declared too large is not read at all; one that only turns out too large
        # (within its declared length, which WSGI enforces) is read to its end and dropped,
        # so the refusal page reaches the browser.
        raise StopUpload(connection_reset=self.declared_too_large)
