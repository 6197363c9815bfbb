"""
The caches (Redis, with this process's memory in front), the page cache, the content cache, the
content version that makes both stale, and purging a cache in front of the site.
"""
