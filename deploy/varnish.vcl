# Varnish in front of the app servers (Debian's varnish package, 7.x): caches anonymous pages
# as long as the app's Cache-Control allows shared caches (s-maxage), passes the admin, forms and
# signed-in staff, and drops every page of a host when the app sends PURGE after a change.
# docs/deploy.md: install, the systemd drop-in, TLS in front, several app servers.
vcl 4.1;

import directors;

# The app server(s): gunicorn (deploy/gunicorn.conf.py). Add one backend per app server and
# list it in vcl_init; Varnish shares requests between those whose /healthz/ answers.
backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .request = "GET /healthz/ HTTP/1.1" "Host: localhost" "Connection: close";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
}

# Who may purge: the app servers (FRONTEND_CACHE_PURGE_URL points at this Varnish).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = apps.backend();
    if (!req.http.X-Request-ID) {
        set req.http.X-Request-ID = "varnish-" + req.xid;
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # A change can show on any page (menus, cards, lists, "related" links), as the app's
        # own page cache assumes: drop every page of this host, not only the one named.
        ban("req.http.host == " + req.http.host);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, appointment requests (in English and Spanish) and the health check: never
    # from the cache.
    if (req.url ~ "^/(admin|appointments|es/appointments|healthz)(/|$)") {
        return (pass);
    }
    # Signed-in staff (the user bar, previews) and flash messages: built for this browser.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    # Any other cookie (csrftoken, analytics) changes nothing on a public page.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Cache-Control from the app sets the time to live: s-maxage=300 (60 where the time of day
    # shows); no-store, private and Set-Cookie are never kept (Varnish's built-in rules).
    # After that, answer from the old copy for up to an hour while a fresh one is fetched, or
    # while every app server is down.
    set beresp.grace = 1h;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
    set resp.http.X-Request-ID = req.http.X-Request-ID;
}
