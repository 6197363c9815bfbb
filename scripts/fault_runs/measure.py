"""
The figures of one run: answers, rates, errors, p95, recovery (from what locust saw), appointment
requests (from the table) and notices (from the mail sink, per request).
"""

import collections
import re
import statistics
import time


NOTICE_ID = re.compile(r"<appointment-request-(\d+)-")


def started(answer):
    """When a request was sent (locust records when its answer came, and how long it took)."""
    return answer[0] - answer[2] / 1000


def failed(answer):
    return answer[1] == 0 or answer[1] >= 500


def p95(times):
    if len(times) < 2:
        return times[0] if times else 0.0
    return statistics.quantiles(times, n=100)[94]


def traffic(answers, run_start, window):
    """Answers, req/s normal and in the window, errors in and out, 500s, p95 in, recovery."""
    fault_start, fault_end = window
    normal = [a for a in answers if run_start + 5 <= started(a) < fault_start]
    inside = [a for a in answers if fault_start <= started(a) < fault_end]
    normal_rate = len(normal) / (fault_start - run_start - 5)
    errors = [a for a in answers if failed(a)]
    errors_inside = [a for a in errors if fault_start <= started(a) < fault_end]
    return {
        "answers": len(answers),
        "normal": normal_rate,
        "rate": len(inside) / (fault_end - fault_start),
        "errors in": len(errors_inside),
        "errors out": len(errors) - len(errors_inside),
        "500s": sum(1 for a in answers if a[1] == 500),
        "p95": p95([a[2] for a in inside]),
        "recovery": recovery(answers, normal_rate, fault_end),
        "kinds": collections.Counter(
            f"{a[3]} -> {a[1] or 'no answer'}" for a in errors if a[1] != 429
        ),
    }


def recovery(answers, normal_rate, fault_end, steady=3):
    """
    Seconds from the fault's end to the first second from which `steady` seconds in a row have
    no error, no answer slower than 2 s, and at least 0.7 × the normal rate; None if never.
    """
    buckets = collections.defaultdict(list)
    for answer in answers:
        if started(answer) >= fault_end:
            buckets[int(started(answer) - fault_end)].append(answer)
    last = max(buckets, default=-1)

    def good(second):
        found = buckets.get(second, [])
        return len(found) >= 0.7 * normal_rate and not any(failed(a) or a[2] > 2000 for a in found)

    for second in range(last - steady + 2):
        if all(good(second + offset) for offset in range(steady)):
            return second
    return None


def last_request_id(stack):
    """The newest appointment request's id: the run's requests come after it."""
    with stack.database() as db:
        return db.execute("SELECT max(id) FROM appointments_appointmentrequest").fetchone()[0] or 0


def requests_of_the_run(stack, after):
    """(pk, name, notified) of the appointment requests patients sent in this run."""
    with stack.database() as db:
        return db.execute(
            "SELECT id, name, notified_at IS NOT NULL FROM appointments_appointmentrequest "
            "WHERE name LIKE 'Load %%' AND id > %s",
            [after],
        ).fetchall()


def notices_by_request(stack):
    counts = collections.Counter()
    for message_id in stack.mail.message_ids():
        match = NOTICE_ID.search(message_id)
        if match:
            counts[int(match.group(1))] += 1
    return counts


def queue_is_idle(stack):
    """No notice task the worker could take now, and none running."""
    with stack.database() as db:
        return not db.execute(
            "SELECT 1 FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING' "
            "OR (status = 'READY' AND run_after <= now()) LIMIT 1"
        ).fetchone()


def wait_for_notices(stack, rows, seconds):
    deadline = time.monotonic() + seconds
    idle_polls = 0
    while time.monotonic() < deadline and idle_polls < 3:
        idle_polls = idle_polls + 1 if queue_is_idle(stack) else 0
        time.sleep(0.5)
    counts = notices_by_request(stack)
    return sum(1 for pk, _, _ in rows if not counts[pk])


def bring_retries_forward(stack):
    """
    What the next minutes would bring, now: retries due in 5 minutes or more (a failed send),
    claims and RUNNING tasks a killed worker left (10 and 15 minutes), then cron's
    `send_appointment_notices`.
    """
    with stack.database() as db:
        db.execute(
            "UPDATE appointments_appointmentrequest SET "
            "next_notify_at = CASE WHEN next_notify_at IS NULL THEN NULL ELSE now() END, "
            "notice_claimed_at = notice_claimed_at - interval '1 hour', "
            "created_at = created_at - interval '2 minutes' WHERE notified_at IS NULL"
        )
        db.execute(
            "UPDATE django_tasks_database_dbtaskresult SET run_after = now() "
            "WHERE status = 'READY' AND run_after > now() AND run_after < '9999-01-01'"
        )
        db.execute(
            "UPDATE django_tasks_database_dbtaskresult SET started_at = started_at - "
            "interval '1 hour' WHERE status = 'RUNNING'"
        )
    stack.manage("send_appointment_notices")


def stored_elsewhere(stack, name):
    """A lost request found outside the run would be a miscount: say so."""
    with stack.database() as db:
        query = "SELECT created_at FROM appointments_appointmentrequest WHERE name = %s"
        found = db.execute(query, [name]).fetchone()
    return f" (stored at {found[0]:%H:%M:%S.%f})" if found else ""


def appointments(stack, confirmed, after):
    """Requests confirmed, stored, lost, duplicated; notices once, by a retry, twice, missing."""
    rows = requests_of_the_run(stack, after)
    wait_for_notices(stack, rows, 40)
    before = notices_by_request(stack)
    by_retry = 0
    if any(not notified for _, _, notified in rows):
        # Even a request whose e-mail arrived may be sent again: the sender may not have heard
        # the mail server take it. The retries show it.
        bring_retries_forward(stack)
        rows = requests_of_the_run(stack, after)
        wait_for_notices(stack, rows, 40)
        after = notices_by_request(stack)
        by_retry = sum(1 for pk, _, _ in rows if after[pk] > before[pk])
    counts = notices_by_request(stack)
    names = collections.Counter(name for _, name, _ in rows)
    lost = [name for name in confirmed if not names[name]]
    lost = [name + stored_elsewhere(stack, name) for name in lost]
    return {
        "confirmed": len(confirmed),
        "stored": len(rows),
        "lost": len(lost),
        "lost names": lost,
        "duplicated": sum(count - 1 for count in names.values() if count > 1),
        "notices once": sum(1 for pk, _, _ in rows if counts[pk] == 1),
        "notices by retry": by_retry,
        "notices twice": sum(1 for pk, _, _ in rows if counts[pk] > 1),
        "notices missing": sum(1 for pk, _, _ in rows if not counts[pk]),
    }
