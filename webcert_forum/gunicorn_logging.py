"""gunicorn's access log without calendar tokens: a feed address is a password.

gunicorn webcert_forum.wsgi --logger-class webcert_forum.gunicorn_logging.Logger
"""

import re

from gunicorn.glogging import Logger as GunicornLogger

_TOKEN_IN_PATH = re.compile(r"/calendar/[^/?\s]+/")
REDACTED = "/calendar/[nyckel]/"


def redact(text):
    return _TOKEN_IN_PATH.sub(REDACTED, text) if isinstance(text, str) else text


class Logger(GunicornLogger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        # The request line, the path, and the referrer (a page that linked a feed address).
        for key in ("r", "U", "f", "{referer}i"):
            if key in atoms:
                atoms[key] = redact(atoms[key])
        return atoms
