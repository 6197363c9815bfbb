"""
The caches, the page cache and purging a cache in front of the site. Part of
clinic.settings.base, which imports it whole.
"""

import os


# Caches (clinic.caching.cache): "default" for what changes (rate limits, lockouts), shared by every
# process: Redis when REDIS_URL is set (production), otherwise memory in this process.
# "content" for what is built from content under its version (pages, routes, menus, fragments):
# with Redis, each process's own copies in front of Redis; otherwise memory in this process.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Redis, but a Redis that is down or hangs only slows the site.
            "BACKEND": "clinic.caching.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "clinic",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
        "content": {
            "BACKEND": "clinic.caching.cache.TieredCache",
            "LOCATION": "content",
            "OPTIONS": {"SHARED": "default", "MAX_ENTRIES": 1_500},
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        # Room for every page of a clinic and what each is built from.
        "content": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "content",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }

# The page cache (clinic.caching.page_cache): whole public pages for anonymous visitors, kept up to
# PAGE_CACHE_SECONDS and all made stale by any change to content. PAGE_CACHE=off turns it off.
PAGE_CACHE = os.environ.get("PAGE_CACHE", "on").lower() not in {"off", "0", "false", "no"}
PAGE_CACHE_SECONDS = 300
# Each process reads the content version from the database at most this often (one small
# query per half second, not one per page view); a change made by another process shows
# within that time.
PAGE_CACHE_VERSION_SECONDS = 0.5
# Saving or deleting anything makes every cached page stale (clinic.caching.content_version), except
# for these apps and models, which no public page shows: what changes as patients use the site
# (appointment requests, form submissions, image renditions, embeds, search statistics, queued
# tasks) and what only the admin shows (accounts, sign-in records, revisions, logs, comments,
# workflows, translation work, editing sessions). A new app counts until it is listed here.
PAGE_CACHE_NOT_PURGED_BY = {
    "admin",
    "appointments",
    "auth",
    "axes",
    "contenttypes",
    "django_otp_webauthn",
    "django_tasks_database",
    "otp_static",
    "otp_totp",
    "sessions",
    "wagtail_localize",
    "wagtailadmin",
    "wagtailembeds",
    "wagtailforms",
    "wagtailusers",
    "clinic.contentversion",
    "wagtailcore.apitoken",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupsitepermission",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.task",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflow",
    "wagtailcore.workflowcontenttype",
    "wagtailcore.workflowpage",
    "wagtailcore.workflowstate",
    "wagtailcore.workflowtask",
    "wagtailimages.rendition",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
}

# A CDN or caching proxy in front: Wagtail purges a page's addresses there when it is published
# or unpublished, and any content change purges each site's home page, which deploy/varnish.vcl
# turns into dropping every page (clinic.caching.frontend_cache; on a CDN, other pages refresh within
# their s-maxage). Off unless the environment names one: FRONTEND_CACHE_PURGE_URL (Varnish:
# PURGE requests), CLOUDFLARE_ZONE_ID with CLOUDFLARE_API_TOKEN, or CLOUDFRONT_DISTRIBUTION_ID.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        # Wagtail's HTTPBackend with a time limit (clinic.caching.frontend_cache).
        "BACKEND": "clinic.caching.frontend_cache.TimedHTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    # Keys from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the server's IAM role.
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    }
