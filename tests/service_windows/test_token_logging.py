"""gunicorn's access log (make serve's logger class) never holds a calendar token."""

import datetime as dt
import types

from gunicorn.config import Config

from webcert_forum.gunicorn_logging import Logger


def test_the_access_log_shows_feed_requests_without_their_token(tmp_path):
    log = tmp_path / "access.log"
    config = Config()
    config.set("accesslog", str(log))
    logger = Logger(config)
    token = "hemlig-nyckel-0123456789abcdefghijklmnopqrstu"
    path = f"/calendar/{token}/regions/jonkoping/service-windows.ics"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.1",
        "HTTP_REFERER": f"https://forum.example.se{path}",
    }
    response = types.SimpleNamespace(status="200 OK", sent=512, headers=[])
    request = types.SimpleNamespace(headers=[("REFERER", f"https://x{path}")])
    logger.access(response, request, environ, dt.timedelta(seconds=0, microseconds=1500))
    for handler in logger.access_log.handlers:
        handler.flush()
    line = log.read_text()
    assert "GET /calendar/[nyckel]/regions/jonkoping/service-windows.ics HTTP/1.1" in line
    assert token not in line
