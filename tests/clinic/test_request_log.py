"""
The request log and gunicorn's own lines never hold what a patient typed into search or the
appointment form, however the address is spelled.
"""

import logging
import runpy

import pytest

from clinic.operations.request_log import RequestLogApp
from tests.processes import ROOT


def logged_path(caplog, path, query):
    def application(environ, start_response):
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query}
    with caplog.at_level(logging.INFO, logger="clinic.requests"):
        response = RequestLogApp(application)(environ, lambda status, headers, exc_info=None: None)
        list(response)
        response.close()
    return caplog.records[-1].getMessage()


@pytest.mark.parametrize(
    "path",
    [
        "/search/",
        "/search",
        "//search/",
        "/SEARCH",
        "/es/search",
        "/search/suggest",
        "/appointments/request",
        "/es/appointments/request/",
        "/admin/pages/search/",
    ],
)
def test_no_search_words_in_the_request_log(caplog, path):
    line = logged_path(caplog, path, "q=my+sciatica+is+worse")
    assert line == f"GET {path} 200 " + line.rsplit(" ", 1)[1]
    assert "sciatica" not in line


def test_other_addresses_keep_their_query_string(caplog):
    assert "/physicians/?accepting=on" in logged_path(caplog, "/physicians/", "accepting=on")
    assert "/searching/?x=1" in logged_path(caplog, "/searching/", "x=1")


def test_gunicorns_error_lines_name_the_address_without_its_query(caplog):
    settings = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    gunicorn_log = logging.getLogger("gunicorn.error")
    settings["on_starting"](None)
    try:
        with caplog.at_level(logging.ERROR, logger="gunicorn.error"):
            gunicorn_log.error("Error handling request %s %s", "GET", "/search/?q=my+sciatica")
            gunicorn_log.error("Error handling request /es/search?q=ciática")
    finally:
        for log_filter in list(gunicorn_log.filters):
            gunicorn_log.removeFilter(log_filter)
    lines = [record.getMessage() for record in caplog.records]
    assert lines == ["Error handling request GET /search/?…", "Error handling request /es/search?…"]
