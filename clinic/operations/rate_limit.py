"""
How many times one address may do something in a window of time: counted in the cache, never
stored. Production keeps the counts in Redis, shared by every worker process; if the cache is
down the counts read as empty, and the limit lets requests through rather than turn patients
away. The address comes from clinic.operations.client (X-Forwarded-For behind the clinic's own proxies).

A caller counts what it wants counted: the appointment form counts only requests that reached
the clinic (a patient who mistypes a phone number five times is not blocked); search counts
every search.
"""

from django.conf import settings
from django.core.cache import cache

from clinic.operations.client import client_key


class RateLimit:
    """`setting` names a (count, seconds) pair in the settings: so many per so many seconds."""

    def __init__(self, namespace, setting):
        self.namespace = namespace
        self.setting = setting

    def limit(self):
        return getattr(settings, self.setting)

    def key(self, request):
        return client_key(request, self.namespace)

    def reached(self, request):
        """True once the address has done it as many times as the window allows."""
        most, _ = self.limit()
        return (cache.get(self.key(request)) or 0) >= most

    def count(self, request):
        """Count one more time; returns the count in the window so far."""
        _, seconds = self.limit()
        key = self.key(request)
        cache.add(key, 0, seconds)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr, or the cache is unavailable
            cache.set(key, 1, seconds)
            return 1

    def exceeded(self, request):
        """Count this time, and say whether it goes past the limit."""
        most, _ = self.limit()
        return self.count(request) > most
