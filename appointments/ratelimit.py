"""
How many appointment requests one address may send (APPOINTMENT_RATE_LIMIT). Only what reaches
the clinic counts: a saved request, or a form the bot trap caught (clinic.operations.rate_limit).
"""

from clinic.operations.rate_limit import RateLimit


APPOINTMENTS = RateLimit("appointments:rate", "APPOINTMENT_RATE_LIMIT")


def over_rate_limit(request):
    """True once the address has sent as many requests as the limit allows in its window."""
    return APPOINTMENTS.reached(request)


def count_request(request):
    """Count one request that reached the clinic (saved, or caught by the bot trap)."""
    APPOINTMENTS.count(request)
