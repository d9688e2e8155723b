# The portal's front cache (Varnish 7, with xkey from Debian's varnish-modules).
#
# Anonymous page views are served from the cache. Anything that belongs to one person is
# passed to the app servers and never stored: requests with a session cookie, the admin
# (previews and drafts live there too), form posts, and responses that set a cookie (a CSRF
# token, a session) or say they are private.
#
# The portal tags each page with everything it shows (an `xkey` header) and purges by tag
# when an editor changes something, so pages can be kept for long. While every app server
# is unhealthy, the last published copies are served from grace, marked X-Cache: stale.
#
# What differs per deployment, the app servers and who may purge, lives in site.vcl
# (deploy/varnish/site.vcl.example), included below; it defines the `app_servers`
# director and the `purgers` ACL.
vcl 4.1;

import directors;
import std;
import xkey;

# The app servers' health: /health/ answers 503 when the database cannot be reached.
probe portal_health {
    .url = "/health/";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

include "site.vcl";

sub vcl_recv {
    set req.backend_hint = app_servers.backend();
    unset req.http.X-Cache;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from " + client.ip));
        }
        if (req.http.xkey-purge) {
            # A hard purge: the objects are gone, grace copies included, so nothing
            # unpublished can come back while the app servers are down.
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.X-Purged + " objects"));
        }
        return (purge);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)(/|$)" || req.url ~ "^/health/") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }

    # Anonymous readers all get the same page: their other cookies (a CSRF token, analytics)
    # are not the portal's business on a page view.
    unset req.http.Cookie;

    # With healthy app servers an expired copy is served for at most 10 s while it is
    # refreshed; with none healthy, for as long as it is kept (beresp.grace below).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        # Keep serving the copy we have rather than an error page.
        return (abandon);
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Vary == "*"
        || beresp.status >= 500) {
        # Someone's own response: never stored, and later requests go to the app servers
        # without waiting for each other.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.xkey) {
        # Tagged pages are purged when they change, so they can be kept.
        set beresp.ttl = 1h;
        set beresp.grace = 24h;
    } elsif (beresp.status == 404 || beresp.status == 301 || beresp.status == 302) {
        set beresp.ttl = 60s;
        set beresp.grace = 1h;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable || req.http.X-Cache == "pass") {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits == 0) {
        set resp.http.X-Cache = "miss";
    } elsif (obj.ttl < 0s || !std.healthy(req.backend_hint)) {
        # A copy served while the app servers are down (or while it is being refreshed).
        set resp.http.X-Cache = "stale";
    } else {
        set resp.http.X-Cache = "hit";
    }
    unset resp.http.xkey;
    unset resp.http.Via;
}

sub vcl_pass {
    set req.http.X-Cache = "pass";
}

sub vcl_backend_error {
    # No app server answered and there is no copy to serve.
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    synthetic({"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Please try again soon | MS relapse treatments</title></head>
<body><main><h1>This page is not available just now</h1>
<p>The site is having a problem. Please try again in a minute.</p>
<p>If you need medical help, contact your healthcare provider.</p></main></body></html>
"});
    return (deliver);
}
