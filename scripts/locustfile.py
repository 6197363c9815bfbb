"""
Mixed patient traffic for `make loadtest` (scripts/loadtest.py runs it): page views, searches,
suggestions and a few appointment requests. Each simulated patient has an address of its own
(sent as X-Forwarded-For; the site trusts one proxy), so the rate limit sees patients, not the
load generator. Every answer is recorded with its time, and every confirmed appointment
request by name, for the report.
"""

import json
import os
import random
import re
import time
import uuid

from locust import HttpUser, between, events, task


PAGES = [
    "/",
    "/procedures/",
    "/procedures/sacroiliac-joint-injection/",
    "/procedures/cervical-epidural-injection/",
    "/conditions/",
    "/conditions/sciatica/",
    "/physicians/",
    "/news/",
    "/where-does-it-hurt/lower-back/",
    "/locations/anytown/",
    "/contact/",
]
SEARCHES = ["sciatica", "back pain", "steroid shot in my neck", "RFA", "numbness in my foot"]
PREFIXES = ["sa", "sci", "rad", "epi", "ne"]
ANSWERS = []  # (time, status, milliseconds, kind of request)
CONFIRMED = []  # names of requests that got their confirmation
# A patient gives up after this many seconds (an answer never given counts as none: status 0).
TIMEOUT = float(os.environ.get("LOADTEST_TIMEOUT", "30"))


@events.request.add_listener
def record(request_type, name, response_time, response_length, response, exception, **kwargs):
    # An answer the site gave (a 429 from the rate limit included) keeps its status; 0 means
    # no answer at all (connection refused, reset or timed out).
    status = getattr(response, "status_code", 0) or 0
    kind = (
        name if exception is None else f"{name} ({type(exception).__name__}: {str(exception)[:80]})"
    )
    ANSWERS.append((time.time(), status, response_time, kind))


@events.test_stop.add_listener
def save(environment, **kwargs):
    with open(os.environ["LOADTEST_OUTPUT"], "w") as output:
        json.dump({"answers": ANSWERS, "confirmed": CONFIRMED}, output)


def address():
    return f"198.51.{random.randint(0, 255)}.{random.randint(1, 254)}"


class Patient(HttpUser):
    wait_time = between(0.2, 1.0)

    def on_start(self):
        self.client.headers["X-Forwarded-For"] = (
            f"198.51.{random.randint(0, 255)}.{random.randint(1, 254)}"
        )

    @task(10)
    def page(self):
        self.client.get(random.choice(PAGES), name="page", timeout=TIMEOUT)

    @task(3)
    def search(self):
        self.client.get(
            "/search/", params={"q": random.choice(SEARCHES)}, name="search", timeout=TIMEOUT
        )

    @task(3)
    def suggest(self):
        self.client.get(
            "/search/suggest/",
            params={"q": random.choice(PREFIXES)},
            name="suggest",
            timeout=TIMEOUT,
        )

    @task(1)
    def request_appointment(self):
        form = self.client.get("/appointments/request/", name="appointment form", timeout=TIMEOUT)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text or "")
        if not match:
            return
        name = f"Load {uuid.uuid4().hex[:12]}"
        self.client.headers["X-Forwarded-For"] = address()  # each request a patient of its own
        # Production's CSRF cookie is Secure and this run is plain HTTP on this machine, so the
        # cookie is sent by hand, as a browser would over HTTPS.
        response = self.client.post(
            "/appointments/request/",
            {
                "csrfmiddlewaretoken": match.group(1),
                "name": name,
                "phone": "(312) 555-0190",
                "patient_type": "new",
                "preferred_days": ["tue"],
                "preferred_times": ["morning"],
                "consent": "on",
            },
            cookies={"csrftoken": form.cookies.get("csrftoken", "")},
            headers={"Referer": self.host + "/appointments/request/"},
            name="appointment request",
            timeout=TIMEOUT,
        )
        if response.status_code == 200 and response.url.endswith("/appointments/request/sent/"):
            CONFIRMED.append(name)
