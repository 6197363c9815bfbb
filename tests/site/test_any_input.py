"""
Every public address answers any input with a page or a clear 4xx, never a server error: 2,000
generated requests per run, on whichever database the suite runs (SQLite and PostgreSQL in CI).
Unicode, control characters and NUL bytes, very long values, numbers of every size, repeated
and unknown parameters, odd path segments, and appointment requests posted with a valid CSRF
token.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.cache import cache
from django.test import Client


pytestmark = pytest.mark.django_db

REQUESTS = 2000

ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=200)
TRICKY = st.sampled_from(
    [
        "",
        "\x00",
        "a\x00b",
        "²",
        "٣",
        "9" * 5000,
        "-1",
        "0",
        "1e9",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "../../etc/passwd",
        "%00",
        "\u202e",
        "😀" * 50,
        "sacroiliac-joint-injection",
        "howard-jackson",
        "anytown",
        "lower-back",
        "4",
        "on",
    ]
)
VALUE = st.one_of(TRICKY, ANY_TEXT, st.integers(-(10**30), 10**30).map(str))
VALUES = st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=4))  # a repeated parameter

# Address -> the parameters it reads.
ENDPOINTS = {
    "/": [],
    "/procedures/": [],
    "/procedures/sacroiliac-joint-injection/": [],
    "/conditions/": [],
    "/conditions/sciatica/": [],
    "/physicians/": ["procedure", "condition", "specialty", "language", "accepting", "name"],
    "/physicians/howard-jackson/": [],
    "/news/": ["page"],
    "/news/feed/": [],
    "/news/atom/": [],
    "/about/": [],
    "/where-does-it-hurt/": [],
    "/where-does-it-hurt/lower-back/": [],
    "/locations/": [],
    "/locations/anytown/": [],
    "/contact/": [],
    "/appointments/request/": ["about", "physician", "location"],
    "/appointments/request/sent/": [],
    "/search/": ["q", "type", "page"],
    "/search/suggest/": ["q"],
    "/sitemap.xml": [],
    "/robots.txt": [],
}
# Addresses with a part of the path of the patient's choosing.
PATH_TEMPLATES = ["/where-does-it-hurt/{}/", "/procedures/{}/", "/news/{}/", "/search/{}/"]
FORM_FIELDS = [
    "name",
    "phone",
    "email",
    "preferred_days",
    "preferred_times",
    "preferred_physician",
    "preferred_location",
    "message",
    "consent",
    "website",
    "about",
]


CHARSETS = st.sampled_from(["latin-1", "iso-8859-15", "utf-16", "cp1252", "utf-8", ""])
FORM_ADDRESSES = st.sampled_from(["/", "/appointments/request/", "/admin/login/", "/search/"])
MEDIA_NAME = st.one_of(TRICKY, ANY_TEXT, st.text(alphabet="ab/.", min_size=200, max_size=600))


@st.composite
def requests(draw):
    kind = draw(st.sampled_from(["get", "get", "get", "path", "post", "encoded", "media"]))
    if kind == "post":
        names = draw(st.lists(st.sampled_from(FORM_FIELDS), unique=True))
        return "post", "/appointments/request/", {name: draw(VALUES) for name in names}
    if kind == "encoded":  # a form's body in another character set than UTF-8
        # Letters every one of those character sets has; the test client encodes them in it.
        body = draw(st.text(alphabet=st.sampled_from("abc%=&+ éñü¿\x00"), max_size=60))
        return "encoded", draw(FORM_ADDRESSES), {"charset": draw(CHARSETS), "body": body}
    if kind == "media":
        folder = draw(st.sampled_from(["images", "original_images", "documents", "x"]))
        return "get", f"/media/{folder}/{draw(MEDIA_NAME)}", {}
    if kind == "path":
        segment = draw(st.one_of(TRICKY, ANY_TEXT.filter(lambda text: "/" not in text)))
        return "get", draw(st.sampled_from(PATH_TEMPLATES)).format(segment), {}
    url = draw(st.sampled_from(sorted(ENDPOINTS)))
    names = draw(st.lists(st.sampled_from(ENDPOINTS[url] or ["x"]), unique=True))
    names += draw(st.lists(st.sampled_from(["utm_source", "q", "page", "\x00", "ä"]), max_size=1))
    return "get", url, {name: draw(VALUES) for name in names}


def csrf_token(client):
    page = client.get("/appointments/request/").content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_any_request_to_any_public_address_is_answered_without_a_server_error():
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    token = csrf_token(client)
    seen = []

    @settings(
        max_examples=REQUESTS,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(request=requests())
    def answer(request):
        method, url, params = request
        if method == "post":
            cache.clear()  # each post counted afresh: the form, not the rate limit, answers
            response = client.post(url, {**params, "csrfmiddlewaretoken": token})
        elif method == "encoded":
            charset = f"; charset={params['charset']}" if params["charset"] else ""
            body = f"csrfmiddlewaretoken={token}&name={params['body']}"
            content_type = "application/x-www-form-urlencoded" + charset
            response = client.post(url, body, content_type=content_type)
        else:
            response = client.get(url, params)
        seen.append(response.status_code)
        assert response.status_code < 500, (method, url, params, response.status_code)

    answer()
    assert len(seen) >= REQUESTS
    # Both kinds of answer were reached: pages, and clear refusals.
    assert 200 in seen and any(400 <= status < 500 for status in seen)
